"""Feed bytes to normalized `Entry`s: decode right, parse leniently, clean the text.

The bytes are decoded by `encoding.decode` (so undeclared GBK is not mojibake); a plainly
well-formed RSS/Atom document is then read by `parse_fast` (lxml, feedparser's rules), and
anything else by feedparser, given UTF-8 together with the response headers. Malformed
feeds keep whatever parsed, with the parser's complaint kept as a warning; a document that
yields no feed at all is a FeedError for that feed only.
"""

from __future__ import annotations

import calendar
import hashlib
import io
import re
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from . import encoding
from .canonical import canonical_url
from .errors import FeedError
from .extract import html_to_text, one_line
from .models import Entry
from .page_clean import split_related

# A DOCTYPE internal subset is where entity bombs (billion laughs, external entities) live;
# feeds have no use for one. expat >= 2.4 also refuses amplification, but feedparser then
# retries with its loose parser, so we remove the subset before either sees it.
_DOCTYPE_SUBSET = re.compile(r"<!DOCTYPE[^\[>]*\[.*?\]\s*>", re.S | re.I)
_ENTITY_DECL = re.compile(r"<!ENTITY", re.I)
# Item dates outside these bounds are feed bugs (epoch 0, year 9999, a wrong century), not
# news: dropped so that recency ranking and digests are not led by them.
EARLIEST = datetime(1990, 1, 1, tzinfo=UTC)
FUTURE_SLACK = timedelta(days=2)  # clock skew and time zones written wrong


@dataclass(frozen=True)
class ParsedFeed:
    title: str | None
    entries: tuple[Entry, ...]
    warning: str | None  # the parser's complaint about a malformed feed, if any
    encoding: str  # the codec the document was decoded with
    encoding_source: str
    parse_seconds: float = 0.0
    parser: str = "feedparser"  # or "fast": which path read it (parse_fast.read_plain)


def _headers(headers: dict[str, str] | None) -> dict[str, str]:
    return {k.lower(): v for k, v in (headers or {}).items()}


def defuse(text: str) -> tuple[str, bool]:
    """The document without a DOCTYPE internal subset (entity declarations)."""
    if not _ENTITY_DECL.search(text[:1_000_000]):
        return text, False
    return _DOCTYPE_SUBSET.sub("", text, count=1), True


def _when(entry: Any, now: datetime) -> tuple[datetime | None, str | None]:
    """The entry's UTC time, and why a date it carries was dropped (None if none was).

    published, then updated, then created: feedparser's struct_time (UTC; a feed without a
    zone is taken as UTC), else our own reading of the text. A date that overflows, cannot
    be read, or is absurd (before 1990, more than 2 days ahead) is dropped, never raised:
    one bad item must not cost its feed, and the fetch time stands in downstream.
    """
    problem = None
    for key in ("published", "updated", "created"):
        # dict.get: FeedParserDict.get maps a missing published_* to updated_* with a warning.
        raw, struct = dict.get(entry, key), dict.get(entry, f"{key}_parsed")
        if not raw and not struct:
            continue
        when, why = _checked(struct, str(raw or ""), now)
        if when is not None:
            return when, problem
        problem = problem or f"{why}: {one_line(str(raw or struct))[:60]!r}"
    return None, problem


def _checked(struct: Any, raw: str, now: datetime) -> tuple[datetime | None, str]:
    """One date field as a sane UTC datetime, or None and the reason it is not."""
    when: datetime | None
    try:
        if struct:
            when = datetime.fromtimestamp(calendar.timegm(struct), UTC)
        else:
            when = _parse_date(raw) if raw else None
    except (OverflowError, ValueError, OSError, TypeError):
        return None, "out of range"
    if when is None:
        return None, "unparseable"
    if when < EARLIEST:
        return None, f"before {EARLIEST.year}"
    if when > now + FUTURE_SLACK:
        return None, "in the future"
    return when, ""


def _parse_date(value: str) -> datetime | None:
    """Dates feedparser gives up on, mostly RFC 822 or ISO without a zone: taken as UTC.

    None when unreadable; OverflowError when the date exists but not in UTC (year 9999 at
    -0500), which `_checked` turns into "out of range".
    """
    from email.utils import parsedate_to_datetime

    when: datetime | None
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        try:
            when = datetime.fromisoformat(value.strip())
        except ValueError:
            return None
    if when is None:
        return None
    if when.tzinfo is None:
        return when.replace(tzinfo=UTC)
    return when.astimezone(UTC)


def _content(entry: Any) -> str:
    best = ""
    for part in entry.get("content") or ():
        value = part.get("value") or ""
        if len(value) > len(best):
            best = value
    return best


def _guid(entry: Any, url: str | None, title: str, published: datetime | None) -> str:
    raw = (entry.get("id") or entry.get("guid") or "").strip()
    if raw:
        # URL-shaped GUIDs often carry tracking parameters that change per fetch.
        return canonical_url(raw) or raw if raw.lower().startswith("http") else raw
    if url:
        return url
    basis = f"{title}\x00{published.isoformat() if published else ''}"
    return "sha1:" + hashlib.sha1(basis.encode("utf-8")).hexdigest()


