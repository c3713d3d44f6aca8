"""What connecting to a database means, without SQLAlchemy: URL rules, secret masking, the
SQLite pragmas, driver errors as `StorageError`, and the light opener of the warm poll.

`engine.make_engine` (the full `Storage`) and `open_light` (`feed_book.FeedBook`) both take
their settings from here, so the two routes to one database cannot drift apart: the same
pragmas on every SQLite connection, the same masked messages. Importing this module costs
only the standard library (a warm poll of 100 feeds spent ~0.35 of its ~0.55 CPU-s importing
SQLAlchemy and the ORM schema before it touched a feed).
"""

from __future__ import annotations

import os
import re
import sqlite3
from pathlib import Path
from typing import Any

from aggregator.errors import StorageError

# The schema version this code reads and writes. The light opener trusts a database only at
# exactly this version; any other goes through `Storage`, which migrates or refuses it.
VERSION = 6

# How long a writer waits for another process's lock before giving up with "locked".
BUSY_TIMEOUT_MS = int(os.environ.get("NEWSDESK_BUSY_TIMEOUT_MS", "10000"))

WAL_CHECKPOINT_PAGES = 8000


def to_url(db: str) -> str:
    """A bare path becomes an SQLite URL; anything with '://' is taken as an SQLAlchemy URL."""
    if "://" in db:
        return db
    return "sqlite:///" + str(Path(db).expanduser())


_SECRET = re.compile(r"(?P<head>[A-Za-z][A-Za-z0-9+.-]*://[^:/@\s]*):(?P<pw>[^@\s]*)@")


def safe_url(url: str) -> str:
    """`url` with its password masked (`user:***@host`): every message, log line and stored
    error that names a database goes through this (cron mails stderr)."""
    return mask_secrets(url)


def mask_secrets(message: str) -> str:
    """Any `scheme://user:password@` inside free text, password masked (driver messages and
    exception texts may quote the URL)."""
    return _SECRET.sub(lambda m: f"{m.group('head')}:***@", message)


def dialect_of(url: str) -> str:
    """`sqlite`, `postgresql`, ...: the part of the URL scheme before any `+driver`."""
    return url.split("://", 1)[0].split("+", 1)[0]


def sqlite_path(url: str) -> Path | None:
    if url.startswith("sqlite:///") and not url.endswith(":memory:"):
        return Path(url[len("sqlite:///") :])
    return None


def missing_file(db: str) -> str | None:
    """The SQLite file a URL or path names when it does not exist (read-only commands must
    not create one); None when it exists or the database is not a file."""
    path = sqlite_path(to_url(db))
    if path is None or path.exists():
        return None
    return str(path)


def sqlite_pragmas(dbapi_conn: sqlite3.Connection, busy_timeout_ms: int) -> None:
    """Set up one SQLite connection as every newsdesk connection is set up."""
    # Autocommit at the driver level: the caller's own BEGIN then controls transactions,
    # so BEGIN IMMEDIATE can take the write lock up front (no deadlocks between writers).
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    # Checkpoint every ~32 MB of WAL rather than SQLite's 4 MB: a poll rewrites the same
    # pages of the near-duplicate band index and the full-text index in transaction after
    # transaction, and each checkpoint copies every page once, however often it changed
    # (1,000-feed cold poll replayed: 18.7 -> 13.8 CPU-s of SQLite work).
    cur.execute(f"PRAGMA wal_autocheckpoint={WAL_CHECKPOINT_PAGES}")
    cur.close()


