"""`newsdesk feeds`: each feed's polling state (CLI.md JSON shape), and both URLs after a
permanent redirect; `feeds import` / `feeds export` move subscriptions in and out as OPML."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import click

from .common import Context, format_option, iso, pass_ctx, print_json, safe_text

log = logging.getLogger("newsdesk.feeds")


# A group that still runs on its own: bare `newsdesk feeds [--format]` lists, as before.
@click.group(invoke_without_command=True)
@format_option("table", "json")
@pass_ctx
def feeds(obj: Context, fmt: str) -> None:
    """Each feed's URL, status, last and next poll, and last error.

    `feeds import FILE.opml` and `feeds export` move subscriptions in and out as OPML.
    """
    if click.get_current_context().invoked_subcommand is not None:
        return
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


def _config_path(obj: Context, *, must_exist: bool) -> Path:
    """`--config`, else the default search (CLI.md); import creates ./feeds.yaml if none."""
    from aggregator.errors import ConfigError
    from aggregator.paths import default_config_path

    if obj.config is not None:
        return Path(obj.config)
    found = default_config_path()
    if found is None and must_exist:
        raise ConfigError("no feeds.yaml found (use --config FILE or NEWSDESK_CONFIG)")
    return found or Path.cwd() / "feeds.yaml"


@feeds.command("import")
@click.argument("file", metavar="FILE.opml", type=click.Path(dir_okay=False, allow_dash=True))
@pass_ctx
def import_opml(obj: Context, file: str) -> None:
    """Add the feeds of an OPML file to feeds.yaml (`-` reads stdin).

    Comments and layout are kept; a URL already configured is skipped, a name already taken
    gets " (2)". The file is replaced in one step, and only if the result is a valid config.
    """
    from aggregator.feeds_yaml import merge_feeds, write_config
    from aggregator.opml import read_opml

    document = read_opml(file)
    path = _config_path(obj, must_exist=False)
    try:
        text: str | None = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        text = None
    except (OSError, UnicodeDecodeError) as exc:
        from aggregator.errors import ConfigError

        raise ConfigError(f"cannot read config: {exc}", str(path)) from None
    new_text, report = merge_feeds(text, list(document.feeds))
    if new_text is not None:
        write_config(path, new_text)
    for name in report.added:
        log.info("import: added %s", safe_text(name))
    for line in (*document.notes, *report.skipped, *report.renamed):
        log.info("import: %s", safe_text(line))
    if obj.verbose:
        click.echo(
            f"{path}: {len(report.added)} added, "
            f"{len(report.skipped) + len(document.notes)} skipped",
            err=True,
        )


@feeds.command("export")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["opml"]),
    default="opml",
    show_default=True,
    help="Output format (OPML 2.0; the only one so far).",
)
@pass_ctx
def export_opml(obj: Context, fmt: str) -> None:
    """Write the configured feeds as OPML 2.0 to stdout (tags become folders and categories)."""
    from aggregator.config import load_config
    from aggregator.opml import feeds_from_config, render_opml

    config = load_config(_config_path(obj, must_exist=True))
    click.echo(render_opml(feeds_from_config(config.feeds)), nl=False)


def register(group: click.Group) -> None:
    group.add_command(feeds)
