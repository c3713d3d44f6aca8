"""Full-text extraction on a page built from seed 004: the article's text without the page
furniture, and its "相关文章" list as RelatedLinks."""

from __future__ import annotations

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
