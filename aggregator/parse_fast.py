"""A fast path for plainly well-formed feeds: lxml reads the items, feedparser's rules apply.

`read_plain` parses the decoded document with a strict, safe lxml parser (no DTD, no entity
expansion, no network, libxml2's size limits kept) and, for RSS 2.0, RSS 1.0 and Atom 1.0
items made only of the elements listed below, builds the dicts feedparser would build (its
text processing, link and guid rules, summary/content rules, its own date parser), so that
`parse.py` normalises them through the very same code. Anything else returns None and the
caller runs feedparser unchanged: a document that is not well-formed (feedparser reports
bozo), a DOCTYPE, xml:base or any other attribute not listed, XHTML or base64 content, an
element not listed (feedparser maps dc:title, itunes:summary, media:title ... to fields), a
field given twice, markup or comments inside a field, a feed without items.

Why not fastfeedparser (Kagi; lxml + Rust; tried first, as asked): its output cannot be
mapped back to feedparser's. It parses with `recover=True` (a broken feed looks well-formed,
so the bozo warning is lost), returns dates as ISO strings (the raw text that feedparser
parses and that our dropped-date warning quotes is gone, and it reads dates feedparser does
not, even from a non-URL guid), synthesises a description from content, takes a guid as the
link only when it starts with http (feedparser: unless isPermaLink="false"), and turns on
`huge_tree`. Each of those needs the strict tree anyway, and that tree alone costs what
fastfeedparser's whole parse does (0.011 ms per entry each), so the tree is the fast path.

Measured (`benchmarks/parse.py`, CPU time, best of 3 x 20 parses, 2 shared cores), ms of CPU
per entry on the realistic 30-item feeds of tests/support_feeds.py, feedparser path -> fast:
  parse_feed whole:  RSS en 0.64 -> 0.23, RSS zh 0.61 -> 0.18, Atom en 0.63 -> 0.23,
                     Atom zh 0.60 -> 0.19  (2.8-3.5x; the rest is html_to_text etc.)
  reading alone:     feedparser.parse 0.38-0.46 -> read_plain 0.04-0.06  (8-9x)
Of feedparser's 1,739 well-formed samples, 513 (29%) take the fast path (they are edge
cases by design); tests/test_parse_fast.py holds both paths equal on all of them.
"""

from __future__ import annotations

import re
from typing import Any

# Elements the fast path knows, as lxml spells them. Everything else declines.
_ATOM = "{http://www.w3.org/2005/Atom}"
_RSS1 = "{http://purl.org/rss/1.0/}"
_RDF = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}"
_DC = "{http://purl.org/dc/elements/1.1/}"
_CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"
_MEDIA = "{http://search.yahoo.com/mrss/}"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

