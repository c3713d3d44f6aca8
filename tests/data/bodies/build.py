"""Builds the article-body set: one HTML page and one expected-body .txt per article.

Run by hand from the repository root (`python tests/data/bodies/build.py`); the output is
committed. Article texts live in articles_en.txt / articles_zh.txt (written for this set);
each page wraps its article in one of nine news-site templates written after real site
layouts (WordPress blog, BBC-style component divs, tabloid table layout with <br> text,
wire service, magazine long-read, AMP, Chinese portal, Xinhua-style, Taiwanese and Hong
Kong sites, a Chinese single-page app). Expected bodies are the article paragraphs and
in-article subheadings only: no headline, byline, dates, captions, share widgets, related
lists, comments, promos or banners.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).parent


@dataclass
class Article:
    id: str
    template: str
    title: str
    blocks: list[tuple[str, str]]  # (kind, text): kind is p, h (subheading) or cap (caption)
    lang: str


def load(path: Path, lang: str) -> list[Article]:
    out: list[Article] = []
    for chunk in path.read_text(encoding="utf-8").split("=== ")[1:]:
        head, *lines = chunk.strip().splitlines()
        aid, template, title = (s.strip() for s in head.split("|", 2))
        blocks = []
        for line in lines:
            if line.startswith("!"):
                blocks.append(("cap", line[1:].strip()))
            elif line.startswith("## "):
                blocks.append(("h", line[3:].strip()))
            elif line.strip():
                blocks.append(("p", line.rstrip()))
        out.append(Article(aid, template, title, blocks, lang))
    return out


def expected(a: Article) -> str:
    return "\n\n".join(t.strip() for k, t in a.blocks if k != "cap") + "\n"


def related(a: Article, pool: list[Article], n: int, rng: random.Random) -> list[Article]:
    others = [o for o in pool if o.id != a.id]
    return rng.sample(others, min(n, len(others)))


def main() -> None:
    from templates import TEMPLATES, slug  # the page shapes, kept in their own file

    rng = random.Random(20261205)
    en = load(HERE / "articles_en.txt", "en")
    zh = load(HERE / "articles_zh.txt", "zh")
    index = []
    hant = [a for a in zh if a.template in ("tw", "hk")]  # Traditional-script sites
    hans = [a for a in zh if a not in hant]
    for pool in (en, hans, hant):
        for a in pool:
            rel = related(a, pool, rng.randint(3, 6), rng)
            page, charset, ctype = TEMPLATES[a.template](a, rel, rng)
            (HERE / f"{a.id}.html").write_bytes(page.encode(charset))
            (HERE / f"{a.id}.txt").write_text(expected(a), encoding="utf-8")
            index.append(
                {
                    "id": a.id,
                    "lang": a.lang,
                    "script": "hant" if pool is hant else ("hans" if pool is hans else ""),
                    "template": a.template,
                    "charset": charset,
                    "content_type": ctype,
                    "url": f"https://{a.template}.example.com{slug(a)}",
                }
            )
    seed = (HERE.parent / "pages" / "acsa_bilingual.html").read_bytes()
    (HERE / "en15.html").write_bytes(seed)
    index.append(
        {
            "id": "en15",
            "lang": "en",
            "script": "",
            "template": "seed004",
            "charset": "utf-8",
            "content_type": "text/html",
            "url": "https://grok.example.com/news/japan-philippines-pact",
        }
    )
    index.sort(key=lambda r: r["id"])
    (HERE / "index.json").write_text(json.dumps(index, indent=1, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    import sys

    sys.path.insert(0, str(HERE))
    main()
