"""Word segmentation for search: jieba for Chinese, Traditional folded to Simplified.

jieba loads its dictionary (about a second) on first use, so it is imported lazily.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


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


def segment_for_index(text: str) -> str:
    """Text with Chinese runs split into space-separated words, ready for a unicode61 index."""
    if not text:
        return ""
    if not _HAN.search(text):
        return text
    words = _jieba().cut_for_search(to_simplified(text))
    return " ".join(w for w in words if w.strip())
