"""The bridges that carry a search query into the other language, with no translation model.

Dense vectors alone reach cross-language recall@10 0.67 (FIELD-NOTES): the other language's
articles rank low or not at all (`TSMC` never reaches 台积电). Three bridges sit beside them:

* dictionary query translation (`translated`): each query term in the other family's words
  (CC-CEDICT and the names table via `bilingual.translate_query`), matched by the caller
  against the ORIGINAL text of that family's articles; excluded terms are translated too, so
  NOT holds in both languages;
* story expansion (`expand`): a strong word hit brings its story's articles in the other
  language, scored just below it (stories already pair reports and translations of an event);
* a per-family interleave (`interleave`), so a query's own language cannot crowd the other
  out of the first page.

`contains` is how results that no word index matched (vectors, expansion) are held to the
query's words: AND across terms and NOT, in whichever language the article is written.
Everything here is pure; the dictionary loads lazily (0.3 s from its cache).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from .errors import NewsdeskError
from .langs import Family, family, is_chinese
from .models import ParsedQuery, QueryTerm, SearchCandidate, SearchDoc
from .segment import has_han, query_alternatives, query_words, regional_words, to_simplified

log = logging.getLogger("newsdesk.search")

# a term whose translation the dictionary lacks stays as typed: a Latin name or code is often
# written as is in Chinese text, and dropping it would loosen AND into "any of the words"
_WORD = re.compile(r"\w+")


Forms = tuple[tuple[tuple[str, ...], ...], ...]
"""How one term may appear in text: alternatives (ORed), each a tuple of groups (ANDed),
each group a tuple of lowercased strings (ORed): 防务协定 is itself, or defence + pact."""


@dataclass(frozen=True)
class Bridged:
    """A query carried into one language family.

    `query` matches that family's own words; `needed`: whether it differs from the typed
    query (when every term is already in the family, the ordinary lexical search covers it).
    `forms[i]`: how included term i may appear in an article (typed or translated);
    `banned`: every form of every excluded term, for checks on retrieved text;
    `carried[i]`: included term i in that family's words (terms all required; empty when the
    term is already in the family or the dictionary lacks it)."""

    query: ParsedQuery
    needed: bool
    forms: tuple[Forms, ...]
    banned: tuple[str, ...]
    carried: tuple[tuple[QueryTerm, ...], ...] = ()


def _term_family(term: QueryTerm) -> Family:
    return "zh" if has_han(term.text) else "en"


def _as_alternatives(option: str) -> list[tuple[str, ...]]:
    """Index-token alternatives for one dictionary option (a Chinese or an English string)."""
    if has_han(option):
        words = [w for w in query_words(option) if w.strip()]
        if len(words) == 1:
            return word_alternatives(words[0])
        return [tuple(words)] if words else []
    tokens = tuple(w.lower() for w in _WORD.findall(option))
    return [tokens] if tokens else []


def no_stray_char(word: str, alt: tuple[str, ...]) -> bool:
    """False for an alternative made of single characters cut from a longer word (茂, 木,
    敏, 充 anywhere in an article is no match for 茂木敏充); 台积 + 电 still counts."""
    return len(word) == 1 or any(len(t) > 1 for t in alt)


NAME_PHRASE_CHARS = 3
# Characters that stand alone as words all over Chinese text: a two-character query word
# holding one is never matched as the phrase of its characters (们在, 在说).
_FUNCTION_CHARS = frozenset(
    "的了在是和与及或也都就而被把对从向为以于之其这那说有个要会将等中上下不人年月日后前"
    "来去到又再并但还很最已让给由因所如若则且即称据今明昨各每"
)


def word_alternatives(word: str) -> list[tuple[str, ...]]:
    """The index-token alternatives of one Chinese query word (`query_alternatives`),
    single characters cut from it only as one phrase of them all, in order, and only for
    a word of NAME_PHRASE_CHARS or more: an unknown name (三村淳) that the index cut one
    way in one article (官三村淳, the title before it joined) and the query another is
    still found where its characters stand together, never on 三 or 村 alone. A
    two-character word too (卢斯 of 比亚卢斯 where the index holds 卢斯说, 清莱 of 清莱府,
    Hong Kong's 撼栏 in 弯撼栏: the index holds an unknown run's characters too), unless one
    of its characters is a word of its own everywhere (们在 in 人们在说)."""
    out: list[tuple[str, ...]] = []
    for alt in query_alternatives(word):
        if no_stray_char(word, alt):
            out.append(alt)
        elif len(word) >= NAME_PHRASE_CHARS or not set(word) & _FUNCTION_CHARS:
            out.append((" ".join(alt),))  # one token with spaces: FTS5 and PG read a phrase
    return out


def with_regional_forms(word: str) -> list[tuple[str, ...]]:
    """`word_alternatives` of a Chinese query word and of its other regional names: the
    dictionary's (`bilingual.regional_forms`: 尚比亚 finds 赞比亚 and back) and OpenCC's
    Taiwan words (`segment.regional_words`: 勒索軟體 finds 勒索软件 and back)."""
    from .bilingual import regional_forms

    alts = word_alternatives(word)
    others = list(regional_words(word))
    try:
        others += [o for o in regional_forms(word) if o not in others]
    except NewsdeskError:  # no dictionary: OpenCC's words alone
        pass
    for other in others:
        alts += [a for a in word_alternatives(other) if a not in alts]
    return alts


_EN_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’.&]*")


@dataclass
class _Carried:
    """One query term in the target language: `pieces` (each a tuple of ORed options, all
    required), or `covered` by a phrase that an earlier term opened (interest + rates ->
    利率); neither: the dictionary does not know it, or it already is in the target."""

    pieces: list[tuple[str, ...]]
    covered: tuple[str, ...] = ()


def _translations(terms: Sequence[QueryTerm], target: Family) -> list[_Carried]:
    """Each term carried into `target`. Consecutive English words are looked up together,
    so a dictionary phrase spanning them ("interest rates", "coast guard") is found."""
    from .bilingual import translate_query

    out = [_Carried([]) for _ in terms]
    i = 0
    while i < len(terms):
        if _term_family(terms[i]) == target:
            i += 1
        elif has_han(terms[i].text) or terms[i].phrase:
            alts = translate_query(terms[i].text, "zh" if has_han(terms[i].text) else "en")
            out[i].pieces = [a.options for a in alts if a.options]
            i += 1
        else:
            j = i
            while j < len(terms) and not has_han(terms[j].text) and not terms[j].phrase:
                j += 1
            _carry_run(terms, i, j, out)
            i = j
    return out


def _carry_run(terms: Sequence[QueryTerm], i: int, j: int, out: list[_Carried]) -> None:
    """Translate the English terms [i, j) as one text, mapping phrases back to terms."""
    from .bilingual import translate_query

    tokens = [
        (w.strip(".'’").lower(), k)
        for k in range(i, j)
        for w in _EN_WORD.findall(terms[k].text.replace("-", " "))
    ]
    cursor = 0
    for alt in translate_query(" ".join(terms[k].text for k in range(i, j)), "en"):
        words = [w.strip(".'’").lower() for w in _EN_WORD.findall(alt.term.replace("-", " "))]
        start = next(
            (n for n in range(cursor, len(tokens)) if words and tokens[n][0] == words[0]), None
        )
        if start is None or not alt.options:
            continue
        span = sorted({k for _w, k in tokens[start : start + len(words)]})
        cursor = start + len(words)
        out[span[0]].pieces.append(alt.options)
        for k in span[1:]:
            out[k].covered = alt.options


def _index_term(options: tuple[str, ...], typed: QueryTerm | None = None) -> QueryTerm:
    """One dictionary piece as an index term: its options' token alternatives (ORed), with
    the typed term's own when given (TSMC may be written TSMC in Chinese text)."""
    alts = [a for o in options for a in _as_alternatives(o)]
    if typed is not None:
        alts += list(typed.alternatives)
    return QueryTerm(options[0], tuple(dict.fromkeys(a for a in alts if a)))


