"""Result snippets cut from the ORIGINAL text (not the segmented index text), matches marked.

The index holds jieba-segmented, Simplified-folded text, so FTS5's own snippet() would show
spaces between Chinese words and Simplified characters in a Traditional article. Here the
match is looked up in the original (folded only for comparison, position by position) and
marked with « » (MARK_OPEN/MARK_CLOSE); the table output turns the marks into bold.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .segment import has_han, to_simplified

MARK_OPEN = "«"
MARK_CLOSE = "»"
_SUFFIXES = ("ings", "ing", "ies", "es", "ed", "ly", "s")
_WORDCHAR = re.compile(r"\w")


def _stem(word: str) -> str:
    """A crude prefix that porter-stemmed index matches share ("signs" -> "sign")."""
    for suf in _SUFFIXES:
        if len(word) - len(suf) >= 4 and word.endswith(suf):
            return word[: -len(suf)]
    return word


def find_spans(text: str, words: Sequence[str]) -> list[tuple[int, int]]:
    """(start, end) of every match of `words` in `text`: Chinese as substrings (after
    folding Traditional), other words at a word start, case-insensitively, to word end."""
    if not text or not words:
        return []
    folded = to_simplified(text) if has_han(text) else text
    if len(folded) != len(text):  # a phrase conversion changed lengths: compare unfolded
        folded = text
    low = folded.lower()
    spans: list[tuple[int, int]] = []
    for raw in words:
        w = raw.lower().strip()
        if not w:
            continue
        if has_han(w):
            w = to_simplified(w)
            start = low.find(w)
            while start >= 0:
                spans.append((start, start + len(w)))
                start = low.find(w, start + len(w))
            continue
        key = _stem(w)
        for m in re.finditer(re.escape(key), low):
            s = m.start()
            if s > 0 and _WORDCHAR.match(low[s - 1]) and not has_han(low[s - 1]):
                continue  # inside another word
            e = m.end()
            while e < len(low) and _WORDCHAR.match(low[e]) and not has_han(low[e]):
                e += 1
            spans.append((s, e))
    spans.sort()
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return merged


def mark(text: str, spans: Sequence[tuple[int, int]], offset: int = 0) -> str:
    out, pos = [], 0
    for s, e in spans:
        s, e = s - offset, e - offset
        if e <= 0 or s >= len(text):
            continue
        s, e = max(s, 0), min(e, len(text))
        out += [text[pos:s], MARK_OPEN, text[s:e], MARK_CLOSE]
        pos = e
    out.append(text[pos:])
    return "".join(out)


def snippet(text: str, words: Sequence[str], width: int | None = None) -> str:
    """About `width` characters of `text` around its densest cluster of matches, marked.

    Without a match, the lead of the text. Whitespace is collapsed to single spaces.
    """
    text = re.sub(r"\s+", " ", text or "").strip()
    if not text:
        return ""
    if width is None:
        width = 80 if has_han(text[:200]) else 160
    spans = find_spans(text, words)
    if not spans:
        return text[:width] + ("…" if len(text) > width else "")
    best, best_n = spans[0][0], 0
    for s, _ in spans:
        n = len({text[a:b].lower() for a, b in spans if s <= a and b <= s + width})
        if n > best_n:
            best, best_n = s, n
    start = max(0, best - width // 5)
    if start > 0:  # begin at a word boundary where there is one close by
        space = text.rfind(" ", max(0, start - 15), best)
        start = space + 1 if space >= 0 else start
    end = min(len(text), start + width)
    if end < len(text):
        space = text.find(" ", end, end + 15)
        end = space if space >= 0 else end
    inside = [(s, e) for s, e in spans if s < end and e > start]
    body = mark(text[start:end], inside, offset=start)
    return ("…" if start > 0 else "") + body + ("…" if end < len(text) else "")
