"""`newsdesk stories` and `newsdesk story ID`: stories with their articles and related stories.

An unknown story ID is a failure (exit 1, one line on stderr), not a usage error: the
command line was well formed, the database just has no such story.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import click

from aggregator.models import Story

from .common import Context, format_option, iso, pass_ctx, print_json, safe_text

_FORMATS = ["%Y-%m-%d", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M:%SZ", "%Y-%m-%d %H:%M:%S"]


def _bound(value: datetime | None, *, end: bool) -> datetime | None:
    """A naive CLI time is UTC; a bare date as --until includes that whole day."""
    if value is None:
        return None
    out = value.replace(tzinfo=UTC)
    if end and value.time() == datetime.min.time():
        out += timedelta(days=1)
    return out


def story_json(story: Story) -> dict[str, Any]:
    """One story object exactly as CLI.md specifies (plus `title_translated`)."""
    return {
        "id": story.id,
        "title": story.title,
        "title_translated": story.title_translated,
        "first_seen": iso(story.first_seen),
        "last_seen": iso(story.last_seen),
        "languages": list(story.languages),
        "articles": [
            {
                "id": a.id,
                "url": a.url,
                "urls": list(a.urls),
                "title": a.title,
                "title_translated": a.title_translated,
                "lang": a.lang,
                "feed": a.feed,
                "published": iso(a.published),
            }
            for a in story.articles
        ],
        "related": [{"id": r.id, "title": r.title, "score": r.score} for r in story.related],
    }


def _table(stories: list[Story], *, detail: bool) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(width=80, highlight=False, markup=False, emoji=False, soft_wrap=False)
    if not stories:
        console.print("no stories")
        return
    if not detail:
        # Fixed widths for the short columns: with a flexible title, rich would otherwise
        # squeeze the id (the one thing a reader needs for `newsdesk story ID`) to nothing.
        id_width = max(2, max(len(str(s.id)) for s in stories))
        table = Table(box=None, pad_edge=False, show_edge=False)
        table.add_column("id", justify="right", no_wrap=True, min_width=id_width)
        table.add_column("last seen", no_wrap=True, min_width=11)
        table.add_column("lang", no_wrap=True, min_width=5, max_width=10, overflow="ellipsis")
        table.add_column("n", justify="right", no_wrap=True, min_width=2)
        table.add_column("title", overflow="ellipsis", no_wrap=True, ratio=1)
        for s in stories:
            table.add_row(
                str(s.id),
                s.last_seen.astimezone(UTC).strftime("%m-%d %H:%M"),
                ",".join(s.languages),
                str(len(s.articles)),
                safe_text(s.title),
            )
        console.print(table)
        return
    for s in stories:
        console.print(f"story {s.id}: {safe_text(s.title)}", overflow="fold")
        if s.title_translated:
            console.print(f"  ({safe_text(s.title_translated)})", overflow="fold")
        console.print(
            f"  {iso(s.first_seen)} .. {iso(s.last_seen)}  [{', '.join(s.languages)}]",
            overflow="fold",
        )
        table = Table(box=None, pad_edge=False, show_edge=False)
        table.add_column("id", justify="right", no_wrap=True)
        table.add_column("lang", no_wrap=True)
        table.add_column("published", no_wrap=True)
        table.add_column("feed", overflow="ellipsis", no_wrap=True, max_width=14)
        table.add_column("title", overflow="fold", ratio=1)
        for a in s.articles:
            title = safe_text(a.title)
            if a.title_translated:
                title += f" / {safe_text(a.title_translated)}"
            when = a.published.astimezone(UTC).strftime("%m-%d %H:%M") if a.published else "-"
            table.add_row(str(a.id), a.lang, when, safe_text(a.feed), title)
        console.print(table)
        if s.related:
            console.print("  related:")
            for r in s.related:
                console.print(
                    f"    {r.id:>5}  {r.score:.2f}  {safe_text(r.title)}",
                    overflow="ellipsis",
                    no_wrap=True,
                )


@click.command()
@click.option(
    "--since",
    type=click.DateTime(formats=_FORMATS),
    help="Stories active on or after this date/time (UTC).",
)
@click.option(
    "--until",
    type=click.DateTime(formats=_FORMATS),
    help="Stories that began on or before this date (inclusive day) or before this time (UTC).",
)
@format_option("table", "json")
@pass_ctx
def stories(obj: Context, since: datetime | None, until: datetime | None, fmt: str) -> None:
    """Stories: articles about one event in either language, with related stories."""
    found = obj.desk().stories(_bound(since, end=False), _bound(until, end=True))
    if fmt == "json":
        print_json({"stories": [story_json(s) for s in found]})
    else:
        _table(found, detail=False)


@click.command()
@click.argument("story_id", type=click.IntRange(min=None), metavar="ID")
@format_option("table", "json")
@pass_ctx
def story(obj: Context, story_id: int, fmt: str) -> None:
    """One story with its articles (every known URL) and related stories."""
    found = obj.desk().story(story_id)
    if fmt == "json":
        print_json(story_json(found))
    else:
        _table([found], detail=True)


def register(group: click.Group) -> None:
    group.add_command(stories)
    group.add_command(story)
