"""The cross-language steps of a search, with no translation model (see search_bridge).

search() runs them in this order: the query carried into each language family by the
dictionary (`bridged_queries`), one full-text query whose terms also match their
translations in the other language's own words (`word_hits`, one list per family), when
that finds too few the articles whose story holds every word (`story_word_hits`), vector
hits held to the query's words in any language or through their story (`held_to_words`),
then story expansion from the strongest word hits (`seeds_of`, `expand_stories`). Each
step but the story-level AND can be turned off (`Bridges`) to measure what it adds. The
lists are fused by reciprocal rank (`fuse`).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from . import search_bridge as bridge
from .errors import NewsdeskError
from .langs import HAN_RUN, Family, family
from .models import ParsedQuery, SearchCandidate, SearchDoc, SearchFilters
from .segment import has_han

if TYPE_CHECKING:
    from .app import App

log = logging.getLogger("newsdesk.search")


@dataclass(frozen=True)
class Bridges:
    """Which cross-language bridges run (all of them by default; the evaluation turns them
    off one by one to measure what each adds)."""

    dictionary: bool = True
    quota: bool = True
    expansion: bool = True


ALL_BRIDGES = Bridges()
# a hit among the first EXPAND_FROM word matches brings its story's other-language articles
EXPAND_FROM = 5
# story-level AND looks at each word's newest STORY_CAP matches: the read's cost is about
# linear in it (100k benchmark archive, stories of 8, two-word queries, p50/p95 ms: 2000 ->
# 12.9/20.0, 1000 -> 7.0/11.7, 500 -> 3.6/5.4); a fallback for recent events needs no more
STORY_CAP = 1000


RRF_K = 60


def fuse(lists: Sequence[Sequence[SearchCandidate]], k: int = RRF_K) -> list[SearchCandidate]:
    """Reciprocal-rank fusion: score = sum of 1/(k + rank) over the lists an article is in.

    The first list that has an article decides `matched` (pass the lexical list first: a
    word match is the more telling explanation)."""
    score: dict[int, float] = {}
    first: dict[int, SearchCandidate] = {}
    for lst in lists:
        for rank, c in enumerate(lst, start=1):
            score[c.article_id] = score.get(c.article_id, 0.0) + 1.0 / (k + rank)
            first.setdefault(c.article_id, c)
    order = sorted(score, key=lambda a: (-score[a], a))
    return [replace(first[a], score=round(score[a], 6)) for a in order]


def bridged_queries(
    app: App, query: ParsedQuery, filters: SearchFilters, bridges: Bridges
) -> dict[Family, bridge.Bridged]:
    """The query carried into each language family the filters allow."""
    if not bridges.dictionary:
        return {}
    out: dict[Family, bridge.Bridged] = {}
    for fam in ("en", "zh"):
        if filters.langs and not any(family(lang) == fam for lang in filters.langs):
            continue
        try:
            out[fam] = bridge.translated(query, fam)
        except NewsdeskError as exc:  # dictionary unusable: the other retrievers still run
            log.warning("dictionary bridge unavailable (%s)", exc)
            return {}
    return out


def word_hits(
    app: App,
    query: ParsedQuery,
    bridged: dict[Family, bridge.Bridged],
    filters: SearchFilters,
    want: int,
) -> list[SearchCandidate]:
    """Every language's best word matches, from ONE full-text query: each typed term in any
    column, or its dictionary translation in an article's original text (an English word
    finds a Chinese article by its own Chinese words), ANDed across terms. Languages outside
    `filters.langs` are included: a --lang search takes its story seeds from them."""
    words = bridge.with_translations(query, list(bridged.values()))
    found: list[SearchCandidate] = app.storage.search_lexical_langs(words, filters, want)
    return found


def story_word_hits(
    app: App,
    query: ParsedQuery,
    bridged: dict[Family, bridge.Bridged],
    filters: SearchFilters,
    have: set[int],
) -> tuple[list[SearchCandidate], frozenset[int]]:
    """Story-level AND, the fallback when too few single articles have every word: the
    articles (not in `have`) whose story holds every word, each in some article of it, in
    either language and through the same dictionary forms as `word_hits`; NOT and phrases
    stay per article. Those with more of the words themselves first, then the newest.
    Returns them and the stories that hold every word (vector hits may lean on those).
    One storage read; none for a one-word query or one of phrases only."""
    if len(query.terms) < 2 or all(t.phrase for t in query.terms):
        return [], frozenset()
    words = bridge.with_translations(query, list(bridged.values()))
    stories = app.storage.search_story_words(words, filters, STORY_CAP)
    hits = [c for cs in stories.values() for c in cs if c.article_id not in have]
    hits.sort(key=lambda c: (-c.score, -c.article_id))
    return hits, frozenset(stories)


def wanted(found: list[SearchCandidate], filters: SearchFilters) -> list[SearchCandidate]:
    return [c for c in found if not filters.langs or c.lang in filters.langs]


def by_family(found: list[SearchCandidate], limit: int) -> list[list[SearchCandidate]]:
    """One list per language family (zh and zh-Hant share one), order kept, `limit` each:
    fusion then ranks each language's word hits by their rank in their own language."""
    out: dict[str, list[SearchCandidate]] = {}
    for c in found:
        lst = out.setdefault(family(c.lang), [])
        if len(lst) < limit:
            lst.append(c)
    return [out[f] for f in sorted(out)]


