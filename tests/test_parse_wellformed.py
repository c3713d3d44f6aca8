"""feedparser's own well-formed samples (copied with its licence, see the README beside
them) all parse: a feed newsdesk refuses as "not a feed" would silently never be polled."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from aggregator.errors import FeedError
from aggregator.parse import parse_feed

SAMPLES = Path(__file__).parent / "data" / "feeds" / "feedparser_wellformed"


def test_every_wellformed_sample_parses() -> None:
    files = sorted(p for p in SAMPLES.rglob("*") if p.suffix in (".xml", ".rdf"))
    assert len(files) > 1500
    refused: list[str] = []
    for path in files:
        try:
            parse_feed(
                path.read_bytes(),
                {"content-type": "application/xml"},
                "http://example.org/feed",
                None,
                now=datetime(2026, 1, 1, tzinfo=UTC),
            )
        except FeedError as exc:
            refused.append(f"{path.relative_to(SAMPLES)}: {exc}")
    assert refused == []
