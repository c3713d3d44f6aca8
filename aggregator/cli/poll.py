"""`newsdesk poll` and `newsdesk link`: what cron runs. Silent on success, exit 1 if any
feed failed (one stderr line per failed feed), 0 with a note when another run holds the
lock."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

import click

from .common import Context, one_line, pass_ctx, stderr_is_tty

if TYPE_CHECKING:
    from collections.abc import Callable

LOCK_WAIT_SECONDS = 5.0


@contextmanager
def progress_bar(enabled: bool, label: str, total: int) -> Iterator[Callable[[int], None]]:
    """A rich bar on stderr when it is a terminal (never under cron); yields `advance`."""
    if not enabled or total <= 0:
        yield lambda n: None
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(label, total=total)
        yield lambda n: bar.advance(task, n)


@click.command()
@click.option("--all", "all_", is_flag=True, help="Ignore the schedule (not Retry-After or 410).")
@click.option("--feed", "name", metavar="NAME", help="Poll only this feed (by its name).")
@click.option("--no-translate", is_flag=True, help="Store and link, but do not translate.")
@click.option("--no-link", is_flag=True, help="Store only; `newsdesk link` groups later.")
@pass_ctx
def poll(obj: Context, all_: bool, name: str | None, no_translate: bool, no_link: bool) -> None:
    """Fetch due feeds, store new articles, then link stories and translate."""
    import time

    from aggregator.errors import LockedError
    from aggregator.poller import PollReport

    # light: an all-304 poll never imports SQLAlchemy (see make_newsdesk)
    desk = obj.desk(need_config=True, create=True, light=True)
    started = time.perf_counter()
    try:
        with desk.poll_lock(wait=LOCK_WAIT_SECONDS):
            plan = desk.plan_poll(force=all_, name=name)
            report = PollReport(skipped=list(plan.notes))
            show = stderr_is_tty() and not obj.quiet
            with progress_bar(show, "polling", len(plan.feeds)) as advance:
                for fr in desk.poll_iter(plan):
                    report.feeds.append(fr)
                    advance(1)
            if not (no_link and no_translate):
                try:  # a `newsdesk link` running beside this poll does this poll's share
                    with desk.poll_lock(wait=0, kind="link"):
                        report.after = desk.after_ingest(
                            link=not no_link, translate=not no_translate
                        )
                except LockedError as exc:
                    report.skipped.append(str(exc))
    except LockedError as exc:
        # An overlapping cron run is normal, not a failure: the next one catches up.
        click.echo(f"newsdesk: {exc}", err=True)
        return
    report.elapsed = time.perf_counter() - started
    # Asked for by name: say why it was not polled. Under --all from cron: only with -v,
    # since a feed waiting out a Retry-After is expected and not worth a mail each run.
    if name is not None or obj.verbose:
        for note in report.skipped:
            click.echo(f"newsdesk: {one_line(note)}", err=True)
    if obj.verbose:
        click.echo(
            f"polled {len(report.feeds)} feed(s) in {report.elapsed:.1f} s: "
            f"{report.new_articles} new article(s), {len(report.failed)} failed",
            err=True,
        )
        if report.after is not None:
            click.echo(
                f"linked {report.after.linked}, translated {report.after.translated}", err=True
            )
    errors = report.error_lines()
    for line in errors:
        click.echo(f"newsdesk: {one_line(line)}", err=True)
    if errors:
        raise click.exceptions.Exit(1)


@click.command()
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Embed at most N.")
@pass_ctx
def link(obj: Context, limit: int | None) -> None:
    """Group what is not in a story yet (embedding, stories, related coverage); resumable,
    for a cron job of its own beside `poll --no-link`."""
    from aggregator.errors import LockedError

    desk = obj.desk(create=True)
    try:
        with desk.poll_lock(wait=LOCK_WAIT_SECONDS, kind="link"):
            report = desk.link(limit=limit)
    except LockedError as exc:
        click.echo(f"newsdesk: {exc}", err=True)
        return
    if obj.verbose:
        click.echo(
            f"embedded {report.embedded}, linked {report.linked} article(s) into "
            f"{report.stories_created} new stor(ies), {report.related} related link(s)",
            err=True,
        )


def register(group: click.Group) -> None:
    group.add_command(poll)
    group.add_command(link)
