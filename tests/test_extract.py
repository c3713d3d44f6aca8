"""Full-text extraction on a page built from seed 004: the article's text without the page
furniture, and its "相关文章" list as RelatedLinks."""

from __future__ import annotations

import random
from pathlib import Path

from aggregator.extract import extract_article

PAGES = Path(__file__).parent / "data" / "pages"
SEEDS = Path(__file__).parent / "data" / "seeds"
URL = "https://grok.example.com/news/japan-philippines-pact"


def page() -> object:
    return extract_article((PAGES / "acsa_bilingual.html").read_bytes(), "text/html", URL)


def test_body_is_the_article_without_furniture() -> None:
    p = page()
    text: str = p.text  # type: ignore[attr-defined]
    seed = (SEEDS / "004_addd8f82d7b26a55.txt").read_text(encoding="utf-8")
    assert p.title == "Japan and Philippines sign new defense pact to strengthen ties"  # type: ignore[attr-defined]
    # Every paragraph of the article proper is there, in order, as its own paragraph.
    lead = next(
        line
        for line in seed.splitlines()
        if line.startswith("Japan and the Philippines signed a new")
    )
    paras = text.split("\n\n")
    assert paras[0] == lead
    assert any(p.startswith("Initiated in April 2025") for p in paras)
    # Furniture is gone: cookie notice, captions, share widget, navigation, footer, scripts.
    for junk in (
        "cookie",
        "隐私政策",
        "AI 生成的图像",
        "shake hands",
        "Share on X",
        "Grok News",
        "All rights reserved",
        "injected",
        "dataLayer",
        "拒绝",
    ):
        assert junk not in text, junk
    # The related list is not part of the body.
    assert "韩国和日本同意时隔九年恢复海军搜救演习" not in text
    assert "<" not in text and "javascript" not in text and "onerror" not in text


def test_related_articles_become_links() -> None:
    related = page().related  # type: ignore[attr-defined]
    urls = [r.url for r in related]
    assert urls[0] == "https://grok.example.com/news/korea-japan-sar-drills"  # utm dropped
    assert "https://grok.example.com/news/motegi-manila-visit" in urls  # relative resolved
    assert len(related) == 6  # the seventh is a javascript: link and is dropped
    assert all(u.startswith("https://") for u in urls)
    first = related[0]
    assert first.title == "韩国和日本同意时隔九年恢复海军搜救演习"
    assert first.summary.startswith("韩国和日本于1月30日")
    assert "AI 生成的图像" not in first.summary and "由 AI 报道" not in first.summary
    english = next(r for r in related if r.url.endswith("takaichi-lee-summit"))
    assert "APEC" in english.summary


def test_undeclared_gbk_page_and_no_semantic_markup() -> None:
    html = (
        "<html><head><title>新闻</title></head><body><div class='nav'>首页</div>"
        "<div id='content'><p>菲律宾与日本周四在马尼拉正式签署新的防务协定。</p>"
        "<p>该协定仍需日本国会批准方能正式生效。</p></div>"
        "<div class='footer-links'><p>版权所有</p></div></body></html>"
    ).encode("gbk")
    p = extract_article(html, "text/html", "https://zh.example.cn/a.html")
    assert (
        p.text
        == "菲律宾与日本周四在马尼拉正式签署新的防务协定。\n\n该协定仍需日本国会批准方能正式生效。"
    )
    assert p.title == "新闻"


def test_wrapper_with_related_in_its_class_is_not_dropped() -> None:
    html = (
        "<html><body><div class='page with-related-sidebar'><article><h1>Title</h1>"
        "<p>The body paragraph that matters.</p></article>"
        "<aside><h2>Related stories</h2><ul><li><a href='/x'>Other story</a></li></ul></aside>"
        "</div></body></html>"
    ).encode()
    p = extract_article(html, "text/html; charset=utf-8", "https://e.com/a")
    assert p.text == "The body paragraph that matters."
    assert [(r.url, r.title) for r in p.related] == [("https://e.com/x", "Other story")]


