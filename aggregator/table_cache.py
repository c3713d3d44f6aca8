"""Tables built once from the dictionary and kept as marshal files in the user cache dir.

`cedict` (the bilingual index), `places` and `pinyin_names` each build a table from the
CC-CEDICT wheel in a second or so; a later process loads it in milliseconds. One routine
reads, rebuilds and writes them, so a cache problem is handled alike for all three: logged,
and costing only the rebuild.
"""

from __future__ import annotations

import logging
import marshal
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

log = logging.getLogger(__name__)


def python_tag() -> str:
    """The Python version in a cache file's name: marshal's format follows it."""
    return f"py{sys.version_info[0]}{sys.version_info[1]}"


def user_cache_file(stem: str) -> Path:
    """`<user cache dir>/newsdesk/<stem>-pyXY.marshal`, for tables built from the dictionary."""
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("newsdesk", appauthor=False)) / f"{stem}-{python_tag()}.marshal"


def write_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


T = TypeVar("T")


def cached(
    target: Path,
    what: str,
    build: Callable[[], T],
    dump: Callable[[T], Any],
    load: Callable[[Any], T],
) -> T:
    """A table built from the dictionary, kept as a marshal file: `load` of the file's data
    when it reads (`load` raises ValueError or TypeError for data of another shape), else
    `build()`, written back through `dump` when the cache dir allows. Cache problems are
    logged and cost only the rebuild; `build`'s own errors (DictionaryError) propagate."""
    try:
        return load(marshal.loads(target.read_bytes()))
    except FileNotFoundError:
        pass
    except (OSError, ValueError, EOFError, TypeError) as exc:
        log.warning("ignoring unreadable %s cache %s: %s", what, target, exc)
    built = build()
    try:
        write_atomic(target, marshal.dumps(dump(built)))
    except OSError as exc:
        log.info("%s cache not written (%s); keeping it in memory", what, exc)
    return built
