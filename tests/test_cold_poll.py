"""A cold poll (a new database, every entry new) stores articles without SQLAlchemy, and the
light route writes exactly what the full `Storage` writes.

The light route (`storage.feed_book.FeedBook`: `connect.create_sqlite` makes the file,
`ingest_sql` / `ingest_rows` store) runs the same SQL as `Storage` on a plain sqlite3
connection; the schema it creates is SQL text (`storage.sqlite_ddl`), so a schema change
not copied there fails `test_new_database_schema_is_storages`.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from support_feeds import rss_feed
from support_http import FeedServer

from aggregator.dedup import fingerprint
from aggregator.ingest import ingest
from aggregator.models import FeedConfig, NewArticle, RelatedLink
from aggregator.protocols import FeedBookType
from storage import VERSION, Storage
from storage.connect import create_sqlite
from storage.feed_book import FeedBook, open_feed_book

pytestmark = pytest.mark.sqlite_only  # the light route opens SQLite files only

ROOT = Path(__file__).resolve().parent.parent
T0 = datetime(2026, 3, 2, 8, 30, tzinfo=UTC)

PROBE = """
import json, sys
from aggregator.cli import cli
try:
    cli({args!r}, prog_name="newsdesk")
    code = 0
except SystemExit as exc:
    code = exc.code or 0
heavy = sorted(m for m in ("sqlalchemy", "storage.store", "storage.schema") if m in sys.modules)
print(json.dumps({{"code": code, "heavy": heavy}}))
"""


def test_cold_poll_stores_without_sqlalchemy(tmp_path: Path) -> None:
    db = tmp_path / "new" / "news.db"  # the folder is made too, as Storage makes it
    with FeedServer() as srv:
        lines = ["feeds:"]
        for i in range(4):
            lang = "en" if i % 2 else "zh"
            srv.add(f"/f{i}.xml", rss_feed(lang, items=5), etag=f'"v{i}"')
            lines += [f"  - name: feed{i}", f"    url: {srv.url(f'/f{i}.xml')}"]
        cfg = tmp_path / "feeds.yaml"
        cfg.write_text("\n".join(lines) + "\n", encoding="utf-8")
        args = ["--db", str(db), "--config", str(cfg), "poll", "--all", "--no-translate"]
        code = PROBE.format(args=[*args, "--no-link"])
        out = subprocess.run(
            [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300
        )
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result == {"code": 0, "heavy": []}
    conn = sqlite3.connect(db)
    articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    indexed = conn.execute("SELECT count(*) FROM search_fts").fetchone()[0]
    entries = conn.execute("SELECT count(*) FROM entries").fetchone()[0]
    polled = conn.execute("SELECT count(*) FROM feeds WHERE etag IS NOT NULL").fetchone()[0]
    conn.close()
    assert articles > 0 and indexed == articles and entries == 20 and polled == 4
    with Storage(str(db)) as s:  # the full storage takes the file as it is: nothing to migrate
        assert s.previous_version == VERSION
        assert s.count_articles() == articles


def _master(path: Path) -> list[tuple[Any, ...]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(
            "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"
        ).fetchall() + [conn.execute("SELECT id, version FROM schema_version").fetchall()]
    finally:
        conn.close()


def test_new_database_schema_is_storages(tmp_path: Path) -> None:
    light, full = tmp_path / "light.db", tmp_path / "full.db"
    create_sqlite(f"sqlite:///{light}")
    Storage(str(full)).close()
    assert _master(light) == _master(full)
    assert len(_master(light)) > 30
    before = light.stat().st_mtime_ns, _master(light)
    create_sqlite(f"sqlite:///{light}")  # an existing file is left alone
    assert (light.stat().st_mtime_ns, _master(light)) == before


def _item(feed_id: int, i: int, when: datetime, *, title: str = "", **kw: Any) -> NewArticle:
    lang = "en" if i % 2 else "zh"
    title = title or f"{'Harbour' if lang == 'en' else '港口'} story {i}"
    base = "The harbour authority said on Monday" if lang == "en" else "港务局周一表示"
    body = "\n\n".join(f"{base} that berth {i} reopens, paragraph {j}." for j in range(4))
    values: dict[str, Any] = {
        "feed_id": feed_id,
        "guid": f"g{i}",
        "url": f"https://example.org/{i}",
        "title": title,
        "summary": body.split("\n\n")[0],
        "body": body,
        "lang": lang,
        "lang_confidence": 0.9,
        "published": when - timedelta(hours=i),
        "fetched": when,
        "fingerprint": fingerprint(title, body),
        "author": "Desk" if i % 3 else None,
        "related": (RelatedLink(f"https://example.org/r{i}", f"Related {i}", "s"),)
        if i % 4 == 0
        else (),
    }
    values.update(kw)
    return NewArticle(**values)


NEW_LINK = (RelatedLink("https://x.org/n", "N"),)
OTHER = (
    "Rail workers voted to strike over pay after talks with the operator collapsed late on "
    "Sunday, the union said, with walkouts planned for three weekends next month.",
    "央行周二宣布下调存款准备金率零点五个百分点，释放长期资金约一万亿元，以支持实体经济发展。"
    "分析人士认为，此举有助于稳定市场预期。",
)


def _rounds(feed_ids: list[int]) -> list[list[NewArticle]]:
    """New articles; copies from a second feed (same URL, same text, a near copy); then the
    first feed's updated texts (new headline, newer fetch: rewrites) and a new one."""
    a, b = feed_ids
    later = T0 + timedelta(hours=2)
    first = [_item(a, i, T0) for i in range(8)]
    copies = [
        _item(b, 1, T0, guid="b1"),  # same URL
        _item(b, 2, T0, guid="b2", url="https://mirror.example.org/2"),  # same text
        _item(b, 20, T0, guid="b20", url=None, body=OTHER[0], fingerprint="f20"),  # new
    ]
    updates = [
        _item(a, 3, later, title="Harbour story 3, updated"),
        _item(
            a, 4, later, title="港口 story 4 更新", related=(RelatedLink("https://x.org/n", "N"),)
        ),
        _item(a, 9, later, body=OTHER[1], fingerprint="f9"),
    ]
    return [first, copies, updates]