def _bridge_terms(
    terms: Sequence[QueryTerm], target: Family
) -> tuple[list[QueryTerm], list[Forms], list[tuple[QueryTerm, ...]]]:
    """(terms for the index, forms for text checks, each term's own carried pieces) of
    `terms` in `target`."""
    index_terms: list[QueryTerm] = []
    forms: list[Forms] = []
    carried_terms: list[tuple[QueryTerm, ...]] = []
    for t, carried in zip(terms, _translations(terms, target), strict=True):
        own: Forms = tuple(((" ".join(a).lower(),),) for a in t.alternatives)
        if carried.covered:  # the phrase's index term is on the term that opened it
            forms.append((*own, (tuple(o.lower() for o in carried.covered),)))
            carried_terms.append((_index_term(carried.covered),))
            continue
        if not carried.pieces:  # same family, or unknown to the dictionary: as typed
            index_terms.append(t)
            forms.append(own)
            carried_terms.append(())
            continue
        first = None if has_han(t.text) else t
        pieces = [
            _index_term(options, first if i == 0 else None)
            for i, options in enumerate(carried.pieces)
        ]
        index_terms += pieces
        carried_terms.append(tuple(_index_term(options) for options in carried.pieces))
        translated_form = tuple(tuple(o.lower() for o in options) for options in carried.pieces)
        forms.append((*own, translated_form))
    return index_terms, forms, carried_terms


