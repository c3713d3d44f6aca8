"""Versioned schema: full DDL for a new database, one small function per upgrade step.

Modelled on lemon24/reader: every step runs in one transaction with the version bump, the
result is checked with `PRAGMA foreign_key_check`, and a database newer than the code is
refused rather than half-understood.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from sqlalchemy import insert, inspect, select, text, update
from sqlalchemy.engine import Connection, Engine

from aggregator.errors import SchemaTooNewError, StorageError

from . import search_index
from .bands import insert_bands
from .connect import VERSION  # one number for both routes to a database (see connect)
from .schema import (
    Base,
    ConversionRow,
    LinkKeysRow,
    MinhashBandRow,
    MinhashRefreshRow,
    PageRetryRow,
    SchemaVersion,
    StoryAliasRow,
)

log = logging.getLogger("newsdesk.storage")


Step = Callable[[Connection], None]


def _v1_to_v2(conn: Connection) -> None:
    """v2 adds the full-text search index and fills it from the stored articles."""
    search_index.create(conn)
    search_index.rebuild(conn)


def _v2_to_v3(conn: Connection) -> None:
    """v3: `minhash_bands` comes from the schema (it was created on first use, with a 32-bit
    hash column) and is filled from the stored signatures; script conversions move from
    `translations` (rows named opencc*) to their own table; the write-only `article_links`
    table and `story_links.kind` column go."""
    import numpy as np

    from aggregator.dedup import band_hashes

    conn.exec_driver_sql("DROP TABLE IF EXISTS minhash_bands")
    conn.exec_driver_sql("DROP TABLE IF EXISTS article_links")
    ConversionRow.__table__.create(conn, checkfirst=True)  # type: ignore[attr-defined]
    MinhashBandRow.__table__.create(conn, checkfirst=True)  # type: ignore[attr-defined]
    for index in MinhashBandRow.__table__.indexes:  # type: ignore[attr-defined]
        index.create(conn, checkfirst=True)
    rows = conn.execute(text("SELECT id, minhash FROM articles WHERE minhash IS NOT NULL"))
    insert_bands(
        conn,
        [
            (digest, aid)
            for aid, blob in rows
            for _, digest in band_hashes(np.frombuffer(blob, dtype=np.uint32))
        ],
    )
    conn.execute(
        text(
            "INSERT INTO conversions (article_id, field, target, text, tool) "
            "SELECT article_id, field, target_lang, text, model FROM translations "
            "WHERE model LIKE 'opencc%'"
        )
    )
    conn.execute(text("DELETE FROM translations WHERE model LIKE 'opencc%'"))
    if "kind" in {c["name"] for c in inspect(conn).get_columns("story_links")}:
        conn.exec_driver_sql("ALTER TABLE story_links DROP COLUMN kind")


def _v3_to_v4(conn: Connection) -> None:
    """v4 adds `story_aliases` (stories merged by a bridging article keep their old ids),
    `stories.profile_keys` (related coverage beyond the articles' window), `link_keys`
    (evidence keys of linked articles; empty after the upgrade, filled as linking reads) and
    `page_retries` (full-text pages to fetch again after a failure)."""
    PageRetryRow.__table__.create(conn, checkfirst=True)  # type: ignore[attr-defined]
    LinkKeysRow.__table__.create(conn, checkfirst=True)  # type: ignore[attr-defined]
    if "profile_keys" not in {c["name"] for c in inspect(conn).get_columns("stories")}:
        conn.exec_driver_sql("ALTER TABLE stories ADD COLUMN profile_keys TEXT")
    StoryAliasRow.__table__.create(conn, checkfirst=True)  # type: ignore[attr-defined]
    for index in StoryAliasRow.__table__.indexes:  # type: ignore[attr-defined]
        index.create(conn, checkfirst=True)


def _v4_to_v5(conn: Connection) -> None:
    """v5 changes how MinHash signatures and band hashes are made (`aggregator.minhash`
    SCHEME 2): stored ones no longer match new ones. The text work of recomputing them
    cannot run in this transaction (it would hold the write lock for the whole archive),
    so this step only leaves the `minhash_refresh` marker: `aggregator.dedup_refresh`
    recomputes the articles below it, newest first, in short batches from the next poll."""
    from aggregator.minhash import SCHEME

    MinhashRefreshRow.__table__.create(conn, checkfirst=True)  # type: ignore[attr-defined]
    top = conn.execute(text("SELECT MAX(id) FROM articles WHERE minhash IS NOT NULL")).scalar()
    if top is not None:
        conn.execute(insert(MinhashRefreshRow).values(id=1, below=int(top) + 1, scheme=SCHEME))


def _v5_to_v6(conn: Connection) -> None:
    """v6 keeps MinHash bands in one B-tree keyed by (hash, article_id) instead of a rowid
    table with a hash index (see `MinhashBandRow`); the band number, folded into the hash,
    goes. The rows are copied in key order. A table already in the new shape (made by
    `_v2_to_v3` of this code) is left alone. The articles' feed_id index goes too: the
    (feed_id, guid) index serves every lookup by feed."""
    conn.exec_driver_sql("DROP INDEX IF EXISTS ix_articles_feed_id")
    old = "minhash_bands_v5"
    columns = {c["name"] for c in inspect(conn).get_columns("minhash_bands")}
    if "band" not in columns:
        return
    conn.exec_driver_sql(f"ALTER TABLE minhash_bands RENAME TO {old}")
    for index in ("ix_minhash_bands_hash", "ix_minhash_bands_article_id"):
        conn.exec_driver_sql(f"DROP INDEX IF EXISTS {index}")
    MinhashBandRow.__table__.create(conn)  # type: ignore[attr-defined]  # and its index
    conn.exec_driver_sql(
        f"INSERT INTO minhash_bands (hash, article_id) "
        f"SELECT DISTINCT hash, article_id FROM {old} ORDER BY hash, article_id"
    )
    conn.exec_driver_sql(f"DROP TABLE {old}")


# Key: the version a step upgrades from.
STEPS: dict[int, Step] = {
    1: _v1_to_v2,
    2: _v2_to_v3,
    3: _v3_to_v4,
    4: _v4_to_v5,
    5: _v5_to_v6,
}


def _create_new(conn: Connection) -> None:
    Base.metadata.create_all(conn)
    search_index.create(conn)
    conn.execute(insert(SchemaVersion).values(id=1, version=VERSION))


def current_version(conn: Connection) -> int | None:
    tables = set(inspect(conn).get_table_names())
    if "schema_version" not in tables:
        if tables - {"sqlite_sequence"}:
            raise StorageError("database has tables but no newsdesk schema version; not ours?")
        return None
    row = conn.execute(select(SchemaVersion.version)).first()
    return None if row is None else int(row[0])


def migrate(engine: Engine, where: str) -> int:
    """Bring the database to VERSION; returns the version found before."""
    with engine.begin() as conn:
        found = current_version(conn)
        if found is None:
            _create_new(conn)
            return 0
        if found > VERSION:
            raise SchemaTooNewError(
                f"database schema version {found} is newer than this newsdesk supports "
                f"({VERSION}); upgrade newsdesk",
                where,
            )
        version = found
        while version < VERSION:
            log.info("upgrading schema %s -> %s", version, version + 1)
            STEPS[version](conn)
            version += 1
        if version != found:
            # New tables of later versions are created by create_all (it skips existing ones).
            Base.metadata.create_all(conn)
            conn.execute(update(SchemaVersion).values(version=version))
            if conn.dialect.name == "sqlite":
                bad = conn.execute(text("PRAGMA foreign_key_check")).fetchall()
                if bad:
                    raise StorageError(f"schema upgrade left {len(bad)} broken references", where)
        return found
