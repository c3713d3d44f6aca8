"""OPML in and out (CLI.md `feeds import` / `feeds export`): pure functions over bytes and text.

An OPML file is untrusted input (a reader's export, a list found on the web), so parsing
refuses entity declarations outright (defusedxml's policy), never touches the network, keeps
libxml2's amplification and depth limits on, and caps the size. Nested category outlines
and the OPML 2.0 `category` attribute become tags; `xmlUrl` the URL; `text` (else `title`) the
name; a `language` attribute, where a reader wrote one, a hint for en, zh or zh-Hant only.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .errors import ConfigError

if TYPE_CHECKING:
    from lxml import etree

    from .models import FeedConfig

# Real subscription lists are a few hundred KB at most (a 2,000-feed Inoreader export is ~400 KB).
MAX_BYTES = 5 * 1024 * 1024
# Region and script subtags readers write, folded into the three hints feeds.yaml documents.
_LANGS = {
    "en": "en",
    "zh": "zh",
    "zh-hans": "zh",
    "zh-cn": "zh",
    "zh-sg": "zh",
    "zh-hant": "zh-Hant",
    "zh-tw": "zh-Hant",
    "zh-hk": "zh-Hant",
    "zh-mo": "zh-Hant",
}


class OpmlError(ConfigError):
    """The file is not OPML newsdesk can read (not XML, not OPML, entities, too big): exit 2."""


@dataclass(frozen=True)
class OpmlFeed:
    """One subscription read from (or written to) OPML."""

    name: str
    url: str
    tags: tuple[str, ...] = ()
    language: str | None = None


@dataclass(frozen=True)
class OpmlDocument:
    """What a file held: the feeds in document order, and why other outlines were skipped."""

    feeds: tuple[OpmlFeed, ...]
    notes: tuple[str, ...] = ()


def clean_text(text: str | None) -> str:
    """One line of printable text: whitespace runs become one space, controls are dropped.

    Names come from strangers; a newline or an escape sequence in one would break a table or
    a terminal, and characters XML cannot carry would make export fail.
    """
    if not text:
        return ""
    kept = "".join(ch if ch.isprintable() or ch.isspace() else " " for ch in text)
    return " ".join(kept.split())


def language_hint(value: str | None) -> str | None:
    """`en`, `zh` or `zh-Hant` for what a reader wrote (`en-US`, `zh-TW`, ...); else None."""
    if not value:
        return None
    key = value.strip().lower().replace("_", "-")
    if key in _LANGS:
        return _LANGS[key]
    if key.startswith("en-"):
        return "en"
    return None


def _http_url(value: str | None) -> str | None:
    from urllib.parse import urlsplit

    url = (value or "").strip()
    if not url or any(ch.isspace() or not ch.isprintable() for ch in url):
        return None
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:  # a bad port or IPv6 literal
        return None
    if parts.scheme.lower() not in ("http", "https") or not host:
        return None
    return url


def _parse_xml(data: bytes) -> etree._Element:
    from lxml import etree

    if len(data) > MAX_BYTES:
        raise OpmlError(f"file is larger than {MAX_BYTES // (1024 * 1024)} MB")
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise OpmlError(f"not XML: {exc.msg}") from None
    dtd = root.getroottree().docinfo.internalDTD
    # lxml-stubs 0.5 does not know DTD.iterentities (lxml has had it since 2.x).
    if dtd is not None and any(True for _ in dtd.iterentities()):  # type: ignore[union-attr]
        raise OpmlError("entity declarations are not accepted in OPML")
    if not isinstance(root.tag, str) or etree.QName(root).localname != "opml":
        raise OpmlError("not OPML (the root element is not <opml>)")
    return root


def _categories(value: str | None) -> list[str]:
    """OPML 2.0 `category`: comma-separated, slash-delimited paths ("/World/Asia,/China")."""
    tags: list[str] = []
    for path in (value or "").split(","):
        tags.extend(clean_text(part) for part in path.split("/") if clean_text(part))
    return tags


def _walk(
    outline: etree._Element, folders: tuple[str, ...], notes: list[str]
) -> Iterator[OpmlFeed]:
    for child in outline:
        if not isinstance(child.tag, str) or child.tag.rpartition("}")[2] != "outline":
            continue
        label = clean_text(child.get("text")) or clean_text(child.get("title"))
        raw_url = child.get("xmlUrl") or child.get("xmlurl")
        if raw_url is None and len(child) == 0:
            notes.append(f"skipped {label or 'an outline'!r}: no xmlUrl")
            continue
        if raw_url is None:
            # A folder: its label becomes a tag of everything under it.
            inner = folders + (label,) if label else folders
            yield from _walk(child, inner, notes)
            continue
        url = _http_url(raw_url)
        if url is None:
            notes.append(f"skipped {label or 'an outline'!r}: no http(s) xmlUrl ({raw_url!r})")
            continue
        tags = _unique(list(folders) + _categories(child.get("category")))
        yield OpmlFeed(label or url, url, tuple(tags), language_hint(child.get("language")))
        # A feed outline with children is unusual; its children are still read.
        yield from _walk(child, folders, notes)


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


def parse_opml(data: bytes) -> OpmlDocument:
    """Read OPML 1.0, 1.1 or 2.0 from bytes.

    A URL listed twice is one feed: the first outline's name, the tags of all. Outlines without
    an http(s) `xmlUrl` are skipped with a note. Raises OpmlError for anything that is not
    OPML newsdesk can read (not XML, another root element, entity declarations, too big).
    """
    root = _parse_xml(data)
    body = next(
        (el for el in root if isinstance(el.tag, str) and el.tag.rpartition("}")[2] == "body"),
        None,
    )
    if body is None:
        raise OpmlError("not OPML (no <body>)")
    notes: list[str] = []
    merged: dict[str, OpmlFeed] = {}
    for feed in _walk(body, (), notes):
        first = merged.get(feed.url)
        if first is None:
            merged[feed.url] = feed
            continue
        tags = tuple(_unique(first.tags + feed.tags))
        merged[feed.url] = OpmlFeed(first.name, first.url, tags, first.language or feed.language)
    return OpmlDocument(tuple(merged.values()), tuple(notes))


def read_opml(path: str, max_bytes: int = MAX_BYTES) -> OpmlDocument:
    """Read and parse an OPML file (`-` is stdin), reading at most `max_bytes` + 1 bytes.

    Raises OpmlError for a file that cannot be read or parsed.
    """
    import sys

    try:
        if path == "-":
            data = sys.stdin.buffer.read(max_bytes + 1)
        else:
            with open(path, "rb") as fh:
                data = fh.read(max_bytes + 1)
    except OSError as exc:
        raise OpmlError(f"cannot read: {exc.strerror or exc}", path) from None
    try:
        return parse_opml(data)
    except OpmlError as exc:
        raise OpmlError(exc.message, path) from None


def feeds_from_config(feeds: Iterable[FeedConfig]) -> list[OpmlFeed]:
    """The config's feeds as OPML subscriptions (name, URL, tags, language)."""
    return [OpmlFeed(f.name, f.url, tuple(f.tags), f.language) for f in feeds]


