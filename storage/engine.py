"""Engine creation and the one place SQLAlchemy/sqlite3 errors become StorageError."""

from __future__ import annotations

import os
import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DatabaseError, OperationalError, SQLAlchemyError

from aggregator.errors import StorageError


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


# How long a writer waits for another process's lock before giving up with "locked".
BUSY_TIMEOUT_MS = int(os.environ.get("NEWSDESK_BUSY_TIMEOUT_MS", "10000"))


WAL_CHECKPOINT_PAGES = 8000


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    # Autocommit at the driver level: SQLAlchemy's own BEGIN then controls transactions,
    # so BEGIN IMMEDIATE can take the write lock up front (no deadlocks between writers).
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT_MS)}")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    # Checkpoint every ~32 MB of WAL rather than SQLite's 4 MB: a poll rewrites the same
    # pages of the near-duplicate band index and the full-text index in transaction after
    # transaction, and each checkpoint copies every page once, however often it changed
    # (1,000-feed cold poll replayed: 18.7 -> 13.8 CPU-s of SQLite work).
    cur.execute(f"PRAGMA wal_autocheckpoint={WAL_CHECKPOINT_PAGES}")
    cur.close()


def _sqlite_begin(conn: Any) -> None:
    # Writers take the lock at BEGIN (no upgrade deadlocks); readers stay deferred so that
    # search keeps working while a poll writes (WAL).
    immediate = conn.get_execution_options().get("immediate", False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def make_engine(url: str) -> Engine:
    path = sqlite_path(url)
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StorageError(f"cannot create database folder: {exc}", str(path)) from None
        if path.exists() and not os.access(path, os.R_OK):
            raise StorageError("database file is not readable", str(path))
    options: dict[str, Any] = {}
    if dialect_of(url) == "postgresql":
        # a dead server or a pooled connection it dropped: fail fast, re-check before use
        options = {"pool_pre_ping": True, "connect_args": {"connect_timeout": 10}}
    try:
        engine = create_engine(url, future=True, **options)
    except ImportError as exc:
        hint = " (pip install 'newsdesk[postgres]')" if dialect_of(url) == "postgresql" else ""
        raise StorageError(f"database driver missing: {exc}{hint}", safe_url(url)) from None
    except (SQLAlchemyError, ValueError) as exc:
        text = mask_secrets(f"bad database URL: {exc}".splitlines()[0])
        raise StorageError(text, safe_url(url)) from None
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
    elif engine.dialect.name == "postgresql":
        from .postgres import install

        install(engine)
    return engine


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


@contextmanager
def converted(where: str) -> Iterator[None]:
    try:
        yield
    except (OperationalError, DatabaseError, sqlite3.DatabaseError) as exc:
        raise describe(exc, where) from exc