def allowed(fam: Family, filters: SearchFilters) -> bool:
    return not filters.langs or any(family(lang) == fam for lang in filters.langs)


def lead_of(query: ParsedQuery) -> Family | None:
    """The query's own language family, None for a query mixing both."""
    fams = {"zh" if has_han(t.text) else "en" for t in query.terms}
    return fams.pop() if len(fams) == 1 else None  # type: ignore[return-value]


def lead_language(lexical: list[SearchCandidate], query: ParsedQuery) -> Family | None:
    """The language of the best match of the typed words in a title (a title hit through
    its machine translation still outranks a body hit), else of the best typed-word match,
    else the query's own. A match in the other language's original text may be the
    dictionary's, so it does not count."""
    own = lead_of(query)
    typed = [
        c
        for c in lexical
        if own is None or family(c.lang) == own or c.matched != "original" or c.in_title
    ]
    best = next((c for c in typed if c.in_title), typed[0] if typed else None)
    return family(best.lang) if best is not None else own


def strong_hits(words: list[list[SearchCandidate]], dense: list[list[SearchCandidate]]) -> set[int]:
    """Hits with strong evidence: found by words AND by vectors (by words alone when no
    vector search ran). A word hit the vectors do not back, or a vector hit no word backs,
    takes a place only after every strong hit of the other language."""
    found = {c.article_id for lst in words for c in lst}
    if not any(dense):
        return found
    return found & {c.article_id for lst in dense for c in lst}


def banned_forms(query: ParsedQuery, bridged: dict[Family, bridge.Bridged]) -> list[str]:
    """Every form of every excluded term, typed or translated (for checks on text)."""
    banned = {w.lower() for t in query.excluded for alt in t.alternatives for w in alt}
    banned |= {w for b in bridged.values() for w in b.banned}
    return sorted(banned)


def held_to_words(
    fused: list[SearchCandidate],
    docs: dict[int, SearchDoc],
    query: ParsedQuery,
    bridged: dict[Family, bridge.Bridged],
    stories: frozenset[int] = frozenset(),
) -> list[SearchCandidate]:
    """Vector hits must honour NOT in either language, and AND when the query has several
    words (`台积电 菲律宾` must not list articles with one of them): a word index did not
    vouch for them. A one-word query keeps its nearest neighbours (synonyms, the other
    script, the other language); one typed run of Chinese cut into words (存款保險) is one
    concept, and its neighbours need one of its words (存款担保, "deposits"). A hit in one
    of `stories` (those holding every word: story_word_hits) needs only the query's phrases
    itself."""
    banned = banned_forms(query, bridged)
    forms: list[bridge.Forms] = [
        tuple(((" ".join(a).lower(),),) for a in t.alternatives) for t in query.terms
    ]
    for b in bridged.values():  # the same terms, in order, with their translations
        forms = [(*mine, *theirs) for mine, theirs in zip(forms, b.forms, strict=True)]
    need = forms if len(query.terms) > 1 else []
    phrases = [f for f, t in zip(forms, query.terms, strict=True) if t.phrase]
    # typed as one run of Chinese characters (no space, quote or operator)
    compound = bool(need) and HAN_RUN.fullmatch(query.text.strip()) is not None
    out = []
    for c in fused:
        doc = docs.get(c.article_id)
        if doc is None:
            continue
        if c.matched == "semantic":
            if doc.story_id in stories:
                held = bridge.contains(doc, phrases, banned)
            elif compound:
                held = any(bridge.contains(doc, [f], banned) for f in need)
            else:
                held = bridge.contains(doc, need, banned)
            if not held:
                continue
        out.append(c)
    return out


def seeds_of(found: list[SearchCandidate]) -> list[SearchCandidate]:
    """The best word matches in any language (`found`: word_hits before the --lang filter)."""
    return fuse(by_family(found, EXPAND_FROM))[:EXPAND_FROM]


def _holds_phrases(doc: SearchDoc, phrases: Sequence[str]) -> bool:
    """Whether `doc` holds each phrase written in its own language family (a phrase in the
    other language says nothing about it)."""
    from .segment import has_han, to_simplified

    text = f"{doc.title}\n{doc.text}\n{doc.title_translated or ''}\n{doc.text_translated}"
    mine = family(doc.lang)
    for phrase in phrases:
        if (family("zh") if has_han(phrase) else family("en")) != mine:
            continue
        if has_han(phrase):
            if to_simplified(phrase) not in to_simplified(text).replace(" ", ""):
                return False
        elif " ".join(phrase.lower().split()) not in " ".join(text.lower().split()):
            return False
    return True


