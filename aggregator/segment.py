"""Word segmentation for search: jieba for Chinese, Traditional folded to Simplified.

FTS5's tokenizers do not split Chinese, so Chinese runs are turned into space-separated words
before they reach the index, and the query is cut the same way. Both sides fold Traditional
to Simplified, so a Traditional query finds Simplified articles and the reverse.

jieba's HMM joins unknown names (茂木敏充) into one word, but may cut the same name differently
in another context; the index therefore carries, for each Chinese run, the words of
`cut_for_search` (which adds the sub-words of long words) plus the dictionary-only pieces
(HMM off) that differ, and a query word may match either way (`query_alternatives`).

The segmenter is jieba-rs (the `rjieba` binding): jieba's dictionary and algorithm in Rust,
imported lazily.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from .langs import HAN, HAN_RUN

_HAN = HAN
_HAN_RUN = HAN_RUN


def has_han(text: str) -> bool:
    return bool(_HAN.search(text))


@lru_cache(maxsize=1)
def _segmenter() -> Any:
    """jieba's segmenter, as jieba-rs (rjieba): the same dictionary, route and HMM as
    jieba, about 10x less CPU per character and no one-second dictionary load on first
    use (0.15 s import). A cold poll spent a third of its CPU in Python jieba."""
    import rjieba

    return rjieba


@lru_cache(maxsize=1)
def _t2s() -> Any:
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Simplified Chinese, phrase by phrase (OpenCC t2s). Text with no Traditional character
    is returned as it is without running OpenCC (pure Python, a tenth of a cold poll's CPU
    on text that was Simplified already)."""
    if not _HAN.search(text) or _traditional().isdisjoint(text):
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
def _traditional() -> frozenset[str]:
    """Every character OpenCC folds to another. A set, not a regex character class: a
    2,700-character class cost ~10x more per text scanned (4.2 of a cold poll's CPU-s)."""
    return frozenset(chr(c) for c in _t2s_chars())


def fold_traditional(text: str) -> str:
    """Fold Traditional characters to Simplified one by one: what shingles and name lookup
    need, at str.translate speed (phrase-level conversion is ~100x slower and changes
    nothing for 3-gram overlap)."""
    return text.translate(_t2s_chars()) if text else text


def _run_tokens(run: str) -> list[str]:
    """Index tokens of one Simplified Han run: the search cut, then the dictionary pieces
    that differ from it (jieba's `cut_for_search(run)` + `cut(run, HMM=False)`).

    The search cut adds the dictionary sub-words of long words, so a query word finds a
    longer indexed word; the plain cut adds the pieces of an unknown name the HMM joined.
    tests/test_segment.py holds both cuts to Python jieba's own output.
    """
    jb = _segmenter()
    words = [w for w in jb.cut_for_search(run, True) if w.strip()]
    seen = set(words)
    return words + [w for w in jb.cut(run, False) if w.strip() and w not in seen]


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
    spans = list(_HAN_RUN.finditer(simple))
    words = _runs_words([m.group() for m in spans])
    out: list[str] = []
    pos = 0
    for m, run_words in zip(spans, words, strict=True):
        out.append(simple[pos : m.start()])
        out.append(f" {run_words} ")
        pos = m.end()
    out.append(simple[pos:])
    return "".join(out)


def segment_many(texts: Sequence[str]) -> list[str]:
    """`segment_for_index` of each text, the Chinese runs of many texts cut by one pair of
    segmenter calls (`_runs_words`): an ingest batch's titles and bodies paid the calls and
    their glue per text, ~20 us each for a headline of two runs. Texts are taken in groups
    of about _GROUP_CHARS characters, so a batch of long articles never holds more than a
    group's tokens at once. The same output as one text at a time (tests/test_segment.py)."""
    out = list(texts)
    group: list[tuple[int, list[str]]] = []
    size = 0
    for i, text in enumerate(texts):
        if text and _HAN.search(text):
            # [before, run, between, run, ..., after]: the runs are the odd items
            group.append((i, _HAN_RUN_SPLIT.split(to_simplified(text))))
            size += len(text)
            if size >= _GROUP_CHARS:
                _fill(out, group)
                group, size = [], 0
    _fill(out, group)
    return out


