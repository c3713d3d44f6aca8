"""Default locations (XDG), resolved at call time so tests can point HOME/XDG_* elsewhere."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from platformdirs import user_cache_dir, user_config_dir, user_data_dir

APP = "newsdesk"


def data_dir() -> Path:
    return Path(user_data_dir(APP, appauthor=False))


def config_dir() -> Path:
    return Path(user_config_dir(APP, appauthor=False))


def cache_dir() -> Path:
    return Path(user_cache_dir(APP, appauthor=False))


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


def write_atomic(path: Path, data: bytes, prefix: str | None = None, suffix: str = ".tmp") -> None:
    """Replace `path` with `data` so that a reader never sees half a file: a temporary file
    in the same directory (same filesystem), then `os.replace`. Raises OSError, having
    removed the temporary file; the directory must exist."""
    start = path.name if prefix is None else prefix
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=start, suffix=suffix)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
