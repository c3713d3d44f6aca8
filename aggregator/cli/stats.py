"""`newsdesk stats`: counts and sizes."""

from __future__ import annotations

import click

from .common import Context, format_option, pass_ctx, print_json


@click.command()
@format_option("table", "json")
@pass_ctx
def stats(obj: Context, fmt: str) -> None:
    """Counts of feeds, articles, translations and stories, and the database size."""
    s = obj.desk().stats()
    data = {
        "feeds": s.feeds,
        "articles": s.articles,
        "articles_by_lang": s.articles_by_lang,
        "translations": s.translations,
        "pending_translations": s.pending_translations,
        "stories": s.stories,
        "related_links": s.related_links,
        "db_bytes": s.db_bytes,
        **s.extra,
    }
    if fmt == "json":
        print_json(data)
        return
    for key, value in data.items():
        if isinstance(value, dict):
            value = ", ".join(f"{k} {v}" for k, v in sorted(value.items()))
        click.echo(f"{key.replace('_', ' '):<22} {value}")


def register(group: click.Group) -> None:
    group.add_command(stats)
