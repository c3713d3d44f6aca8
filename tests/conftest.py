"""Shared fixtures: a temporary database, the seed documents, an isolated HOME.

The database is an SQLite file unless NEWSDESK_TEST_DB names a PostgreSQL server
(`postgresql+psycopg://user:pw@127.0.0.1:port/postgres`, as `.ci/postgres.sh start` prints):
then every test that takes `db_path` gets a fresh database on that server (its URL, a str),
and tests marked `sqlite_only` (they open the file, or test SQLite's own behaviour) skip.

Area-specific helpers live in tests/support_*.py modules (HTTP feed server, stand-in
models, SMTP server) and are imported by the tests that need them.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

DATA = Path(__file__).parent / "data"
SEEDS = DATA / "seeds"


@pytest.fixture(autouse=True)
def _isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Keep tests away from the user's XDG dirs and Argos packages."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local/share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    monkeypatch.delenv("NEWSDESK_DB", raising=False)
    monkeypatch.delenv("NEWSDESK_CONFIG", raising=False)


TEST_DB = os.environ.get("NEWSDESK_TEST_DB", "")
ON_POSTGRES = TEST_DB.startswith("postgresql")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if not ON_POSTGRES:
        return
    skip = pytest.mark.skip(reason="SQLite-only by nature (NEWSDESK_TEST_DB is PostgreSQL)")
    for item in items:
        if item.get_closest_marker("sqlite_only"):
            item.add_marker(skip)


@pytest.fixture(scope="session")
def _pg_admin() -> Iterator[Any]:
    from sqlalchemy import create_engine

    engine = create_engine(TEST_DB, isolation_level="AUTOCOMMIT")
    yield engine
    engine.dispose()


def fresh_database(admin: Any) -> str:
    """A new empty database on the test server; its URL."""
    from sqlalchemy.engine import make_url

    name = "t_" + uuid.uuid4().hex[:16]
    with admin.connect() as conn:
        conn.exec_driver_sql(f"CREATE DATABASE {name}")
    return make_url(TEST_DB).set(database=name).render_as_string(hide_password=False)


def drop_database(admin: Any, url: str) -> None:
    from sqlalchemy.engine import make_url

    name = make_url(url).database
    with admin.connect() as conn:
        conn.exec_driver_sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture
def db_path(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Path]:
    """An SQLite file path, or (NEWSDESK_TEST_DB) a fresh PostgreSQL database's URL: both
    are what `--db` and `Storage()` take, through `str()`."""
    if not ON_POSTGRES:
        yield tmp_path / "newsdesk.db"
        return
    admin = request.getfixturevalue("_pg_admin")
    url = fresh_database(admin)
    try:
        yield url  # type: ignore[misc]
    finally:
        drop_database(admin, url)


@pytest.fixture
def storage(db_path: Path) -> Iterator[object]:
    from storage import Storage

    s = Storage(str(db_path))
    yield s
    s.close()


@pytest.fixture
def seed_en() -> str:
    return (SEEDS / "000_1fef5196e698dfdc.txt").read_text(encoding="utf-8")


@pytest.fixture
def seed_page() -> str:
    return (SEEDS / "004_addd8f82d7b26a55.txt").read_text(encoding="utf-8")
