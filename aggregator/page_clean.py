"""What our layer does to an article page's tree before the body extractor sees it.

Three things the extractor (trafilatura) either throws away or gets wrong, and that we need:

- The page's "related coverage" list (相关文章, Related stories) is data for story linking,
  so it is harvested as RelatedLinks and then cut out, so it never counts as body text. A
  feed entry's own content HTML can carry the same list (`split_related`).
- Markup that must never reach storage (scripts, styles, frames, embeds, forms) is removed
  outright, whatever the extractor would do with it.
- Furniture that news templates put inside the article (captions, "AI 生成的图像" labels,
  cookie and consent dialogs) is removed; trafilatura keeps some of it on short pages.

Works on an lxml.html tree in place; raises nothing on malformed markup.
"""

from __future__ import annotations

import re
from typing import Any

from .canonical import canonical_url
from .models import RelatedLink

MAX_RELATED = 100  # links kept from one page (a hostile page can list thousands)

DROP_TAGS = (
    "script",
    "style",
    "noscript",
    "template",
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "applet",
    "svg",
    "math",
    "canvas",
    "form",
    "button",
    "input",
    "select",
    "textarea",
    "video",
    "audio",
    "link",
    "meta",
    "base",
)
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_RELATED_ATTR = re.compile(
    r"related|recommend|more-stories|read-?more|also-read|xgxw|xgwz|xglj|tuijian", re.I
)
RELATED_HEADING = re.compile(
    r"^\s*(相关文章|相關文章|相关新闻|相關新聞|相关报道|相關報導|相关阅读|相關閱讀|延伸阅读|"
    r"延伸閱讀|推荐阅读|推薦閱讀|related( articles| stories| coverage| news| content)?|"
    r"read more|more stories|more on this story|you may also like)\s*[:：]?\s*$",
    re.I,
)
# Furniture, matched against the words of class/id/role/aria-label ("index_comment__Kd",
# "story_middle_ad", "ResponsiveAdSlot" and "cookie-law-info-bar" all split into words).
_FURNITURE_WORDS = frozenset(
    "cookie cookies consent gdpr onetrust cmp caption captions imgdesc descr figcaption "
    "label ad ads advert adverts advertisement adslot sponsor sponsored promo newsletter "
    "signup subscribe comment comments cmt share sharing sharedaddy social sns qrcode "
    "privacy".split()
)
_WORD_SPLIT = re.compile(r"[^A-Za-z0-9]+|(?<=[a-z])(?=[A-Z])")
_LAYOUT_CELL = ("table", "div", "p", "form", "h2", "h3", "ul", "ol", "article")
# Whole lines that are captions, labels, sign-offs or teasers, not article text.
NOT_BODY_LINE = re.compile(
    r"^\s*(AI ?生成的图像|AI ?生成的圖像|AI[- ]generated image|由 ?AI ?报道|由 ?AI ?報道|"
    r"(图片|圖片|图|圖|相片|photo|image)\s*(来源|來源|credit)?\s*[:：／/].{0,60}|getty images|"
    r"[【\[(（]?(责任编辑|責任編輯|责编|責編|编辑|編輯)\s*[:：].{0,30}|"
    r"(read more|more|related|相关阅读|相關閱讀|延伸阅读|延伸閱讀)\s*[:：].{0,160}|"
    r"\(?(reporting|writing|additional reporting) by [^.]{0,160}|"
    r"请继续往下阅读\W*|請繼續往下閱讀\W*|advertisement\W{0,4}(scroll to continue)?\W*)\s*$",
    re.I,
)
_WS = re.compile(r"\s+")


def _text(el: Any) -> str:
    return _WS.sub(" ", el.text_content()).strip()


def _attrs(el: Any) -> str:
    get = el.get
    return " ".join(
        str(get(k) or "") for k in ("id", "class", "role", "aria-label", "data-component")
    )


def _heading_of(el: Any) -> str:
    """The block's title: its first heading, else a short first child ('<div>相关新闻</div>')."""
    for head in el.iter(*_HEADINGS):
        return _text(head)
    for child in el.iterchildren():
        if isinstance(child.tag, str):
            text = _text(child)
            return text if len(text) <= 24 else ""
    return ""


def _drop(el: Any) -> None:
    """Remove an element but keep the text that follows it (lxml stores it on the element)."""
    if el.getparent() is not None:
        el.drop_tree()


def strip_hostile(root: Any) -> None:
    """Scripts, styles, frames, embeds and forms removed, comments and PIs with them."""
    from lxml import etree

    for el in list(root.iter(etree.Comment, etree.ProcessingInstruction, *DROP_TAGS)):
        _drop(el)


def _related_blocks(root: Any) -> list[Any]:
    found: list[Any] = []
    inside: set[Any] = set()
    for el in root.iter("aside", "section", "div", "ul", "ol", "nav", "dl"):
        if el is root or el in inside:  # the root: an entry's whole content (split_related)
            continue
        if not (_RELATED_ATTR.search(_attrs(el)) or RELATED_HEADING.match(_heading_of(el))):
            continue
        # A wrapper that holds the article itself is not a related list, whatever its class
        # says ("page has-related-sidebar").
        if next(el.iter("article", "main", "h1"), None) is not None:
            continue
        if next(el.iter("a"), None) is None:
            continue
        found.append(el)
        inside.update(el.iter())
    return found


