"""Canonical article URLs: the same story under tracking decorations is one URL.

Syndicated and shared links carry `utm_*`, click ids and fragments (feedhq#107); dropping
them lets exact deduplication by URL work. Other query parameters are kept as they were
(order and values), because many news sites put the article id in the query (`?id=123`).
"""

from __future__ import annotations

import re
from urllib.parse import quote, unquote, urljoin, urlsplit, urlunsplit

# Well-known tracking parameters only; anything unknown is kept, since dropping a real
# parameter would merge different articles.
TRACKING_PARAMS = frozenset(
    {
        "fbclid",
        "gclid",
        "dclid",
        "gbraid",
        "wbraid",
        "msclkid",
        "yclid",
        "twclid",
        "ttclid",
        "igshid",
        "mc_cid",
        "mc_eid",
        "_hsenc",
        "_hsmi",
        "mkt_tok",
        "vero_id",
        "vero_conv",
        "oly_anon_id",
        "oly_enc_id",
        "rb_clickid",
        "s_cid",
        "ncid",
        "cmpid",
        "spm",
        "scm",
        "share_token",
        "wt.mc_id",
    }
)
TRACKING_PREFIXES = ("utm_", "pk_campaign", "pk_kwd", "pk_source", "pk_medium")
DEFAULT_PORTS = {"http": 80, "https": 443}
# Characters left as they are when escaping; "%" keeps existing escapes from doubling.
_SAFE_PATH = "/%:@!$&'()*+,;=~-._"
_SAFE_QUERY = "/%:@!$'()*+,;=~-._?"
# A URL already in canonical form, as nearly every feed's links are: http(s), a lowercase
# host without port or user, a path of characters `quote` leaves alone, no query and no
# fragment. It is returned as it is (the general route cost ~0.1 ms a link, 5% of a cold
# poll's CPU); tests/test_canonical.py holds the two routes to the same answer.
_CANONICAL = re.compile(r"https?://[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?/[A-Za-z0-9/%:@!$&'()*+,=~._-]*")


def is_tracking(key: str) -> bool:
    name = unquote(key).strip().lower()
    return name in TRACKING_PARAMS or name.startswith(TRACKING_PREFIXES)


def canonical_url(url: str | None, base: str | None = None) -> str | None:
    """The canonical form of an http(s) URL, or None for anything else (javascript:, mailto:,
    empty, unparsable). Relative URLs are resolved against `base` first.

    Lowercases scheme and host, drops default ports, fragments and tracking parameters,
    escapes what must be escaped (non-ASCII, spaces); the remaining query keeps its order
    and values. Idempotent.
    """
    if not url:
        return None
    if _CANONICAL.fullmatch(url):
        return url
    return _general(url, base)


def _general(url: str, base: str | None) -> str | None:
    """`canonical_url` for any input: resolve, split, lowercase, filter, escape, join."""
    url = "".join(ch for ch in url.strip() if ch not in "\t\r\n")
    if not url:
        return None
    if base:
        try:
            url = urljoin(base, url)
        except ValueError:
            return None
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    if scheme not in DEFAULT_PORTS or not host or any(ch in host for ch in " <>\"'`\\"):
        return None
    if ":" in host:  # IPv6 literal
        host = f"[{host}]"
    netloc = host if port is None or port == DEFAULT_PORTS[scheme] else f"{host}:{port}"
    if parts.username is not None:
        userinfo = parts.netloc.rsplit("@", 1)[0]
        netloc = f"{userinfo}@{netloc}"
    # Non-ASCII and spaces are escaped as a browser sends them, so the raw and the escaped
    # spelling of one link (common with Chinese paths) are the same URL.
    kept = [
        quote(p, safe=_SAFE_QUERY + "=")
        for p in parts.query.split("&")
        if p and not is_tracking(p.split("=", 1)[0])
    ]
    path = quote(parts.path, safe=_SAFE_PATH) or "/"
    return urlunsplit((scheme, netloc, path, "&".join(kept), ""))
