"""Helpers for the search tests: a small bilingual archive written through the storage API.

The English ACSA report and the Chinese headlines come from the seed documents
(tests/data/seeds); the translations are hand-written stand-ins for machine output.
No tests here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from aggregator.dedup import fingerprint
from aggregator.ingest import ingest
from aggregator.models import FeedConfig, NewArticle, Translation
from aggregator.translate_step import indexed

SEEDS = Path(__file__).parent / "data" / "seeds"


@dataclass(frozen=True)
class Doc:
    key: str
    feed: str
    lang: str
    title: str
    body: str
    day: int
    title_tr: str | None = None
    body_tr: str | None = None
    url: str | None = None


def seed_body() -> str:
    return (SEEDS / "000_1fef5196e698dfdc.txt").read_text(encoding="utf-8")


def corpus() -> list[Doc]:
    return [
        Doc(
            "acsa_en",
            "Wire EN",
            "en",
            "Philippines and Japan sign defense agreement in Manila",
            seed_body(),
            15,
            "菲律宾和日本在马尼拉签署防务协定",
            "日本外相茂木敏充与菲律宾外长拉扎罗在马尼拉签署《物资劳务相互提供协定》,"
            "双方重申在南海维护航行自由。",
        ),
        Doc(
            "acsa_zh",
            "新闻 中文",
            "zh",
            "日本和菲律宾签署新的防务协定以加强关系",
            "日本外务大臣茂木敏充和菲律宾外交部长拉扎罗周四在马尼拉签署了《物资劳务相互提供协定》"
            "(ACSA),旨在让两国军队在联合演习期间相互提供燃料、弹药和食品。",
            16,
            "Japan and the Philippines sign new defense pact to strengthen ties",
            "Japanese Foreign Minister Toshimitsu Motegi and Philippine Foreign Secretary "
            "Theresa Lazaro signed the Acquisition and Cross-Servicing Agreement in Manila.",
        ),
        Doc(
            "navy_hant",
            "台灣 新聞",
            "zh-Hant",
            "韓國和日本同意時隔九年恢復海軍搜救演習",
            "韓國和日本於1月30日在日本橫須賀基地舉行會議,同意時隔九年恢復聯合海軍搜救演習。"
            "此決定旨在加強兩國國防合作。",
            20,
            "South Korea and Japan agree to resume naval search and rescue drills",
            "The two countries agreed to resume joint naval search and rescue exercises.",
        ),
        Doc(
            "marcos_zh",
            "新闻 中文",
            "zh",
            "马科斯总统重申菲律宾对基于规则的国际秩序的承诺",
            "与此同时,菲律宾海岸警卫队报告称,中国船只在帕纳塔格浅滩附近骚扰一艘菲律宾渔船。"
            "东盟与中国关于南海行为准则的谈判进展缓慢。",
            12,
        ),
        Doc(
            "typhoon_zh",
            "新闻 中文",
            "zh",
            "台风袭击冲绳 数万户停电",
            "强台风周二袭击日本冲绳县,造成数万户家庭停电,航班取消。",
            18,
            "Typhoon hits Okinawa, tens of thousands lose power",
            "A strong typhoon hit Okinawa on Tuesday, cutting power to tens of thousands of "
            "homes and cancelling flights.",
        ),
        Doc(
            "football_en",
            "Sport EN",
            "en",
            "Premier League: Arsenal beat Chelsea in London derby",
            "Arsenal won 2-1 against Chelsea on Saturday. The South stand sang all game; "
            "China-born midfielder scored the sea of red cheered.",
            17,
        ),
        Doc(
            "markets_en",
            "Wire EN",
            "en",
            "Tokyo stocks rise as the yen weakens",
            "Japanese shares climbed on Monday as exporters gained from a weaker yen.",
            19,
            "日元走弱 东京股市上涨",
            "周一日本股市上涨,出口商受益于日元走弱。",
        ),
    ]


FEEDS = {
    "Wire EN": ("en", ("world", "asia")),
    "Sport EN": ("en", ("sport",)),
    "新闻 中文": ("zh", ("world", "chinese")),
    "台灣 新聞": ("zh-Hant", ("chinese",)),
}


def build(storage: Any, docs: list[Doc] | None = None) -> dict[str, int]:
    """Store the corpus (feeds, articles, translations); returns key -> article id."""
    docs = docs if docs is not None else corpus()
    states = storage.sync_feeds(
        [
            FeedConfig(name, f"http://127.0.0.1/{i}.xml", lang, tags)
            for i, (name, (lang, tags)) in enumerate(FEEDS.items())
        ]
    )
    feed_ids = {f.name: f.id for f in states}
    ids: dict[str, int] = {}
    for d in docs:
        when = datetime(2026, 1, d.day, 8, 0, tzinfo=UTC)
        res = ingest(
            storage,
            [
                NewArticle(
                    feed_id=feed_ids[d.feed],
                    guid=d.key,
                    url=d.url or f"https://example.org/{d.key}",
                    title=d.title,
                    summary="",
                    body=d.body,
                    lang=d.lang,
                    lang_confidence=1.0,
                    published=when,
                    fetched=when,
                    fingerprint=fingerprint(d.title, d.body),
                )
            ],
        )
        ids[d.key] = res.new[0]
    trs = []
    for d in docs:
        target = "zh" if d.lang == "en" else "en"
        for field, value in (("title", d.title_tr), ("body", d.body_tr)):
            if value:
                trs.append(Translation(ids[d.key], field, d.lang, target, value, "test", "1"))
    storage.save_translations(indexed(trs))
    return ids


def embed_all(storage: Any, embedder: Any, ids: dict[str, int], docs: list[Doc]) -> None:
    """Store real vectors of title + lead, as the stories stage does."""
    from aggregator.embed import to_bytes

    texts = [f"{d.title}\n{d.body[:400]}" for d in docs]
    vecs = embedder.passages(texts)
    storage.put_vectors(
        embedder.model_name,
        [(ids[d.key], d.lang, to_bytes(v)) for d, v in zip(docs, vecs, strict=True)],
    )
