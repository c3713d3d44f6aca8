"""Default locations (XDG), resolved at call time so tests can point HOME/XDG_* elsewhere."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_config_dir, user_data_dir

APP = "newsdesk"


def data_dir() -> Path:
    return Path(user_data_dir(APP, appauthor=False))


def config_dir() -> Path:
    return Path(user_config_dir(APP, appauthor=False))


def default_db_url() -> str:
    env = os.environ.get("NEWSDESK_DB")
    if env:
        return env
    return str(data_dir() / "newsdesk.db")


def default_config_path() -> Path | None:
    """`$NEWSDESK_CONFIG`, else `./feeds.yaml`, else the XDG config dir; None if none exists."""
    env = os.environ.get("NEWSDESK_CONFIG")
    if env:
        return Path(env)
    for candidate in (Path.cwd() / "feeds.yaml", config_dir() / "feeds.yaml"):
        if candidate.is_file():
            return candidate
    return None
