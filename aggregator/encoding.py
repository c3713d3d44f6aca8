"""Decide a document's character encoding before any parser sees it.

feedparser decodes declared GBK/GB18030/Big5 right, but a GBK feed with no declaration
comes out as windows-1252 mojibake (FIELD-NOTES). So we decide here, in this order: the
feed's `encoding:` override, a BOM, the byte pattern of a UTF-16/32 `<` (XML 1.0 appendix
F), the HTTP charset, the document's own declaration, valid UTF-8, then charset-normalizer's
guess; and we hand the parser UTF-8 text. UTF-16/32 always end with a byte order: a label
without one ("utf-16") is resolved from the bytes, since Python's endian-less codecs assume
little-endian when there is no BOM.
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
# Labels for UTF-16/32 that Python's codecs do not know (IANA names, old servers).
ALIASES = {
    "ucs-2": "utf-16",
    "iso-10646-ucs-2": "utf-16",
    "csunicode": "utf-16",
    "unicode": "utf-16",
    "ucs-4": "utf-32",
    "iso-10646-ucs-4": "utf-32",
    "csucs4": "utf-32",
}
# UTF-32 first: its little-endian BOM begins with UTF-16's.
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# A document's first "<" (of "<?xml", "<rss", "<feed") in each wide encoding, no BOM,
# after any blank lines (XML 1.0 appendix F, widened from "<?" to "<").
_WIDE_START = (
    (re.compile(rb"^(?:\x00\x00\x00[\t\n\r ])*\x00\x00\x00<"), "utf-32-be"),
    (re.compile(rb"^(?:[\t\n\r ]\x00\x00\x00)*<\x00\x00\x00"), "utf-32-le"),
    (re.compile(rb"^(?:\x00[\t\n\r ])*\x00<\x00[^\x00]"), "utf-16-be"),
    (re.compile(rb"^(?:[\t\n\r ]\x00)*<\x00[^\x00]\x00"), "utf-16-le"),
)
_WIDE = {"utf-16", "utf-16-be", "utf-16-le", "utf-32", "utf-32-be", "utf-32-le"}
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
    source: str  # override | bom | sniffed | http | declared | utf-8 | guessed | fallback


def normalize(name: str | None) -> str | None:
    """A Python codec name for a charset label (widened), or None if unknown."""
    if not name:
        return None
    label = name.strip().strip("\"'").lower()
    try:
        codec = codecs.lookup(ALIASES.get(label, label)).name
    except LookupError:
        return None
    return WIDER.get(codec, codec)


def sniff_wide(data: bytes) -> str | None:
    """UTF-16/32 with a byte order, from how the first "<" is laid out (no BOM needed)."""
    for pattern, codec in _WIDE_START:
        if pattern.match(data):
            return codec
    return None


def byte_order(codec: str, data: bytes) -> str | None:
    """`codec` with its byte order when it is UTF-16/32; other codecs pass through.

    Markup is ASCII, so in a wide encoding the zero bytes fall on one side of each code
    unit: that side gives the byte order. A label the bytes contradict (no zero bytes at
    all: an ASCII-compatible document that wrongly says "utf-16") gives None.
    """
    if codec not in _WIDE:
        return codec
    width = 4 if codec.startswith("utf-32") else 2
    head = data[:4096]
    high = sum(1 for i in range(0, len(head) - width + 1, width) if head[i] == 0)
    low = sum(1 for i in range(width - 1, len(head), width) if head[i] == 0)
    if max(high, low) == 0 or max(high, low) < len(head) // width // 16:
        return None
    return f"{codec[:6]}-{'be' if high > low else 'le'}"


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
        forced = byte_order(forced, data) or forced
        whole = data.decode(forced, "replace").removeprefix("\ufeff")
        return Decoded(whole, forced, "override")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return Decoded(data[len(bom) :].decode(codec, "replace"), codec, "bom")
    # Before any label: ASCII-compatible labels are certainly wrong for these bytes, and the
    # document's own declaration cannot be read until the encoding is known.
    wide = sniff_wide(data)
    if wide:
        return Decoded(data.decode(wide, "replace"), wide, "sniffed")
    declared: str | None = None
    for label, source in (
        (http_charset(content_type), "http"),
        (declared_charset(data, html), "declared"),
    ):
        named = normalize(label)
        named = byte_order(named, data) if named else None
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
    guessed = byte_order(guessed, data) if guessed else None
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