def _mate_holds(doc: SearchDoc, banned: list[str] | None, phrases: Sequence[str]) -> bool:
    """A mate (of the seed's story or a related one) has none of the `banned` forms (NOT
    holds per article) and holds each phrase written in its own language."""
    if banned and not bridge.contains(doc, [], banned):
        return False
    return not phrases or _holds_phrases(doc, phrases)


# Related expansion: the other-language articles of stories related to a seed's story (at
# least this related-coverage score) join below the seed's own mates, at this share of its
# score, never as strong hits. A person or a company is often the subject of several
# events of one situation (a group game, the semifinal, the final), but a story holds one
# event. On the labelled corpus (search_eval): cross-language recall@10 b 0.930 -> 0.954,
# d 0.936 -> 0.949, e 0.894 -> 0.916, f 0.852 -> 0.896, a 0.892 -> 0.891, c unchanged; with
# --lang b 0.960 -> 0.985, d 0.958 -> 0.969, e 0.917 -> 0.943, f 0.909 -> 0.947; --lang MRR
# within 0.01 (a 0.974 -> 0.967); same-language recall unchanged. 0.25 costs a and c.
RELATED_EXPAND_MIN = 0.3
RELATED_MATE = 0.8


def _related_mates(
    app: App,
    stories: list[int],
    seeds: list[SearchCandidate],
    docs: dict[int, SearchDoc],
    filters: SearchFilters,
    banned: list[str] | None,
    phrases: Sequence[str],
) -> list[tuple[SearchDoc, int]]:
    """(document, seed story) of the related stories' articles in a language family none
    of the seeds of that story is in, held to NOT and phrases like story mates
    (`_mate_holds`)."""
    if not stories or RELATED_EXPAND_MIN > 1.0:
        return []
    related = app.storage.related_stories(stories, RELATED_EXPAND_MIN)
    if not related:
        return []
    fams: dict[int, set[str]] = {}
    for c in seeds:
        if (sid := docs[c.article_id].story_id) is not None:
            fams.setdefault(sid, set()).add(family(docs[c.article_id].lang))
    out: list[tuple[SearchDoc, int]] = []
    for d in app.storage.story_docs(sorted(related), filters):
        seed_story = related.get(d.story_id) if d.story_id is not None else None
        if seed_story is None or family(d.lang) in fams.get(seed_story, set()):
            continue
        if not _mate_holds(d, banned, phrases):
            continue
        docs.setdefault(d.id, d)
        out.append((d, seed_story))
    return out


def expand_stories(
    app: App,
    fused: list[SearchCandidate],
    seeds: list[SearchCandidate],
    docs: dict[int, SearchDoc],
    filters: SearchFilters,
    lead: Family | None,
    banned: list[str] | None = None,
    phrases: Sequence[str] = (),
    related_out: set[int] | None = None,
) -> list[SearchCandidate]:
    """Each seed's story-mates (that pass the filters and have none of the `banned` forms:
    NOT holds per article) join below it, the other language's first. A mate in a
    phrase's own language must hold the phrase, as a word hit must. Then the other-language
    articles of related stories (`_related_mates`), lower; their ids go to `related_out`
    (they are no strong hits). Raises StorageError."""
    new = [c.article_id for c in seeds if c.article_id not in docs]
    docs.update((d.id, d) for d in app.storage.search_docs(new))
    seeds = [c for c in seeds if c.article_id in docs]
    stories = sorted({s for c in seeds if (s := docs[c.article_id].story_id) is not None})
    mate_docs = app.storage.story_docs(stories, filters) if stories else []
    mate_docs = [d for d in mate_docs if _mate_holds(d, banned, phrases)]
    for d in mate_docs:
        docs.setdefault(d.id, d)
    mates = [(d.id, d.story_id, d.lang) for d in mate_docs if d.story_id is not None]
    related_mates = _related_mates(app, stories, seeds, docs, filters, banned, phrases)
    mates += [(d.id, seed_story, d.lang) for d, seed_story in related_mates]
    related_ids = {d.id for d, _ in related_mates}
    wanted = set(filters.langs)
    out = bridge.expand(
        seeds,
        fused,
        mates,
        {i: d.story_id for i, d in docs.items()},
        {i: d.lang for i, d in docs.items()},
        lead,
    )
    related_ids -= {c.article_id for c in [*fused, *seeds]}  # found directly as well
    if related_out is not None:
        related_out.update(related_ids)
    out = [
        replace(c, score=c.score * RELATED_MATE) if c.article_id in related_ids else c for c in out
    ]
    out.sort(key=lambda c: (-c.score, c.article_id))
    # a seed outside the wanted languages only lends its score to its mates
    return [c for c in out if not wanted or docs[c.article_id].lang in wanted]