# RSS 2.0 / RSS 1.0 item children: tag -> (field, allowed attributes). A field of None is
# read by feedparser into something we never use (tags, enclosures, comments, media).
_RSS_FIELDS: dict[str, tuple[str | None, frozenset[str]]] = {
    "title": ("title", frozenset()),
    "link": ("link", frozenset()),
    "description": ("summary", frozenset()),
    "guid": ("guid", frozenset({"isPermaLink"})),
    "pubDate": ("published", frozenset()),
    "author": ("author", frozenset()),
    "category": (None, frozenset({"domain"})),
    "comments": (None, frozenset()),
    "enclosure": (None, frozenset({"url", "length", "type"})),
    _DC + "creator": ("author", frozenset()),
    _DC + "date": ("updated", frozenset()),  # feedparser: dc:date is `updated`
    _CONTENT: ("content", frozenset()),
    _MEDIA + "content": (None, frozenset({"url", "type", "medium", "width", "height"})),
    _MEDIA + "thumbnail": (None, frozenset({"url", "width", "height"})),
}
_RSS1_FIELDS = {
    (_RSS1 + k if k in ("title", "link", "description") else k): v
    for k, v in _RSS_FIELDS.items()
    if k not in ("guid", "pubDate", "author", "category", "comments", "enclosure")
}
_TEXT_TYPES = frozenset({"text", "html", "text/plain", "text/html"})
_ATOM_FIELDS: dict[str, tuple[str | None, frozenset[str]]] = {
    _ATOM + "title": ("title", frozenset({"type"})),
    _ATOM + "id": ("guid", frozenset()),
    _ATOM + "published": ("published", frozenset()),
    _ATOM + "updated": ("updated", frozenset()),
    _ATOM + "summary": ("summary", frozenset({"type"})),
    _ATOM + "content": ("content", frozenset({"type"})),
    _ATOM + "author": ("author", frozenset()),
    _ATOM + "link": (None, frozenset({"rel", "type", "href", "hreflang", "title", "length"})),
    _ATOM + "category": (None, frozenset({"term", "scheme", "label"})),
    _MEDIA + "content": _RSS_FIELDS[_MEDIA + "content"],
    _MEDIA + "thumbnail": _RSS_FIELDS[_MEDIA + "thumbnail"],
}
_AUTHOR_PARTS = {_ATOM + "name": "name", _ATOM + "email": "email", _ATOM + "uri": "uri"}
_HTML_TYPES = ("text/html", "application/xhtml+xml")

# A budget for the tree; feedparser streams larger documents.
_MAX_CHARS = 8_000_000
_C1 = re.compile("[\x80-\x9f]")
# feedparser's fix for "scheme:///path" (feedparser.urls._urifixer).
_URIFIX = re.compile(r"^([A-Za-z][A-Za-z0-9+-.]*://)(/*)(.*?)")
_LINK_ENTITY = re.compile(r"&([A-Za-z0-9_]+);")


class _Decline(Exception):
    """The document has a shape the fast path does not reproduce; feedparser reads it."""


def _cp1252_table() -> dict[int, str]:
    # feedparser maps C1 controls to the cp1252 characters they were meant to be.
    table = {}
    for code in range(0x80, 0xA0):
        try:
            table[code] = bytes([code]).decode("cp1252")
        except UnicodeDecodeError:
            continue
    return table


_CP1252 = _cp1252_table()


def _text(value: str | None) -> str:
    """An element's text as feedparser's `pop` leaves it for a UTF-8 document."""
    out = (value or "").strip()
    try:  # UTF-8 read as Latin-1 and encoded again: feedparser undoes it
        out = out.encode("iso-8859-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        pass
    return out.translate(_CP1252) if _C1.search(out) else out


def _resolve(uri: str) -> str:
    """feedparser's `resolve_uri` with no base URI (we never give it one)."""
    return _URIFIX.sub(r"\1\3", uri)


def _parser() -> Any:
    from lxml import etree

    # No DTD, no entity expansion, no network, libxml2's size limits kept.
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        recover=False,
        remove_comments=False,
    )


def read_plain(text: str) -> tuple[str, list[dict[str, Any]]] | None:
    """(feed title, feedparser-shaped entries) for a plain well-formed feed, else None.

    Never raises: any surprise (a syntax error included) is a None, and feedparser reads
    the document as before.
    """
    if len(text) > _MAX_CHARS:
        return None
    from lxml import etree

    from .encoding import as_utf8_xml

    try:
        # UTF-8 bytes whose declaration says so: the text is decoded already, and lxml
        # would otherwise decode it again by a gb2312 or big5 declaration.
        root = etree.fromstring(as_utf8_xml(text), _parser())
        if root.getroottree().docinfo.doctype:
            return None  # a DTD: feedparser's (and defuse's) business
        return _read_root(root)
    except (_Decline, etree.LxmlError):
        return None
    except Exception:  # noqa: BLE001 -- a surprise here must cost the fast path only
        return None


