"""The digest as data, text, HTML and MIME: grouping, ranking, markers, and hostile feed text."""

from __future__ import annotations

import email
from datetime import UTC, date, datetime
from email.policy import default
from html.parser import HTMLParser

import pytest
from support_smtp import fixture_day

from aggregator.digest import build_digest, clip, day_bounds, default_day, display_order, lead, plan
from aggregator.digest_render import one_line, render_html, safe_url, subject
from aggregator.digest_text import render_text
from aggregator.errors import ConfigError
from aggregator.mailer import build_message, check_address

DAY = date(2026, 1, 15)
TZ = "Asia/Shanghai"
NOW = datetime(2026, 1, 16, 0, 30, tzinfo=UTC)


def fixture_digest():  # type: ignore[no-untyped-def]
    f = fixture_day()
    return f, build_digest(DAY, TZ, f.articles, f.translations, f.stories)


# --- the day -------------------------------------------------------------------------------


def test_day_bounds_follow_the_time_zone_and_dst() -> None:
    start, end = day_bounds(DAY, TZ)
    assert start == datetime(2026, 1, 14, 16, tzinfo=UTC)
    assert end == datetime(2026, 1, 15, 16, tzinfo=UTC)
    # The day US clocks spring forward has 23 hours.
    s, e = day_bounds(date(2026, 3, 8), "America/New_York")
    assert (e - s).total_seconds() == 23 * 3600
    with pytest.raises(ConfigError):
        day_bounds(DAY, "Mars/Olympus_Mons")


def test_default_day_is_yesterday_in_the_digest_zone() -> None:
    late_utc = datetime(2026, 1, 15, 17, 0, tzinfo=UTC)  # already the 16th in Shanghai
    assert default_day(late_utc, TZ) == date(2026, 1, 15)
    assert default_day(late_utc, "UTC") == date(2026, 1, 14)


def test_lead_takes_the_first_paragraph_and_cuts_at_a_sentence() -> None:
    text = ("One short sentence. " * 40).strip() + "\n\nSecond paragraph must not show."
    out = lead(text, limit=120)
    assert out.endswith("sentence.") and len(out) <= 120
    assert "Second" not in out
    zh = "菲律宾和日本" * 100
    cut = lead(zh, limit=50)
    assert cut.endswith("…") and len(cut) <= 51
    assert lead("", 50) == ""
    assert clip("  a\n b  ") == "a b"
    assert len(clip("標題" * 500)) == 200 and clip("標題" * 500).endswith("…")


# --- grouping and ranking ------------------------------------------------------------------


def test_stories_ranked_by_coverage_then_singletons() -> None:
    f, d = fixture_digest()
    ids = f.ids
    assert [s.id for s in d.stories] == [1, 2]
    acsa = d.stories[0]
    assert {a.id for a in acsa.articles} == {ids["acsa_en"], ids["acsa_page"], ids["acsa_zh"]}
    assert len(acsa.sources) == 3 and acsa.bilingual
    assert acsa.title_translated == "日本和菲律宾签署新防务协定以加强关系"
    # The lone drills article leads a story because its story has related coverage.
    assert [r.id for r in acsa.related] == [2]
    assert [a.id for a in d.singletons] == [ids["markets_en"], ids["hostile"]]
    # The day is local: 00:30 in Shanghai is in, 18:00 the evening before is out.
    every = {a.id for s in d.stories for a in s.articles} | {a.id for a in d.singletons}
    assert ids["yesterday_en"] not in every
    assert d.article_count == 6


def test_a_bigger_bilingual_story_outranks_a_single_source_one() -> None:
    f = fixture_day()
    from dataclasses import replace

    # Put the markets article and the (moved) preview into a story of one source, same day.
    moved = [
        replace(a, story_id=9, published=datetime(2026, 1, 15, 1, tzinfo=UTC))
        if a.id in (f.ids["markets_en"], f.ids["yesterday_en"])
        else a
        for a in f.articles
    ]
    d = build_digest(DAY, TZ, moved, f.translations, f.stories)
    assert [s.id for s in d.stories][0] == 1
    assert 9 in [s.id for s in d.stories]
    without_stories = build_digest(DAY, TZ, moved, f.translations)
    # Without stored stories a group is named by its earliest article.
    nine = next(s for s in without_stories.stories if s.id == 9)
    assert nine.title == "Manila shares open higher after defense pact news"


def test_empty_day_is_a_short_digest_not_an_error() -> None:
    d = build_digest(DAY, TZ, [], {})
    assert d.empty
    assert "no new stories" in subject(d)
    text = render_text(d)
    assert "No new stories" in text and "当天没有新的报道" in text
    assert "No new stories" in render_html(d)


