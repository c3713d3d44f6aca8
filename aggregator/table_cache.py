"""Tables built once from the dictionary and kept as marshal files in the user cache dir.

`cedict` (the bilingual index), `places` and `pinyin_names` each build a table from the
CC-CEDICT wheel in a second or so; a later process loads it in milliseconds. One routine
reads, rebuilds and writes them, so a cache problem is handled alike for all three: logged,
and costing only the rebuild.
"""

from __future__ import annotations

import logging
import marshal
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from .paths import cache_dir, write_atomic

log = logging.getLogger(__name__)


def python_tag() -> str:
    """The Python version in a cache file's name: marshal's format follows it."""
    return f"py{sys.version_info[0]}{sys.version_info[1]}"


def user_cache_file(stem: str) -> Path:
    """`<user cache dir>/newsdesk/<stem>-pyXY.marshal`, for tables built from the dictionary."""
    return cache_dir() / f"{stem}-{python_tag()}.marshal"


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
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(target, marshal.dumps(dump(built)))
    except OSError as exc:
        log.info("%s cache not written (%s); keeping it in memory", what, exc)
    return built
