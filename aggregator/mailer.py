"""The digest as one MIME message, written to a file or sent over SMTP.

The message is multipart/alternative (text/plain first, then text/html), UTF-8, built with the
modern `email.policy.SMTP`, which encodes the Chinese subject per RFC 2047 and refuses CR/LF in
header values. smtplib and ssl errors are converted to `DigestError` here, once. TLS uses the
system trust store (`SSL_CERT_FILE` / `SSL_CERT_DIR` point it at a private CA).
"""

from __future__ import annotations

import base64
import smtplib
import ssl
from collections.abc import Sequence
from datetime import datetime
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime, make_msgid, parseaddr
from pathlib import Path

from . import __version__
from .digest import Digest
from .digest_render import one_line, render_html, subject
from .digest_text import render_text
from .errors import ConfigError, DigestError
from .models import SmtpConfig
from .paths import write_atomic

PASSWORD_ENV = "NEWSDESK_SMTP_PASSWORD"
DEFAULT_PORTS = {"starttls": 587, "ssl": 465, "none": 25}
LOOPBACK = {"localhost", "127.0.0.1", "::1"}


def check_address(value: str, what: str) -> str:
    """An address as given ("Desk <desk@example.org>" or a bare one), or ConfigError."""
    v = value.strip()
    _, addr = parseaddr(v)
    ok = (
        v
        and all(ch.isprintable() for ch in v)
        and addr
        and addr.count("@") == 1
        and all(addr.split("@"))
        and not any(ch.isspace() for ch in addr)
    )
    if not ok:
        raise ConfigError(f"{what}: not an email address: {value!r}")
    return v


def bare(address: str) -> str:
    return parseaddr(address)[1]


def build_message(d: Digest, *, sender: str, to: Sequence[str], now: datetime) -> EmailMessage:
    """The digest as a message ready to write or send (addresses checked by the caller)."""
    msg = EmailMessage(policy=SMTP)
    msg["Subject"] = subject(d)
    msg["From"] = sender
    if to:
        msg["To"] = ", ".join(to)
    msg["Date"] = format_datetime(now)
    domain = bare(sender).rpartition("@")[2] or "localhost"
    msg["Message-ID"] = make_msgid("digest", domain=domain)
    msg["Auto-Submitted"] = "auto-generated"  # RFC 3834: no vacation replies to a digest
    msg["X-Mailer"] = f"newsdesk {__version__}"
    text, page = render_text(d), render_html(d)
    msg.set_content(text, subtype="plain", charset="utf-8", cte=_cte(text))
    msg.add_alternative(page, subtype="html", charset="utf-8", cte=_cte(page))
    return msg


def _cte(text: str) -> str:
    """Both encodings keep lines under 998 octets whatever a feed puts in a title;
    quoted-printable stays readable for mostly-Latin text but triples each CJK character,
    base64 costs a flat third (it matters: Gmail clips messages past about 100 kB)."""
    wide = sum(1 for ch in text if ord(ch) > 127)
    return "base64" if wide * 6 > len(text) else "quoted-printable"


def write_eml(msg: EmailMessage, path: str | Path) -> None:
    """Write the message atomically (a reader never sees half a file)."""
    target = Path(path)
    data = msg.as_bytes(policy=SMTP)
    try:
        write_atomic(target, data, prefix=".digest-", suffix=".eml")
    except OSError as exc:
        raise DigestError(f"cannot write {target}: {exc.strerror or exc}") from None


def check_smtp(smtp: SmtpConfig, password: str | None) -> None:
    """ConfigError (exit 2) for settings that cannot work, before anything is built or sent:
    a login without a password, or a password that would cross the network unencrypted."""
    where = f"SMTP {smtp.host}:{smtp.port}"
    if smtp.username and not password:
        raise ConfigError(f"{where}: username {smtp.username!r} set but {PASSWORD_ENV} is not set")
    if smtp.username and smtp.security == "none" and smtp.host not in LOOPBACK:
        raise ConfigError(f"{where}: refusing to send a password unencrypted (use starttls or ssl)")


def send_message(
    msg: EmailMessage,
    smtp: SmtpConfig,
    *,
    sender: str,
    to: Sequence[str],
    password: str | None,
    timeout: float = 30.0,
    context: ssl.SSLContext | None = None,
) -> None:
    """Deliver over SMTP (starttls, ssl or none); log in when `smtp.username` is set.

    Raises DigestError with one line naming the server for a refused connection, a TLS
    failure, a rejected login or refused recipients; ConfigError (exit 2) for a login
    without a password, or a password that would cross the network unencrypted.
    """
    where = f"SMTP {smtp.host}:{smtp.port}"
    check_smtp(smtp, password)
    ctx = context or ssl.create_default_context()
    try:
        client: smtplib.SMTP
        if smtp.security == "ssl":
            client = smtplib.SMTP_SSL(smtp.host, smtp.port, timeout=timeout, context=ctx)
        else:
            client = smtplib.SMTP(smtp.host, smtp.port, timeout=timeout)
        with client:
            client.ehlo()
            if smtp.security == "starttls":
                client.starttls(context=ctx)
                client.ehlo()
            if smtp.username:
                assert password is not None
                _login(client, smtp.username, password, where)
            refused = client.send_message(msg, from_addr=bare(sender), to_addrs=list(map(bare, to)))
        if refused:
            raise DigestError(f"{where}: recipients refused: {', '.join(sorted(refused))}")
    except smtplib.SMTPAuthenticationError as exc:
        raise DigestError(f"{where}: login rejected for {smtp.username!r}: {_reply(exc)}") from None
    except smtplib.SMTPRecipientsRefused as exc:
        raise DigestError(
            f"{where}: recipients refused: {', '.join(sorted(exc.recipients))}"
        ) from None
    except smtplib.SMTPNotSupportedError as exc:
        raise DigestError(f"{where}: {one_line(str(exc))}") from None
    except smtplib.SMTPResponseException as exc:
        raise DigestError(f"{where}: server said {_reply(exc)}") from None
    except smtplib.SMTPException as exc:
        raise DigestError(f"{where}: {one_line(str(exc)) or type(exc).__name__}") from None
    except ssl.SSLError as exc:
        raise DigestError(f"{where}: TLS failed: {one_line(exc.reason or str(exc))}") from None
    except OSError as exc:
        raise DigestError(
            f"{where}: cannot connect: {one_line(exc.strerror or str(exc)) or type(exc).__name__}"
        ) from None


def _login(client: smtplib.SMTP, username: str, password: str, where: str) -> None:
    """smtplib's login sends credentials as ASCII; others go by AUTH PLAIN, which RFC 4616
    defines over UTF-8."""
    if (username + password).isascii():
        client.login(username, password)
        return
    offered = client.esmtp_features.get("auth", "").upper().split()
    if "PLAIN" not in offered:
        raise DigestError(
            f"{where}: a non-ASCII user name or password needs AUTH PLAIN, "
            f"which the server does not offer"
        )
    token = base64.b64encode(b"\0" + username.encode() + b"\0" + password.encode())
    code, reply = client.docmd("AUTH", "PLAIN " + token.decode("ascii"))
    if code != 235:
        raise smtplib.SMTPAuthenticationError(code, reply)


def _reply(exc: smtplib.SMTPResponseException) -> str:
    text = exc.smtp_error
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    return one_line(f"{exc.smtp_code} {text}")
