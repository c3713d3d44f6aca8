"""Article-body extraction: our extractor against raw trafilatura and raw readability-lxml.

    .venv/bin/python benchmarks/extract.py            # table: F1 and ms/page, en / zh / all
    .venv/bin/python benchmarks/extract.py --pages     # and each page's F1

Set: tests/data/bodies (30 pages, English and Chinese, hand-checked bodies; see its README).
Score: shingle F1 (word 3-grams for English, character 3-grams for Chinese), mean per page.
"Raw" means the library as shipped, given the page's bytes: its own decoding, default
settings; "ours" is aggregator.extract.extract_article (trafilatura plus our layer).
Runs in a few seconds. The readability-lxml column needs `pip install readability-lxml`
(not in the test extra: with trafilatura's justext it trips pip's resolver, which sees
`lxml[html_clean]` and `lxml[html-clean]` as two requirements); without it the column is skipped.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import time
import warnings
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from support_bodies import (  # noqa: E402
    Page,
    evaluate,
    load_pages,
    ours,
    readability_raw,
    trafilatura_raw,
)

EXTRACTORS: dict[str, Callable[[Page], str]] = {
    "ours": ours,
    "trafilatura": trafilatura_raw,
}
if importlib.util.find_spec("readability") is not None:
    EXTRACTORS["readability"] = readability_raw


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", action="store_true", help="print each page's F1 too")
    args = parser.parse_args()
    warnings.filterwarnings("ignore")  # readability/trafilatura log parser chatter
    pages = load_pages()
    for fn in EXTRACTORS.values():  # warm imports so timings are per page, not per import
        fn(pages[0])
    rows = []
    for name, fn in EXTRACTORS.items():
        start = time.perf_counter()
        result = evaluate(fn, pages)
        ms = (time.perf_counter() - start) * 1000 / len(pages)
        rows.append((name, result, ms))
    n_en = sum(p.lang == "en" for p in pages)
    print(f"{len(pages)} pages ({n_en} en, {len(pages) - n_en} zh), shingle F1, mean per page\n")
    print(f"{'extractor':<13}{'en':>7}{'zh':>7}{'all':>7}{'ms/page':>10}")
    for name, result, ms in rows:
        f = [result[k][0] for k in ("en", "zh", "all")]
        print(f"{name:<13}{f[0]:>7.3f}{f[1]:>7.3f}{f[2]:>7.3f}{ms:>10.1f}")
    if args.pages:
        print(f"\n{'page':<7}" + "".join(f"{name:>13}" for name, _, _ in rows))
        per = [dict(result["all"][1]) for _, result, _ in rows]
        for page in pages:
            print(f"{page.id:<7}" + "".join(f"{d[page.id]:>13.3f}" for d in per))


if __name__ == "__main__":
    main()