def _xml_safe(text: str) -> str:
    """Drop what XML 1.0 cannot hold (C0 controls, lone surrogates, U+FFFE/FFFF)."""
    return "".join(
        ch
        for ch in text
        if ch in "\t\n\r"
        or "\x20" <= ch <= "\ud7ff"
        or "\ue000" <= ch <= "\ufffd"
        or "\U00010000" <= ch <= "\U0010ffff"
    )


def _outline(parent: etree._Element, feed: OpmlFeed) -> None:
    from lxml import etree

    attrs = {
        "type": "rss",
        "text": _xml_safe(clean_text(feed.name)),
        "title": _xml_safe(clean_text(feed.name)),
        "xmlUrl": _xml_safe(feed.url),
    }
    # A tag with "," or "/" would be split on the way back in; the folder still carries the first.
    category = ",".join(t for t in feed.tags if t and "," not in t and "/" not in t)
    if category:
        attrs["category"] = _xml_safe(clean_text(category))
    if feed.language:
        attrs["language"] = feed.language
    etree.SubElement(parent, "outline", attrs)


def render_opml(feeds: Iterable[OpmlFeed], title: str = "newsdesk feeds") -> str:
    """OPML 2.0 for `feeds`: grouped in folders by first tag, every tag in `category`.

    Folders are what most readers import as categories; the `category` attribute keeps the
    other tags. lxml escapes every attribute, so untrusted names stay text.
    """
    from lxml import etree

    root = etree.Element("opml", version="2.0")
    head = etree.SubElement(root, "head")
    etree.SubElement(head, "title").text = title
    body = etree.SubElement(root, "body")
    folders: dict[str, etree._Element] = {}
    for feed in feeds:
        parent = body
        if feed.tags and clean_text(feed.tags[0]):
            first = _xml_safe(clean_text(feed.tags[0]))
            if first not in folders:
                folders[first] = etree.SubElement(body, "outline", text=first, title=first)
            parent = folders[first]
        _outline(parent, feed)
    etree.indent(root, space="  ")
    text: str = etree.tostring(root, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + text + "\n"