# --- rendering -----------------------------------------------------------------------------


def test_text_has_both_languages_markers_times_and_related() -> None:
    _, d = fixture_digest()
    text = render_text(d)
    assert "Philippines and Japan sign defense pact in Manila" in text
    assert "菲律宾与日本在马尼拉签署防务协定" in text  # its translation
    assert "日本与菲律宾在马尼拉签署《物资劳务相互提供协定》" in text
    # The lead of the English seed, and the translation of its body's first paragraph.
    assert "The Philippines and Japan have officially signed" in text
    assert "菲律宾和日本在马尼拉正式签署了一项新的防务协议" in text
    # 04:00 UTC is 12:00 in Shanghai.
    assert "Example Wire · 12:00 · EN" in text
    # Untranslated: the Chinese drills story lacks English, the markets item lacks Chinese.
    # One note at the top says so; no marker under each title.
    assert "[untranslated]" not in text and "(未翻译)" not in text
    assert text.count("Translations are pending") == 1
    assert "newsdesk models install en zh" in text.split("== 1.")[0]
    drills = text[text.index("== 2. 韩国和日本同意时隔九年恢复海军搜救演习") :]
    assert drills.splitlines()[1].strip().startswith("1 article")
    assert "Related coverage · 相关报道" in text
    assert "https://wire.example.com/2026/01/15/japan-philippines-acsa" in text


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_hostile_feed_text_comes_out_inert_in_html() -> None:
    _, d = fixture_digest()
    page = render_html(d)
    p = _Collect()
    p.feed(page)
    tags = {t for t, _ in p.tags}
    assert not tags & {"script", "img", "iframe", "object", "embed", "style", "link", "form"}
    for tag, attrs in p.tags:
        assert not [k for k in attrs if k.startswith("on")], (tag, attrs)
        if tag == "a":
            assert (attrs["href"] or "").startswith(("http://", "https://"))
    assert "javascript:" not in "".join(str(a.get("href")) for _, a in p.tags)
    assert "tracker.example.com" not in "".join(str(a.get("src")) for _, a in p.tags)
    text = "".join(p.text)
    # The hostile markup is shown as text, escaped, so a reader sees what the feed sent.
    assert "<script>document.body.setAttribute" in text
    assert "\u202e" not in page and "\r" not in page
    # Its title is shown, but not as a link (its URL is javascript:).
    assert "Breaking Bcc: victim@example.com" in text


def test_safe_url_and_one_line() -> None:
    assert safe_url("https://example.com/a?b=1") == "https://example.com/a?b=1"
    for bad in (
        "javascript:alert(1)",
        "data:text/html,x",
        "http://",
        "//x.com",
        "http://a b",
        "ftp://x.com/",
        "http://[::1",
        None,
        "",
    ):
        assert safe_url(bad) is None, bad
    assert one_line("a\r\nBcc: x\u202e\x1b[31m y") == "a Bcc: x [31m y"


# --- the message ---------------------------------------------------------------------------


def test_message_is_multipart_alternative_with_encoded_chinese_subject() -> None:
    _, d = fixture_digest()
    msg = build_message(d, sender="newsdesk@example.org", to=["desk@example.org"], now=NOW)
    raw = msg.as_bytes()
    head = raw.split(b"\r\n\r\n", 1)[0]
    head.decode("ascii")  # every header is 7-bit: the Chinese subject is RFC 2047 encoded
    assert b"Subject: =?utf-8?" in head
    assert all(len(line) <= 998 for line in raw.split(b"\r\n"))
    back = email.message_from_bytes(raw, policy=default)
    assert back["Subject"] == subject(d) and "新闻摘要" in back["Subject"]
    assert back["Date"] and back["Message-ID"] and back["To"] == "desk@example.org"
    assert back.get_content_type() == "multipart/alternative"
    parts = list(back.iter_parts())
    assert [p.get_content_type() for p in parts] == ["text/plain", "text/html"]
    assert all(p.get_content_charset() == "utf-8" for p in parts)
    assert "韩国和日本同意时隔九年恢复海军搜救演习" in parts[0].get_content()
    assert "韩国和日本同意时隔九年恢复海军搜救演习" in parts[1].get_content()
    # A CR/LF in a title or a feed name never became a header.
    assert back["Bcc"] is None and back["X-Evil"] is None
    assert b"\r\nBcc:" not in head


