"""Bilingual search: query parsing, rank fusion and result assembly (no SQL here).

One query finds both languages three ways: the original text (FTS5 over jieba-segmented,
Simplified-folded text), the machine translation (indexed beside it), and the multilingual
vectors (top-k of EACH language, since a query's nearest neighbours are otherwise all in its
own language), plus the query translated by dictionary and matched against the other
language's own words (search_cross, search_bridge) in the same full-text query: one MATCH
per search, whose hits are split by language family. The lists are fused by reciprocal-rank
fusion; a strong word hit's story brings its other-language articles (and, lower, those of
its related stories), and the two language families are interleaved so neither crowds the
other out, the other language taking places by its strong evidence (words and vectors
agree, or a story brought it). Each result says which way it was found (`matched`: a
dictionary hit on the original text is "original", a story-mate "semantic"). Measured on
the labelled corpus: tests/test_search_eval.py.

Query syntax, kept small and forgiving: words are ANDed, per article, then (when too few
articles have them all) per story, its articles ranked after those; "quoted words" are a
phrase, always in the article (an unbalanced quote runs to the end); -word or NOT word
excludes an article, in both languages; a OR b; word* is a prefix. Chinese is cut by jieba
with curated names whole (台积电), function words (在, 的, 什么) are not required, and no
single character of a longer word stands for it. --lang zh means either script; --lang
applies to what an article is about (its story may be found through the other language).
Everything else (FTS5 operators, column filters, ^, NEAR) is searched as literal text:
storage builds the MATCH from quoted tokens, never from raw input.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from . import search_bridge as bridge
from .errors import NewsdeskError, UsageError
from .langs import HAN_CLASS, Family, expand_filter, family
from .models import ParsedQuery, QueryTerm, SearchCandidate, SearchDoc, SearchFilters, SearchHit
from .search_bridge import with_regional_forms
from .search_cross import (
    ALL_BRIDGES,
    EXPAND_FROM,
    Bridges,
    allowed,
    banned_forms,
    bridged_queries,
    by_family,
    expand_stories,
    held_to_words,
    lead_language,
    lead_of,
    seeds_of,
    story_word_hits,
    strong_hits,
    wanted,
    word_hits,
)
from .search_cross import (
    fuse as fuse,  # public here (tests, callers), defined beside its users
)
from .segment import has_han, query_words, to_simplified
from .snippets import snippet

if TYPE_CHECKING:
    from .app import App

log = logging.getLogger("newsdesk.search")

MAX_TERMS = 32
# per language family; on the labelled corpus 5 -> 8 took cross-language recall@10 from
# 0.65 to 0.75 for a precision@10 of 0.53 instead of 0.57
SEMANTIC_PER_LANG = 8
# English function words: required as AND terms they make natural-language queries fail
_STOP = frozenset(
    "a an the and or of in on at to for from by with about between into over as is are was "
    "were be been it its this that these those what which who how why when where".split()
)
# Chinese function and question words: required as AND terms they match almost every
# article (人们在说什么 matched six unrelated articles on 在)
_ZH_STOP = frozenset(
    "的 了 在 是 和 与 及 或 也 都 就 而 被 把 对 从 向 为 以 于 之 其 这 那 这个 那个 这些 "
    "那些 什么 怎么 怎样 如何 为什么 哪 哪些 哪里 谁 吗 呢 吧 啊 说 有 没有 一个 关于 "
    "正在 还是 以及".split()
)
_CHUNK = re.compile(r'(-?)"([^"]*)"?|(\S+)')
_HAN_SPLIT = re.compile(f"([{HAN_CLASS}]+)")


def _searchable(part: str) -> bool:
    return any(ch.isalnum() for ch in part)


def _zh_query_words(run: str) -> list[str]:
    """A Chinese run's words, names whole: jieba alone cuts 台积电 into 台积 + 电."""
    from .bilingual import zh_words

    try:
        return zh_words(run)
    except NewsdeskError:  # no dictionary: jieba's cut
        return query_words(run)