def describe(exc: BaseException, where: str) -> StorageError:
    """Turn a driver error into a StorageError with a message a user can act on."""
    text = mask_secrets(str(getattr(exc, "orig", exc) or exc).splitlines()[0])
    low = text.lower()
    if "locked" in low or "busy" in low:
        return StorageError("database is locked by another process; try again", where)
    if "not a database" in low or "malformed" in low or "corrupt" in low:
        return StorageError("database file is corrupt or not an SQLite database", where)
    if "readonly" in low or "read-only" in low:
        return StorageError("database is read-only", where)
    if "unable to open" in low:
        return StorageError("cannot open database file", where)
    if "password authentication failed" in low or "no password supplied" in low:
        return StorageError("database refused the login (user or password wrong)", where)
    if "connection refused" in low or "could not connect" in low or "connection failed" in low:
        return StorageError(f"cannot reach the database server: {text}", where)
    return StorageError(f"database error: {text}", where)


def driver_errors(dialect: str) -> tuple[type[BaseException], ...]:
    """The DB-API error classes of `dialect`'s driver (what `describe` turns into
    StorageError when SQL runs on a raw connection, outside SQLAlchemy)."""
    if dialect == "postgresql":
        import psycopg

        return (psycopg.Error,)
    return (sqlite3.Error,)


def open_light(url: str) -> tuple[Any, str] | None:
    """A DB-API connection to a database that needs nothing but the feed bookkeeping, and
    its dialect; None wherever the full `Storage` must open it instead: a file that does
    not exist yet (it is created and migrated), one at another schema version (migrated or
    refused), one with a MinHash refresh pending (the refresh needs `Storage`), a server
    database (its pooled engine, pre-ping and NUL filter stay with `Storage`), and any
    driver error at all (locked, corrupt, unreadable: `Storage` raises the documented
    error with the documented message). Never raises."""
    path = sqlite_path(url)
    if path is None or not url.startswith("sqlite:///"):
        return None
    try:
        if not path.is_file() or not os.access(path, os.R_OK | os.W_OK):
            return None
        # uri mode=rw: never create a file (a missing one goes through Storage)
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=rw", uri=True, timeout=0)
    except (OSError, ValueError, sqlite3.Error):
        return None
    try:
        sqlite_pragmas(conn, BUSY_TIMEOUT_MS)
        if _light_ready(conn):
            return conn, "sqlite"
    except sqlite3.Error:
        pass
    conn.close()
    return None


def create_sqlite(url: str) -> None:
    """Create the SQLite database `url` names, when its file does not exist, at VERSION
    and as `Storage` creates one (`sqlite_ddl`: the same `sqlite_master`), in one
    transaction: the first (cold) poll then needs no SQLAlchemy either. Never raises: on
    any failure `Storage` opens the file as before (an empty file is created there; a
    half-made schema cannot be, the transaction rolls back)."""
    path = sqlite_path(url)
    if path is None or not url.startswith("sqlite:///") or path.exists():
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=rwc", uri=True, timeout=0)
    except (OSError, ValueError, sqlite3.Error):
        return
    try:
        sqlite_pragmas(conn, BUSY_TIMEOUT_MS)
        conn.execute("BEGIN IMMEDIATE")
        try:
            # another process may have made it meanwhile: then it is left as it is
            if conn.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchone() is None:
                from .sqlite_ddl import STATEMENTS

                for statement in STATEMENTS:
                    conn.execute(statement)
                conn.execute("INSERT INTO schema_version (id, version) VALUES (1, ?)", (VERSION,))
            conn.execute("COMMIT")
        except sqlite3.Error:
            conn.execute("ROLLBACK")
    except sqlite3.Error:
        pass
    finally:
        conn.close()


def _light_ready(conn: sqlite3.Connection) -> bool:
    """Whether this SQLite database is at VERSION with no MinHash refresh pending (one
    short read transaction)."""
    conn.execute("BEGIN")
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if "schema_version" not in tables or "feeds" not in tables:
            return False
        row = conn.execute("SELECT version FROM schema_version").fetchone()
        if row is None or int(row[0]) != VERSION:
            return False
        if "minhash_refresh" in tables:
            return conn.execute("SELECT 1 FROM minhash_refresh LIMIT 1").fetchone() is None
        return True
    finally:
        conn.execute("COMMIT")