def test_addresses_are_checked() -> None:
    assert check_address(" Desk <desk@example.org> ", "to") == "Desk <desk@example.org>"
    for bad in ("nobody", "a@b\r\nBcc: victim@example.com", "@example.org", "a@"):
        with pytest.raises(ConfigError):
            check_address(bad, "to")


# --- a busy day ----------------------------------------------------------------------------


def busy_day(n: int):  # type: ignore[no-untyped-def]
    """`n` copies of the fixture's ACSA articles spread over the day: 200 stories of up to
    25 articles, a third of them singletons, every other one translated."""
    from dataclasses import replace
    from datetime import timedelta

    f = fixture_day()
    base = [a for a in f.articles if a.story_id == 1]
    start = datetime(2026, 1, 14, 16, 1, tzinfo=UTC)
    arts, tr = [], {}
    for i in range(n):
        b = base[i % len(base)]
        a = replace(
            b,
            id=i + 1,
            story_id=(i % 200) + 1 if i % 3 else None,
            published=start + timedelta(seconds=i * 80_000 // n),
            feed=f"Feed {i % 17}",
        )
        arts.append(a)
        if i % 2:
            tr[a.id] = f.translations.get(b.id, {})
    return build_digest(DAY, TZ, arts, tr)


def test_a_busy_day_is_cut_to_a_readable_message_with_counts_of_the_rest() -> None:
    d = busy_day(3000)
    assert d.article_count == 3000 and len(d.stories) == 200
    p = plan(d)
    full = [v for v in p.stories if v.full]
    assert len(full) == 8 and len(p.stories) == 28 and p.hidden_stories == 172
    # Each full story shows both languages among its leads, then one-liners, then a count.
    for v in full:
        assert {a.lang for a in v.lead} == {"en", "zh"}
        assert len(v.lead) + len(v.brief) + v.hidden == len(v.story.articles)
    page, text = render_html(d), render_text(d)
    # Gmail clips a message whose HTML passes about 102 kB.
    assert len(page.encode()) < 102_000
    assert "+ 172 more stories not shown · 另有172个报道未列出" in text
    assert f"另有{p.hidden_singletons}篇文章未列出" in page
    assert page.count("<a href=") >= 8 * 7 + 20 + 30


def test_display_order_prefers_new_languages_then_new_sources() -> None:
    f, d = fixture_digest()
    acsa = d.stories[0]
    order = display_order(acsa.articles)
    assert order[0].lang == "en" and order[1].lang == "zh"
    assert len({a.feed for a in order[:3]}) == 3


def test_a_continuing_story_says_since_when() -> None:
    from dataclasses import replace

    f = fixture_day()
    earlier = datetime(2026, 1, 12, 3, tzinfo=UTC)
    stories = dict(f.stories)
    stories[1] = replace(stories[1], first_seen=earlier)
    d = build_digest(DAY, TZ, f.articles, f.translations, stories)
    assert d.stories[0].since is not None and d.stories[0].since.day == 12
    assert "developing since 12 Jan · 始于1月12日" in render_text(d)
    assert d.stories[1].since is None


def test_bilingual_story_shows_its_other_headline_without_a_model() -> None:
    """A story with English and Chinese members reads in both languages with no
    translation: the other language's headline comes from the story's own articles."""
    from dataclasses import replace

    from aggregator.digest import build_digest
    from aggregator.models import Article, Story, StoryArticle

    when = datetime(2026, 1, 15, 4, 0, tzinfo=UTC)

    def art(i: int, lang: str, title: str) -> Article:
        return Article(
            id=i, feed=f"F{i}", url=f"https://x.example/{i}", urls=(), title=title,
            summary="s", body="", lang=lang, lang_confidence=1.0, published=when,
            fetched=when, updated=when, fingerprint=str(i), story_id=7,
        )  # fmt: skip

    arts = [art(1, "en", "TSMC profit jumps"), art(2, "zh", "台积电利润大增")]
    members = tuple(
        StoryArticle(a.id, a.url, (), a.title, None, a.lang, a.feed, a.published) for a in arts
    )
    story = Story(7, "TSMC profit jumps", when, when, ("en", "zh"), members)
    from aggregator.headlines import with_headlines

    d = build_digest(when.date(), "UTC", arts, {}, {7: with_headlines(story)})
    (s,) = d.stories
    assert s.title == "TSMC profit jumps" and s.title_translated == "台积电利润大增"
    text = render_text(d)
    assert "台积电利润大增" in text.split("TSMC profit jumps")[1]
    assert replace(d, untranslated=0) != d  # both titles lack a machine translation
