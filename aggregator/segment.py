"""Word segmentation for search: jieba for Chinese, Traditional folded to Simplified.

FTS5's tokenizers do not split Chinese, so Chinese runs are turned into space-separated words
before they reach the index, and the query is cut the same way. Both sides fold Traditional
to Simplified, so a Traditional query finds Simplified articles and the reverse.

jieba's HMM joins unknown names (茂木敏充) into one word, but may cut the same name differently
in another context; the index therefore carries, for each Chinese run, the words of
`cut_for_search` (which adds the sub-words of long words) plus the dictionary-only pieces
(HMM off) that differ, and a query word may match either way (`query_alternatives`).

jieba loads its dictionary (about a second) on first use, so it is imported lazily.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from .langs import HAN, HAN_RUN

_HAN = HAN
_HAN_RUN = HAN_RUN


def has_han(text: str) -> bool:
    return bool(_HAN.search(text))


@lru_cache(maxsize=1)
def _jieba() -> Any:
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba


@lru_cache(maxsize=1)
def _t2s() -> Any:
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Simplified Chinese, phrase by phrase (OpenCC t2s). Text with no Traditional character
    is returned as it is without running OpenCC (pure Python, a tenth of a cold poll's CPU
    on text that was Simplified already)."""
    if not _HAN.search(text) or not _traditional().search(text):
        return text
    return str(_t2s().convert(text))


@lru_cache(maxsize=1)
def _t2s_chars() -> dict[int, str]:
    """Traditional -> Simplified, character by character, from OpenCC's own table."""
    from pathlib import Path

    import opencc

    path = Path(opencc.__file__).with_name("dictionary") / "TSCharacters.txt"
    table: dict[int, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        trad, _, simp = line.partition("\t")
        if len(trad) == 1 and simp and simp.split()[0] != trad:
            table[ord(trad)] = simp.split()[0]
    return table


@lru_cache(maxsize=1)
def _traditional() -> re.Pattern[str]:
    """A character class of every character OpenCC folds to another."""
    return re.compile("[" + re.escape("".join(sorted(chr(c) for c in _t2s_chars()))) + "]")


def fold_traditional(text: str) -> str:
    """Fold Traditional characters to Simplified one by one: what shingles and name lookup
    need, at str.translate speed (phrase-level conversion is ~100x slower and changes
    nothing for 3-gram overlap)."""
    return text.translate(_t2s_chars()) if text else text


def _run_tokens(run: str) -> list[str]:
    """Index tokens of one Simplified Han run: the search cut, then the dictionary pieces
    that differ from it (`jieba.cut_for_search(run)` + `jieba.cut(run, HMM=False)`).

    Both come from one word graph: jieba would build the graph and its best route twice
    (once per call), which was a third of a cold poll's CPU. `_one_route` reproduces both
    cuts from one route exactly (tests/test_segment.py holds it to jieba's own output).
    """
    plain, hmm = _one_route(run)
    words = [w for w in _search_words(hmm) if w.strip()]
    seen = set(words)
    return words + [w for w in plain if w.strip() and w not in seen]


_JIEBA_HAN = re.compile("([\u4e00-\u9fd5]+)")  # the range jieba's DAG handles (re_han_default)


def _one_route(run: str) -> tuple[list[str], list[str]]:
    """(cut without HMM, cut with HMM) of a Han run, computing jieba's route once."""
    jb = _jieba()
    dt, freq = jb.dt, jb.dt.FREQ
    plain: list[str] = []
    hmm: list[str] = []
    for block in _JIEBA_HAN.split(run):
        if not block:
            continue
        if not _JIEBA_HAN.fullmatch(block):  # characters jieba does not segment: one by one
            plain.extend(block)
            hmm.extend(block)
            continue
        route: dict[int, tuple[float, int]] = {}
        dt.calc(block, dt.get_DAG(block), route)
        x, buf = 0, ""
        while x < len(block):
            y = route[x][1] + 1
            word = block[x:y]
            plain.append(word)
            if y - x == 1:
                buf += word
            else:
                hmm.extend(_flush(buf, freq))
                buf = ""
                hmm.append(word)
            x = y
        hmm.extend(_flush(buf, freq))
    return plain, hmm


def _flush(buf: str, freq: Any) -> list[str]:
    """jieba's handling of a run of single characters under HMM: known as a word, it stays
    cut in characters; unknown, the HMM may join them."""
    if len(buf) <= 1:
        return [buf] if buf else []
    if freq.get(buf):
        return list(buf)
    from jieba import finalseg

    return list(finalseg.cut(buf))


def _search_words(words: list[str]) -> list[str]:
    """jieba's cut_for_search over an HMM cut: dictionary 2- and 3-grams inside long words."""
    freq = _jieba().dt.FREQ
    out: list[str] = []
    for w in words:
        if len(w) > 2:
            out.extend(w[i : i + 2] for i in range(len(w) - 1) if freq.get(w[i : i + 2]))
        if len(w) > 3:
            out.extend(w[i : i + 3] for i in range(len(w) - 2) if freq.get(w[i : i + 3]))
        out.append(w)
    return out


def segment_for_index(text: str) -> str:
    """Text with Chinese runs split into space-separated words, ready for a unicode61 index.

    Non-Chinese text passes through unchanged (positions of English words stay adjacent,
    so English phrase queries keep working in mixed text).
    """
    if not text:
        return ""
    if not _HAN.search(text):
        return text
    simple = to_simplified(text)
    out: list[str] = []
    pos = 0
    for m in _HAN_RUN.finditer(simple):
        out.append(simple[pos : m.start()])
        out.append(" " + " ".join(_run_tokens(m.group())) + " ")
        pos = m.end()
    out.append(simple[pos:])
    return "".join(out)


def query_words(run: str) -> list[str]:
    """The words of a Chinese query run (precise cut, Simplified)."""
    return [w for w in _jieba().cut(to_simplified(run)) if w.strip()]


def query_alternatives(word: str) -> list[tuple[str, ...]]:
    """Ways one Chinese query word can appear in the index: itself, or all of its pieces.

    防务协定 may be one token in one document and 防务 + 协定 in another; an unknown name
    may be one HMM word or dictionary pieces. Each alternative is a set of tokens that
    must all be present.
    """
    jb = _jieba()
    alts: list[tuple[str, ...]] = [(word,)]
    for pieces in (
        [w for w in jb.cut_for_search(word) if w != word and len(w) < len(word)],
        list(jb.cut(word, HMM=False)),
    ):
        # only pieces that together cover the word: sub-words of cut_for_search may overlap
        alt = tuple(dict.fromkeys(p for p in pieces if p.strip()))
        if alt and alt != (word,) and alt not in alts and set("".join(alt)) >= set(word):
            alts.append(alt)
    return alts
