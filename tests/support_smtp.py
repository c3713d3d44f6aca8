"""Digest test support: a real SMTP server on loopback (aiosmtpd) with optional STARTTLS,
implicit TLS and AUTH, a self-signed certificate made on the spot (cryptography), and the
fixture day (tests/data/digest/day.json) as Article dataclasses or stored in a real database.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import json
import socket
import ssl
from dataclasses import dataclass, field
from email import message_from_bytes
from email.message import EmailMessage
from email.policy import default
from pathlib import Path
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from aggregator.dedup import fingerprint
from aggregator.ingest import ingest
from aggregator.models import (
    Article,
    FeedConfig,
    NewArticle,
    RelatedLink,
    RelatedStory,
    Story,
    StoryArticle,
    Translation,
)
from aggregator.translate_step import indexed

DATA = Path(__file__).parent / "data"
DAY_FILE = DATA / "digest" / "day.json"


@dataclass
class Received:
    mail_from: str
    rcpt_tos: list[str]
    data: bytes

    @property
    def message(self) -> EmailMessage:
        msg = message_from_bytes(self.data, policy=default)
        assert isinstance(msg, EmailMessage)
        return msg


@dataclass
class Inbox:
    messages: list[Received] = field(default_factory=list)
    logins: list[str] = field(default_factory=list)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.messages.append(
            Received(envelope.mail_from, list(envelope.rcpt_tos), bytes(envelope.original_content))
        )
        return "250 Message accepted for delivery"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def make_cert(directory: Path) -> tuple[Path, Path]:
    """A self-signed certificate for localhost and 127.0.0.1: (cert.pem, key.pem)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]
            ),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = directory / "cert.pem", directory / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_path, key_path


class SmtpServer:
    """Context manager: an aiosmtpd server on 127.0.0.1 collecting what it receives.

    `tls`: None (plain), "starttls" or "ssl"; `users`: {login: password} turns AUTH on.
    """

    def __init__(
        self,
        *,
        tls: str | None = None,
        cert: tuple[Path, Path] | None = None,
        users: dict[str, str] | None = None,
    ) -> None:
        self.inbox = Inbox()
        self.tls = tls
        self.cert = cert
        self.users = users
        self.port = 0
        self._controller: Controller | None = None

    def _authenticate(
        self, server: Any, session: Any, envelope: Any, mechanism: str, auth_data: Any
    ) -> AuthResult:
        if isinstance(auth_data, LoginPassword) and self.users is not None:
            login = auth_data.login.decode()
            if self.users.get(login) == auth_data.password.decode():
                self.inbox.logins.append(login)
                return AuthResult(success=True)
        return AuthResult(success=False, handled=False)

    def __enter__(self) -> SmtpServer:
        kwargs: dict[str, Any] = {}
        if self.tls is not None:
            assert self.cert is not None
            ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
            ctx.load_cert_chain(str(self.cert[0]), str(self.cert[1]))
            if self.tls == "starttls":
                kwargs.update(tls_context=ctx, require_starttls=True)
            else:
                kwargs.update(ssl_context=ctx)
        if self.users is not None:
            kwargs.update(authenticator=self._authenticate, auth_required=True)
        for _ in range(5):  # a free port can be taken between probing and binding
            self.port = free_port()
            controller = Controller(self.inbox, hostname="127.0.0.1", port=self.port, **kwargs)
            try:
                controller.start()
            except Exception:
                continue
            self._controller = controller
            return self
        raise RuntimeError("could not start the SMTP test server")

    def __exit__(self, *exc: object) -> None:
        if self._controller is not None:
            self._controller.stop()


# --- the fixture day -----------------------------------------------------------------------


def _day() -> dict[str, Any]:
    raw = json.loads(DAY_FILE.read_text(encoding="utf-8"))
    for a in raw["articles"]:
        if a["body"].startswith("seed:"):
            a["body"] = (DATA / "seeds" / a["body"][5:]).read_text(encoding="utf-8")
    return dict(raw)


