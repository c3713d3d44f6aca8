"""Parsing fixture feeds: encodings decoded right, malformed feeds keep what parsed,
entity bombs defused, entries normalized (clean text, canonical URL, UTC time)."""

from __future__ import annotations

import resource
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

import pytest

from aggregator.encoding import decode
from aggregator.errors import FeedError
from aggregator.extract import html_to_text
from aggregator.parse import parse_feed

FEEDS = Path(__file__).parent / "data" / "feeds"
KOREA_SIMP = "韩国和日本同意时隔九年恢复海军搜救演习"
KOREA_TRAD = "韓國和日本同意時隔九年恢復海軍搜救演習"


def load(name: str, headers: dict[str, str] | None = None) -> object:
    return parse_feed((FEEDS / name).read_bytes(), headers or {}, "https://feeds.example/x")


@pytest.mark.parametrize(
    ("name", "headers", "title"),
    [
        ("gbk_declared.xml", {}, KOREA_SIMP),
        ("gb2312_declared.xml", {}, KOREA_SIMP),
        ("gbk_undeclared.xml", {}, KOREA_SIMP),  # feedparser alone: windows-1252 mojibake
        ("gbk_undeclared.xml", {"Content-Type": "text/xml; charset=gbk"}, KOREA_SIMP),
        ("big5.xml", {}, KOREA_TRAD),
        ("zh_hant_rss.xml", {}, KOREA_TRAD),
    ],
)
def test_chinese_encodings_decode_right(name: str, headers: dict[str, str], title: str) -> None:
    feed = load(name, headers)
    assert feed.entries[0].title == title  # type: ignore[attr-defined]
    # Traditional stays Traditional: no conversion on the way in.
    assert "橫須賀" in feed.entries[0].summary or "横须贺" in feed.entries[0].summary  # type: ignore[attr-defined]


def test_feedparser_alone_garbles_undeclared_gbk(monkeypatch: pytest.MonkeyPatch) -> None:
    """The reason encoding.decode exists (FIELD-NOTES); if feedparser fixes it, simplify.

    feedparser guesses with chardet when it is importable; chardet is not a runtime
    dependency (readability-lxml, a test-only benchmark dependency, brings it), so the
    test runs feedparser as production has it: without chardet.
    """
    import io

    import feedparser
    import feedparser.encodings

    monkeypatch.setattr(feedparser.encodings, "chardet", None, raising=False)
    monkeypatch.setattr(feedparser.encodings, "lazy_chardet_encoding", None, raising=False)
    raw = feedparser.parse(io.BytesIO((FEEDS / "gbk_undeclared.xml").read_bytes()))
    assert raw.entries[0].title != KOREA_SIMP


def test_encoding_override_wins_over_a_lying_header() -> None:
    data = (FEEDS / "gbk_undeclared.xml").read_bytes()
    lying = {"Content-Type": "application/xml; charset=iso-8859-1"}
    assert parse_feed(data, lying, encoding_override="gbk").entries[0].title == KOREA_SIMP
    # Even without the override the Latin-1 claim is recognised as mojibake.
    assert parse_feed(data, lying).entries[0].title == KOREA_SIMP


def test_server_default_charset_loses_to_the_document() -> None:
    data = (FEEDS / "gbk_declared.xml").read_bytes()
    feed = parse_feed(data, {"Content-Type": "text/xml; charset=utf-8"})
    assert feed.entries[0].title == KOREA_SIMP
    assert (feed.encoding, feed.encoding_source) == ("gb18030", "declared")


def test_decode_sources() -> None:
    text = "新闻 news"
    assert decode(text.encode("utf-8")).source == "utf-8"
    assert decode(b"\xef\xbb\xbf" + text.encode()).source == "bom"
    d = decode(text.encode("gbk"), "text/html; charset=GB2312")
    assert (d.text, d.encoding, d.source) == (text, "gb18030", "http")
    page = b'<html><head><meta charset="big5"></head><body>' + "新聞".encode("big5")
    assert "新聞" in decode(page, html=True).text