HOSTILE = """<!DOCTYPE html><html><head><title>Hostile</title>
<style>body { background: url(javascript:alert('style')) }</style>
<script>var SECRET_SCRIPT = 1; document.cookie;</script>
<link rel="stylesheet" href="javascript:alert('link')">
<meta http-equiv="refresh" content="0;url=javascript:x">
</head><body onload="alert('onload')">
<article><h1 onmouseover="alert('h1')">A page that attacks its reader</h1>
<p onclick="alert('click')">The council met on Tuesday to discuss the new bus routes for
the town centre,
which will run every ten minutes from the station to the hospital and the university.</p>
<iframe src="https://evil.example/frame"
 srcdoc="&lt;p&gt;IFRAME_TEXT&lt;/p&gt;">IFRAME_FALLBACK</iframe>
<p>Councillors agreed that fares would stay at two pounds for a single journey until the end of
next year, and that older residents would keep travelling free at all hours of the day.</p>
<script type="text/javascript">document.write('<p>INJECTED_BY_SCRIPT</p>')</script>
<noscript><p>NOSCRIPT_TEXT please enable javascript</p></noscript>
<object data="x.swf"><embed src="x.swf">EMBED_TEXT</object>
<svg><script>SVG_SCRIPT</script><text>SVG_TEXT</text></svg>
<p>Work on the new shelters starts in March.<img src=x onerror="alert('img')">
<a href="javascript:alert('a')">a link that runs code</a></p>
<template><p>TEMPLATE_TEXT</p></template><style>.x{color:red}/*STYLE_TEXT*/</style>
<form action="/steal"><input value="FORM_VALUE"><textarea>TEXTAREA_TEXT</textarea></form>
</article></body></html>"""


def test_hostile_markup_never_reaches_the_text() -> None:
    p = extract_article(HOSTILE.encode(), "text/html; charset=utf-8", "https://e.com/a")
    assert "bus routes" in p.text and "older residents" in p.text and "shelters" in p.text
    for bad in (
        "<",
        ">",
        "alert",
        "javascript",
        "onclick",
        "onerror",
        "SECRET_SCRIPT",
        "IFRAME",
        "INJECTED",
        "NOSCRIPT",
        "EMBED_TEXT",
        "SVG_",
        "TEMPLATE_TEXT",
        "STYLE_TEXT",
        "FORM_VALUE",
        "TEXTAREA_TEXT",
        "evil.example",
    ):
        assert bad not in p.text, bad
    assert p.title == "A page that attacks its reader"


def test_huge_page_is_capped() -> None:
    """Megabytes of inline JSON (as real pages carry) push the tail past the byte cap; the
    article itself is longer than the text cap."""
    from aggregator.extract import MAX_PAGE_BYTES, MAX_TEXT_CHARS

    paras = "".join(
        f"<p>Meeting {i} of the valley residents took {i % 7 + 2} hours and ended with a vote "
        f"on bridge plan number {i * 13}.</p>\n"
        for i in range(3000)
    )
    blob = '{"k": "' + "x" * MAX_PAGE_BYTES + '"}'
    html = (
        f"<html><head><title>Long</title></head><body><article>{paras}</article>"
        f"<script>var STATE = {blob};</script><p>PAST_THE_CAP</p></body></html>"
    )
    data = html.encode()
    assert len(data) > MAX_PAGE_BYTES and len(paras) > MAX_TEXT_CHARS
    p = extract_article(data, "text/html; charset=utf-8", "https://e.com/long")
    assert MAX_TEXT_CHARS * 0.9 < len(p.text) <= MAX_TEXT_CHARS
    assert p.text.startswith("Meeting 0 of the valley") and p.text.endswith(".")
    assert "PAST_THE_CAP" not in p.text and "xxxx" not in p.text


def test_empty_and_markupless_pages_give_empty_text() -> None:
    for data in (b"", b"   ", b"\x00\x01\x02", "<html></html>".encode()):
        p = extract_article(data, "text/html", "https://e.com/x")
        assert p.text == "" and p.related == ()


