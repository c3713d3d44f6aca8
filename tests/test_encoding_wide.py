"""UTF-16/UTF-32 feeds in either byte order, with or without a BOM, labelled or not.

feedparser's own samples (tests/data/feeds/feedparser_encoding, see its README) say in their
header comments what a parser must make of them; our own Chinese feed is encoded every way a
server might send it.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

import pytest

from aggregator.encoding import decode
from aggregator.parse import parse_feed

SAMPLES = Path(__file__).parent / "data" / "feeds" / "feedparser_encoding"
EXPECT = re.compile(r"^Expect:\s*(.+)$", re.M)
EXPECTED_ENCODING = re.compile(r"encoding == '([^']+)'")
WIDE = ["utf-16-be", "utf-16-le", "utf-32-be", "utf-32-le"]
BOMS = {
    "utf-16-be": codecs.BOM_UTF16_BE,
    "utf-16-le": codecs.BOM_UTF16_LE,
    "utf-32-be": codecs.BOM_UTF32_BE,
    "utf-32-le": codecs.BOM_UTF32_LE,
}
TITLE = "韩国和日本同意时隔九年恢复海军搜救演习"


def samples() -> list[Path]:
    return sorted(SAMPLES.glob("*.xml"))


def expectation(text: str) -> str:
    found = EXPECT.search(text)
    assert found, "no Expect: line, so the sample was not decoded to its text"
    return found.group(1)


@pytest.mark.parametrize("path", samples(), ids=lambda p: p.stem)
def test_feedparser_sample_decodes_to_its_text(path: Path) -> None:
    data = path.read_bytes()
    decoded = decode(data)
    expected = EXPECTED_ENCODING.search(expectation(decoded.text))
    assert expected, path.name
    codec = codecs.lookup(expected.group(1)).name  # 'utf-16be' -> 'utf-16-be'
    assert decoded.encoding == codec
    # The text the sample's own stated encoding gives, without its BOM.
    assert decoded.text == data.decode(codec).removeprefix("\ufeff")
    assert decoded.text.startswith("<?xml") and decoded.text.rstrip().endswith("</rss>")


def test_every_copied_wellformed_sample_parses() -> None:
    wellformed = [
        p for p in samples() if expectation(decode(p.read_bytes()).text).startswith("not bozo")
    ]
    assert len(wellformed) >= 16  # the folder was found and its samples read
    for path in wellformed:
        data = path.read_bytes()
        feed = parse_feed(data, {})  # raises FeedError for "not a feed"
        assert feed.warning is None, (path.name, feed.warning)  # "not bozo"
        expected = EXPECTED_ENCODING.search(expectation(decode(data).text))
        assert expected and feed.encoding == codecs.lookup(expected.group(1)).name, path.name


def _feed(declared: str | None) -> str:
    decl = f'<?xml version="1.0" encoding="{declared}"?>\n' if declared else ""
    return (
        f'{decl}<rss version="2.0"><channel><title>新闻</title><item><title>{TITLE}</title>'
        "<link>https://wide.example.cn/1.html</link></item></channel></rss>"
    )


@pytest.mark.parametrize("codec", WIDE)
@pytest.mark.parametrize(
    ("bom", "declared", "header"),
    [
        (True, None, None),  # the BOM alone
        (False, None, None),  # no label at all: the byte pattern of "<"
        (False, "utf-16", None),  # a declaration without a byte order
        (False, None, "utf-16"),  # only the HTTP charset, without a byte order
        (True, "utf-8", "utf-8"),  # the BOM outranks labels that are wrong
    ],
)
def test_chinese_feed_in_every_wide_encoding(
    codec: str, bom: bool, declared: str | None, header: str | None
) -> None:
    if declared == "utf-16" and codec.startswith("utf-32"):
        declared = "utf-32"
    if header == "utf-16" and codec.startswith("utf-32"):
        header = "utf-32"
    data = (BOMS[codec] if bom else b"") + _feed(declared).encode(codec)
    headers = {"Content-Type": f"application/rss+xml; charset={header}"} if header else {}
    feed = parse_feed(data, headers)
    assert feed.encoding == codec
    assert [e.title for e in feed.entries] == [TITLE] and feed.title == "新闻"


@pytest.mark.parametrize("codec", WIDE)
def test_http_label_without_byte_order_is_resolved_from_the_bytes(codec: str) -> None:
    # A document that does not start with "<" cannot be sniffed; the label is used, with
    # the byte order the zero bytes show (Python's "utf-16" would assume little-endian).
    text = "news: " + TITLE + " and more plain ASCII text here"
    family = codec[:6]
    d = decode(text.encode(codec), f"text/plain; charset={family}")
    assert (d.text, d.encoding, d.source) == (text, codec, "http")


def test_a_wrong_utf16_label_on_ascii_compatible_bytes_is_ignored() -> None:
    # Common in the wild: a template says utf-16, the server sends UTF-8.
    data = _feed("utf-16").encode("utf-8")
    feed = parse_feed(data, {"Content-Type": "text/xml; charset=utf-16"})
    assert feed.entries[0].title == TITLE and feed.encoding == "utf-8"


def test_encoding_override_gets_a_byte_order_too() -> None:
    data = _feed(None).encode("utf-16-be")
    feed = parse_feed(data, {}, encoding_override="utf-16")
    assert feed.encoding == "utf-16-be" and feed.entries[0].title == TITLE