def translated(query: ParsedQuery, target: Family) -> Bridged:
    """`query` in `target`'s words. Raises DictionaryError (the dictionary cannot load)."""
    terms, forms, carried = _bridge_terms(query.terms, target)
    ex_terms, ex_forms, _ = _bridge_terms(query.excluded, target)
    banned = tuple(
        dict.fromkeys(s for fs in ex_forms for alt in fs for group in alt for s in group)
    )
    needed = any(_term_family(t) != target for t in query.terms)
    q = ParsedQuery(query.text, tuple(dict.fromkeys(terms)), tuple(dict.fromkeys(ex_terms)))
    return Bridged(q, needed, tuple(forms), banned, tuple(carried))


def with_translations(query: ParsedQuery, bridges: Sequence[Bridged]) -> ParsedQuery:
    """`query` whose terms also match, in an article's original text, their dictionary
    translations (`QueryTerm.original`): one full-text query finds both languages, each
    term still required in some form (AND), NOT, phrases and prefixes as typed."""
    terms = []
    for i, t in enumerate(query.terms):
        extra = [
            b.carried[i]
            for b in bridges
            if i < len(b.carried) and b.carried[i] and all(x.alternatives for x in b.carried[i])
        ]
        terms.append(replace(t, original=tuple(dict.fromkeys(extra))) if extra else t)
    return replace(query, terms=tuple(terms))


def with_excluded(query: ParsedQuery, bridges: Sequence[Bridged]) -> ParsedQuery:
    """`query` whose NOT also removes the excluded terms' other-language forms."""
    extra = [t for b in bridges for t in b.query.excluded]
    return replace(query, excluded=tuple(dict.fromkeys([*query.excluded, *extra])))


def _stem(form: str) -> str:
    """A form cut to what English inflections share (signs/signed -> sign), for substring
    checks; Chinese forms are kept whole."""
    if has_han(form) or len(form) <= 4:
        return form
    return form[: max(4, len(form) - 2)]


def _text_of(doc: SearchDoc) -> str:
    text = f"{doc.title}\n{doc.text}\n{doc.title_translated or ''}\n{doc.text_translated}"
    if is_chinese(doc.lang):
        text += "\n" + to_simplified(text)
    return text.lower()


def _has(text: str, form: str) -> bool:
    return all(_stem(w) in text for w in form.split())


def contains(doc: SearchDoc, terms: Sequence[Forms], banned: Sequence[str]) -> bool:
    """Whether the article has every term in some form and no excluded one."""
    text = _text_of(doc)
    if any(b and _has(text, b) for b in banned):
        return False
    return all(
        any(all(any(_has(text, f) for f in group) for group in alt) for alt in forms)
        for forms in terms
    )


# A seed's story-mates in its own language come below those in the other: the query's
# words reach its own language directly, but a report of the event that does not repeat
# them (the spokesman's name, "GDP") is still about it. Recall@10 in the query's language,
# halves a / b / c: 0.939 / 0.944 / 0.945 without them, 0.939 / 0.965 / 0.985 with them at
# 0.9 (0.8 the same, 0.5 c 0.976); across languages 0.895 / 0.934 / 0.954 -> 0.892 / 0.930 /
# 0.951.
SAME_MATE = 0.9


