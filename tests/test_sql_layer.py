"""The DB-API layer under the SQL written once for both poll routes (storage/sql.py), on
the test database (SQLite, or PostgreSQL under NEWSDESK_TEST_DB)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from storage.base import raw_sql


def test_many_returning_gives_rows_in_the_order_of_the_batch(storage: Any) -> None:
    """psycopg's pipelined executemany and sqlite3's row-at-a-time both hand back the
    RETURNING rows in batch order: the ingest maps each article to its id by position."""
    names = [f"feed-{i:03d}" for i in (5, 1, 9, 3, 7, 2, 8)]
    with storage._tx() as s:
        db = raw_sql(s.connection())
        got = db.many_returning(
            "INSERT INTO schema_version (id, version) VALUES (?, ?) RETURNING id, version",
            [(100 + i, len(n)) for i, n in enumerate(names)],
        )
        assert got == [(100 + i, len(n)) for i, n in enumerate(names)]
        empty = db.many_returning("INSERT INTO schema_version (id) VALUES (?) RETURNING id", [])
        assert empty == []
        s.rollback()


def test_a_time_goes_in_as_sqlalchemy_writes_it_and_comes_back_aware(storage: Any) -> None:
    with storage._tx() as s:
        db = raw_sql(s.connection())
        with pytest.raises(ValueError):
            db.when(datetime(2027, 1, 2, 3, 4, 5))  # naive: refused
        t = datetime(2027, 1, 2, 3, 4, 5, tzinfo=UTC)
        assert db.read_when(db.when(t)) == t
        s.rollback()
