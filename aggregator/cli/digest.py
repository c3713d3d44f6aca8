"""`newsdesk digest`: one day's stories as a bilingual email, printed, written or sent."""

from __future__ import annotations

import logging
import os
import sys
from datetime import datetime

import click

from aggregator.errors import UsageError
from aggregator.models import DigestConfig, SmtpConfig

from .common import Context, pass_ctx

log = logging.getLogger("newsdesk.digest")


@click.command()
@click.option(
    "--date",
    "day",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    metavar="YYYY-MM-DD",
    help="The day, in the digest's time zone (default: yesterday there).",
)
@click.option(
    "--out",
    metavar="FILE.eml",
    type=click.Path(dir_okay=False, allow_dash=True),
    help="Write the whole MIME message to FILE ('-' for stdout).",
)
@click.option("--send", is_flag=True, help="Send it over SMTP (digest.smtp in feeds.yaml).")
@click.option(
    "--to",
    "to",
    multiple=True,
    metavar="ADDR",
    help="Recipient; repeat for more (default: digest.to in feeds.yaml).",
)
@click.option("--smtp-host", metavar="H", help="SMTP server (overrides digest.smtp.host).")
@click.option(
    "--smtp-port",
    type=click.IntRange(1, 65535),
    metavar="P",
    help="SMTP port (default: the configured one, else 587/465/25 by security).",
)
@click.option(
    "--smtp-security",
    type=click.Choice(["starttls", "ssl", "none"]),
    help="Connection security (default: the configured one, else starttls).",
)
@pass_ctx
def digest(
    obj: Context,
    day: datetime | None,
    out: str | None,
    send: bool,
    to: tuple[str, ...],
    smtp_host: str | None,
    smtp_port: int | None,
    smtp_security: str | None,
) -> None:
    """The digest of one day: stories ranked by coverage, each article in both languages,
    related coverage, then the day's other articles.

    The day runs midnight to midnight in digest.timezone (UTC if unset); an article counts on
    the day it was published, or fetched where its feed gives no date.

    Without --out or --send, the plain-text part is printed to stdout for reading. --out
    writes the full message (text and HTML alternatives) as an .eml file, --send mails it;
    both together write the file first, so a failed send still leaves it. The SMTP password
    comes only from the environment variable NEWSDESK_SMTP_PASSWORD.
    """
    from aggregator.mailer import (
        PASSWORD_ENV,
        build_message,
        check_address,
        check_smtp,
        send_message,
    )

    desk = obj.desk()
    cfg = desk.config.digest or DigestConfig()
    sender = check_address(cfg.sender, "digest.from")
    recipients = tuple(check_address(a, "--to" if to else "digest.to") for a in (to or cfg.to))
    smtp = None
    password = None
    if send:
        if not recipients:
            raise UsageError("--send needs a recipient: give --to ADDR or digest.to in feeds.yaml")
        smtp = _smtp(cfg.smtp, smtp_host, smtp_port, smtp_security)
        password = os.environ.get(PASSWORD_ENV) or None
        check_smtp(smtp, password)

    d = desk.digest(day.date() if day else None)
    msg = build_message(d, sender=sender, to=recipients, now=desk.now())
    log.info("digest %s: %d stories, %d articles", d.day, len(d.stories), d.article_count)

    if out == "-":
        from email.policy import SMTP

        sys.stdout.buffer.write(msg.as_bytes(policy=SMTP))
        sys.stdout.flush()
    elif out:
        from aggregator.mailer import write_eml

        write_eml(msg, out)
        log.info("digest written to %s", out)
    if smtp is not None:
        send_message(msg, smtp, sender=sender, to=recipients, password=password)
        log.info("digest sent via %s:%d to %s", smtp.host, smtp.port, ", ".join(recipients))
    if not out and not send:
        from aggregator.digest_text import render_text

        click.echo(render_text(d), nl=False)


def _smtp(
    configured: SmtpConfig | None, host: str | None, port: int | None, security: str | None
) -> SmtpConfig:
    """Flags over feeds.yaml; a changed security without a port takes that security's port."""
    from aggregator.mailer import DEFAULT_PORTS

    host = host or (configured.host if configured else None)
    if not host:
        raise UsageError("--send needs an SMTP server: give --smtp-host or digest.smtp.host")
    sec = security or (configured.security if configured else "starttls")
    if port is None:
        same = configured is not None and (security is None or security == configured.security)
        port = configured.port if same and configured is not None else DEFAULT_PORTS[sec]
    return SmtpConfig(host, port, sec, configured.username if configured else None)


def register(group: click.Group) -> None:
    group.add_command(digest)
