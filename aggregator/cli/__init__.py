"""The `newsdesk` command line (contract: CLI.md). Thin: open the app, call, print.

Command modules are discovered from this package: each defines `register(group)`. None of
them imports a heavy library at module level, so `newsdesk --help` stays fast.
"""

from __future__ import annotations

import importlib
import logging
import pkgutil
import sys
from typing import Any

import click

from aggregator import __version__
from aggregator.errors import NewsdeskError

from .common import Context, safe_text

log = logging.getLogger("newsdesk")


class NewsdeskGroup(click.Group):
    """Turns expected failures into one line on stderr and the documented exit code."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except NewsdeskError as exc:
            _fail(ctx, str(exc), exc.exit_code, expected=True)
        except KeyboardInterrupt:
            _fail(ctx, "interrupted", 130)
        except BrokenPipeError:
            _pipe_closed(ctx)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except Exception as exc:  # a bug: still one line, the traceback with -v
            _fail(ctx, f"internal error: {type(exc).__name__}: {exc}", 1)


def _pipe_closed(ctx: click.Context) -> None:
    """The reader closed our output (`newsdesk stories | head`): no message, exit 1 (the
    output was cut short; what was stored stays stored). Standard output is pointed at
    devnull first, so the interpreter's final flush does not raise again."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # no real file descriptor (a test runner's stream)
        pass
    ctx.exit(1)


def _fail(ctx: click.Context, message: str, code: int, *, expected: bool = False) -> None:
    """One line on stderr and the exit code. The traceback is for bugs: with -v for an
    unexpected exception, with -vv for an expected one (a missing model is not a crash)."""
    obj = ctx.find_object(Context)
    if obj is not None and obj.verbose > (1 if expected else 0):
        import traceback

        traceback.print_exc(file=sys.stderr)
    # Messages can quote feed content (a title, a server's reason phrase): one clean line.
    click.echo(f"newsdesk: {safe_text(' '.join(message.split()))}", err=True)
    ctx.exit(code)


@click.group(cls=NewsdeskGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="newsdesk")
@click.option(
    "--db",
    metavar="URL|PATH",
    envvar="NEWSDESK_DB",
    help="SQLite file or SQLAlchemy URL (env NEWSDESK_DB; default: XDG data dir).",
)
@click.option(
    "--config",
    "config",
    metavar="FILE",
    envvar="NEWSDESK_CONFIG",
    type=click.Path(dir_okay=False),
    help="feeds.yaml (env NEWSDESK_CONFIG; default ./feeds.yaml, then XDG config).",
)
@click.option("-v", "--verbose", count=True, help="Log progress (repeat for debug).")
@click.option("-q", "--quiet", is_flag=True, help="Only errors.")
@click.pass_context
def cli(ctx: click.Context, db: str | None, config: str | None, verbose: int, quiet: bool) -> None:
    """Bilingual (English/Chinese) news aggregator and offline translation desk."""
    ctx.obj = Context(db=db, config=config, verbose=0 if quiet else verbose, quiet=quiet)
    level = logging.ERROR if quiet else (logging.DEBUG if verbose > 1 else logging.INFO)
    if verbose and not quiet:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s"))
        log.addHandler(handler)
        log.setLevel(level)
    ctx.call_on_close(ctx.obj.close)


def _register_all() -> None:
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if info.name.startswith("_") or info.name == "common":
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        register = getattr(module, "register", None)
        if register is not None:
            register(cli)


_register_all()


def main() -> None:
    cli(prog_name="newsdesk")