def _item_link(item: Any, base_url: str | None, seen: set[str]) -> RelatedLink | None:
    """The item's first usable link, with its teaser paragraphs as the summary."""
    for cap in list(item.iter("figcaption")):
        _drop(cap)
    for a in item.iter("a"):
        url = canonical_url(a.get("href"), base_url)
        if url is None or url in seen:
            continue
        title = _WS.sub(" ", a.text_content()).strip() or (a.get("title") or "").strip()
        if not title:
            continue
        paras = (_text(p) for p in item.iter("p"))
        summary = " ".join(p for p in paras if p and p != title and not NOT_BODY_LINE.match(p))
        return RelatedLink(url=url, title=title, summary=summary)
    return None


def harvest_related(root: Any, base_url: str | None) -> tuple[RelatedLink, ...]:
    """The page's related-coverage links, in page order, one per URL; their blocks removed."""
    out: dict[str, RelatedLink] = {}
    for block in _related_blocks(root):
        items = [el for el in block.iter("li", "article", "dd") if el is not block] or [block]
        for item in items:
            if len(out) >= MAX_RELATED:
                break
            link = _item_link(item, base_url, set(out))
            if link is not None:
                out[link.url] = link
        _drop(block)
    return tuple(out.values())


def strip_furniture(root: Any) -> None:
    """Captions, image labels and consent dialogs removed before body extraction."""
    total = len(root.text_content())
    doomed = [
        el
        for el in root.iter()
        if isinstance(el.tag, str) and (el.tag == "figcaption" or _is_furniture(el))
    ]
    for el in doomed:
        if not _holds_article(el, total):
            _drop(el)


def _is_furniture(el: Any) -> bool:
    words = (w.lower() for w in _WORD_SPLIT.split(_attrs(el)) if w)
    return any(w in _FURNITURE_WORDS for w in words)


def _holds_article(el: Any, total: int) -> bool:
    """A wrapper whose class merely mentions a banner ("page has-cookie-bar") is kept."""
    if el.tag in ("html", "body", "article", "main"):
        return True
    if next(el.iter("article", "main", "h1"), None) is not None:
        return True
    return len(el.text_content()) > 0.4 * total


def unwrap_layout_tables(root: Any) -> None:
    """Tables used for page layout (cells holding blocks, or long text) become plain divs.

    Old templates lay the whole page out in one table; the extractor then treats article,
    sidebar and footer as one data table and returns them as a single row.
    """
    for table in list(root.iter("table")):
        cells = list(table.iter("td", "th"))
        if not any(_is_layout_cell(c) for c in cells):
            continue
        for el in [table, *table.iter("thead", "tbody", "tfoot", "tr", "td", "th")]:
            el.tag = "div"
            for name in ("width", "valign", "colspan", "rowspan", "align"):
                el.attrib.pop(name, None)


def _is_layout_cell(cell: Any) -> bool:
    if next((d for d in cell.iterdescendants(*_LAYOUT_CELL)), None) is not None:
        return True
    return len(cell.text_content()) > 400 or sum(1 for _ in cell.iter("br")) >= 4


MIN_KEPT_SHARE = 0.5  # of an entry's text, left once its related blocks are cut out
# Cheap test before any parse: an entry's HTML that could hold a related-coverage block.
# Substrings of the lowercased HTML, not a case-insensitive regex: this runs on every
# entry's summary and content, and the regex cost 100 us on a 1.3 KB summary (a tenth of
# a cold poll's CPU on the anchor's feeds); the substrings cost 8 us.
_RELATED_HINTS = (
    "related",
    "recommend",
    "more-stories",
    "readmore",
    "read-more",
    "also-read",
    "xgxw",
    "xgwz",
    "xglj",
    "tuijian",
    "more stories",
    "you may also like",
    "相关",
    "相關",
    "延伸阅读",
    "延伸閱讀",
    "推荐阅读",
    "推荐閱讀",
    "推薦阅读",
    "推薦閱讀",
)


def split_related(html: str, base_url: str | None) -> tuple[str, tuple[RelatedLink, ...]]:
    """A feed entry's content HTML without its related-coverage blocks, and their links.

    Feeds that carry whole articles (content:encoded, Atom content) often end them with
    the site's 相关文章 / Related list: its links are the publisher's own related coverage,
    and its titles, left in, would read as this article's text (other events' names in its
    body, in search and in dedup). HTML without such a block is returned unchanged and is
    not parsed. Raises nothing on malformed markup (it is then returned unchanged).
    """
    if "<" not in html:
        return html, ()
    low = html.lower()
    if not any(hint in low for hint in _RELATED_HINTS):
        return html, ()
    import lxml.etree
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (lxml.etree.LxmlError, ValueError):
        return html, ()
    before = len(root.text_content())
    links = harvest_related(root, base_url)
    # A wrapper whose class merely says "read-more" holds the article itself: a list that
    # took most of the text was not one (the entry is kept whole, its links unread).
    if not links or len(root.text_content()) < before * MIN_KEPT_SHARE:
        return html, ()
    return lxml.html.tostring(root, encoding="unicode"), links