def _terms_of(chunk: str, phrase: bool, prefix: bool) -> list[QueryTerm]:
    """The terms of one chunk: each Chinese word is a term, other text one term per part."""
    terms: list[QueryTerm] = []
    for i, part in enumerate(_HAN_SPLIT.split(chunk)):
        if not part:
            continue
        if i % 2 == 1:  # a Han run
            for word in _zh_query_words(part):
                if _searchable(word):
                    # never a single character cut from a longer word (木 of 茂木敏充)
                    terms.append(QueryTerm(word, tuple(with_regional_forms(word))))
            continue
        if not _searchable(part):
            continue
        text = " ".join(re.findall(r"\w+", part)) if phrase else part
        is_phrase = phrase and len(text.split()) > 1
        terms.append(QueryTerm(text, ((text,),), phrase=is_phrase))
    if prefix and terms and not terms[-1].phrase and not has_han(terms[-1].text):
        terms[-1] = replace(terms[-1], prefix=True)
    return terms


def parse_query(text: str) -> ParsedQuery:
    """Parse what the user typed; raises UsageError (exit 2) when nothing is searchable."""
    # control characters (NUL included) are never part of a word; FTS5 rejects some of them
    text = "".join(ch if ch.isprintable() else " " for ch in (text or "")).strip()
    groups: list[tuple[bool, list[QueryTerm]]] = []  # (excluded, terms of one chunk)
    together: list[str] = []
    negate_next = or_next = False
    for m in _CHUNK.finditer(text):
        neg, quoted, bare = m.group(1), m.group(2), m.group(3)
        if bare in ("AND", "OR", "NOT"):
            or_next = or_next or bare == "OR"
            negate_next = negate_next or bare == "NOT"
            continue
        excluded = negate_next
        if quoted is not None:
            terms = _terms_of(quoted, phrase=True, prefix=False)
            excluded = excluded or bool(neg)
        else:
            assert bare is not None
            if bare.startswith("-") and _searchable(bare[1:]):
                excluded, bare = True, bare[1:]
            terms = _terms_of(bare.rstrip("*"), phrase=False, prefix=bare.endswith("*"))
        if not terms:
            negate_next = or_next = False
            continue
        if not excluded:
            runs = _HAN_SPLIT.split(quoted if quoted is not None else bare)[1::2]
            together += [to_simplified(r) for r in runs if len(query_words(r)) > 1]
        prev = groups[-1] if groups else None
        if (
            or_next
            and prev is not None
            and prev[0] == excluded
            and len(prev[1]) == 1
            and len(terms) == 1
            and prev[1][0].phrase == terms[0].phrase
            and prev[1][0].prefix == terms[0].prefix
        ):
            a, b = prev[1][0], terms[0]
            prev[1][0] = QueryTerm(f"{a.text} {b.text}", a.alternatives + b.alternatives, a.phrase)
            prev[1][0] = replace(prev[1][0], prefix=a.prefix)
        else:
            groups.append((excluded, terms))
        negate_next = or_next = False
    include = [t for ex, ts in groups if not ex for t in ts]
    content = [
        t
        for t in include
        if t.phrase or t.prefix or (t.text.lower() not in _STOP and t.text not in _ZH_STOP)
    ]
    include = content or include  # "the who" still searches for something
    exclude = [t for ex, ts in groups if ex for t in ts]
    if not include:
        raise UsageError(
            "nothing to search for in the query" if not text else f"nothing searchable in {text!r}"
        )
    if len(include) + len(exclude) > MAX_TERMS:
        raise UsageError(f"query has more than {MAX_TERMS} terms; shorten it")
    return ParsedQuery(
        text,
        tuple(dict.fromkeys(include)),
        tuple(dict.fromkeys(exclude)),
        tuple(dict.fromkeys(together)),
    )


def _has_runs(doc: SearchDoc | None, runs: Sequence[str]) -> bool:
    if doc is None:
        return False
    original = doc.title + "\n" + doc.text
    if doc.lang == "zh-Hant":
        original = to_simplified(original)
    whole = original + "\n" + (doc.title_translated or "") + "\n" + doc.text_translated
    return all(r in whole for r in runs)


