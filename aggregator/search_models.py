"""Frozen dataclasses of search: a parsed query, filters, each retriever's candidates, the
documents and hits built from them. Split from `models` (which re-exports every name) so
that each module stays one subject; datetimes are UTC-aware.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class QueryTerm:
    """One required (or excluded) part of a search query.

    `alternatives`: ways the term may match; each is a tuple of index tokens that must all
    be present (or, when `phrase`, appear in that order). `prefix`: the last token is a prefix.
    `text` is what the user typed, for highlighting. `original`: further ways, in an
    article's ORIGINAL title and body only (the term in the other language's own words, from
    the dictionary: a machine translation is no evidence for them); each a tuple of terms
    that must all be present.
    """

    text: str
    alternatives: tuple[tuple[str, ...], ...]
    phrase: bool = False
    prefix: bool = False
    original: tuple[tuple[QueryTerm, ...], ...] = ()


@dataclass(frozen=True)
class ParsedQuery:
    text: str
    terms: tuple[QueryTerm, ...]
    excluded: tuple[QueryTerm, ...] = ()
    # Chinese typed as one run but cut into several words (防务协定): articles having the
    # run itself rank first among word matches
    together: tuple[str, ...] = ()

    @property
    def highlight(self) -> tuple[str, ...]:
        """Strings to mark in snippets, longest first: each term and the pieces of its
        alternatives, except single characters cut from a longer word (木 of 茂木敏充)."""
        words = {
            t
            for term in self.terms
            for alt in term.alternatives
            for t in alt
            if len(t) > 1 or t == term.text
        }
        words |= {term.text for term in self.terms if term.phrase}
        return tuple(sorted(words, key=lambda w: (-len(w), w)))


@dataclass(frozen=True)
class SearchFilters:
    """Result filters; `until` is exclusive (the CLI turns an inclusive date into the next
    midnight UTC). Feed names and tags select articles carried by any matching feed."""

    langs: tuple[str, ...] = ()
    since: datetime | None = None
    until: datetime | None = None
    feeds: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    story_id: int | None = None


@dataclass(frozen=True)
class SearchCandidate:
    """One article found by one retriever; `score` is higher-is-better within its list."""

    article_id: int
    score: float
    matched: str  # original | translation | semantic
    lang: str = ""
    # the words as typed are in a title, original or translated (which language leads)
    in_title: bool = False


@dataclass(frozen=True)
class SearchDoc:
    """What a result needs from storage: the article, its translation, where it came from."""

    id: int
    url: str | None
    urls: tuple[str, ...]
    title: str
    text: str  # summary + body, original
    title_translated: str | None
    text_translated: str  # summary + body translations
    lang: str
    feed: str
    published: datetime | None
    story_id: int | None


@dataclass(frozen=True)
class SearchHit:
    id: int
    url: str | None
    urls: tuple[str, ...]
    title: str
    title_translated: str | None
    lang: str
    feed: str
    published: datetime | None
    story_id: int | None
    score: float
    snippet: str
    matched: str  # original | translation | semantic