def normalize_entry(entry: Any, base_url: str | None) -> Entry | None:
    """One feedparser entry as an `Entry`; None for an entry with no title, text or link."""
    return _normalize(entry, base_url, datetime.now(UTC))[0]


def _normalize(entry: Any, base_url: str | None, now: datetime) -> tuple[Entry | None, str | None]:
    """`normalize_entry`, and why the entry's date was dropped, if it was (see `_when`)."""
    url = canonical_url(entry.get("link"), base_url)
    title = one_line(html_to_text(entry.get("title") or ""))
    # A related-coverage list at the end of the entry's HTML is links, not text.
    raw_content, related = split_related(_content(entry), url or base_url)
    raw_summary, also = split_related(entry.get("summary") or entry.get("description") or "", url)
    summary = html_to_text(raw_summary)
    content = html_to_text(raw_content)
    if not (title or summary or content or url):
        return None, None
    published, date_problem = _when(entry, now)
    author = one_line(entry.get("author") or "") or None
    entry_out = Entry(
        guid=_guid(entry, url, title, published),
        url=url,
        title=title,
        summary=summary,
        content=content,
        published=published,
        author=author,
        related=related or also,
    )
    return entry_out, date_problem


def _entries(raw_entries: Any, url: str | None, now: datetime) -> tuple[list[Entry], str | None]:
    """The feed's distinct entries, and a note on the item dates dropped (None if none)."""
    entries: list[Entry] = []
    seen: set[str] = set()
    problems: list[str] = []
    for raw in raw_entries:
        entry, problem = _normalize(raw, url, now)
        if problem:
            problems.append(problem)
        if entry is not None and entry.guid not in seen:
            seen.add(entry.guid)
            entries.append(entry)
    if not problems:
        return entries, None
    many = f"{len(problems)} item dates" if len(problems) > 1 else "1 item date"
    return entries, f"{many} dropped, e.g. {problems[0]}"


_COMMENT = re.compile(r"<!--.*?-->", re.S)
_ROOT = re.compile(r"<(?![?!])(?:[\w.-]+:)?([\w.-]+)")
_FEED_ROOTS = {"rss", "feed", "rdf", "channel"}  # RSS, Atom, RSS 1.0, CDF


def _feed_root(text: str) -> bool:
    """Whether the document's root element is a feed's (an empty CDF or RSS channel is an
    empty feed, not an HTML page)."""
    m = _ROOT.search(_COMMENT.sub("", text[:4096]))
    return m is not None and m.group(1).lower() in _FEED_ROOTS


def parse_feed(
    data: bytes,
    headers: dict[str, str] | None = None,
    url: str | None = None,
    encoding_override: str | None = None,
    *,
    now: datetime | None = None,
    fast: bool = True,
) -> ParsedFeed:
    """Parse a fetched feed. Raises FeedError when the bytes hold no feed at all.

    `now` (default: the wall clock) bounds item dates: later than 2 days ahead is dropped.
    `fast`: read plainly well-formed RSS/Atom with `parse_fast` (same result, a fraction of
    the CPU); False forces feedparser, which reads everything else either way.
    """
    started = time.perf_counter()
    h = _headers(headers)
    decoded = encoding.decode(data, h.get("content-type"), encoding_override)
    text, defused = defuse(decoded.text)
    plain = None
    if fast and not defused:
        from .parse_fast import read_plain

        plain = read_plain(text)
    if plain is not None:
        raw_title, raw_entries = plain
        warning, version = None, "plain"
    else:
        raw_title, raw_entries, warning, version = _feedparser(text)
    if defused:
        warning = "entity declarations removed" + (f"; {warning}" if warning else "")
    entries, dates_dropped = _entries(raw_entries, url, now or datetime.now(UTC))
    if dates_dropped:
        warning = f"{warning}; {dates_dropped}" if warning else dates_dropped
    title = one_line(html_to_text(raw_title)) or None
    if not entries and not version and not title and not _feed_root(text):
        reason = warning or "no feed found"
        raise FeedError(f"not a feed ({reason})", url)
    return ParsedFeed(
        title=title,
        entries=tuple(entries),
        warning=warning,
        encoding=decoded.encoding,
        encoding_source=decoded.source,
        parse_seconds=time.perf_counter() - started,
        parser="fast" if plain is not None else "feedparser",
    )


def _feedparser(text: str) -> tuple[str, Any, str | None, str]:
    """feedparser's reading: feed title, raw entries, its complaint (bozo), feed version."""
    import feedparser

    # No content-location: feedparser would resolve GUIDs against it as if they were URLs;
    # links are resolved by canonical_url instead.
    response_headers = {"content-type": "application/xml; charset=utf-8"}
    # A stream, never bytes: feedparser treats a short bytes/str argument that names an
    # existing file or URL as something to open, and feed bodies are untrusted.
    parsed = feedparser.parse(
        io.BytesIO(encoding.as_utf8_xml(text)),
        response_headers=response_headers,
        sanitize_html=False,  # we reduce everything to text ourselves
        resolve_relative_uris=False,
    )
    warning = None
    if parsed.get("bozo"):
        warning = one_line(str(parsed.get("bozo_exception") or "malformed feed"))[:300]
    title = parsed.feed.get("title") or ""
    return title, parsed.entries, warning, parsed.get("version") or ""
