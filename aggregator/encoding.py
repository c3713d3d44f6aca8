"""Decide a document's character encoding before any parser sees it.

feedparser decodes declared GBK/GB18030/Big5 right, but a GBK feed with no declaration
comes out as windows-1252 mojibake (FIELD-NOTES). So we decide here, in this order: the
feed's `encoding:` override, a BOM, the HTTP charset, the document's own declaration,
valid UTF-8, then charset-normalizer's guess; and we hand the parser UTF-8 text.
Like readability-lxml, gb2312/gbk widen to gb18030 and big5 to big5hkscs, because real
Chinese sites use characters outside the charset they declare.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from email.message import Message

# Supersets to decode with; all are byte-compatible with the declared charset.
WIDER = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "cp936": "gb18030",
    "big5": "big5hkscs",
    "cp950": "big5hkscs",
    "ascii": "utf-8",
    "iso8859-1": "cp1252",  # what browsers do for iso-8859-1
    "latin-1": "cp1252",
}
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_XML_DECL = re.compile(rb"^\s*<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9._:-]+)[\"']", re.I)
_META = re.compile(
    rb"<meta[^>]+?charset\s*=\s*[\"']?\s*([A-Za-z0-9._:-]+)", re.I
)  # both <meta charset=x> and http-equiv content="...; charset=x"
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_LATIN1_JUNK = re.compile(r"[\u0080-\u00ff\u2010-\u203a\u0152-\u017e]")


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # the codec actually used
    source: str  # override | bom | http | declared | utf-8 | guessed | fallback


def normalize(name: str | None) -> str | None:
    """A Python codec name for a charset label (widened), or None if unknown."""
    if not name:
        return None
    try:
        codec = codecs.lookup(name.strip().strip("\"'")).name
    except LookupError:
        return None
    return WIDER.get(codec, codec)


def http_charset(content_type: str | None) -> str | None:
    if not content_type:
        return None
    msg = Message()
    msg["content-type"] = content_type
    value = msg.get_param("charset")
    return value if isinstance(value, str) else None


def declared_charset(data: bytes, html: bool = False) -> str | None:
    """The charset the document itself declares (XML declaration, or HTML <meta>)."""
    head = data[:2048]
    m = _XML_DECL.match(head)
    if m is None and html:
        m = _META.search(head)
    return m.group(1).decode("ascii", "replace") if m else None


def _strict(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def looks_like_mojibake(text: str) -> bool:
    """Latin-1 junk where CJK text was meant: many accented/symbol chars and no Han."""
    if _HAN.search(text):
        return False
    junk = len(_LATIN1_JUNK.findall(text))
    return junk >= 8 and junk > 0.1 * sum(1 for ch in text if not ch.isascii() or ch.isalpha())


def guess(data: bytes) -> str | None:
    """charset-normalizer's best guess, widened; None when it has none."""
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    return normalize(best.encoding) if best is not None else None


def decode(
    data: bytes,
    content_type: str | None = None,
    override: str | None = None,
    *,
    html: bool = False,
) -> Decoded:
    """Decode a feed or page to text; never raises on bad bytes (they become U+FFFD)."""
    forced = normalize(override)
    if forced:
        return Decoded(data.decode(forced, "replace"), forced, "override")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return Decoded(data[len(bom) :].decode(codec, "replace"), codec, "bom")
    declared: str | None = None
    for label, source in (
        (http_charset(content_type), "http"),
        (declared_charset(data, html), "declared"),
    ):
        named = normalize(label)
        if named is None:
            continue
        text = _strict(data, named)
        if text is not None and not (named == "cp1252" and looks_like_mojibake(text)):
            return Decoded(text, named, source)
        # A label the bytes contradict (servers often default to utf-8 or iso-8859-1):
        # try the document's own declaration, then what the bytes say.
        declared = declared or named
    text = _strict(data, "utf-8")
    if text is not None:
        return Decoded(text, "utf-8", "utf-8")
    guessed = guess(data)
    if guessed:
        text = _strict(data, guessed)
        if text is not None:
            return Decoded(text, guessed, "guessed")
    for codec in ("gb18030", "big5hkscs"):
        text = _strict(data, codec)
        if text is not None and _HAN.search(text):
            return Decoded(text, codec, "guessed")
    last = declared or "utf-8"
    return Decoded(data.decode(last, "replace"), last, "fallback")


_DECL_REWRITE = re.compile(r"^(\s*<\?xml[^>]*?encoding\s*=\s*)[\"'][^\"']*[\"']", re.I)


def as_utf8_xml(text: str) -> bytes:
    """The decoded document as UTF-8 bytes whose XML declaration says so, for feedparser."""
    text = _DECL_REWRITE.sub(r'\1"utf-8"', text, count=1)
    return text.encode("utf-8")