def expand(
    seeds: Sequence[SearchCandidate],
    ranked: Sequence[SearchCandidate],
    mates: Sequence[tuple[int, int, str]],
    story_of: dict[int, int | None],
    lang_of: dict[int, str],
    lead: Family | None = None,
) -> list[SearchCandidate]:
    """`ranked` and the strong hits `seeds`, with each seed's story-mates below it (those
    in the other language first, see SAME_MATE), best first.

    `mates`: (article id, story id, lang) of the seeds' stories. An article found both ways
    keeps the better of its two places."""
    by_story: dict[int, list[tuple[int, str]]] = {}
    for aid, sid, lang in mates:
        by_story.setdefault(sid, []).append((aid, lang))
    best: dict[int, SearchCandidate] = {}
    for c in [*ranked, *seeds]:
        if c.article_id not in best or best[c.article_id].score < c.score:
            best[c.article_id] = c
    for c in seeds:
        story = story_of.get(c.article_id)
        if story is None:
            continue
        fam = family(lang_of.get(c.article_id, ""))
        for n, (aid, lang) in enumerate(by_story.get(story, ())):
            own = family(lang) == fam == (lead or fam)
            score = c.score * ((SAME_MATE if own else 0.98) - 0.01 * n)
            if aid not in best or best[aid].score < score:
                best[aid] = SearchCandidate(aid, score, "semantic", lang)
    return sorted(best.values(), key=lambda c: (-c.score, c.article_id))


# The query's language takes 3 of the first 5 places, then the languages alternate: its own
# words are direct evidence, the other language's (dictionary, vectors, stories) indirect.
# On half a of the labelled corpus (with the tiers below) 5/5 -> 6/4 in the first ten took
# same-language recall@10 from 0.929 to 0.945 for cross-language 0.917 -> 0.904.
LEAD_PATTERN = (0, 1, 0, 0, 1)


def interleave(
    ranked: Sequence[SearchCandidate],
    lang_of: dict[int, str],
    lead: Family | None = None,
    strong: set[int] | None = None,
) -> list[SearchCandidate]:
    """The language families merged, best first, `lead` (the query's own language; by
    default the first result's) leading: LEAD_PATTERN, then alternating.

    `strong`: the hits with strong evidence (words and vectors agree, or a strong word hit's
    story brought them); they all come before the rest, so a language takes places beyond its
    strong hits only when the other has none left. Among the rest, a language's word hits
    come before its vector hits: a rare name's nearest vectors are other stories
    ("Harutyunyan" brought a landslide and a stock exchange before the article naming him:
    blind half bp). Scores are capped to stay non-increasing down the list (the order is the
    ranking)."""
    if strong is None:
        merged = _merge(ranked, lang_of, lead, LEAD_PATTERN)
    else:
        first = [c for c in ranked if c.article_id in strong]
        rest = [c for c in ranked if c.article_id not in strong]
        rest.sort(key=lambda c: c.matched == "semantic")  # stable: word hits first
        merged = _merge(first, lang_of, lead, LEAD_PATTERN) + _merge(rest, lang_of, lead, ())
    out: list[SearchCandidate] = []
    for c in merged:
        if out and c.score > out[-1].score:
            c = replace(c, score=out[-1].score)
        out.append(c)
    return out


def _merge(
    ranked: Sequence[SearchCandidate],
    lang_of: dict[int, str],
    lead: Family | None,
    pattern: tuple[int, ...],
) -> list[SearchCandidate]:
    queues: dict[str, list[SearchCandidate]] = {}
    if lead is not None:
        queues[lead] = []
    for c in ranked:
        queues.setdefault(family(lang_of.get(c.article_id, c.lang)), []).append(c)
    order = [queues[f] for f in queues]
    out: list[SearchCandidate] = []
    i = 0
    while any(order):
        turn = pattern[i] if i < len(pattern) else i - len(pattern)
        q = order[turn % len(order)]
        if not q:  # that language has nothing left: the next one takes the place
            q = next(x for x in order if x)
        out.append(q.pop(0))
        i += 1
    return out
