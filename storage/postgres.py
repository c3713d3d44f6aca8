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
        cleaned = [_clean(v) for v in params]
        return tuple(cleaned) if isinstance(params, tuple) else cleaned
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
    from platformdirs import user_cache_dir
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    key = f"{parsed.host}:{parsed.port}/{parsed.database}?user={parsed.username}"
    digest = hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]
    return Path(user_cache_dir("newsdesk", appauthor=False)) / "db" / f"{parsed.database}-{digest}"


# --- advisory locks: how several hosts' writers take turns on one key ----------------------


def lock_key(text: str) -> int:
    """A signed 64-bit advisory-lock key for a string (a collision only serializes two
    unrelated writers a little)."""
    return int.from_bytes(
        hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(), "big", signed=True
    )


# Transaction-level advisory locks on an array of keys, taken in key order; `{keys}` is the
# array parameter's placeholder (`:keys` for SQLAlchemy, `?` in `feed_book`).
XACT_LOCKS = (
    "SELECT count(pg_advisory_xact_lock(k)) FROM "
    "(SELECT unnest(CAST({keys} AS bigint[])) AS k ORDER BY 1) AS o"
)


def lock_keys_xact(conn: Any, names: Sequence[str]) -> None:
    """Hold transaction-level advisory locks on `names` until commit, taken in key order so
    two transactions locking overlapping sets never deadlock."""
    from sqlalchemy import text

    keys = sorted({lock_key(n) for n in names})
    if keys:
        conn.execute(text(XACT_LOCKS.format(keys=":keys")), {"keys": keys})


def try_session_lock(conn: Any, name: str) -> bool:
    from sqlalchemy import text

    return bool(
        conn.execute(text("SELECT pg_try_advisory_lock(:k)"), {"k": lock_key(name)}).scalar()
    )


def release_session_lock(conn: Any, name: str) -> None:
    from sqlalchemy import text

    conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": lock_key(name)})