def test_english_rss_normalized() -> None:
    feed = load("en_rss.xml")
    first, second, third = feed.entries  # type: ignore[attr-defined]
    assert feed.title == "Example World News"  # type: ignore[attr-defined]
    assert first.guid == "world-1001"
    assert first.url == "https://world.example.com/tech/iphone-launch?id=42"
    assert first.title == "Apple unveils new iPhone & cheaper Mac"
    assert first.summary.split("\n\n") == [
        "Apple on Tuesday unveiled its latest iPhone at an event in Cupertino.",
        "The company also cut the price of its entry-level Mac.",
    ]
    assert "alert" not in first.summary
    assert first.published == datetime(2026, 1, 13, 9, 15, tzinfo=UTC)
    assert first.author == "Jane Doe"
    # URL-shaped GUIDs lose their tracking parameters too (feedhq#107).
    assert second.guid == "https://world.example.com/economy/rates"
    assert second.published == datetime(2026, 1, 14, 17, 0, tzinfo=UTC)  # +0100 to UTC
    # No GUID: the (resolved, canonical) link; a date without a zone is taken as UTC.
    assert third.guid == third.url == "https://feeds.example/weather/storm-schools"
    assert third.published == datetime(2026, 1, 15, 6, 45, tzinfo=UTC)
    for e in feed.entries:  # type: ignore[attr-defined]
        assert "<" not in e.summary and "onclick" not in e.summary
        assert e.published is None or e.published.tzinfo is not None


def test_chinese_atom() -> None:
    feed = load("zh_atom.xml")
    e = feed.entries[0]  # type: ignore[attr-defined]
    assert e.url == "https://zh.example.cn/world/2026/0115/acsa.html"  # spm dropped
    assert e.published == datetime(2026, 1, 15, 10, 30, tzinfo=UTC)
    assert e.content.split("\n\n")[1] == "该协定仍需日本国会批准方能正式生效。"
    assert e.author == "新华社记者"


def test_malformed_feed_keeps_what_parsed() -> None:
    feed = load("malformed.xml")
    assert [e.title for e in feed.entries] == ["First story survives", "Second story & friends"]  # type: ignore[attr-defined]
    assert feed.warning  # type: ignore[attr-defined]


def test_entity_bomb_is_defused_cheaply() -> None:
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    feed = load("entity_bomb.xml")
    grown_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    assert grown_kb < 50_000
    titles = [e.title for e in feed.entries]  # type: ignore[attr-defined]
    assert "Harmless item" in titles
    assert all(len(e.title) < 100 and "root:" not in e.summary for e in feed.entries)  # type: ignore[attr-defined]
    assert "entity" in (feed.warning or "")  # type: ignore[attr-defined]


def test_not_a_feed_is_an_error() -> None:
    with pytest.raises(FeedError, match="not a feed"):
        load("not_a_feed.html")
    with pytest.raises(FeedError):
        parse_feed(b"\x00\x01 binary junk \xff\xfe", {})


def test_bytes_naming_a_local_file_are_not_opened() -> None:
    # feedparser opens a str/bytes argument that names an existing file; we pass a stream.
    with pytest.raises(FeedError):
        parse_feed(str(FEEDS / "en_rss.xml").encode(), {})


def test_html_to_text_keeps_paragraphs_and_drops_markup() -> None:
    html = (
        "<div><p>One  <b>bold</b>\nline.</p><script>x()</script><p>Two<br>lines</p>"
        "<ul><li>a</li><li>b</li></ul><p onclick='x'>&lt;script&gt; &amp; text</p></div>"
    )
    assert html_to_text(html) == "One bold line.\n\nTwo lines\n\na\n\nb\n\n<script> & text"
    assert html_to_text("plain\n\n\n second  para ") == "plain\n\nsecond para"
    assert html_to_text("") == ""


BAD_DATES_NOW = datetime(2026, 1, 15, 12, 0, tzinfo=UTC)


def test_bad_item_dates_are_dropped_and_the_feed_kept() -> None:
    """One out-of-range pubDate used to raise OverflowError and lose all seven items."""
    feed = parse_feed((FEEDS / "bad_dates.xml").read_bytes(), {}, now=BAD_DATES_NOW)
    published = {e.guid: e.published for e in feed.entries}
    assert published == {
        "dates-1": datetime(2026, 1, 14, 8, 0, tzinfo=UTC),
        "dates-2": None,  # year 9999 at -0500: past datetime.max in UTC
        "dates-3": None,  # 1970: before 1990
        "dates-4": None,  # 2126: in the future
        "dates-5": None,  # "sometime last week"
        "dates-6": datetime(2026, 1, 14, 9, 30, tzinfo=UTC),  # year 1 dropped, <updated> used
        "dates-7": datetime(2026, 1, 14, 9, 0, tzinfo=UTC),
    }
    assert feed.warning == (
        "5 item dates dropped, e.g. out of range: 'Fri, 31 Dec 9999 23:59:59 -0500'"
    )


