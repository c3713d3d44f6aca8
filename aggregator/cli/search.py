"""`newsdesk search QUERY`: one query, both languages (see aggregator.search)."""

from __future__ import annotations

import os
import sys
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import click

from aggregator.errors import UsageError
from aggregator.models import LANGS, SearchFilters, SearchHit

from .common import Context, format_option, iso, pass_ctx, print_json, safe_text


def _day(value: str | None, name: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise UsageError(f"{name}: expected a date YYYY-MM-DD, got {value!r}") from None


def hit_json(hit: SearchHit) -> dict[str, Any]:
    return {
        "id": hit.id,
        "url": hit.url,
        "urls": list(hit.urls),
        "title": hit.title,
        "title_translated": hit.title_translated,
        "lang": hit.lang,
        "feed": hit.feed,
        "published": iso(hit.published),
        "story_id": hit.story_id,
        "score": hit.score,
        "snippet": hit.snippet,
        "matched": hit.matched,
    }


def _marked(text: str) -> Any:
    """Rich Text with «marked» spans in bold; feed text never reaches rich markup."""
    from rich.text import Text

    from aggregator.snippets import MARK_CLOSE, MARK_OPEN

    out = Text()
    bold = False
    for part in safe_text(text).replace(MARK_CLOSE, MARK_OPEN).split(MARK_OPEN):
        out.append(part, style="bold" if bold else None)
        bold = not bold
    return out


def _table(query: str, hits: list[SearchHit]) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console(highlight=False, soft_wrap=False)
    if not hits:
        click.echo(f"no results for {safe_text(query)!r}")
        return
    table = Table(show_lines=True, expand=False, pad_edge=False)
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("date", no_wrap=True)
    table.add_column("lang", no_wrap=True)
    table.add_column("article", ratio=1, overflow="fold")
    table.add_column("via", no_wrap=True)
    via = {"original": "text", "translation": "trans", "semantic": "sem"}
    for n, hit in enumerate(hits, start=1):
        cell = Text(safe_text(hit.title), style="bold")
        if hit.title_translated:
            cell.append("\n" + safe_text(hit.title_translated), style="italic")
        cell.append("\n")
        cell.append_text(_marked(hit.snippet))
        cell.append(f"\n{safe_text(hit.feed)}", style="dim")
        if hit.story_id is not None:
            cell.append(f" · story {hit.story_id}", style="dim")
        if hit.url:
            cell.append(f"\n{safe_text(hit.url)}", style="dim")
        day = hit.published.astimezone(UTC).strftime("%Y-%m-%d") if hit.published else "-"
        table.add_row(str(n), day, hit.lang, cell, via.get(hit.matched, hit.matched))
    console.print(table)


@click.command()
@click.argument("query", nargs=-1)
@click.option(
    "--lang", "langs", multiple=True, type=click.Choice(LANGS), help="Only this language."
)
@click.option("--since", metavar="YYYY-MM-DD", help="Published on or after this day (UTC).")
@click.option("--until", metavar="YYYY-MM-DD", help="Published on or before this day (UTC).")
@click.option("--feed", "feeds", multiple=True, metavar="NAME", help="Only from this feed.")
@click.option("--tag", "tags", multiple=True, metavar="TAG", help="Only from feeds with a tag.")
@click.option("--story", "story_id", type=int, metavar="ID", help="Only in this story.")
@click.option(
    "--limit", type=click.IntRange(1, 1000), default=20, show_default=True, help="Results."
)
@click.option(
    "--group",
    type=click.Choice(["none", "story"]),
    default="none",
    show_default=True,
    help="story: the best article of each story only.",
)
@click.option(
    "--semantic/--no-semantic",
    default=True,
    show_default=True,
    help="Also search the multilingual vectors (loads the embedding model).",
)
@format_option("table", "json", "jsonl")
@pass_ctx
def search(
    obj: Context,
    query: tuple[str, ...],
    langs: tuple[str, ...],
    since: str | None,
    until: str | None,
    feeds: tuple[str, ...],
    tags: tuple[str, ...],
    story_id: int | None,
    limit: int,
    group: str,
    semantic: bool,
    fmt: str,
) -> None:
    """Search the archive in English and Chinese at once.

    Words are ANDed; "quoted words" are a phrase; -word excludes; a OR b; word* is a
    prefix. An English query also finds Chinese articles (through their translation and
    the multilingual vectors) and the reverse. JSON snippets mark the match with « ».
    """
    if "numpy" not in sys.modules:
        # one BLAS thread: the vector scan is memory-bound, and extra threads only spin
        os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    text = " ".join(query).strip()
    first, last = _day(since, "--since"), _day(until, "--until")
    if first and last and first > last:
        raise UsageError("--since is after --until")
    filters = SearchFilters(
        langs=langs,
        since=datetime.combine(first, time(), UTC) if first else None,
        until=(
            datetime.combine(last + timedelta(days=1), time(), UTC)
            if last and last < date.max
            else None
        ),
        feeds=feeds,
        tags=tags,
        story_id=story_id,
    )
    hits = obj.desk().search(
        text,
        filters,
        limit=limit,
        semantic=semantic,
        group=None if group == "none" else group,
    )
    if fmt == "json":
        print_json({"query": text, "results": [hit_json(h) for h in hits]})
    elif fmt == "jsonl":
        for h in hits:
            print_json(hit_json(h), lines=True)
    else:
        _table(text, hits)


def register(group: click.Group) -> None:
    group.add_command(search)
