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
from .schema import Base, SchemaVersion

log = logging.getLogger("newsdesk.storage")

VERSION = 2

Step = Callable[[Connection], None]


def _v1_to_v2(conn: Connection) -> None:
    """v2 adds the full-text search index and fills it from the stored articles."""
    search_index.create(conn)
    search_index.rebuild(conn)


STEPS: dict[int, Step] = {1: _v1_to_v2}  # key: version the step upgrades from


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
