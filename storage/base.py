"""Connection handling shared by the per-domain storage modules."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from .engine import converted


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
