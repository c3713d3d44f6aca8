"""Schema v5: signatures stored by the old MinHash scheme are recomputed, so an archive made
before the change keeps finding near duplicates of what arrives after it.

Each test builds a real v4 database: articles stored by the ingest path, then their
signatures and bands overwritten with the old scheme's values (tests/support_minhash_v1.py,
the old code kept verbatim), the v5 marker table dropped and the version set back to 4.
Runs on SQLite and, with NEWSDESK_TEST_DB, on PostgreSQL.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from datetime import timedelta
from pathlib import Path
from typing import Any

import numpy as np
from sqlalchemy import text
from support_minhash_v1 import band_hashes_v1, shingles_v1, signature_v1
from test_dedup_near import STORM, T0, _feeds, _item

from aggregator.dedup import MIN_SHINGLES
from aggregator.dedup_refresh import StaleMinhash, recompute, refresh_signatures
from aggregator.ingest import ingest, prepare, text_of
from storage import VERSION, Storage

N_OTHER = 11
WORDS = (
    "officials district bridge river friday years work drive regional hospital minutes mayor "
    "ferry services freight spring council budget school teachers rail station harbour port "
    "farmers harvest rain prices market exports court judge ruling police museum festival"
).split()


def _other(i: int) -> str:
    """An unrelated text per i: 60 words drawn at random (no two are near duplicates)."""
    rng = np.random.default_rng(i)
    return " ".join(rng.choice(WORDS, size=60).tolist())


def _v4_database(db: str) -> list[int]:
    """Store the storm article and N_OTHER others, then turn the file into what schema v4
    wrote: old-scheme signatures and bands. Returns the article ids, oldest first."""
    with Storage(db) as s:
        fid = _feeds(s, "Wire")["Wire"]
        items = [_item(fid, "storm", "Storm Ada hits Samar", STORM.format(dead=3), T0)]
        items += [
            _item(fid, f"g{i}", f"Report {i}", _other(i), T0 + timedelta(minutes=i))
            for i in range(N_OTHER)
        ]
        for item in items:
            ingest(s, [item])
        ids = sorted({aid for _, _, aid in s.entry_articles()})
        assert len(ids) == N_OTHER + 1
        with s.engine.begin() as conn:
            conn.exec_driver_sql("DELETE FROM minhash_bands")
            for aid in ids:
                t, sm, b = conn.execute(
                    text("SELECT title, summary, body FROM articles WHERE id = :i"), {"i": aid}
                ).one()
                parts = shingles_v1("\n".join(p for p in (t, sm, b) if p))
                sig = signature_v1(parts)
                conn.execute(
                    text("UPDATE articles SET minhash = :m WHERE id = :i"),
                    {"m": sig.tobytes(), "i": aid},
                )
                for _, digest in band_hashes_v1(sig) if len(parts) >= MIN_SHINGLES else ():
                    conn.execute(
                        text("INSERT INTO minhash_bands (hash, article_id) VALUES (:h, :a)"),
                        {"h": digest, "a": aid},
                    )
            conn.exec_driver_sql("DROP TABLE minhash_refresh")
            conn.exec_driver_sql("UPDATE schema_version SET version = 4")
    return ids


def _current(s: Storage, ids: list[int]) -> list[int]:
    """The ids whose stored signature and bands are what ingest makes today."""
    out = []
    for article in s.get_articles(ids):
        want = recompute(
            StaleMinhash(article.id, article.title, article.summary, article.body, b"")
        )
        with s.engine.connect() as conn:
            blob = conn.execute(
                text("SELECT minhash FROM articles WHERE id = :i"), {"i": article.id}
            ).scalar()
            bands = conn.execute(
                text("SELECT hash FROM minhash_bands WHERE article_id = :i"),
                {"i": article.id},
            ).scalars()
        if bytes(blob or b"") == want.minhash and sorted(bands) == sorted(h for _, h in want.bands):
            out.append(article.id)
    return out


def test_upgrade_recomputes_old_signatures_and_finds_near_copies(db_path: Any) -> None:
    db = str(db_path)
    ids = _v4_database(db)
    with Storage(db) as s:
        assert s.previous_version == 4 and VERSION >= 5
        assert _current(s, ids) == []  # old scheme: no band of a new copy would match
        stale = s.stale_minhashes(100)
        assert stale is not None and [x.article_id for x in stale] == ids[::-1]  # newest first
        assert refresh_signatures(s, batch=5) == len(ids)
        assert _current(s, ids) == ids
        assert s.stale_minhashes(100) is None  # the marker is gone
        assert refresh_signatures(s) == 0
        fid = _feeds(s, "Wire")["Wire"]
        edited = _item(
            fid, "storm-2", "Storm Ada toll rises", STORM.format(dead=7), T0 + timedelta(hours=2)
        )
        assert ingest(s, [edited]).updated == (ids[0],)


def test_without_the_refresh_an_old_article_is_not_matched(db_path: Any) -> None:
    """Why the upgrade step exists: old-scheme bands never meet new ones."""
    db = str(db_path)
    ids = _v4_database(db)
    with Storage(db) as s:
        fid = _feeds(s, "Wire")["Wire"]
        edited = _item(
            fid, "storm-2", "Storm Ada toll rises", STORM.format(dead=7), T0 + timedelta(hours=2)
        )
        result = ingest(s, [edited])
        assert result.new and not result.updated
        assert len({aid for _, _, aid in s.entry_articles()}) == len(ids) + 1


def test_new_database_has_nothing_to_refresh(db_path: Any) -> None:
    with Storage(str(db_path)) as s:
        assert s.stale_minhashes(10) is None
        fid = _feeds(s, "Wire")["Wire"]
        ingest(s, [_item(fid, "g", "Storm", STORM.format(dead=3), T0)])
        assert s.stale_minhashes(10) is None


def test_article_rewritten_meanwhile_keeps_its_new_signature(db_path: Any) -> None:
    """A poll that rewrites an article between the refresh's read and write already gave it
    a current signature from the new text: the refresh's value (from the old text) is not
    written over it."""
    db = str(db_path)
    ids = _v4_database(db)
    with Storage(db) as s:
        stale = s.stale_minhashes(100)
        assert stale is not None
        fid = _feeds(s, "Wire")["Wire"]
        # Same GUID: the article's own source rewrites it (title and text changed).
        rewritten = _item(
            fid, "storm", "Storm Ada: 7 dead", STORM.format(dead=7), T0 + timedelta(hours=1)
        )
        assert ingest(s, [rewritten]).updated == (ids[0],)
        fresh = [recompute(x) for x in stale]
        assert s.put_refreshed_minhashes(fresh, 0) == len(ids) - 1
        (article,) = s.get_articles([ids[0]])
        assert article.title == "Storm Ada: 7 dead"
        (want,) = prepare([rewritten])
        with s.engine.connect() as conn:
            blob = conn.execute(
                text("SELECT minhash FROM articles WHERE id = :i"), {"i": ids[0]}
            ).scalar()
        assert bytes(blob or b"") == want.item.minhash
        assert _current(s, ids) == ids


_CHILD = textwrap.dedent(
    """
    import os, signal, sys
    from storage import Storage
    from aggregator.dedup_refresh import refresh_signatures

    s = Storage(sys.argv[1])
    real, calls = s.put_refreshed_minhashes, []

    def put(rows, below):
        n = real(rows, below)
        calls.append(n)
        if len(calls) == 2:  # two batches committed: die without any cleanup
            os.kill(os.getpid(), signal.SIGKILL)
        return n

    s.put_refreshed_minhashes = put
    refresh_signatures(s, batch=3, limit=None)
    """
)


def test_killed_refresh_loses_nothing_and_resumes(db_path: Any, tmp_path: Path) -> None:
    db = str(db_path)
    ids = _v4_database(db)
    root = Path(__file__).resolve().parent.parent
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(root), str(root / "tests")])}
    proc = subprocess.run(
        [sys.executable, "-c", _CHILD, db], env=env, cwd=tmp_path, capture_output=True
    )
    assert proc.returncode == -signal.SIGKILL, proc.stderr.decode()
    with Storage(db) as s:
        assert _current(s, ids) == ids[-6:]  # the two committed batches, newest first
        left = s.stale_minhashes(100)
        assert left is not None and [x.article_id for x in left] == ids[:-6][::-1]
        assert refresh_signatures(s, batch=3) == len(ids) - 6
        assert _current(s, ids) == ids
        assert s.stale_minhashes(100) is None


def test_recompute_matches_what_ingest_stores() -> None:
    item = _item(1, "g", "Storm Ada hits Samar", STORM.format(dead=3), T0)
    (prepared,) = prepare([item])
    title, summary, body = item.title, item.summary, item.body
    again = recompute(StaleMinhash(0, title, summary, body, b""))
    assert again.minhash == prepared.item.minhash and again.bands == prepared.bands
    assert len(prepared.bands) == 32 and text_of(item).startswith(title)
    assert np.frombuffer(again.minhash, dtype=np.uint32).size == 128


def test_poll_refreshes_then_matches_the_old_article(db_path: Any, tmp_path: Path) -> None:
    """The whole path: `newsdesk poll` on a v4 file recomputes the old signatures before
    storing, so an edited copy served by another feed updates the old article."""
    from click.testing import CliRunner
    from support_http import FeedServer

    from aggregator.cli import cli

    db = str(db_path)
    ids = _v4_database(db)
    when = (T0 + timedelta(hours=2)).strftime("%a, %d %b %Y %H:%M:%S +0000")
    rss = (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Agency'
        "</title><link>https://agency.example/</link><description>d</description><item>"
        "<title>Storm Ada toll rises</title><link>https://agency.example/storm</link>"
        f"<guid>agency-storm</guid><pubDate>{when}</pubDate>"
        f"<description>{STORM.format(dead=7)}</description></item></channel></rss>"
    )
    with FeedServer() as srv:
        srv.add("/agency.xml", rss, content_type="application/rss+xml")
        cfg = tmp_path / "feeds.yaml"
        cfg.write_text(f'feeds:\n  - name: Agency\n    url: "{srv.url("/agency.xml")}"\n')
        run = CliRunner().invoke(
            cli, ["--db", db, "--config", str(cfg), "poll", "--no-translate", "--no-link"]
        )
    assert run.exit_code == 0, run.output
    with Storage(db) as s:
        assert s.stale_minhashes(10) is None
        assert s.count_articles() == len(ids)  # matched, not added
        (storm,) = s.get_articles([ids[0]])
        assert storm.title == "Storm Ada toll rises"
        assert "https://agency.example/storm" in storm.urls


def _v5_bands_table(db: str) -> dict[int, set[int]]:
    """Turn a current database's band table into schema v5's (a rowid table with the band
    number and a hash index) and set the version back to 5. Returns hash -> article ids."""
    with Storage(db) as s, s.engine.begin() as conn:
        rows = conn.execute(text("SELECT hash, article_id FROM minhash_bands")).all()
        conn.exec_driver_sql("DROP TABLE minhash_bands")
        conn.exec_driver_sql(
            "CREATE TABLE minhash_bands (id INTEGER PRIMARY KEY, band INTEGER NOT NULL, "
            "hash BIGINT NOT NULL, article_id INTEGER NOT NULL REFERENCES articles (id))"
        )
        conn.exec_driver_sql("CREATE INDEX ix_minhash_bands_hash ON minhash_bands (hash)")
        conn.exec_driver_sql(
            "CREATE INDEX ix_minhash_bands_article_id ON minhash_bands (article_id)"
        )
        for n, (digest, aid) in enumerate(rows):
            conn.execute(
                text("INSERT INTO minhash_bands VALUES (:i, :b, :h, :a)"),
                {"i": n + 1, "b": n % 32, "h": digest, "a": aid},
            )
        conn.exec_driver_sql("CREATE INDEX ix_articles_feed_id ON articles (feed_id)")
        conn.exec_driver_sql("UPDATE schema_version SET version = 5")
    out: dict[int, set[int]] = {}
    for digest, aid in rows:
        out.setdefault(int(digest), set()).add(int(aid))
    return out


def test_v6_keeps_every_band_row_in_the_new_shape(db_path: Any) -> None:
    """The v5 -> v6 step copies every band row into the (hash, article_id) table, and a near
    copy arriving afterwards is still found through them; the redundant feed_id index goes."""
    db = str(db_path)
    with Storage(db) as s:
        fid = _feeds(s, "Wire")["Wire"]
        ingest(s, [_item(fid, "storm", "Storm Ada hits Samar", STORM.format(dead=3), T0)])
        for i in range(N_OTHER):
            ingest(s, [_item(fid, f"g{i}", f"Report {i}", _other(i), T0)])
    before = _v5_bands_table(db)
    assert len(before) > N_OTHER * 16
    with Storage(db) as s:
        assert s.previous_version == 5 and VERSION == 6
        with s.engine.connect() as conn:
            rows = conn.execute(text("SELECT hash, article_id FROM minhash_bands")).all()
            assert "minhash_bands_v5" not in {
                r[0]
                for r in conn.exec_driver_sql(
                    "SELECT name FROM sqlite_master WHERE type = 'table'"
                    if conn.dialect.name == "sqlite"
                    else "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
                )
            }
            indexes = {
                r[0]
                for r in conn.exec_driver_sql(
                    "SELECT name FROM sqlite_master WHERE type = 'index'"
                    if conn.dialect.name == "sqlite"
                    else "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()"
                )
            }
            assert "ix_articles_feed_id" not in indexes  # (feed_id, guid) serves it
            assert "ix_articles_feed_guid" in indexes
        after: dict[int, set[int]] = {}
        for digest, aid in rows:
            after.setdefault(int(digest), set()).add(int(aid))
        assert after == before
        fid = _feeds(s, "Wire")["Wire"]
        edited = _item(
            fid, "storm-2", "Storm Ada toll rises", STORM.format(dead=7), T0 + timedelta(hours=2)
        )
        assert len(ingest(s, [edited]).updated) == 1