def test_big5_page_that_claims_utf8_decodes_right() -> None:
    """The server says UTF-8, the page says Big5 (tests/data/bodies/zh08)."""
    from support_bodies import BODIES

    data = (BODIES / "zh08.html").read_bytes()
    p = extract_article(data, "text/html; charset=utf-8", "https://tw.example.com/n")
    assert p.title == "台積電第三季營收創新高 先進製程需求強勁"
    assert p.text.startswith("台積電今天公布第三季財報")
    assert [r.title for r in p.related]  # its 延伸閱讀 list, harvested
    assert all("台積電" not in r.title for r in p.related)


def test_feed_html_survives_hostile_nesting_and_keeps_its_text() -> None:
    from aggregator.extract import html_to_text

    assert html_to_text("<div>" * 200_000 + "deep" + "</div>" * 200_000) == "deep"
    assert html_to_text("<b>" * 50_000 + "x") == "x"
    assert html_to_text("<!-- only a comment -->") == ""
    text = html_to_text(
        "<p>one<br>two</p><script>alert(1)</script><ul><li>a</li><li>b</li></ul>tail"
    )
    assert text == "one two\n\na\n\nb\n\ntail"


def _markup(rng: random.Random, depth: int = 0) -> str:
    """Random well-nested feed-summary markup: the shapes the regex path reads."""
    words = [
        "hello",
        " 中国 ",
        "&amp;",
        "&nbsp;",
        "&lt;x&gt;",
        "&quot;q&quot;",
        "it's",
        "\n",
        "\u3000",
    ]
    out = []
    for _ in range(rng.randint(1, 4)):
        r = rng.random()
        if r < 0.4 or depth > 4:
            out.append(rng.choice(words))
        elif r < 0.5:
            out.append(rng.choice(["<br>", "<br/>", "<BR />"]))
        else:
            tag = rng.choice(["p", "div", "a", "b", "em", "strong", "span", "P", "Div"])
            attr = rng.choice(["", ' href="http://x/?a=1&amp;b=2"', " class='c'", " id=x"])
            out.append(f"<{tag}{attr}>{_markup(rng, depth + 1)}</{tag}>")
    return "".join(out)


def test_simple_markup_reads_the_same_without_the_parser() -> None:
    # html_to_text reads plain paragraph/link/emphasis markup with regexes and leaves the
    # rest to libxml2; where it takes the short path, the text must be the parser's.
    from aggregator.extract import _simple_html, clean_paragraphs, parsed_text

    rng = random.Random(5)
    samples = [_markup(rng) for _ in range(4000)]
    samples += [
        "<p>One.</p><p>Two &amp; three.</p>",
        '<p>See <a href="https://x.org/a?b=1&amp;c=2">this</a><br/>and more</p>',
        "<div><p>a</p><p>b</p></div>",
    ]
    fast = 0
    for html in samples:
        simple = _simple_html(html)
        if simple is not None:
            fast += 1
            assert clean_paragraphs(simple) == parsed_text(html), html
    assert fast > 1000
    for odd in (  # each of these is left to the parser
        "<p>a<p>b</p>",  # unclosed paragraph
        "<b>a</i>",  # misnested
        "<p>a<!-- c --></p>",  # comment
        "<script>x</script>",  # dropped element
        "a < b",  # stray bracket
        "&#8217;",  # numeric reference
        "<p>a<div>b</div></p>",  # a block inside a paragraph
    ):
        assert _simple_html(odd) is None, odd


def test_one_line_collapses_what_the_whitespace_class_matches() -> None:
    import re

    from aggregator.extract import one_line

    rng = random.Random(11)
    alphabet = [chr(i) for i in range(0x80)] + ["\u3000", "\xa0", "\u2028", "\x85", "\u200b", "中"]
    for _ in range(5000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        spaced = re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", " ", text)
        assert one_line(text) == re.sub(r"\s+", " ", spaced).strip(), repr(text)
