"""PostgreSQL specifics that are not SQL text: connection events, per-host folders.

PostgreSQL refuses U+0000 in `text` (SQLite stores it); feeds do carry stray NULs, so the
character is removed from every string parameter before it reaches the server. That is the
only difference in what is stored: nothing a reader sees depends on a NUL.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Engine


def _clean(value: Any) -> Any:
    if isinstance(value, str) and "\x00" in value:
        return value.replace("\x00", "")
    return value


def _clean_params(params: Any) -> Any:
    if isinstance(params, Mapping):
        return {k: _clean(v) for k, v in params.items()}
    if isinstance(params, Sequence) and not isinstance(params, (str, bytes)):
        if params and isinstance(params[0], (Mapping, list, tuple)):
            return [_clean_params(p) for p in params]  # executemany
        return type(params)(_clean(v) for v in params)
    return params


def _strip_nul(
    _conn: Any, _cursor: Any, statement: str, parameters: Any, _context: Any, _many: bool
) -> tuple[str, Any]:
    return statement, _clean_params(parameters)


def install(engine: Engine) -> None:
    """Hook the PostgreSQL engine's events (NUL removal)."""
    event.listen(engine, "before_cursor_execute", _strip_nul, retval=True)


def host_folder(url: str) -> Path:
    """This host's folder for derived copies of a server database (the vector matrices):
    under the user's cache dir, named by a digest of the URL without its password, so two
    databases never share one and a password change keeps the copy."""
    from sqlalchemy.engine import make_url

    from platformdirs import user_cache_dir

    parsed = make_url(url)
    key = f"{parsed.host}:{parsed.port}/{parsed.database}?user={parsed.username}"
    digest = hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]
    return Path(user_cache_dir("newsdesk", appauthor=False)) / "db" / f"{parsed.database}-{digest}"
