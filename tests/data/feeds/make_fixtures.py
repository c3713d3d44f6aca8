"""Regenerate the fixture feeds in this folder (run by hand: python make_fixtures.py).

Written by hand for newsdesk's tests; the seed feed carries the two seed documents from
tests/data/seeds/ (see its README). Encoded fixtures (GBK, Big5) are written as bytes here
because an editor would silently re-encode them.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

HERE = Path(__file__).parent
SEEDS = HERE.parent / "seeds"

ZH_ITEMS = [
    (
        "韩国和日本同意时隔九年恢复海军搜救演习",
        "韩国和日本于1月30日在日本横须贺基地举行会议，同意时隔九年恢复联合海军搜救演习。"
        "此决定旨在加强两国国防合作。",
    ),
    (
        "东盟与中国南海行为准则谈判进入第三轮",
        "东盟与中国关于南海行为准则的谈判旨在制定防止事件发生并缓解重叠领土主张紧张局势的规则。",
    ),
]
HANT_ITEMS = [
    (
        "韓國和日本同意時隔九年恢復海軍搜救演習",
        "韓國和日本於1月30日在日本橫須賀基地舉行會議，同意時隔九年恢復聯合海軍搜救演習。"
        "此決定旨在加強兩國國防合作。",
    ),
    (
        "菲律賓與日本簽署新防衛協定",
        "菲律賓與日本在馬尼拉正式簽署新的防衛協定，包括一項允許兩國部隊交換物資與服務的重要協議。",
    ),
]


def rss(items: list[tuple[str, str]], decl: str | None, title: str, host: str) -> str:
    head = f'<?xml version="1.0" encoding="{decl}"?>\n' if decl else ""
    body = "".join(
        f"<item><title>{escape(t)}</title><link>https://{host}/news/{i}.html</link>"
        f"<guid>{host}-{i}</guid><pubDate>Thu, 15 Jan 2026 0{i}:30:00 +0800</pubDate>"
        f"<description>{escape(d)}</description></item>\n"
        for i, (t, d) in enumerate(items, 1)
    )
    return (
        f'{head}<rss version="2.0"><channel><title>{escape(title)}</title>'
        f"<link>https://{host}/</link>\n{body}</channel></rss>\n"
    )


def seeds_feed() -> str:
    en = (SEEDS / "000_1fef5196e698dfdc.txt").read_text(encoding="utf-8")
    page = (SEEDS / "004_addd8f82d7b26a55.txt").read_text(encoding="utf-8")

    def html(text: str) -> str:
        return "".join(f"<p>{escape(line)}</p>" for line in text.splitlines() if line.strip())

    items = [
        (
            "seed-000",
            "Philippines and Japan sign defense agreement in Manila",
            "https://news.example.org/2026/01/15/japan-philippines-acsa?utm_source=rss",
            en,
        ),
        (
            "seed-004",
            "Japan and Philippines sign new defense pact to strengthen ties",
            "https://grok.example.com/news/japan-philippines-pact#top",
            page,
        ),
    ]
    body = "".join(
        f"<item><title>{escape(t)}</title><link>{escape(u)}</link>"
        f'<guid isPermaLink="false">{g}</guid><pubDate>Thu, 15 Jan 2026 10:00:00 GMT</pubDate>'
        f"<description>{escape(text.splitlines()[0])}</description>"
        f"<content:encoded><![CDATA[{html(text)}]]></content:encoded></item>\n"
        for g, t, u, text in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
        f"<channel><title>Seeds</title><link>https://news.example.org/</link>\n{body}"
        "</channel></rss>\n"
    )


def main() -> None:
    (HERE / "gbk_declared.xml").write_bytes(
        rss(ZH_ITEMS, "gbk", "新闻频道 GBK", "gbk.example.cn").encode("gbk")
    )
    (HERE / "gbk_undeclared.xml").write_bytes(
        rss(ZH_ITEMS, None, "新闻频道 无声明", "nodecl.example.cn").encode("gbk")
    )
    (HERE / "gb2312_declared.xml").write_bytes(
        rss(ZH_ITEMS, "gb2312", "新闻频道 GB2312", "gb2312.example.cn").encode("gb18030")
    )
    (HERE / "big5.xml").write_bytes(
        rss(HANT_ITEMS, "big5", "新聞頻道 Big5", "big5.example.tw").encode("big5")
    )
    (HERE / "zh_hant_rss.xml").write_text(
        rss(HANT_ITEMS, "utf-8", "新聞頻道 正體", "hant.example.tw"), encoding="utf-8"
    )
    (HERE / "seeds.xml").write_text(seeds_feed(), encoding="utf-8")


if __name__ == "__main__":
    main()
