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
    return str(_t2s().convert(text)) if _HAN.search(text) else text


def _run_tokens(run: str) -> list[str]:
    """Index tokens of one Simplified Han run: search cut, then differing dictionary pieces."""
    jb = _jieba()
    words = [w for w in jb.cut_for_search(run) if w.strip()]
    seen = set(words)
    extra = [w for w in jb.cut(run, HMM=False) if w.strip() and w not in seen]
    return words + extra


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
