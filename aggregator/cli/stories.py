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
        "headlines": dict(story.headlines),
    }


WIDTH = 80


def _fit(text: str, cells: int) -> str:
    """Cut to at most `cells` terminal columns (CJK counts two), with an ellipsis."""
    from rich.cells import cell_len, set_cell_size

    text = safe_text(" ".join(text.split()))
    if cell_len(text) <= cells:
        return text
    return set_cell_size(text, cells - 1) + "…"


def _span(story: Story) -> str:
    first, last = story.first_seen.astimezone(UTC), story.last_seen.astimezone(UTC)
    if first.date() == last.date():
        return f"{first:%Y-%m-%d}"
    if first.year == last.year:
        return f"{first:%Y-%m-%d}..{last:%m-%d}"
    return f"{first:%Y-%m-%d}..{last:%Y-%m-%d}"


def _langs(story: Story) -> str:
    return ",".join(story.languages) or "-"


def _other_headlines(story: Story) -> list[str]:
    """Headlines in the story's other language(s), from its own articles."""
    main = " ".join(story.title.split())
    return [t for t in story.headlines.values() if t != main]


def _list_table(stories: list[Story]) -> None:
    """One story per line (and its other-language headline under it): the id first and
    never squeezed, so `newsdesk story ID` is always reachable; 80 columns, CJK as two."""
    if not stories:
        click.echo("no stories")
        return
    id_w = max(2, *(len(str(s.id)) for s in stories))
    span_w = max(10, *(len(_span(s)) for s in stories))
    lang_w = max(4, *(len(_langs(s)) for s in stories))
    n_w = max(1, *(len(str(len(s.articles))) for s in stories))
    head = f"{'id':>{id_w}}  {'dates':<{span_w}}  {'lang':<{lang_w}}  {'n':>{n_w}}  "
    title_w = max(12, WIDTH - len(head))
    click.echo(head + "headline")
    for s in stories:
        click.echo(
            f"{s.id:>{id_w}}  {_span(s):<{span_w}}  {_langs(s):<{lang_w}}  "
            f"{len(s.articles):>{n_w}}  {_fit(s.title, title_w)}"
        )
        for other in _other_headlines(s):
            click.echo(" " * len(head) + _fit(other, title_w))


def _detail(s: Story) -> None:
    """One story: both headlines, every article with every URL it is known by, related."""
    click.echo(f"story {s.id}: {safe_text(' '.join(s.title.split()))}")
    for other in _other_headlines(s):
        click.echo(f"  {safe_text(other)}")
    if s.title_translated:
        click.echo(f"  ({safe_text(s.title_translated)})")
    click.echo(f"  {iso(s.first_seen)} .. {iso(s.last_seen)}  [{', '.join(s.languages)}]")
    click.echo(f"  {len(s.articles)} article(s)")
    for a in s.articles:
        when = a.published.astimezone(UTC).strftime("%Y-%m-%d %H:%M") if a.published else "-"
        click.echo("")
        click.echo(f"  {a.id:>6}  {a.lang:<7} {when}  {_fit(a.feed, 30)}")
        click.echo(f"          {_fit(a.title, WIDTH - 10)}")
        if a.title_translated:
            click.echo(f"          {_fit(a.title_translated, WIDTH - 10)}")
        for url in a.urls or ((a.url,) if a.url else ()):
            click.echo(f"          {safe_text(url)}")
    if s.related:
        click.echo("")
        click.echo("  related stories:")
        for r in s.related:
            click.echo(f"  {r.id:>6}  {r.score:.2f}  {_fit(r.title, WIDTH - 16)}")


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
        _list_table(found)


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
        _detail(found)


def register(group: click.Group) -> None:
    group.add_command(stories)
    group.add_command(story)
