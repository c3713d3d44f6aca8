"""The article-body set (tests/data/bodies) and its score, shared by the eval test and
benchmarks/extract.py.

Score: shingle F1 between an extractor's text and the hand-checked body. Shingles are word
3-grams (lower-cased \\w+ words) for English and character 3-grams over Han, letters and
digits (punctuation and spaces dropped) for Chinese, counted as multisets, as in the
published article-body benchmarks. An empty extraction scores 0.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

BODIES = Path(__file__).parent / "data" / "bodies"
_WORD = re.compile(r"\w+")
_ZH_KEEP = re.compile(r"[\w\u3400-\u9fff\uf900-\ufaff]")


@dataclass(frozen=True)
class Page:
    id: str
    lang: str  # en | zh
    html: bytes
    content_type: str
    url: str
    expected: str


def load_pages() -> list[Page]:
    index = json.loads((BODIES / "index.json").read_text(encoding="utf-8"))
    return [
        Page(
            id=row["id"],
            lang=row["lang"],
            html=(BODIES / f"{row['id']}.html").read_bytes(),
            content_type=row["content_type"],
            url=row["url"],
            expected=(BODIES / f"{row['id']}.txt").read_text(encoding="utf-8"),
        )
        for row in index
    ]


def shingles(text: str, lang: str) -> Counter[tuple[str, ...]]:
    if lang == "zh":
        chars = [c.lower() for c in text if _ZH_KEEP.match(c) and c != "_"]
        return Counter(tuple(chars[i : i + 3]) for i in range(len(chars) - 2))
    words = [w.lower() for w in _WORD.findall(text)]
    return Counter(tuple(words[i : i + 3]) for i in range(len(words) - 2))


def f1(got: str, expected: str, lang: str) -> float:
    g, x = shingles(got, lang), shingles(expected, lang)
    overlap = sum((g & x).values())
    if not overlap:
        return 0.0
    precision, recall = overlap / sum(g.values()), overlap / sum(x.values())
    return 2 * precision * recall / (precision + recall)


def evaluate(
    extract: Callable[[Page], str], pages: list[Page]
) -> dict[str, tuple[float, list[tuple[str, float]]]]:
    """Mean F1 per language and overall ('all'), with each page's score."""
    scores = [(p.id, p.lang, f1(extract(p), p.expected, p.lang)) for p in pages]
    out: dict[str, tuple[float, list[tuple[str, float]]]] = {}
    for lang in ("en", "zh", "all"):
        mine = [(i, s) for i, lg, s in scores if lang in ("all", lg)]
        out[lang] = (sum(s for _, s in mine) / max(1, len(mine)), mine)
    return out


def ours(page: Page) -> str:
    from aggregator.extract import extract_article

    return extract_article(page.html, page.content_type, page.url).text


def trafilatura_raw(page: Page) -> str:
    """trafilatura 2.3 as shipped: the raw bytes (its own decoding), default settings."""
    import trafilatura

    return trafilatura.extract(page.html, url=page.url) or ""


def readability_raw(page: Page) -> str:
    """readability-lxml's summary HTML, as text (lxml's text_content, one block a line)."""
    import lxml.html
    from readability import Document

    summary = Document(page.html).summary(html_partial=True)
    root = lxml.html.fragment_fromstring(summary, create_parent="div")
    for block in root.iter("p", "div", "h1", "h2", "h3", "h4", "li", "br"):
        block.tail = "\n" + (block.tail or "")
    return str(root.text_content())
