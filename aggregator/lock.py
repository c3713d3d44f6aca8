"""fcntl locks so two overlapping cron runs never do the same work at once (rss2email does
the same): `poll` (fetch and store) and `link` (embedding, stories and translation) each
have their own, so a long `newsdesk link` never holds up the polls beside it.

The lock files sit next to the SQLite database, or in the XDG runtime/data dir for a
server database URL. The kernel drops a lock when the process dies, so a killed run never
leaves a stale lock behind.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Literal

from .errors import LockedError

LockKind = Literal["poll", "link"]


def lock_path(db_url: str, kind: LockKind = "poll") -> Path:
    """Where this database's lock of that kind lives."""
    suffix = ".lock" if kind == "poll" else f".{kind}.lock"
    if db_url.startswith("sqlite:///") and not db_url.endswith(":memory:"):
        db = Path(db_url[len("sqlite:///") :])
        return db.with_name(db.name + suffix)
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if runtime and Path(runtime).is_dir():
        base = Path(runtime) / "newsdesk"
    else:
        from .paths import data_dir

        base = data_dir()
    digest = hashlib.sha1(db_url.encode("utf-8")).hexdigest()[:12]
    return base / f"{kind}-{digest}.lock"


@contextmanager
def poll_lock(db_url: str, wait: float = 5.0, kind: LockKind = "poll") -> Iterator[Path]:
    """Hold the lock; raises LockedError after `wait` seconds if another run holds it."""
    path = lock_path(db_url, kind)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise LockedError(
                        f"another newsdesk {kind} is running (lock {path}); skipping this run"
                    ) from None
                time.sleep(0.1)
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        try:
            yield path
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)
