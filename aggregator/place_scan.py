"""Finding the places of `aggregator.places`' table in a text, in English or Chinese.

Chinese forms count only where no longer dictionary word covers them (中山 inside 中山大学 is
no place); English names only written capitalised as a whole name (Jinping inside "Xi
Jinping" is none), a one-word name only when it is no English word ("Long", "Bay") and
stands for at least two syllables. Pure text work over the cached table; the dictionary
(`aggregator.cedict`) tells words from names.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from .langs import HAN, HAN_RUN
from .places import CAP_RUN, PLACE_TYPES, PlaceTable, table

_NEXT_WORD = re.compile(r"[ \t]+([a-z]+)\b")
# A two-character place after a surname is a given name: 孙卫东, 蔡崇信 (not Weidong, Chongxin)
_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范廖石贾韦夏邱侯孟秦尹薛阎段雷龙黎史贺顾毛郝龚邵万钱严"
    "覃洪武戴莫孔汤常温邢裴施"
)
# A place form right before one of these names a firm (永興餅家 is Wing Hing Bakery of Hong
# Kong, not Yongxing county in Hunan): no evidence of where the news happened.
_FIRM = re.compile(
    "饼家|饼店|酒家|酒楼|茶楼|餐厅|食品|药业|制药|集团|公司|银行|商城|百货|商场|超市|控股|石化|化工|海运"
)
# 里 after a noun is "in" (泡在三米深的水里: in the water, not Shuili in Nantou) where the
# phrase follows 的 or a verb of place (blind half bv: a flood in Laos read as Taiwan's).
_LOCATIVE = frozenset("的在到进从往")
_MAX_ZH = 9  # characters in the longest form looked for
_MAX_EN = 5  # words in the longest English name looked for


def scan(text: str) -> set[str]:
    """Keys of the places a text names, in English or Chinese (either script).

    Raises DictionaryError when the dictionary cannot be loaded.
    """
    from .cedict import dictionary

    t = table()
    found = _scan_en(t, text) if re.search(r"[A-Z]", text) else set()
    if HAN.search(text):
        from .segment import fold_traditional, query_words

        d = dictionary()
        simplified = fold_traditional(text)
        found |= _scan_zh(t, simplified, d.zh.__contains__, _common_zh, query_words)
    return found


def _scan_zh(
    t: PlaceTable,
    text: str,
    is_word: Callable[[str], bool],
    common: Callable[[str], bool],
    cut: Callable[[str], list[str]],
) -> set[str]:
    """Place forms in the Han runs of a (Simplified) text, where the text means the place.

    A form that is also a common word (东方 'east', 和平 'peace') is no evidence; a form inside
    a longer dictionary word (中山 inside 中山大学) or straddling two (商南 across 磋商|南海)
    is none either; a two-character form must be a word of the segmenter's cut (`cut`), as
    transliterated names hide them (雷山 in 马德雷山号), and one after a surname is a given
    name (孙卫东), and one right before a firm's word names the firm (永兴饼家, `_FIRM`); a
    noun with 里 after 的 or a verb of place is where, not a place (在水里, `_LOCATIVE`).
    元朗 inside 元朗市 counts once.
    """
    found: set[str] = set()
    for run in HAN_RUN.findall(text):
        n = len(run)
        spans = [
            (i, j)
            for i in range(n - 1)
            for j in range(i + 2, min(n, i + _MAX_ZH) + 1)
            if run[i:j] in t.zh and not common(run[i:j])
        ]
        words = set(cut(run)) if any(j - i == 2 for i, j in spans) else set()
        for i, j in spans:
            if j - i == 2 and (run[i:j] not in words or (i and run[i - 1] in _SURNAMES)):
                continue
            if j - i == 2 and run[j - 1] == "里" and i and run[i - 1] in _LOCATIVE:
                continue
            if _FIRM.match(run, j):
                continue
            if not _inside_word(run, i, j, lambda w: w in t.zh or is_word(w)):
                found.add(t.zh[run[i:j]])
    return found


def _inside_word(run: str, i: int, j: int, is_word: Callable[[str], bool]) -> bool:
    """Whether run[i:j] lies inside a longer word, or words cross both of its ends."""
    left = right = False
    for a in range(max(0, i - _MAX_ZH), j):
        for b in range(max(a + 2, i + 1), min(len(run), a + _MAX_ZH) + 1):
            if (a, b) == (i, j) or b <= i or not is_word(run[a:b]):
                continue
            if a <= i and b >= j:
                return True
            left = left or (a < i < b < j)
            right = right or (i < a < j < b)
    return left and right


def _scan_en(t: PlaceTable, text: str) -> set[str]:
    """Places named in English: a name the whole capitalised run spells ("in Yuen Long"),
    with the type word after it ("Tianhe district"), or a name of two words or more inside a
    longer run (a headline in title case)."""
    found: set[str] = set()
    for line in text.splitlines():
        for m in CAP_RUN.finditer(line):
            after = _NEXT_WORD.match(line, m.end())
            kind = after.group(1) if after and after.group(1) in PLACE_TYPES else ""
            # "China's Guangzhou": a possessive ends one name and starts the next
            for part in re.split(r"(?<=['’]s)\s+", m.group(0)):
                words = [w.removesuffix("'s").removesuffix("’s") for w in part.split()]
                typed = t.en.get(" ".join(words).lower() + " " + kind) if kind else None
                found |= {typed} if typed else _names_in(t, words)
    return found


def _names_in(t: PlaceTable, words: list[str]) -> set[str]:
    out: set[str] = set()
    i = 0
    while i < len(words):
        for n in range(min(_MAX_EN, len(words) - i), 0, -1):
            name = " ".join(words[i : i + n]).lower()
            key = t.en.get(name)
            whole = n == len(words)
            if key and (whole or n > 1) and _plausible(t, name, whole):
                out.add(key)
                break
        i += n
    return out


def _plausible(t: PlaceTable, name: str, whole: bool) -> bool:
    """A name is taken for a place unless it reads as ordinary English: one word that is an
    English word ("Long", "Bay") or one syllable (Xi), or words that all are English words
    inside a longer run ("New Town" in a headline)."""
    words = name.split()
    if len(words) == 1:  # 'Mulan' (木兰 'magnolia'): the typhoon, not the county
        common = _common_zh(t.en[name])
        return (
            name not in t.one_syllable
            and not common
            and not english_word(name)
            and not _names_other(t, name)
        )
    return whole or not all(english_word(w) for w in words)


@lru_cache(maxsize=4096)
def _names_other(t: PlaceTable, name: str) -> bool:
    """Whether the dictionary's first sense of a one-word name is no place: 'Xinhua' is the
    news agency (新华) before it is a county in Hunan (新化)."""
    from .cedict import dictionary, fold_phrase

    ranked = dictionary().headwords(fold_phrase(name))[1]
    return bool(ranked) and ranked[0][0] not in t.zh


@lru_cache(maxsize=4096)
def english_word(word: str) -> bool:
    """Whether a lowercase word is an English word: some dictionary headword it leads to
    glosses it in lower case (a common noun), not only as a name (Hualien, Kinmen)."""
    from .cedict import dictionary, fold_word

    d = dictionary()
    _fan, ranked = d.headwords(fold_word(word))
    return any(word in g.split() for simp, _score in ranked for g in d.zh.get(simp, ()))


@lru_cache(maxsize=4096)
def _common_zh(form: str) -> bool:
    """Whether a Chinese form is also a common word: the dictionary glosses it in lower case."""
    from .cedict import dictionary

    return any(g[:1].islower() for g in dictionary().glosses(form))
