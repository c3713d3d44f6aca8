"""Shared CLI plumbing: the context object, the output-format option, printing helpers."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, TypeVar

import click

if TYPE_CHECKING:
    from aggregator.core import Newsdesk

F = TypeVar("F", bound=Callable[..., Any])


@dataclass
class Context:
    db: str | None
    config: str | None
    verbose: int = 0
    quiet: bool = False
    _desk: Newsdesk | None = field(default=None, repr=False)

    def desk(
        self, *, need_config: bool = False, create: bool = False, light: bool = False
    ) -> Newsdesk:
        """The facade over --db and --config. Read-only commands leave `create` False, so a
        mistyped --db path is an error (exit 2), never a new empty database. `light`: the
        poll's start without SQLAlchemy where it can (see `make_newsdesk`)."""
        if self._desk is None:
            from aggregator.core import make_newsdesk

            self._desk = make_newsdesk(
                self.db, self.config, need_config=need_config, create=create, light=light
            )
        return self._desk

    def close(self) -> None:
        if self._desk is not None:
            self._desk.close()
            self._desk = None


pass_ctx = click.make_pass_decorator(Context)


def format_option(*choices: str) -> Callable[[F], F]:
    """`--format table|json[|jsonl]` (sqlite-utils' output_options, one decorator for all)."""
    names = choices or ("table", "json")

    def deco(f: F) -> F:
        return click.option(
            "--format",
            "fmt",
            type=click.Choice(names),
            default=names[0],
            show_default=True,
            help="Output format: a table for people, JSON for scripts.",
        )(f)

    return deco


def iso(value: datetime | date | None) -> str | None:
    """ISO-8601 in UTC with a Z, as CLI.md promises; None stays None."""
    if value is None:
        return None
    if isinstance(value, datetime):
        from datetime import UTC

        return value.astimezone(UTC).isoformat().replace("+00:00", "Z")
    return value.isoformat()


def print_json(obj: Any, *, lines: bool = False) -> None:
    text = json.dumps(obj, ensure_ascii=False, default=_default, indent=None if lines else 2)
    click.echo(text)


def _default(value: Any) -> Any:
    if isinstance(value, (datetime, date)):
        return iso(value)
    if isinstance(value, (set, tuple)):
        return list(value)
    raise TypeError(f"not JSON serializable: {type(value).__name__}")


def stderr_is_tty() -> bool:
    return sys.stderr.isatty()


def one_line(text: str) -> str:
    return safe_text(" ".join(text.split()))


def safe_text(text: str | None) -> str:
    """Feed text for a terminal: control characters (ANSI escapes, CR tricks) removed."""
    if not text:
        return ""
    return "".join(ch if ch.isprintable() or ch == " " else " " for ch in text)
