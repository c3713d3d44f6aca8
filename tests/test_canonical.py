"""Canonical URLs: tracking decorations dropped, everything that names the article kept."""

from __future__ import annotations

from urllib.parse import quote, urlsplit

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aggregator.canonical import _SAFE_QUERY as SAFE_QUERY
from aggregator.canonical import canonical_url


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (
            "HTTPS://News.Example.COM:443/a/b?id=1&utm_source=rss&utm_medium=x#frag",
            "https://news.example.com/a/b?id=1",
        ),
        ("http://example.com:80", "http://example.com/"),
        ("http://example.com:8080/x", "http://example.com:8080/x"),
        ("https://example.com/p?fbclid=abc&gclid=1&page=2", "https://example.com/p?page=2"),
        ("https://example.com/p?UTM_Campaign=a&Spm=b.c", "https://example.com/p"),
        ("https://example.com/p?b=2&a=1", "https://example.com/p?b=2&a=1"),  # order kept
        (
            "https://example.com/p?q=%E4%B8%AD%E6%96%87",
            "https://example.com/p?q=%E4%B8%AD%E6%96%87",
        ),
        ("https://example.com/新闻/1.html", "https://example.com/%E6%96%B0%E9%97%BB/1.html"),
        ("https://example.com/a b?q=中 文", "https://example.com/a%20b?q=%E4%B8%AD%20%E6%96%87"),
        ("  https://example.com/x\n", "https://example.com/x"),
        ("https://example.com/p?flag&utm_x=1", "https://example.com/p?flag"),
        ("https://[2001:DB8::1]:443/x", "https://[2001:db8::1]/x"),
    ],
)
def test_rules(raw: str, expected: str) -> None:
    assert canonical_url(raw) == expected


@pytest.mark.parametrize(
    "raw",
    ["javascript:alert(1)", "mailto:a@b.c", "", "   ", "ftp://example.com/x", "http://", "data:,x"],
)
def test_non_http_is_none(raw: str) -> None:
    assert canonical_url(raw) is None


def test_relative_links_resolve_against_base() -> None:
    base = "https://www.example.com/feeds/world.xml"
    assert canonical_url("/news/1?utm_source=x", base) == "https://www.example.com/news/1"
    assert canonical_url("2.html#top", base) == "https://www.example.com/feeds/2.html"
    assert canonical_url("javascript:void(0)", base) is None


# Arbitrary paths and query values, CJK included: canonicalizing twice changes nothing, the
# host is lower case, no fragment survives, and a non-tracking parameter is never lost.
_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="#?&=%/\\"),
    max_size=12,
)


@given(
    host=st.from_regex(r"[A-Za-z][A-Za-z0-9-]{0,10}\.(com|cn|org)", fullmatch=True),
    path=st.lists(_text, max_size=3),
    keep=st.dictionaries(st.from_regex(r"[a-z]{1,6}", fullmatch=True), _text, max_size=3),
    frag=_text,
)
def test_idempotent_and_keeps_real_params(
    host: str, path: list[str], keep: dict[str, str], frag: str
) -> None:
    keep = {k: v for k, v in keep.items() if not k.startswith("utm") and k not in ("spm", "scm")}
    query = "&".join(f"{k}={v}" for k, v in keep.items())
    raw = f"https://{host}/{'/'.join(path)}?utm_source=feed&{query}#{frag}"
    once = canonical_url(raw)
    assert once is not None
    assert canonical_url(once) == once
    parts = urlsplit(once)
    assert parts.hostname == host.lower()
    assert parts.fragment == ""
    assert "utm_source" not in parts.query
    for k, v in keep.items():
        assert f"{k}={quote(v, safe=SAFE_QUERY)}" in parts.query.split("&")


_PATH_CHARS = "ABCxyz019/%:@!$&'()*+,=~._-"


@given(
    host=st.from_regex(r"[a-z0-9](?:[a-z0-9.-]{0,12}[a-z0-9])?", fullmatch=True),
    path=st.text(alphabet=_PATH_CHARS, max_size=20),
    scheme=st.sampled_from(["http", "https"]),
)
def test_fast_route_agrees_with_the_general_one(host: str, path: str, scheme: str) -> None:
    """A URL the fast route returns untouched is exactly what the general route makes of it,
    alone and against a base (absolute links ignore their feed's URL)."""
    from aggregator.canonical import _CANONICAL, _general

    url = f"{scheme}://{host}/{path}"
    assert _CANONICAL.fullmatch(url)
    assert _general(url, None) == url
    assert _general(url, "https://feeds.example.org/world/rss.xml") == url
    assert canonical_url(url) == url


@pytest.mark.parametrize(
    "url",
    [
        "https://Example.com/x",
        "https://example.com:443/x",
        "https://example.com/x?utm_source=a",
        "https://example.com/x#top",
        "https://example.com/a b",
        "https://example.com/新闻",
        "https://example.com",
        "https://user@example.com/x",
        " https://example.com/x",
        "https://example.com/x;p=1",
    ],
)
def test_fast_route_leaves_the_rest_to_the_general_one(url: str) -> None:
    from aggregator.canonical import _CANONICAL, _general

    assert not _CANONICAL.fullmatch(url)
    assert canonical_url(url) == _general(url, None)
