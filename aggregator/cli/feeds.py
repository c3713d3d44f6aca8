"""`newsdesk feeds`: each feed's polling state (CLI.md JSON shape), and both URLs after a
permanent redirect."""

from __future__ import annotations

from typing import Any

import click

from .common import Context, format_option, iso, pass_ctx, print_json, safe_text


@click.command()
@format_option("table", "json")
@pass_ctx
def feeds(obj: Context, fmt: str) -> None:
    """Each feed's URL, status, last and next poll, and last error."""
    desk = obj.desk()
    states = desk.feeds() if desk.config.feeds else desk.storage.list_feeds()
    rows = [
        {
            "name": s.name,
            "url": s.url,
            "config_url": s.config_url,
            "language": s.language,
            "status": s.status,
            "last_polled": iso(s.last_polled),
            "next_poll": iso(s.next_poll),
            "error_count": s.error_count,
            "last_error": s.last_error,
            "last_http_status": s.last_http_status,
            "title": s.title,
        }
        for s in states
    ]
    if fmt == "json":
        print_json({"feeds": rows})
        return
    _table(rows)


def _short(value: str | None) -> str:
    return (value or "-")[:16].replace("T", " ")


WIDTH = 80
NAME_CELLS = 24


def _fit(text: str, cells: int) -> str:
    """Pad or cut to exactly `cells` terminal columns (CJK counts 2)."""
    from rich.cells import cell_len, set_cell_size

    if cell_len(text) > cells:
        return set_cell_size(text, cells - 1) + "…"
    return set_cell_size(text, cells)


def _wrap(text: str, indent: str) -> list[str]:
    """Long URLs and errors folded at 80 columns rather than cut, so they stay whole."""
    from rich.cells import chop_cells

    return [indent + part for part in chop_cells(text, WIDTH - len(indent))] or [indent]


def _table(rows: list[dict[str, Any]]) -> None:
    if not rows:
        click.echo("no feeds (add some to feeds.yaml)")
        return
    head = f"{_fit('feed', NAME_CELLS)} {'status':<12} {'err':>3}  {'last polled':<16}  next poll"
    click.echo(head)
    click.echo("-" * len(head))
    for r in rows:
        click.echo(
            f"{_fit(safe_text(r['name']), NAME_CELLS)} {r['status']:<12} "
            f"{r['error_count']:>3}  {_short(r['last_polled']):<16}  {_short(r['next_poll'])}"
        )
        url = safe_text(r["url"])
        for line in _wrap(url, "  "):
            click.echo(line)
        if r["url"] != r["config_url"]:
            for line in _wrap(f"moved from {safe_text(r['config_url'])}", "  "):
                click.echo(line)
        if r["last_error"]:
            for line in _wrap(f"! {safe_text(r['last_error'])}", "  "):
                click.echo(line)


def register(group: click.Group) -> None:
    group.add_command(feeds)