def relaxed(query: ParsedQuery) -> ParsedQuery:
    """The same words with OR instead of AND (a phrase stays a phrase)."""
    alts = tuple(
        alt if not (t.phrase or t.prefix) else (" ".join(alt),)
        for t in query.terms
        for alt in t.alternatives
        if not (has_han(t.text) and len(t.text) == 1)  # 说 alone matches everything
    )
    return ParsedQuery(query.text, (QueryTerm(query.text, alts),), query.excluded)


# what the model embeds is cut to this many characters: a 100,000-character query must not
# be embedded whole (the model windows long input; seconds of CPU for no better result)
MAX_VECTOR_CHARS = 500


def _query_vector_text(query: ParsedQuery) -> str:
    """What the model embeds: the wanted words, Chinese words re-joined (as written), cut
    to MAX_VECTOR_CHARS."""
    out = ""
    for t in query.terms:
        glue = "" if out and has_han(out[-1]) and has_han(t.text[:1]) else " "
        out = out + glue + t.text if out else t.text
        if len(out) >= MAX_VECTOR_CHARS:
            break
    return out[:MAX_VECTOR_CHARS]


def _semantic(app: App, query: ParsedQuery, filters: SearchFilters) -> list[SearchCandidate]:
    embedder = app.embedder
    if embedder is None:
        from .embed import DIM, MODEL_NAME

        if not app.storage.has_vectors(MODEL_NAME, DIM):
            return []  # nothing embedded: do not pay for loading the model
        from .embed import get_embedder

        embedder = get_embedder()
    elif not app.storage.has_vectors(embedder.model_name, embedder.dim):
        return []
    vec = embedder.query(_query_vector_text(query))
    result: list[SearchCandidate] = app.storage.search_semantic(
        vec, embedder.model_name, filters, SEMANTIC_PER_LANG
    )
    return result


def _lexical(
    app: App,
    words: ParsedQuery,
    bridged: dict[Family, bridge.Bridged],
    filters: SearchFilters,
    want: int,
) -> tuple[list[SearchCandidate], list[SearchCandidate], frozenset[int]]:
    """(word hits of every language, those the filters want, the stories holding every
    word when single articles fell short), best first."""
    found = word_hits(app, words, bridged, filters, max(want, 50))
    lexical = wanted(found, filters)
    stories: frozenset[int] = frozenset()
    if len(lexical) < want:  # after them, the articles whose story has every word
        more, stories = story_word_hits(app, words, bridged, filters, {c.article_id for c in found})
        found, lexical = found + more, lexical + wanted(more, filters)
    loose = relaxed(words)
    if len(lexical) < want and len(words.terms) >= 3 and loose.terms[0].alternatives:
        # a long query rarely has every word in one article: rank articles with any of
        # them by bm25 (more of the words, rarer words: higher) after the exact matches
        seen = {c.article_id for c in lexical}
        more = app.storage.search_lexical_langs(loose, filters, max(want, 50))
        lexical += [c for c in wanted(more, filters) if c.article_id not in seen]
    return found, lexical, stories


