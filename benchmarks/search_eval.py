"""Search quality on one half of the labelled corpus, as tests/test_search_eval.py measures it.

    .venv/bin/python benchmarks/search_eval.py --half c

Serves the half as feeds on loopback, polls it through the CLI (`poll --all --no-translate`:
detection, dedup, embedding and story linking all real), then runs every query of the half
with limit 10, with and without `--lang` set to the other language family, and prints
recall@10 / MRR for same-language, cross-language and cross-language-with-`--lang` hits
(`tests/support_search_eval.evaluate`), plus the queries that lost something with --misses.
The test pins floors for halves a and b; this script reports any half (c is held out for
reporting: read its figures, do not tune on them).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))


def main() -> None:
    from support_search_eval import evaluate, poll_half  # type: ignore[import-not-found]

    from aggregator.app import make_app
    from aggregator.embed import get_embedder
    from aggregator.search import search

    ap = argparse.ArgumentParser()
    ap.add_argument("--half", choices=["a", "b", "c"], default="c")
    ap.add_argument("--misses", action="store_true", help="list the queries that lost hits")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        ids = poll_half(str(work / "n.db"), work, args.half)
        app = make_app(str(work / "n.db"), None, embedder=get_embedder())
        try:
            stored = app.storage.get_articles(sorted(set(ids.values())))
            lang_of = {a.id: a.lang for a in stored}

            def run(q: str, f: Any) -> list[Any]:
                return search(app, q, f, limit=10)

            got = evaluate(run, ids, lang_of, args.half)
        finally:
            app.storage.close()
    s = got.summary()
    print(
        f"half {args.half}: same R {s['same_recall']:.3f} MRR {s['same_mrr']:.3f} | "
        f"cross R {s['cross_recall']:.3f} MRR {s['cross_mrr']:.3f} | "
        f"cross+lang R {s['cross_lang_recall']:.3f} MRR {s['cross_lang_mrr']:.3f} | "
        f"any MRR {s['any_mrr']:.3f}"
    )
    if args.misses:
        print("\n".join(got.misses))


if __name__ == "__main__":
    main()