def _when(value: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(value) if value else None


@dataclass
class FixtureDay:
    articles: list[Article]
    translations: dict[int, dict[str, str]]
    stories: dict[int, Story]
    ids: dict[str, int]  # fixture key -> article id


def fixture_day() -> FixtureDay:
    """The fixture as the stories stage would leave it: articles grouped into stories, the
    drills story related to the ACSA one (the seed page's 相关文章)."""
    raw = _day()
    story_ids = {"acsa": 1, "drills": 2}
    ids = {a["key"]: n for n, a in enumerate(raw["articles"], 1)}
    articles = []
    for a in raw["articles"]:
        fetched = _when(a["fetched"])
        assert fetched is not None
        articles.append(
            Article(
                id=ids[a["key"]],
                feed=a["feed"],
                url=a["url"],
                urls=(a["url"],),
                title=a["title"],
                summary=a["summary"],
                body=a["body"],
                lang=a["lang"],
                lang_confidence=1.0,
                published=_when(a["published"]),
                fetched=fetched,
                updated=fetched,
                fingerprint=fingerprint(a["title"], a["body"] or a["summary"]),
                story_id=story_ids.get(a.get("story", "")),
            )
        )
    translations: dict[int, dict[str, str]] = {}
    for t in raw["translations"]:
        translations.setdefault(ids[t["article"]], {})[t["field"]] = t["text"]

    def members(sid: int) -> tuple[StoryArticle, ...]:
        return tuple(
            StoryArticle(a.id, a.url, a.urls, a.title, None, a.lang, a.feed, a.published)
            for a in articles
            if a.story_id == sid
        )

    first = dt.datetime(2026, 1, 15, tzinfo=dt.UTC)
    stories = {
        1: Story(
            1,
            "Japan and Philippines sign new defense pact to strengthen ties",
            first,
            first,
            ("en", "zh"),
            members(1),
            (RelatedStory(2, "韩国和日本同意时隔九年恢复海军搜救演习", 0.71),),
            "日本和菲律宾签署新防务协定以加强关系",
        ),
        2: Story(
            2,
            "韩国和日本同意时隔九年恢复海军搜救演习",
            first,
            first,
            ("zh",),
            members(2),
            (
                RelatedStory(
                    1, "Japan and Philippines sign new defense pact to strengthen ties", 0.71
                ),
            ),
            None,
        ),
    }
    return FixtureDay(articles, translations, stories, ids)


def store_day(storage: Any) -> dict[str, int]:
    """Store the fixture day through the storage API (sync_feeds, store_articles,
    save_translations, assign_stories, save_story_links), as polling, translation and
    linking would; returns key -> article id."""
    raw = _day()
    feeds = storage.sync_feeds(
        [FeedConfig(f["name"], f["url"], f.get("language")) for f in raw["feeds"]]
    )
    feed_ids = {f.name: f.id for f in feeds}
    related: dict[str, list[RelatedLink]] = {}
    for r in raw["related"]:
        related.setdefault(r["article"], []).append(RelatedLink(r["url"], r["title"]))
    ids: dict[str, int] = {}
    for a in raw["articles"]:
        fetched = _when(a["fetched"])
        assert fetched is not None
        item = NewArticle(
            feed_id=feed_ids[a["feed"]],
            guid=a["guid"],
            url=a["url"],
            title=a["title"],
            summary=a["summary"],
            body=a["body"],
            lang=a["lang"],
            lang_confidence=1.0,
            published=_when(a["published"]),
            fetched=fetched,
            fingerprint=fingerprint(a["title"], a["body"] or a["summary"]),
            related=tuple(related.get(a["key"], ())),
        )
        result = ingest(storage, [item])
        ids[a["key"]] = result.new[0]
    target = {"en": "zh", "zh": "en"}
    langs = {a["key"]: a["lang"] for a in raw["articles"]}
    storage.save_translations(
        indexed(
            [
                Translation(
                    ids[t["article"]],
                    t["field"],
                    langs[t["article"]],
                    target[langs[t["article"]]],
                    t["text"],
                    "fixture",
                    "1",
                )
                for t in raw["translations"]
            ]
        )
    )
    # Stories as the linker would leave them, through the stories storage API.
    keys = {"acsa": -1, "drills": -2}
    made = storage.assign_stories(
        [(ids[a["key"]], keys[a["story"]]) for a in raw["articles"] if a.get("story")]
    )
    storage.save_story_links([(made[-1], made[-2], 0.71)])
    return ids
