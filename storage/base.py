"""Connection handling shared by the per-domain storage modules."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.engine import Connection, Engine
from sqlalchemy.orm import Session

from .engine import converted
from .sql import Sql, as_storage_errors


class StorageBase:
    engine: Engine
    where: str

    @contextmanager
    def _tx(self) -> Iterator[Session]:
        """One transaction; driver errors leave as StorageError, everything rolled back."""
        with converted(self.where):
            writer = self.engine.execution_options(immediate=True)
            with Session(writer, expire_on_commit=False) as session:
                with session.begin():
                    yield session

    @contextmanager
    def _read(self) -> Iterator[Session]:
        with converted(self.where):
            with Session(self.engine, expire_on_commit=False) as session:
                yield session

    @contextmanager
    def _raw(self, write: bool) -> Iterator[Sql]:
        """A read or write transaction whose statements run on the raw DB-API connection:
        the SQL written once for `Storage` and the poll's light route (`feed_book`,
        `ingest_sql`). Driver errors leave as StorageError (masked message)."""
        dialect = self.engine.dialect.name
        with self._tx() if write else self._read() as s, as_storage_errors(dialect, self.where):
            yield raw_sql(s.connection())

    @contextmanager
    def exclusive(self, name: str) -> Iterator[bool]:
        """Whether this process holds the database-wide lock `name` for the block: on
        PostgreSQL a session advisory lock, tried once (False: another host holds it, the
        server drops it if this process dies); elsewhere always True (the poll lock file
        already keeps runs apart). Raises StorageError."""
        if self.engine.dialect.name != "postgresql":
            yield True
            return
        from .postgres import release_session_lock, try_session_lock

        with converted(self.where):
            conn = self.engine.connect()
        try:
            with converted(self.where):
                mine = try_session_lock(conn, name)
                conn.commit()
            try:
                yield mine
            finally:
                if mine:
                    with converted(self.where):
                        release_session_lock(conn, name)
                        conn.commit()
        finally:
            conn.close()


def primary_first(url: str | None, known: list[str]) -> tuple[str, ...]:
    """Every URL an article is known by, its own (canonical) URL first: the one rule for
    articles, stories and search results."""
    if not url:
        return tuple(known)
    return (url, *(u for u in known if u != url))


def raw_sql(conn: Connection) -> Sql:
    """`sql.Sql` on the DB-API connection under `conn` (its transaction, its dialect):
    how `Storage` runs the SQL written once for it and the light route."""
    return Sql(conn.connection.dbapi_connection, conn.dialect.name)
