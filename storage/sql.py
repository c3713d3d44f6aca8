"""One transaction's statements on a DB-API connection (sqlite3 or psycopg), in the
dialect's terms: the layer under the SQL that is written once for both of a poll's routes
(`feed_book`, `ingest_sql`, `ingest_rows`), run by `Storage` on its SQLAlchemy
transaction's raw connection and by `feed_book.FeedBook` on a connection of its own.

Values are stored as SQLAlchemy stores them, so either route reads what the other wrote:
times as naive UTC (on SQLite the text `YYYY-MM-DD HH:MM:SS.ffffff`), JSON as text,
booleans as 1/0 on SQLite. On PostgreSQL, NUL characters leave string parameters, as the
engine's hook does for every statement (`postgres._strip_nul`).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

from .connect import describe, driver_errors


class Sql:
    """One transaction's statements on a DB-API connection, in the dialect's terms: `?`
    placeholders become psycopg's `%s`, times and JSON are converted as SQLAlchemy would,
    NULs leave PostgreSQL strings. Transactions are the caller's."""

    def __init__(self, conn: Any, dialect: str) -> None:
        self.conn, self.dialect = conn, dialect
        self.pg = dialect == "postgresql"

    def _sql(self, sql: str) -> str:
        return sql.replace("?", "%s") if self.pg else sql

    def _params(self, params: Sequence[Any]) -> tuple[Any, ...]:
        if not self.pg:
            return tuple(params)
        return tuple(v.replace("\x00", "") if isinstance(v, str) else v for v in params)

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        cur = self.conn.cursor()
        try:
            cur.execute(self._sql(sql), self._params(params))
            return list(cur.fetchall())
        finally:
            cur.close()

    def run(self, sql: str, params: Sequence[Any] = ()) -> None:
        cur = self.conn.cursor()
        try:
            cur.execute(self._sql(sql), self._params(params))
        finally:
            cur.close()

    def many(self, sql: str, params: Sequence[Sequence[Any]]) -> None:
        cur = self.conn.cursor()
        try:
            # SQLite takes the rows as they are (no copy of ~1M band rows a 1,000-feed poll)
            cur.executemany(
                self._sql(sql), [self._params(p) for p in params] if self.pg else params
            )
        finally:
            cur.close()

    def when(self, value: datetime | None) -> Any:
        """A time parameter: naive UTC (aware is required, as `schema.UTCDateTime` does);
        on SQLite the text SQLAlchemy's DateTime writes."""
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to storage; use UTC-aware datetimes")
        naive = value.astimezone(UTC).replace(tzinfo=None)
        # SQLAlchemy's format, the year zero-padded (strftime's %Y is not, before 1000)
        return naive if self.pg else naive.isoformat(" ", "microseconds")

    def read_when(self, value: Any) -> datetime | None:
        if value is None:
            return None
        if isinstance(value, str):
            value = datetime.fromisoformat(value)
        return value.replace(tzinfo=UTC)  # type: ignore[no-any-return]

    def json_slot(self) -> str:
        """The placeholder of a JSON parameter (psycopg sends text: the server casts)."""
        return "CAST(? AS json)" if self.pg else "?"

    def many_returning(self, sql: str, params: Sequence[Sequence[Any]]) -> list[tuple[Any, ...]]:
        """`many` of an INSERT ... RETURNING: the returned rows in the order of `params`.
        psycopg runs the batch pipelined (one round trip, not one a row); sqlite3 has no
        executemany with results, so there it is one execute a row."""
        if not params:
            return []  # (psycopg has no result to fetch for an empty batch)
        cur = self.conn.cursor()
        try:
            if not self.pg:
                out: list[tuple[Any, ...]] = []
                for p in params:
                    cur.execute(sql, p)
                    out.extend(cur.fetchall())
                return out
            cur.executemany(self._sql(sql), [self._params(p) for p in params], returning=True)
            got: list[tuple[Any, ...]] = []
            while True:
                got.extend(cur.fetchall())
                if not cur.nextset():
                    return got
        finally:
            cur.close()


@contextmanager
def as_storage_errors(dialect: str, where: str) -> Iterator[None]:
    """Driver errors raised on a raw connection, as StorageError (masked message)."""
    try:
        yield
    except driver_errors(dialect) as exc:
        raise describe(exc, where) from exc
