"""A dictionary bridge between English and Chinese: query translation and shared concept keys.

Multilingual embeddings alone leave cross-language search at recall@10 0.67 (FIELD-NOTES):
`TSMC` does not reach 台积电. This module adds a second, lexical bridge that needs no
translation model: CC-CEDICT plus a curated names table (`aggregator/cedict.py` loads and
caches them). Everything here is a pure function over the loaded dictionary:

* `translate_query` turns a query into per-term alternatives in the other language, for a
  search that ORs alternatives within a term and ANDs across terms;
* `concepts` maps an article's informative words, names, numbers and dates onto
  language-independent keys, so an English and a Chinese report of one event overlap.

jieba and the dictionary load lazily on first use (jieba about a second, the dictionary
0.3 s from its cache, a few seconds the first time).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from .cedict import Dictionary, dictionary, fold_phrase, fold_word
from .segment import has_han

Lang = Literal["en", "zh", "zh-Hant", "other"]

MAX_OPTIONS = 4  # headwords (each with its Traditional forms) per English term
MAX_GLOSSES = 4  # English terms per Chinese word
MAX_PHRASE = 4  # words in the longest English phrase looked up
CONCEPT_FANOUT = 4  # an English term with more headwords than this is too vague to link on
NAME_CHARS = 3  # shortest dictionary name kept whole in a query (`_with_names`)
REGIONAL_FANOUT = 3  # ... and, for a place's regional names (`regional_forms`), to search by
COMMON_FREQ = 60_000  # jieba frequency above which a word is too common to be evidence

_EN_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’.&]*")
_LATIN_RUN = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’.&\- ]*[A-Za-z0-9]|[A-Za-z]")
_HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff·—\-]+")
_CODE = re.compile(r"^(?=.*[0-9])[A-Za-z0-9]+$|^[A-Z][A-Z0-9&]{1,7}$")
_STOPWORDS = frozenset(
    "a an the and or but nor of in on at to for from by with without about into onto over under "
    "after before during since until as than then so if is are was were be been being am do does "
    "did has have had having will would shall should can could may might must not no yes it its "
    "this that these those there here he she they we you i me him her them us our your their his "
    "my mine what which who whom whose when where why how all any both each few more most other "
    "some such only own same too very just also said says say new one two three first last next "
    "up down out off again further once per via amid against between among while would".split()
)
_PAIR = re.compile(r"\w-[A-Z]| and [A-Z]")
# Single-character country abbreviations that Chinese headlines compound (日菲, 韩日, 中美):
# the compound names two countries, and an English article names them separately.
_COUNTRY_ABBR = {
    "中": "China",
    "美": "United States",
    "日": "Japan",
    "韩": "South Korea",
    "朝": "North Korea",
    "菲": "Philippines",
    "越": "Vietnam",
    "印": "India",
    "澳": "Australia",
    "俄": "Russia",
    "英": "United Kingdom",
    "法": "France",
    "德": "Germany",
    "欧": "European Union",
    "台": "Taiwan",
    "港": "Hong Kong",
    "泰": "Thailand",
}


@dataclass(frozen=True)
class Alternative:
    """One query term and what may stand for it in the other language.

    `options` are ORed by the caller: Chinese words (Simplified and Traditional forms) for an
    English term, English terms for a Chinese word. Empty when the dictionary knows no
    translation; the caller decides whether to drop the term or keep it untranslated.
    """

    term: str
    options: tuple[str, ...]


def _is_zh(lang: Lang) -> bool:
    return lang in ("zh", "zh-Hant")


def translate_query(text: str, source: Lang) -> list[Alternative]:
    """Per-term translations of a search query written in `source` ("en" or a Chinese code).

    English: stopwords skipped, phrases of up to four words matched longest-first ("South
    China Sea" -> 南海), plurals and -ing/-ed folded; acronyms and codes with digits that the
    dictionary lacks (ACSA, S26) are kept, since Chinese text writes them in Latin letters.
    Chinese (either script): the curated names first, the rest cut by jieba. "other" gives [].
    Raises cedict.DictionaryError when the dictionary cannot be loaded.
    """
    if not text.strip() or source == "other":
        return []
    d = dictionary()
    if source == "en" and has_han(text):
        source = "zh"
    if _is_zh(source):
        out = [_zh_alternative(d, w) for w in _zh_words(d, text)]
        latin = _LATIN_RUN.findall(text)
        out += [Alternative(t, (t,)) for run in latin for t in run.split() if _CODE.match(t)]
        return out
    return [Alternative(term, tuple(_zh_options(d, key, term))) for term, key in _en_terms(d, text)]


def _en_terms(d: Dictionary, text: str) -> list[tuple[str, str]]:
    """(surface, folded key) of each English query term, longest dictionary phrase first."""
    words = [w.strip(".'’") for w in _EN_TOKEN.findall(text.replace("-", " "))]
    words = [w for w in words if w]
    keys = [fold_word(w.replace("'", "").replace("’", "")) for w in words]
    out: list[tuple[str, str]] = []
    i = 0
    while i < len(words):
        for n in range(min(MAX_PHRASE, len(words) - i), 0, -1):
            key = " ".join(keys[i : i + n])
            if n > 1 and (words[i].lower() in _STOPWORDS or key not in d.en):
                continue
            if n == 1 and words[i].lower() in _STOPWORDS:
                break
            out.append((" ".join(words[i : i + n]), key))
            break
        i += n
    return out


def _zh_options(d: Dictionary, key: str, surface: str) -> list[str]:
    """Headwords for an English term, best first, each followed by its Traditional forms.

    A curated name shuts out the dictionary's other senses (Japan is 日本, not 东洋 or 内地),
    and a single character is offered only when nothing longer is: 台 for "Taiwan" would
    match every 台 in the text.
    """
    from .cedict import NAMES_SCORE

    _fan, ranked = d.headwords(key)
    if ranked and ranked[0][1] >= NAMES_SCORE - 50:
        ranked = tuple(r for r in ranked if r[1] >= NAMES_SCORE - 50)
    if any(len(simp) > 1 for simp, _score in ranked):
        ranked = tuple(r for r in ranked if len(r[0]) > 1)
    out: list[str] = []
    for simp, _score in ranked[:MAX_OPTIONS]:
        out.extend(f for f in d.both_forms(simp) if f not in out)
    if not out and _CODE.match(surface):
        out.append(surface)
    return out


@lru_cache(maxsize=2)
def _names_pattern(d: Dictionary) -> re.Pattern[str] | None:
    """The curated names in both scripts, longest first, matched before jieba cuts the text.

    jieba cuts unknown names (茂木敏充, 特奥多罗) differently by context; matched whole
    they translate and link the same way every time.
    """
    from .cedict import NAMES_SCORE

    forms: set[str] = set()
    for _fan, ranked in d.en.values():
        for simp, score in ranked:
            if score > NAMES_SCORE - 50 and len(simp) > 1:
                forms.update(d.both_forms(simp))
    if not forms:
        return None
    return re.compile("|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True)))


def zh_words(text: str) -> list[str]:
    """Chinese words of a text, Simplified, curated names kept whole (台积电, 茂木敏充), the
    rest cut by jieba: how search cuts a Chinese query. Raises cedict.DictionaryError."""
    return _zh_words(dictionary(), text)


def _zh_words(d: Dictionary, text: str) -> list[str]:
    """Chinese words of a text, Simplified: curated names whole, the rest cut as a query is
    (`segment.query_words`)."""
    from .segment import query_words

    pattern = _names_pattern(d)
    words: list[str] = []
    for run in _HAN_RUN.findall(text):
        pieces = pattern.split(run) if pattern else [run]
        found = pattern.findall(run) if pattern else []
        for i, piece in enumerate(pieces):
            words.extend(_with_names(d, [w for w in query_words(piece) if w.strip("·—- ")]))
            if i < len(found):
                words.append(d.simplified(found[i]))
    return words


@lru_cache(maxsize=2)
def _proper_names(d: Dictionary) -> frozenset[str]:
    """Dictionary headwords of NAME_CHARS or more characters whose first sense is a proper
    name (尚比亚 Zambia, 达达尼尔海峡): jieba knows few foreign names and cuts them apart
    (尚 + 比亚, 达 + 达尼尔), so neither the dictionary nor the other regional form is
    reached through the pieces."""
    return frozenset(
        w for w, g in d.zh.items() if NAME_CHARS <= len(w) <= 8 and g and g[0][:1].isupper()
    )


def _with_names(d: Dictionary, words: list[str]) -> list[str]:
    """The words jieba cut, with runs of them that spell a dictionary proper name joined,
    longest first from the left: jieba cuts foreign names apart (尚比亚 into 尚 + 比亚). A
    name must start and end where jieba's cut does, so a name inside an unknown longer one
    is left alone (特拉华 "Delaware" in 奥斯特拉华, Ostrava, cut 奥斯特 + 拉华)."""
    names = _proper_names(d)
    out: list[str] = []
    i = 0
    while i < len(words):
        run = ""
        best = i + 1
        for j in range(i, len(words)):
            run += words[j]
            if len(run) > 8:
                break
            if j > i and len(run) >= NAME_CHARS and run in names:
                best = j + 1
        out.append("".join(words[i:best]))
        i = best
    return out


def regional_forms(word: str) -> tuple[str, ...]:
    """Other Chinese names of the place or body a query word names, in both scripts: the
    Taiwan or Hong Kong form for the mainland one and back (尚比亚 <-> 赞比亚, 坎培拉 <->
    堪培拉, 寮国 <-> 老挝). Read from the dictionary: headwords whose first sense is the
    same proper name as the word's, when at most REGIONAL_FANOUT headwords share it (中国's
    "China" leads to 中日韩 and 两岸三地). Raises cedict.DictionaryError."""
    d = dictionary()
    simp = d.simplified(word)
    glosses = d.glosses(simp)
    if len(simp) < 2 or not glosses or not glosses[0][:1].isupper():
        return ()
    fan, ranked = d.headwords(fold_phrase(glosses[0]))
    if fan > REGIONAL_FANOUT:
        return ()
    out: list[str] = []
    for other, _score in ranked:
        if other != simp and len(other) > 1 and d.glosses(other)[:1] == glosses[:1]:
            out.extend(f for f in d.both_forms(other) if f not in out)
    return tuple(out)


def _split_countries(d: Dictionary, word: str) -> list[str] | None:
    """日菲 -> [Japan, Philippines]; None unless the word is such a compound.

    A word made of the same characters keeps its own meaning (台中 Taichung, 朝日 Asahi,
    印台 'ink pad'): the split applies only when the dictionary lacks the word, glosses it
    as a pair ('China-USA', 'Japan and Korea'), or as its first country alone (中日韩 is
    glossed 'China, Japan and Korea', cut at the comma).
    """
    if not 2 <= len(word) <= 3 or not all(c in _COUNTRY_ABBR for c in word):
        return None
    countries = [_COUNTRY_ABBR[c] for c in word]
    glosses = d.glosses(word)
    if glosses and not (_PAIR.search(glosses[0]) or glosses[0] == countries[0]):
        return None
    return countries


def _zh_alternative(d: Dictionary, word: str) -> Alternative:
    glosses = d.glosses(word)
    countries = _split_countries(d, word)
    if countries:
        return Alternative(word, tuple(countries))
    return Alternative(word, glosses[:MAX_GLOSSES])


# --- concepts --------------------------------------------------------------------------------


def concepts(text: str, lang: Lang) -> set[str]:
    """Language-independent keys of a text's informative terms, for cross-language linking.

    A term's key is the Simplified headword that its English gloss leads to, so "tariffs",
    关税 and 關稅 all give 关税, and 联储局 and "Federal Reserve" both give 美联储. Kept:
    curated names, dictionary words whose English term has at most CONCEPT_FANOUT headwords
    and is not among the commonest words, codes written in Latin letters in either language
    (ACSA, S26), amounts ("n:6000000.0") and calendar dates ("d:01-15") from `entities`.
    Raises cedict.DictionaryError when the dictionary cannot be loaded.
    """
    from .entities import countries as named_countries
    from .entities import dates, numbers

    if not text.strip() or lang == "other":
        return set()
    d = dictionary()
    keys = numbers(text) | dates(text)
    if _is_zh(lang) or has_han(text):
        after_place = False
        for word in _zh_words(d, text):
            # 鹿特丹港, 蒙特利尔港: a one-character word right after a place is its suffix
            # (the port of Rotterdam), not an abbreviation of its own (港 = Hong Kong).
            suffix, after_place = len(word) == 1 and after_place, _is_place(word)
            if suffix:
                continue
            countries = _split_countries(d, word)
            for term in countries or d.glosses(word)[:2]:
                key = _canonical(d, _fold(term))
                if key and len(word) == 1 and word not in _COUNTRY_ABBR and named_countries([key]):
                    continue  # 比 in 6比6 is no Belgium, 加 no Canada (`_COUNTRY_ABBR` are)
                if key:
                    keys.add(key)
                    break
        text = " ".join(_LATIN_RUN.findall(text))
    for surface, key in _en_terms(d, text):
        canon = _canonical(d, key)
        if canon:
            keys.add(canon)
        elif _CODE.match(surface) and not surface.isdigit():
            keys.add("w:" + surface.lower())
    return keys


def _is_place(word: str) -> bool:
    """A word the place table knows (cities, districts, islands: `aggregator.places`)."""
    from .places import table

    return len(word) > 1 and word in table().zh


def _fold(term: str) -> str:
    from .cedict import fold_phrase

    return fold_phrase(term)


def _canonical(d: Dictionary, key: str) -> str | None:
    """The headword an English term stands for, if the term is specific and informative."""
    from .cedict import NAMES_SCORE

    fan, ranked = d.headwords(key)
    if not ranked:
        return None
    simp, score = ranked[0]
    if score >= NAMES_SCORE - 50:
        return simp
    if fan > CONCEPT_FANOUT or len(simp) < 2 or key in _STOPWORDS:
        return None
    if d.freq.get(simp, 0) > COMMON_FREQ:
        return None
    return simp