def _dump(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    conn = sqlite3.connect(path)
    try:
        names = [
            r[0]
            for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            if not r[0].startswith(("search_fts_", "sqlite_"))
        ]
        out = {}
        for name in names:
            cols = "rowid, *" if name == "search_fts" else "*"
            out[name] = sorted(conn.execute(f"SELECT {cols} FROM {name}").fetchall(), key=repr)
        return out
    finally:
        conn.close()


def _derived(path: Path) -> None:
    """What linking and translation would have left (dropped or kept by a rewrite)."""
    conn = sqlite3.connect(path)
    with conn:
        for aid in (4, 5):
            conn.execute(
                "INSERT INTO translations (article_id, field, source_lang, target_lang, text, "
                "model, model_version, created) VALUES (?, 'title', 'zh', 'en', 't', 'm', '1', "
                "'2026-03-02 08:30:00.000000')",
                (aid,),
            )
            conn.execute(
                "UPDATE search_fts SET title_tr = 'tt', body_tr = 'bt' WHERE rowid = ?", (aid,)
            )
            conn.execute(
                "INSERT INTO link_keys (article_id, keys, names, places) VALUES (?, 'k', '', '')",
                (aid,),
            )
    conn.close()


def _run(store: FeedBookType, path: Path, after_first: Callable[[Path], None]) -> list[Any]:
    feeds = store.sync_feeds(
        [FeedConfig(name=n, url=f"https://example.org/{n}.xml", language=None) for n in "ab"]
    )
    results = []
    for n, batch in enumerate(_rounds([f.id for f in feeds])):
        results.append(ingest(store, batch))
        if n == 0:
            after_first(path)
    return results


def test_light_and_full_routes_write_identical_rows(tmp_path: Path) -> None:
    light_path, full_path = tmp_path / "light.db", tmp_path / "full.db"
    book = open_feed_book(str(light_path))
    assert isinstance(book, FeedBook)
    try:
        light = _run(book, light_path, _derived)
    finally:
        book.close()
    with Storage(str(full_path)) as s:
        full = _run(s, full_path, _derived)
    assert light == full
    assert [len(r.new) for r in light] == [8, 1, 1] and light[2].updated == (4, 5)
    rows = _dump(light_path)
    assert rows == _dump(full_path)
    assert len(rows["articles"]) == 10 and len(rows["minhash_bands"]) > 100
    assert [r[0] for r in rows["translations"]] == []  # the rewritten titles' went
    assert sorted(r[0] for r in rows["search_fts"] if r[3] == "tt") == []
    assert sorted(r[0] for r in rows["search_fts"] if r[4] == "bt") == [4, 5]  # body kept
