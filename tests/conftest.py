"""Shared fixtures: a temporary SQLite database, the seed documents, an isolated HOME.

Area-specific helpers live in tests/support_*.py modules (HTTP feed server, stand-in
models, SMTP server) and are imported by the tests that need them.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

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


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "newsdesk.db"


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
