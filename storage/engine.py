"""Engine creation and the one place SQLAlchemy/sqlite3 errors become StorageError."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DatabaseError, OperationalError, SQLAlchemyError

from aggregator.errors import StorageError

# The URL rules, masking, pragmas and error texts live in `connect` (no SQLAlchemy there,
# for the warm poll's light opener); re-exported here for the modules that import them.
from .connect import (
    BUSY_TIMEOUT_MS,
    WAL_CHECKPOINT_PAGES,
    describe,
    dialect_of,
    mask_secrets,
    missing_file,
    safe_url,
    sqlite_path,
    sqlite_pragmas,
    to_url,
)

__all__ = [
    "BUSY_TIMEOUT_MS",
    "WAL_CHECKPOINT_PAGES",
    "converted",
    "describe",
    "dialect_of",
    "make_engine",
    "mask_secrets",
    "missing_file",
    "safe_url",
    "sqlite_path",
    "to_url",
]


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    # BUSY_TIMEOUT_MS is read here, at connect time (tests shorten it on this module)
    sqlite_pragmas(dbapi_conn, BUSY_TIMEOUT_MS)


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


@contextmanager
def converted(where: str) -> Iterator[None]:
    try:
        yield
    except (OperationalError, DatabaseError, sqlite3.DatabaseError) as exc:
        raise describe(exc, where) from exc
