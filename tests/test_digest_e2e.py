"""From a feed on a real HTTP server to a real SMTP inbox: `poll` then `digest --send`.

Nothing is injected: the poller fetches over loopback, parses, stores and links with the real
embedder; no translation runs (`--no-translate`), so the digest says once, at the top, that
translations are pending. The feed's hostile item and the feed's CR/LF name must come out inert.
"""

from __future__ import annotations

import email
from email.message import EmailMessage
from email.policy import default
from pathlib import Path

from click.testing import CliRunner
from support_http import FeedServer
from support_smtp import SmtpServer

from aggregator.cli import cli

DATA = Path(__file__).parent / "data" / "digest"


def test_feed_over_http_to_inbox_over_smtp(db_path: Path, tmp_path: Path) -> None:
    cfg = tmp_path / "feeds.yaml"
    runner = CliRunner()
    with FeedServer() as feeds, SmtpServer() as smtp:
        feeds.add("/mixed.xml", (DATA / "hostile_rss.xml").read_bytes())
        cfg.write_text(
            "feeds:\n"
            '  - name: "Mixed Desk\\r\\nBcc: victim@example.com"\n'
            f"    url: {feeds.url('/mixed.xml')}\n"
            "digest:\n"
            "  to: [desk@example.org]\n"
            "  from: newsdesk@example.org\n"
            "  timezone: Asia/Shanghai\n"
            f"  smtp: {{host: 127.0.0.1, port: {smtp.port}, security: none}}\n",
            encoding="utf-8",
        )
        base = ["--db", str(db_path), "--config", str(cfg)]
        polled = runner.invoke(cli, [*base, "poll", "--all", "--no-translate"])
        assert polled.exit_code == 0, polled.output
        eml = tmp_path / "d.eml"
        sent = runner.invoke(
            cli, [*base, "digest", "--date", "2026-01-15", "--send", "--out", str(eml)]
        )
        assert sent.exit_code == 0, sent.output
    [got] = smtp.inbox.messages
    assert got.rcpt_tos == ["desk@example.org"]
    msg = got.message
    assert msg["Bcc"] is None
    assert msg.as_bytes() == email.message_from_bytes(eml.read_bytes(), policy=default).as_bytes()
    plain = msg.get_body(preferencelist=("plain",))
    html = msg.get_body(preferencelist=("html",))
    assert isinstance(plain, EmailMessage) and isinstance(html, EmailMessage)
    text, page = plain.get_content(), html.get_content()
    for body in (text, page):
        assert "日本与菲律宾在马尼拉签署《物资劳务相互提供协定》" in body
        assert "Philippines and Japan sign defense pact in Manila" in body
        assert "(未翻译)" not in body and "[untranslated]" not in body
        assert body.count("Translations are pending") == 1
    # Tracking parameters were dropped by the poller; the link survives as https.
    assert 'href="https://wire.example.com/2026/01/15/japan-philippines-acsa"' in page
    low = page.lower()
    assert "<script" not in low and "<img" not in low and "onerror=" not in low
    assert 'href="javascript' not in low and "onclick" not in low
    assert "127.0.0.1:9/pixel.gif" not in page
    assert "\r" not in text.replace("\r\n", "")  # no lone CR from a title
