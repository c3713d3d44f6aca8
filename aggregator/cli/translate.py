"""`newsdesk translate`: translate what is pending; resumable (each chunk is one transaction)."""

from __future__ import annotations

import click

from .common import Context, pass_ctx, stderr_is_tty
from .poll import progress_bar


@click.command()
@click.option("--limit", type=click.IntRange(min=1), default=None, help="At most N fields.")
@click.option(
    "--device",
    type=click.Choice(["auto", "cpu", "cuda"]),
    default="auto",
    show_default=True,
    help="Where CTranslate2 runs; auto picks a GPU when one is visible.",
)
@pass_ctx
def translate(obj: Context, limit: int | None, device: str) -> None:
    """Translate pending titles, summaries and bodies (titles first) with the installed
    Argos models. A missing model fails with the command that installs it."""
    desk = obj.desk(create=True)
    steps = desk.translate_iter(limit=limit, device=device)
    report = next(steps)
    show = stderr_is_tty() and not obj.quiet
    with progress_bar(show, "translating", report.pending_left) as advance:
        done = 0
        for report in steps:
            advance(report.translated - done)
            done = report.translated
    if obj.verbose:
        click.echo(
            f"translated {report.translated} fields ({report.sentences} sentences, "
            f"{report.cached} from cache); {report.pending_left} pending",
            err=True,
        )


def register(group: click.Group) -> None:
    group.add_command(translate)