def _fill(out: list[str], group: list[tuple[int, list[str]]]) -> None:
    """Put each grouped text, its runs replaced by their words, at its place in `out`."""
    words = iter(_runs_words([run for _, parts in group for run in parts[1::2]]))
    for i, parts in group:
        parts[1::2] = [f" {next(words)} " for _ in range(len(parts) // 2)]
        out[i] = "".join(parts)


# Characters of text per group: enough texts that the calls' fixed cost is spread over
# dozens; 50,000 saved no more CPU and added ~3 MB of peak RSS.
_GROUP_CHARS = 5_000
_HAN_RUN_SPLIT = re.compile(f"({_HAN_RUN.pattern})")
_SEP = "\x01"  # between tokens while the runs are told apart (never in a Han run)


def _runs_words(runs: list[str]) -> list[str]:
    """`_run_tokens` of every run, space-joined, from two segmenter calls for the whole
    text instead of two per run (a Chinese article has dozens of runs between
    punctuation; the calls and their Python glue were most of segmentation's time).

    The runs are joined by newlines: jieba cuts each block between non-word characters on
    its own, so every run is cut as if alone, and the newline tokens give the runs back.
    A run holds Han characters only, so no token of it is blank. Should the stream not
    split into as many runs (it always has in tests/test_segment.py), each run is cut on
    its own."""
    jb = _segmenter()
    joined = "\n".join(runs)
    gap = f"{_SEP}\n{_SEP}"
    search = _SEP.join(jb.cut_for_search(joined, True)).split(gap)
    plain = _SEP.join(jb.cut(joined, False)).split(gap)
    if len(search) != len(runs) or len(plain) != len(runs):
        return [" ".join(_run_tokens(run)) for run in runs]
    out: list[str] = []
    for mine, pieces in zip(search, plain, strict=True):
        if mine == pieces:  # the search cut added nothing: no piece is missing from it
            out.append(mine.replace(_SEP, " "))
            continue
        found = mine.split(_SEP)
        seen = set(found)
        out.append(" ".join(found + [w for w in pieces.split(_SEP) if w not in seen]))
    return out


def query_words(run: str) -> list[str]:
    """The words of a Chinese run (precise cut, Simplified): how a query, and the
    dictionary bridge's keys of a text (`bilingual`), are cut."""
    return [w for w in _segmenter().cut(to_simplified(run), True) if w.strip()]


def query_alternatives(word: str) -> list[tuple[str, ...]]:
    """Ways one Chinese query word can appear in the index: itself, or all of its pieces.

    防务协定 may be one token in one document and 防务 + 协定 in another; an unknown name
    may be one HMM word or dictionary pieces. Each alternative is a set of tokens that
    must all be present.
    """
    jb = _segmenter()
    alts: list[tuple[str, ...]] = [(word,)]
    for pieces in (
        [w for w in jb.cut_for_search(word, True) if w != word and len(w) < len(word)],
        list(jb.cut(word, False)),
    ):
        # only pieces that together cover the word: sub-words of cut_for_search may overlap
        alt = tuple(dict.fromkeys(p for p in pieces if p.strip()))
        if alt and alt != (word,) and alt not in alts and set("".join(alt)) >= set(word):
            alts.append(alt)
    return alts


REGIONAL_MIN_CHARS = 2  # a one-character entry would rewrite every word holding it
REGIONAL_FANOUT = 3  # other forms of one word at most


@lru_cache(maxsize=1)
def _regional_table() -> dict[str, tuple[str, ...]]:
    """Mainland <-> Taiwan words, both folded to Simplified: OpenCC's own phrase tables
    (TWPhrases: 软件 -> 軟體, TWPhrasesRev: 計程車 -> 出租车), read both ways. Script
    folding alone leaves 软体 and 软件 apart; so a Taiwan query (勒索軟體) missed every
    mainland and Hong Kong report (勒索软件, 勒索軟件) and the reverse."""
    from pathlib import Path

    import opencc

    table: dict[str, list[str]] = {}
    for name in ("TWPhrases.txt", "TWPhrasesRev.txt"):
        path = Path(opencc.__file__).with_name("dictionary") / name
        for line in path.read_text(encoding="utf-8").splitlines():
            left, _, right = line.partition("\t")
            one = fold_traditional(left)
            for other in right.split():
                two = fold_traditional(other)
                if one == two or min(len(one), len(two)) < REGIONAL_MIN_CHARS:
                    continue
                if not (has_han(one) and has_han(two)):
                    continue
                for a, b in ((one, two), (two, one)):
                    if b not in table.setdefault(a, []):
                        table[a].append(b)
    return {k: tuple(v) for k, v in table.items()}


def regional_words(word: str) -> tuple[str, ...]:
    """The word as the other side of the strait writes it, Simplified (软体 -> 软件, 骇客 ->
    黑客, 计程车 -> 出租车): the word itself when OpenCC's Taiwan tables hold it, else the
    word with the longest entry inside it replaced (勒索软体 -> 勒索软件). Empty when
    neither holds; at most REGIONAL_FANOUT forms."""
    table = _regional_table()
    simp = fold_traditional(word)
    if simp in table:
        return table[simp][:REGIONAL_FANOUT]
    for size in range(len(simp) - 1, REGIONAL_MIN_CHARS - 1, -1):
        for start in range(len(simp) - size + 1):
            part = simp[start : start + size]
            if part in table:
                head, tail = simp[:start], simp[start + size :]
                return tuple(head + o + tail for o in table[part][:REGIONAL_FANOUT])
    return ()
