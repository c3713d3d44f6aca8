"""HTML to clean text: feed summaries, and the main text of full article pages.

Everything leaves here as plain text (paragraphs separated by a blank line), so hostile
markup in a feed or page (scripts, on* handlers, javascript: links) never reaches storage
as markup. Article pages lose their furniture (navigation, cookie banners, share widgets,
image captions) and keep their "related articles" links separately, for story linking.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .canonical import canonical_url
from .models import RelatedLink

_DROP_TAGS = (
    "script",
    "style",
    "noscript",
    "template",
    "iframe",
    "object",
    "embed",
    "svg",
    "canvas",
    "head",
    "form",
    "button",
    "input",
    "select",
    "textarea",
    "video",
    "audio",
)
_BLOCKS = (
    "p",
    "div",
    "section",
    "article",
    "aside",
    "main",
    "header",
    "footer",
    "blockquote",
    "pre",
    "ul",
    "ol",
    "li",
    "dl",
    "dt",
    "dd",
    "table",
    "tr",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "figure",
    "figcaption",
    "hr",
    "address",
)
_WS = re.compile(r"\s+")
_PARA_BREAK = re.compile(r"\n[ \t\r\f\v\u3000]*\n")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

# Page furniture, matched against class/id/role/aria-label.
_BOILERPLATE = re.compile(
    r"cookie|consent|gdpr|banner|share|sharing|social|newsletter|subscribe|advert|\bads?\b|"
    r"promo|sponsor|comment|breadcrumb|pagination|toolbar|popup|modal|paywall|caption",
    re.I,
)
_RELATED_ATTR = re.compile(r"related|recommend|more-stories|read-more|readmore|also-read", re.I)
_RELATED_HEADING = re.compile(
    r"^\s*(相关文章|相關文章|相关新闻|相關新聞|相关阅读|相關閱讀|延伸阅读|延伸閱讀|推荐阅读|"
    r"推薦閱讀|related( articles| stories| coverage| news)?|read more|more stories|"
    r"you may also like)\s*:?\s*$",
    re.I,
)
# Whole lines that are captions or labels, not article text.
_CAPTION_LINE = re.compile(
    r"^\s*(AI ?生成的图像|AI ?生成的圖像|AI[- ]generated image|由 ?AI ?报道|由 ?AI ?報道|"
    r"(图片|圖片|图|圖|photo|image)\s*(来源|來源|credit)?\s*[:：].{0,60}|getty images)\s*$",
    re.I,
)


def one_line(text: str) -> str:
    """Whitespace collapsed to single spaces, control characters removed."""
    return _WS.sub(" ", _CONTROL.sub(" ", text)).strip()


def clean_paragraphs(text: str) -> str:
    """Paragraphs (split on blank lines) with their inner whitespace collapsed."""
    paras = (one_line(p) for p in _PARA_BREAK.split(text.replace("\r\n", "\n")))
    return "\n\n".join(p for p in paras if p)


def _tag_text(tag: Any) -> str:
    """Text of a parsed element with paragraph breaks at block boundaries (mutates it)."""
    for br in tag.find_all("br"):
        br.replace_with("\n")
    for block in tag.find_all(_BLOCKS):
        block.insert_before("\n\n")
        block.insert_after("\n\n")
    return clean_paragraphs(tag.get_text())


def _soup(html: str) -> Any:
    from bs4 import BeautifulSoup

    return BeautifulSoup(html, "lxml")


def html_to_text(html: str) -> str:
    """Feed HTML (or plain text) as clean text; paragraphs kept as blank-line breaks."""
    if not html:
        return ""
    if "<" not in html and "&" not in html:
        return clean_paragraphs(html)
    soup = _soup(html)
    for tag in soup.find_all(_DROP_TAGS):
        tag.decompose()
    return _tag_text(soup)


@dataclass(frozen=True)
class ExtractedPage:
    title: str
    text: str
    related: tuple[RelatedLink, ...]


def _attrs(tag: Any) -> str:
    attrs = getattr(tag, "attrs", None) or {}
    parts = [attrs.get("id") or "", attrs.get("role") or "", attrs.get("aria-label") or ""]
    classes = attrs.get("class") or []
    parts.extend(classes if isinstance(classes, list) else [str(classes)])
    return " ".join(str(p) for p in parts)


def _heading_of(tag: Any) -> str:
    head = tag.find(["h1", "h2", "h3", "h4", "h5", "h6"])
    return one_line(head.get_text()) if head is not None else ""


def _related_blocks(soup: Any) -> list[Any]:
    found: list[Any] = []
    for tag in soup.find_all(["aside", "section", "div", "ul", "ol", "nav"]):
        if any(tag in f.parents for f in found):
            continue
        if _RELATED_ATTR.search(_attrs(tag)) or _RELATED_HEADING.match(_heading_of(tag)):
            # A wrapper that holds the article itself is not a related list, whatever its
            # class says ("page has-related-sidebar").
            if tag.find(["article", "main", "h1"]) is not None:
                continue
            if tag.find("a", href=True) is not None:
                found.append(tag)
    return found


def _related_links(block: Any, base_url: str | None) -> list[RelatedLink]:
    """One RelatedLink per linked item: its title, and its teaser text as the summary."""
    out: list[RelatedLink] = []
    seen: set[str] = set()
    items = block.find_all(["li", "article"]) or [block]
    for item in items:
        for a in item.find_all("a", href=True):
            url = canonical_url(a["href"], base_url)
            if url is None or url in seen:
                continue
            for cap in item.find_all("figcaption"):
                cap.decompose()
            title = one_line(a.get_text()) or one_line(a.get("title") or "")
            if not title:
                continue
            seen.add(url)
            paras = [one_line(p.get_text()) for p in item.find_all("p")]
            summary = " ".join(p for p in paras if p and p != title and not _CAPTION_LINE.match(p))
            out.append(RelatedLink(url=url, title=title, summary=summary))
            break
    return out


def _is_furniture(tag: Any) -> bool:
    if tag.name in ("nav", "figcaption"):
        return True
    if tag.name in ("header", "footer") and tag.find_parent("article") is None:
        return True
    return bool(_BOILERPLATE.search(_attrs(tag)))


def _main(soup: Any) -> Any:
    articles = soup.find_all("article")
    if articles:
        return max(articles, key=lambda t: len(t.get_text()))
    for candidate in (soup.find(attrs={"role": "main"}), soup.find("main")):
        if candidate is not None:
            return candidate
    # No semantic markup: the element holding the most paragraph text.
    scores: dict[int, tuple[int, Any]] = {}
    for p in soup.find_all("p"):
        parent = p.parent
        if parent is not None:
            n, _ = scores.get(id(parent), (0, parent))
            scores[id(parent)] = (n + len(p.get_text()), parent)
    if scores:
        return max(scores.values(), key=lambda s: s[0])[1]
    return soup.body or soup


def _title(soup: Any) -> str:
    meta = soup.find("meta", attrs={"property": "og:title"})
    if meta is not None and meta.get("content"):
        return one_line(str(meta["content"]))
    h1 = soup.find("h1")
    if h1 is not None and one_line(h1.get_text()):
        return one_line(h1.get_text())
    return one_line(soup.title.get_text()) if soup.title is not None else ""


def extract_article(
    data: bytes, content_type: str | None = None, url: str | None = None
) -> ExtractedPage:
    """The main text of an article page, and its related-article links.

    Decodes with the HTTP charset or `<meta charset>` (undeclared GBK is guessed).
    """
    from .encoding import decode

    soup = _soup(decode(data, content_type, html=True).text)
    title = _title(soup)
    for tag in soup.find_all(_DROP_TAGS):
        tag.decompose()
    related: list[RelatedLink] = []
    for block in _related_blocks(soup):
        related.extend(_related_links(block, url))
        block.decompose()
    for tag in soup.find_all(True):
        if not getattr(tag, "decomposed", False) and tag.parent is not None and _is_furniture(tag):
            tag.decompose()
    main = _main(soup)
    for h1 in main.find_all("h1"):
        h1.decompose()  # the title is kept apart from the body
    paras = _tag_text(main).split("\n\n")
    text = "\n\n".join(p for p in paras if not _CAPTION_LINE.match(p))
    unique: dict[str, RelatedLink] = {}
    for r in related:
        unique.setdefault(r.url, r)
    return ExtractedPage(title=title, text=text, related=tuple(unique.values()))
