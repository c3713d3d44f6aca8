"""Realistic, well-formed 30-item feeds (RSS 2.0 and Atom 1.0, English and Chinese), built
in code so that the fast-path parity test and the parse benchmark read the same documents.

They carry what news feeds carry: HTML summaries in CDATA and escaped, RFC 822 dates with
numeric and named zones, Atom published/updated with offsets, guid isPermaLink="false",
dc:creator, content:encoded, categories, enclosures and tracking parameters on links.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from xml.sax.saxutils import escape

NOW = datetime(2026, 1, 20, 12, 0, tzinfo=UTC)

_EN_TITLES = [
    "Central bank holds rates as inflation eases",
    "Storm closes schools & roads across the region",
    "Apple unveils cheaper iPhone at Cupertino event",
    "Philippines and Japan sign defence pact",
    "Ministers agree on a \u201cnew deal\u201d for farmers",
]
_ZH_TITLES = [
    "菲律宾与日本签署新防务协定",
    "央行维持利率不变，通胀压力缓解",
    "苹果发布iPhone 16新品",
    "暴风雪导致多地学校停课",
    "韩国和日本同意时隔九年恢复海军搜救演习",
]
_EN_PARA = (
    "Officials said on {day} that the measure would take effect next month, after a "
    "review by the <b>finance committee</b> and a vote in parliament. "
    '<a href="https://example.com/more?utm_source=rss">Read more</a>'
)
_ZH_PARA = "官员{day}表示，该措施将在财政委员会审查和议会表决后于下月生效。<b>记者</b>报道。"
_ZONES = ["+0000", "-0500", "+0800", "GMT", "EST", "+0530", "PDT"]
_ZONE_HOURS = {"GMT": 0, "EST": -5, "PDT": -7}


def _rfc822(when: datetime, zone: str) -> str:
    """`when` written in `zone` (numeric or a name feedparser and RFC 822 both know)."""
    if zone[0] in "+-":
        offset = timedelta(hours=int(zone[1:3]), minutes=int(zone[3:])) * (
            1 if zone[0] == "+" else -1
        )
    else:
        offset = timedelta(hours=_ZONE_HOURS[zone])
    local = (when + offset).replace(tzinfo=None)
    return local.strftime("%a, %d %b %Y %H:%M:%S ") + zone


def _item_text(lang: str, i: int) -> tuple[str, str, str]:
    titles, para = (_EN_TITLES, _EN_PARA) if lang == "en" else (_ZH_TITLES, _ZH_PARA)
    day = ["Monday", "Tuesday", "周三", "Thursday"][i % 4]
    title = f"{titles[i % len(titles)]} ({i})"
    summary = f"<p>{para.format(day=day)}</p>"
    content = "".join(f"<p>{para.format(day=day)} {j}</p>" for j in range(4))
    return title, summary, content


def rss_feed(lang: str = "en", items: int = 30) -> bytes:
    """An RSS 2.0 feed of `items` items in `lang` ("en" or "zh")."""
    site = "https://news.example.com" if lang == "en" else "https://xinwen.example.cn"
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        'xmlns:atom="http://www.w3.org/2005/Atom">\n<channel>\n'
        f"<title>{'World News' if lang == 'en' else '环球新闻'} &amp; more</title>\n"
        f"<link>{site}/</link>\n<description>Headlines</description>\n"
        f'<atom:link href="{site}/rss.xml" rel="self" type="application/rss+xml"/>\n'
        f"<language>{'en-us' if lang == 'en' else 'zh-cn'}</language>\n"
    ]
    for i in range(items):
        title, summary, content = _item_text(lang, i)
        when = NOW - timedelta(hours=3 * i + 1, minutes=7 * i)
        link = f"{site}/story/{2026000 + i}.html?utm_source=rss&utm_medium=feed"
        guid = (
            f'<guid isPermaLink="false">{lang}-story-{i}</guid>'
            if i % 3
            else f"<guid>{escape(link)}</guid>"
        )
        desc = f"<![CDATA[{summary}]]>" if i % 2 else escape(summary)
        out.append(
            f"<item>\n<title>{escape(title)}</title>\n<link>{escape(link)}</link>\n{guid}\n"
            f"<pubDate>{_rfc822(when, _ZONES[i % len(_ZONES)])}</pubDate>\n"
            f"<dc:creator>{'Jane Doe' if lang == 'en' else '新华社记者'}</dc:creator>\n"
            f"<category>{'World' if i % 2 else 'Business'}</category>\n"
            f"<description>{desc}</description>\n"
            f"<content:encoded><![CDATA[{content}]]></content:encoded>\n"
            f'<enclosure url="{site}/img/{i}.jpg" type="image/jpeg" length="1234"/>\n'
            "</item>\n"
        )
    out.append("</channel>\n</rss>\n")
    return "".join(out).encode("utf-8")


def atom_feed(lang: str = "en", items: int = 30) -> bytes:
    """An Atom 1.0 feed of `items` entries in `lang` ("en" or "zh")."""
    site = "https://news.example.com" if lang == "en" else "https://xinwen.example.cn"
    out = [
        '<?xml version="1.0" encoding="utf-8"?>\n'
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{lang}">\n'
        f'<title type="text">{"World News" if lang == "en" else "环球新闻"}</title>\n'
        f"<id>tag:{site[8:]},2026:feed</id>\n<updated>2026-01-20T10:00:00Z</updated>\n"
        f'<link rel="alternate" type="text/html" href="{site}/"/>\n'
        f'<link rel="self" href="{site}/atom.xml"/>\n'
    ]
    for i in range(items):
        title, summary, content = _item_text(lang, i)
        when = NOW - timedelta(hours=2 * i + 1, minutes=11 * i)
        local = when + timedelta(hours=8 if lang == "zh" else 0)
        zone = "+08:00" if lang == "zh" else "Z"
        stamp = local.strftime("%Y-%m-%dT%H:%M:%S") + zone
        updated = (local + timedelta(minutes=30)).strftime("%Y-%m-%dT%H:%M:%S") + zone
        published = f"<published>{stamp}</published>\n" if i % 4 else ""
        body = (
            f'<content type="html"><![CDATA[{content}]]></content>\n'
            if i % 2
            else f'<content type="html">{escape(content)}</content>\n'
        )
        out.append(
            f'<entry>\n<title type="html">{escape(escape(title))}</title>\n'
            f"<id>tag:{site[8:]},2026:{lang}-{i}</id>\n"
            f'<link rel="alternate" type="text/html" href="{site}/a/{i}?spm=x&amp;id={i}"/>\n'
            f"{published}<updated>{updated}</updated>\n"
            f"<author><name>{'Jane Doe' if lang == 'en' else '新华社记者'}</name></author>\n"
            f'<category term="{"world" if i % 2 else "tech"}"/>\n'
            f'<summary type="html">{escape(summary)}</summary>\n{body}</entry>\n'
        )
    out.append("</feed>\n")
    return "".join(out).encode("utf-8")


REALISTIC = {
    "rss-en": rss_feed("en"),
    "rss-zh": rss_feed("zh"),
    "atom-en": atom_feed("en"),
    "atom-zh": atom_feed("zh"),
}