_MONTHS = {m: i for i, m in enumerate("Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split(), 1)}
_RFC822 = re.compile(
    r"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun),\s+)?(\d{1,2}) (" + "|".join(_MONTHS) + r") (\d{4}) "
    r"(\d{2}):(\d{2})(?::(\d{2}))? (GMT|UTC?|Z|[ECMP][SD]T|[+-]\d{4})"
)
# North American zone names, as feedparser's RFC 822 reader takes them (hours east of UTC).
_ZONE_HOURS = {
    "EDT": -4, "EST": -5, "CDT": -5, "CST": -6, "MDT": -6, "MST": -7, "PDT": -7, "PST": -8,
}  # fmt: skip
_RFC3339 = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})")


def _parse_date(value: str) -> Any:
    """feedparser's `_parse_date` (a UTC struct_time, or None), read here for the two forms
    nearly every feed uses (RFC 822 with a zone, RFC 3339), so a poll whose feeds all take
    this path never imports feedparser (~13 MB and ~0.1 s CPU per run). Anything else, an
    impossible date included, goes to feedparser's own parser; the parity test holds both
    to the same result."""
    from datetime import UTC, datetime, timedelta

    try:
        stripped = value.strip()
        if m := _RFC822.fullmatch(stripped):
            day, mon, year, hh, mm, ss, zone = m.groups()
            when = datetime(int(year), _MONTHS[mon], int(day), int(hh), int(mm), int(ss or 0))
            if zone[0] in "+-":
                sign = -1 if zone[0] == "-" else 1
                when -= sign * timedelta(hours=int(zone[1:3]), minutes=int(zone[3:5]))
            else:
                when -= timedelta(hours=_ZONE_HOURS.get(zone, 0))
            return when.replace(tzinfo=UTC).utctimetuple()
        if _RFC3339.fullmatch(stripped):
            return datetime.fromisoformat(stripped).astimezone(UTC).utctimetuple()
    except (ValueError, OverflowError):
        pass
    from feedparser.datetimes import _parse_date as feedparser_date

    return feedparser_date(value)


def _read_root(root: Any) -> tuple[str, list[dict[str, Any]]]:
    tag = root.tag
    atom = tag == _ATOM + "feed"
    if tag == "rss" and root.get("version") == "2.0":
        if len(root) != 1 or root[0].tag != "channel":
            raise _Decline
        # RSS 2.0: items and title in <channel>
        holder = titled = root[0]
        fields, item_tag, title_tag = _RSS_FIELDS, "item", "title"
    elif tag == _RDF + "RDF":
        channels = [c for c in root if c.tag == _RSS1 + "channel"]
        if len(channels) != 1:
            raise _Decline
        # RSS 1.0: items beside <channel>, the title in it
        holder, titled = root, channels[0]
        fields, item_tag, title_tag = _RSS1_FIELDS, _RSS1 + "item", _RSS1 + "title"
    elif atom:
        holder = titled = root
        fields, item_tag, title_tag = _ATOM_FIELDS, _ATOM + "entry", _ATOM + "title"
    else:
        raise _Decline
    _check_attrs(root, {"version", _XML_LANG})
    _check_attrs(titled, {_XML_LANG, _RDF + "about"})
    items = [c for c in holder if c.tag == item_tag]
    # feedparser takes any <item> or <entry>, in any namespace and at any depth, for an
    # entry: one anywhere but in the list above is a shape this path does not read.
    if not items or sum(1 for e in root.iter() if _item_like(e.tag)) != len(items):
        raise _Decline
    entries = [_entry(item, fields, atom, _parse_date) for item in items]
    return _feed_title(titled, title_tag), entries


def _item_like(tag: object) -> bool:
    return isinstance(tag, str) and tag.rpartition("}")[2].lower() in ("item", "entry")


def _check_attrs(element: Any, allowed: set[str] | frozenset[str]) -> None:
    if not set(element.attrib) <= allowed:
        raise _Decline


