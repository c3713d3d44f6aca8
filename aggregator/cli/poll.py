"""`newsdesk poll`: what cron runs every few minutes. Silent on success, exit 1 if any
feed failed (one stderr line per failed feed), 0 with a note when another run holds the
lock."""

from __future__ import annotations

import click

from .common import Context, pass_ctx, stderr_is_tty

LOCK_WAIT_SECONDS = 5.0


@click.command()
@click.option("--all", "all_", is_flag=True, help="Ignore the schedule (not Retry-After or 410).")
@click.option("--feed", "name", metavar="NAME", help="Poll only this feed (by its name).")
@click.option("--no-translate", is_flag=True, help="Store and link, but do not translate.")
@pass_ctx
def poll(obj: Context, all_: bool, name: str | None, no_translate: bool) -> None:
    """Fetch due feeds, store new articles, then link stories and translate."""
    from aggregator.errors import LockedError
    from aggregator.lock import poll_lock
    from aggregator.poller import poll as run_poll

    app = obj.app(need_config=True)
    try:
        with poll_lock(str(app.storage.url), wait=LOCK_WAIT_SECONDS):
            report = run_poll(
                app,
                force=all_,
                name=name,
                translate=not no_translate,
                progress=stderr_is_tty() and not obj.quiet,
            )
    except LockedError as exc:
        # An overlapping cron run is normal, not a failure: the next one catches up.
        click.echo(f"newsdesk: {exc}", err=True)
        return
    # Asked for by name: say why it was not polled. Under --all from cron: only with -v,
    # since a feed waiting out a Retry-After is expected and not worth a mail each run.
    if name is not None or obj.verbose:
        for note in report.skipped:
            click.echo(f"newsdesk: {_one_line(note)}", err=True)
    if obj.verbose:
        polled = len(report.feeds)
        click.echo(
            f"polled {polled} feed(s) in {report.elapsed:.1f} s: {report.new_articles} new "
            f"article(s), {len(report.failed)} failed",
            err=True,
        )
        if report.after is not None:
            click.echo(
                f"linked {report.after.linked}, translated {report.after.translated}", err=True
            )
    errors = report.error_lines()
    for line in errors:
        click.echo(f"newsdesk: {_one_line(line)}", err=True)
    if errors:
        raise click.exceptions.Exit(1)


def _one_line(text: str) -> str:
    from .common import safe_text

    return safe_text(" ".join(text.split()))


def register(group: click.Group) -> None:
    group.add_command(poll)
