"""The fast path (aggregator/parse_fast.py) gives what feedparser gives, wherever it runs.

Every fixture feed, feedparser's 1,740 well-formed samples included, is parsed with the
fast path forced off and on: titles, entries (guids, urls, titles, summaries, content,
dates, authors) and warnings must be equal. Realistic feeds must take the fast path (so it
cannot silently never run); malformed and hostile ones must not.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from support_feeds import NOW, REALISTIC, atom_feed, rss_feed

from aggregator.errors import FeedError
from aggregator.parse import ParsedFeed, parse_feed

FEEDS = Path(__file__).parent / "data" / "feeds"
SAMPLE_NOW = datetime(2026, 1, 1, tzinfo=UTC)


def _both(
    data: bytes, now: datetime, headers: dict[str, str] | None = None
) -> tuple[ParsedFeed | str, ParsedFeed | str]:
    """(feedparser's result, the default path's result); a FeedError as its message."""
    out: list[ParsedFeed | str] = []
    for fast in (False, True):
        try:
            out.append(
                parse_feed(data, headers or {}, "http://example.org/feed", now=now, fast=fast)
            )
        except FeedError as exc:
            out.append(f"FeedError: {exc}")
    return out[0], out[1]


def _same(slow: ParsedFeed | str, fast: ParsedFeed | str) -> bool:
    if isinstance(slow, str) or isinstance(fast, str):
        return slow == fast
    return (slow.title, slow.entries, slow.warning, slow.encoding) == (
        fast.title,
        fast.entries,
        fast.warning,
        fast.encoding,
    )


def test_every_fixture_feed_parses_the_same_on_both_paths() -> None:
    files = sorted(p for p in FEEDS.rglob("*") if p.suffix in (".xml", ".rdf", ".html"))
    assert len(files) > 1500
    differ: list[str] = []
    took_fast = 0
    for path in files:
        slow, fast = _both(path.read_bytes(), SAMPLE_NOW, {"content-type": "application/xml"})
        assert isinstance(slow, str) or slow.parser == "feedparser"
        took_fast += not isinstance(fast, str) and fast.parser == "fast"
        if not _same(slow, fast):
            differ.append(f"{path.relative_to(FEEDS)}:\n  {slow}\n  {fast}")
    assert differ == [], "\n".join(differ[:5])
    # The samples are edge cases by design; still, the plain ones must take the fast path.
    assert took_fast > 300


@pytest.mark.parametrize("name", sorted(REALISTIC))
def test_realistic_feeds_take_the_fast_path_with_the_same_result(name: str) -> None:
    slow, fast = _both(REALISTIC[name], NOW)
    assert isinstance(slow, ParsedFeed) and isinstance(fast, ParsedFeed)
    assert fast.parser == "fast" and slow.parser == "feedparser"
    assert len(fast.entries) == 30 and fast.warning is None
    assert _same(slow, fast)
    first = fast.entries[1]
    assert first.published is not None and first.author and first.summary and first.content
    assert "<" not in first.summary and "utm_" not in (first.url or "")


def test_dates_dropped_on_the_fast_path_are_warned_about_the_same_way() -> None:
    # 30 items, 3 hours apart: with "now" three days early, the newest are in the future.
    data = rss_feed("zh")
    early = NOW.replace(day=NOW.day - 3)
    slow, fast = _both(data, early)
    assert isinstance(fast, ParsedFeed) and fast.parser == "fast"
    assert fast.warning and "in the future" in fast.warning
    assert _same(slow, fast)


@pytest.mark.parametrize(
    ("change", "why"),
    [
        (lambda d: d.replace(b"</channel>", b"<item><title>x</title></channel>"), "malformed"),
        (lambda d: d.replace(b"<title>", b"<title>&nbsp;", 1), "undefined entity"),
        (lambda d: b'<!DOCTYPE rss [<!ENTITY a "b">]>' + d.split(b"?>", 1)[1], "DTD"),
        (lambda d: d.replace(b"<dc:creator>", b"<dc:creator><b>x</b>", 1), "markup in field"),
        (lambda d: d.replace(b"<item>", b'<item xml:base="http://b.example/">', 1), "base"),
        (lambda d: d.replace(b"</item>", b"<itunes:summary>s</itunes:summary></item>", 1), "ns"),
        (lambda d: d.replace(b"<pubDate>", b"<pubDate>x</pubDate><pubDate>", 1), "twice"),
        (
            lambda d: d.replace(
                b"<item>", b"<atom:entry><atom:title>e</atom:title></atom:entry><item>", 1
            ),
            "entry",
        ),
    ],
)
def test_odd_documents_go_to_feedparser(change: object, why: str) -> None:
    data = change(rss_feed("en", items=3))  # type: ignore[operator]
    slow, fast = _both(data, NOW)
    assert isinstance(fast, ParsedFeed) and fast.parser == "feedparser", why
    assert _same(slow, fast)


def test_atom_link_and_author_rules_match_feedparser() -> None:
    """Atom: the last alternate HTML link wins, the id is the link when there is none, and
    an author with an email reads "name (email)", as feedparser has it."""
    data = atom_feed("en", items=2).replace(
        b"<author><name>Jane Doe</name></author>",
        b"<author><name>Jane Doe</name><email>jane@example.com</email></author>",
        1,
    )
    data = data.replace(b'<link rel="alternate"', b'<link rel="enclosure"', 1)
    slow, fast = _both(data, NOW)
    assert isinstance(fast, ParsedFeed) and fast.parser == "fast"
    assert _same(slow, fast)
    assert fast.entries[0].author == "Jane Doe (jane@example.com)"
    assert fast.entries[0].url != fast.entries[1].url  # the first took its id, not a link


@pytest.mark.parametrize("name", ["gbk_declared.xml", "gb2312_declared.xml", "big5.xml"])
def test_feeds_declared_in_chinese_charsets_take_the_fast_path_decoded_once(name: str) -> None:
    # The text is decoded already; lxml must not decode it again by its gb2312/big5 label.
    slow, fast = _both((FEEDS / name).read_bytes(), NOW)
    assert isinstance(fast, ParsedFeed) and fast.parser == "fast"
    assert _same(slow, fast)
    assert fast.entries[0].title.startswith(("韩国和日本", "韓國和日本"))


def test_a_plain_feed_with_common_dates_never_loads_feedparser() -> None:
    # feedparser costs ~13 MB and ~0.1 s to import; a poll of plain feeds should not pay it.
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from support_feeds import REALISTIC\n"
        "from aggregator.parse import parse_feed\n"
        "for name, data in REALISTIC.items():\n"
        "    p = parse_feed(data, {'content-type': 'application/xml'}, 'http://x.org/')\n"
        "    assert p.parser == 'fast' and p.entries[0].published is not None, name\n"
        "print('feedparser' in sys.modules)\n"
    )
    root = Path(__file__).resolve().parent.parent
    out = subprocess.run(
        [sys.executable, "-c", code],
        cwd=root,
        env={"PYTHONPATH": f"{root}:{root / 'tests'}", "PATH": ""},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "False"