def _feed_title(channel: Any, title_tag: str) -> str:
    """The first non-empty title child (feedparser's title_depth rule)."""
    for child in channel:
        if not isinstance(child.tag, str):
            continue
        local = child.tag.rpartition("}")[2]
        if local.lower() == "title" and child.tag != title_tag:
            raise _Decline  # dc:title, media:title ...: feedparser may take them as the title
        if child.tag == title_tag:
            if len(child) or child.get("type", "text").lower() not in _TEXT_TYPES:
                raise _Decline
            value = _text(child.text)
            if value:
                return value
    return ""


def _entry(item: Any, fields: Any, atom: bool, parse_date: Any) -> dict[str, Any]:
    """One item as the dict feedparser builds for it (the keys `parse._normalize` reads)."""
    _check_attrs(item, {_RDF + "about"} if not atom else set())
    out: dict[str, Any] = {}
    about = item.get(_RDF + "about")
    if about is not None:
        out["id"] = about
    seen: set[str] = set()
    guid_is_link = False
    alternate: str | None = None
    for child in item:
        known = fields.get(child.tag) if isinstance(child.tag, str) else None
        if known is None:
            raise _Decline  # a comment, an unknown element, a namespaced twin of a field
        field, allowed = known
        _check_attrs(child, allowed)
        if child.tag == _ATOM + "link":
            alternate = _atom_link(child, alternate)
            continue
        if field == "author" and atom:
            _once(seen, field)
            out["author"] = _atom_author(child)
            continue
        if len(child):
            raise _Decline  # markup or comments inside a field
        if field is None:
            continue
        _once(seen, field)
        if child.get("type", "text").lower() not in _TEXT_TYPES:
            raise _Decline  # xhtml, base64 and other content feedparser transforms
        value = _text(child.text)
        if field == "guid":
            guid_is_link = (child.get("isPermaLink") or "true") == "true"
            out["id"] = _resolve(value) if guid_is_link and value else value
        elif field == "link":
            out["link"] = _LINK_ENTITY.sub(r"&\1", value.replace("&amp;", "&"))
        elif field in ("published", "updated"):
            out[field] = value
            out[f"{field}_parsed"] = parse_date(value)
        elif field == "content":
            out["content"] = [{"value": value}]
        elif field == "title":
            if value:
                out["title"] = value
        else:
            out[field] = value
    if alternate is not None:
        out["link"] = alternate
    elif "link" not in out and guid_is_link:
        out["link"] = out["id"]  # feedparser: a guid (or Atom id) is the link by default
    if "summary" not in out and "content" in out:
        out["summary"] = out["content"][0]["value"]  # feedparser copies content to summary
    return out


def _once(seen: set[str], field: str) -> None:
    if field in seen:
        raise _Decline  # feedparser's first-or-last rules differ per field
    seen.add(field)


def _atom_link(link: Any, alternate: str | None) -> str | None:
    """The entry's link after this <link>: feedparser keeps the last alternate HTML href."""
    href = link.get("href")
    if not href or len(link):
        raise _Decline
    rel = (link.get("rel") or "alternate").lower()
    kind = link.get("type") or ("application/atom+xml" if rel == "self" else "text/html")
    if rel == "alternate" and kind.lower() in _HTML_TYPES:
        return _resolve(href)
    return alternate


def _atom_author(author: Any) -> str:
    """feedparser's author string: "name (email)", name, email, or ""."""
    if author.attrib or (author.text or "").strip():
        raise _Decline
    parts: dict[str, str] = {}
    for child in author:
        part = _AUTHOR_PARTS.get(child.tag) if isinstance(child.tag, str) else None
        if part is None or part in parts or len(child) or child.attrib:
            raise _Decline
        parts[part] = _text(child.text)
    name, email = parts.get("name"), parts.get("email")
    if name and email:
        return f"{name} ({email})"
    return name or email or ""