def search(
    app: App,
    text: str,
    filters: SearchFilters | None = None,
    limit: int = 20,
    semantic: bool = True,
    group: str | None = None,
    bridges: Bridges = ALL_BRIDGES,
) -> list[SearchHit]:
    """Ranked results, one per (deduplicated) article; `group="story"` keeps the best
    article of each story. Raises UsageError for an unsearchable query."""
    filters = filters or SearchFilters()
    filters = replace(filters, langs=expand_filter(filters.langs))  # zh: either script
    query = parse_query(text)
    want = limit * (3 if group == "story" else 1)
    # both families, whatever --lang says: a story is found through either language
    every = bridged_queries(app, query, SearchFilters(), bridges)
    bridged = {f: b for f, b in every.items() if allowed(f, filters)}
    query = bridge.with_excluded(query, list(every.values()))
    found, lexical, whole = _lexical(app, query, every, filters, want)
    seeds: list[SearchCandidate] = []
    if bridges.expansion and filters.langs:
        # --lang applies to what an article is about: the story is found in any
        # language, then its articles in the wanted one join
        seeds = seeds_of(found)
    docs: dict[int, SearchDoc] = {}
    if query.together and lexical:
        docs = _fetch(app, docs, [c.article_id for c in [*lexical, *seeds]])
        lexical.sort(key=lambda c: not _has_runs(docs.get(c.article_id), query.together))
    lists = by_family(lexical, max(want, 50))
    dense = _semantic_lists(app, query, filters) if semantic else []
    fused = fuse(lists + dense)
    if bridges.expansion and not filters.langs:
        seeds = [c for c in fused if c.matched != "semantic"][:EXPAND_FROM]
    docs = _fetch(app, docs, [c.article_id for c in [*fused[: want * 2], *seeds]])
    fused = held_to_words(fused, docs, query, bridged, whole)
    strong = strong_hits(lists, dense)
    if bridges.expansion:
        before = {c.article_id: c.score for c in fused}
        banned = banned_forms(query, bridged)
        related: set[int] = set()  # a related story's article is no strong hit
        phrases = [t.text for t in query.terms if t.phrase]
        lead = lead_of(query)
        fused = expand_stories(app, fused, seeds, docs, filters, lead, banned, phrases, related)
        strong |= {  # a story-mate of a strong word hit
            c.article_id
            for c in fused
            if c.matched == "semantic" and c.score > before.get(c.article_id, -1.0)
        } - related
    if bridges.quota and len({family(d.lang) for d in docs.values()}) > 1:
        lead = lead_language(lexical, query)
        fused = bridge.interleave(fused, {i: d.lang for i, d in docs.items()}, lead, strong)
    return _hits(fused, docs, query, limit, group)


def _fetch(app: App, docs: dict[int, SearchDoc], ids: list[int]) -> dict[int, SearchDoc]:
    """`docs` with the documents of `ids` it lacks (one storage read)."""
    missing = [i for i in dict.fromkeys(ids) if i not in docs]
    docs.update((d.id, d) for d in app.storage.search_docs(missing))
    return docs


def _semantic_lists(
    app: App, query: ParsedQuery, filters: SearchFilters
) -> list[list[SearchCandidate]]:
    """One list per language family: zh and zh-Hant share the Chinese list."""
    by_family: dict[str, list[SearchCandidate]] = {}
    try:
        found = _semantic(app, query, filters)
    except (ImportError, OSError, RuntimeError) as exc:  # model unusable: words still work
        log.warning("semantic search unavailable (%s); lexical results only", exc)
        found = []
    for c in found:
        by_family.setdefault(family(c.lang), []).append(c)
    return [
        sorted(by_family[fam], key=lambda c: -c.score)[:SEMANTIC_PER_LANG]
        for fam in sorted(by_family)
    ]


def _hits(
    fused: list[SearchCandidate],
    docs: dict[int, SearchDoc],
    query: ParsedQuery,
    limit: int,
    group: str | None,
) -> list[SearchHit]:
    words = query.highlight
    hits: list[SearchHit] = []
    seen_stories: set[int] = set()
    for c in fused:
        doc = docs.get(c.article_id)
        if doc is None:
            continue
        if group == "story" and doc.story_id is not None:
            if doc.story_id in seen_stories:
                continue
            seen_stories.add(doc.story_id)
        if c.matched == "translation" and (doc.text_translated or doc.title_translated):
            snip = snippet(doc.text_translated or doc.title_translated or "", words)
        else:
            snip = snippet(doc.text or doc.title, words)
        hits.append(
            SearchHit(
                id=doc.id,
                url=doc.url,
                urls=doc.urls,
                title=doc.title,
                title_translated=doc.title_translated,
                lang=doc.lang,
                feed=doc.feed,
                published=doc.published,
                story_id=doc.story_id,
                score=c.score,
                snippet=snip,
                matched=c.matched,
            )
        )
        if len(hits) >= limit:
            break
    return hits