def _one_item(date: str) -> bytes:
    return (
        '<rss version="2.0"><channel><title>t</title><item><title>x</title>'
        f"<guid>g</guid><pubDate>{date}</pubDate></item></channel></rss>"
    ).encode()


@pytest.mark.parametrize(
    ("offset", "kept"),
    [(timedelta(days=-3000), True), (timedelta(days=1), True), (timedelta(days=3), False)],
)
def test_future_dates_get_two_days_of_slack(offset: timedelta, kept: bool) -> None:
    when = BAD_DATES_NOW + offset
    feed = parse_feed(_one_item(format_datetime(when, usegmt=True)), now=BAD_DATES_NOW)
    (entry,) = feed.entries
    assert entry.published == (when if kept else None)
    assert (feed.warning is None) == kept
    if not kept:
        assert "in the future" in (feed.warning or "")


@pytest.mark.parametrize(
    ("date", "reason"),
    [
        ("Fri, 31 Dec 9999 23:59:59 -0500", "out of range"),
        ("Mon, 01 Jan 1900 00:00:00 GMT", "before 1990"),
        ("the day before yesterday", "unparseable"),
    ],
)
def test_one_bad_date_is_named_in_the_warning(date: str, reason: str) -> None:
    feed = parse_feed(_one_item(date), now=BAD_DATES_NOW)
    assert feed.entries[0].published is None and feed.entries[0].title == "x"
    assert feed.warning == f"1 item date dropped, e.g. {reason}: {date!r}"


def test_good_dates_leave_no_warning() -> None:
    feed = load("en_rss.xml")
    assert feed.warning is None  # type: ignore[attr-defined]


_RELATED_RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Desk</title><link>https://news.example/</link><description>d</description>
<item><title>菲律宾与日本签署协定</title><link>https://news.example/a/1</link>
<guid>g1</guid><description>协定今日签署。</description>
<content:encoded><![CDATA[<p>协定今日在马尼拉签署。两国国防部长出席签字仪式，协定将在双方完成国内程序后生效。</p>
<aside class="related"><h3>相关文章</h3><ul>
<li><a href="/a/0">茂木敏充抵达马尼拉</a></li>
<li><a href="https://news.example/a/9?utm_source=x">台积电季度利润大增</a></li>
</ul></aside>]]></content:encoded></item>
<item><title>Plain</title><link>https://news.example/a/2</link><guid>g2</guid>
<description>&lt;p&gt;Read more about the pact below.&lt;/p&gt;</description></item>
</channel></rss>"""


def test_a_related_list_in_entry_content_is_links_not_text() -> None:
    """Whole-article feeds end items with the site's 相关文章 list: its links are the
    publisher's related coverage (kept on the entry, canonical, relative ones resolved) and
    its titles, other events', never become this article's text."""
    first, plain = parse_feed(_RELATED_RSS.encode(), {}, "https://news.example/rss").entries
    assert [r.url for r in first.related] == [
        "https://news.example/a/0",
        "https://news.example/a/9",
    ]
    assert [r.title for r in first.related] == ["茂木敏充抵达马尼拉", "台积电季度利润大增"]
    assert "协定今日在马尼拉签署" in first.content
    assert "台积电" not in first.content and "相关文章" not in first.content
    assert plain.related == () and "Read more about the pact below." in plain.summary


def test_a_wrapper_named_like_a_related_list_keeps_the_article() -> None:
    """A content wrapper whose class merely says "read-more" holds the article itself: it
    is not cut out as a related list, and javascript: links are never related coverage."""
    from aggregator.page_clean import split_related

    body = "<p>" + "The council voted the budget through on Tuesday. " * 20 + "</p>"
    wrapped = (
        f'<div class="post read-more-enabled">{body}<ul><li><a href="/x">X</a></li></ul></div>'
    )
    assert split_related(wrapped, "https://news.example/a") == (wrapped, ())
    hostile = (
        body + '<aside class="related"><ul><li><a href="javascript:alert(1)">Evil</a></li>'
        '<li><a href="https://news.example/b">Fine</a></li></ul></aside>'
    )
    html, links = split_related(hostile, None)
    assert [r.url for r in links] == ["https://news.example/b"]
    assert "Evil" not in html and "council voted" in html
