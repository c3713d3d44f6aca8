"""`newsdesk digest` end to end: a real SQLite file, the real CLI, a real SMTP server on loopback
(plain, STARTTLS with AUTH, implicit TLS), and the failures a cron job meets."""

from __future__ import annotations

import email
from email.message import EmailMessage
from email.policy import default
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from support_smtp import SmtpServer, free_port, make_cert, store_day

from aggregator.cli import cli

DESK = "desk@example.org"


@pytest.fixture
def day_db(db_path: Path) -> Path:
    from storage import Storage

    with Storage(str(db_path)) as s:
        store_day(s)
    return db_path


def write_config(path: Path, smtp: str | None = None, to: str | None = DESK) -> Path:
    lines = [
        "feeds: []",
        "digest:",
        "  from: 新闻台 <newsdesk@example.org>",
        "  timezone: Asia/Shanghai",
    ]
    if to:
        lines.append(f"  to: [{to}]")
    if smtp:
        lines.append(f"  smtp: {smtp}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def run(db: Path, config: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, ["--db", str(db), "--config", str(config), "digest", *args])


def one_line_error(result: Result) -> str:
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


def check_received(msg: EmailMessage) -> None:
    """What every delivered digest must be: structure, both parts, Chinese, inert content."""
    assert "新闻摘要" in msg["Subject"] and "2026-01-15" in msg["Subject"]
    assert msg.get_content_type() == "multipart/alternative"
    plain, html = list(msg.iter_parts())
    assert plain.get_content_type() == "text/plain" and html.get_content_type() == "text/html"
    for part in (plain.get_content(), html.get_content()):
        assert "日本与菲律宾在马尼拉签署《物资劳务相互提供协定》" in part
        assert "菲律宾与日本在马尼拉签署防务协定" in part
        assert "Motegi to visit Manila" not in part  # the day before, in Shanghai
    body = html.get_content()
    assert "<script" not in body and "onerror=" not in body and "<img" not in body
    assert 'href="javascript' not in body and "tracker.example.com" not in body
    assert msg["Bcc"] is None and msg["X-Evil"] is None


def test_without_out_or_send_prints_the_text_part(day_db: Path, tmp_path: Path) -> None:
    result = run(day_db, write_config(tmp_path / "feeds.yaml"), "--date", "2026-01-15")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.startswith("newsdesk digest · 新闻摘要 · 2026-01-15")
    # The stored stories: the three-source bilingual ACSA story first, with related coverage
    # pointing at the drills story, which links to its article.
    assert "== 1. Philippines and Japan sign defense pact in Manila ==" in out
    assert "== 2. 韩国和日本同意时隔九年恢复海军搜救演习 ==" in out
    related = out[out.index("Related coverage") :].splitlines()
    assert related[1].strip() == "- 韩国和日本同意时隔九年恢复海军搜救演习 (see 2 · 见第2条)"
    assert related[2].strip() == "https://zh.example.com/news/2026-01-15/drills.html"
    back = out[out.index("== 2.") :]
    back = back[back.index("Related coverage") :].splitlines()
    assert back[1].strip().startswith("- Philippines and Japan sign defense pact in Manila /")
    assert back[2].strip() == "https://wire.example.com/2026/01/15/japan-philippines-acsa"
    assert "Manila shares open higher" in out  # 00:30 local: the right side of midnight
    assert "Motegi to visit Manila" not in out
    assert out.count("Translations are pending") == 1 and "[untranslated]" not in out
    assert "\x1b" not in out and "\r" not in out


def test_empty_day_and_bad_date(day_db: Path, tmp_path: Path) -> None:
    cfg = write_config(tmp_path / "feeds.yaml")
    result = run(day_db, cfg, "--date", "2025-06-01")
    assert result.exit_code == 0 and "No new stories" in result.stdout
    bad = run(day_db, cfg, "--date", "15/01/2026")
    assert bad.exit_code == 2


def test_out_writes_a_parseable_eml(day_db: Path, tmp_path: Path) -> None:
    eml = tmp_path / "digest.eml"
    result = run(
        day_db, write_config(tmp_path / "feeds.yaml"), "--date", "2026-01-15", "--out", str(eml)
    )
    assert result.exit_code == 0, result.output
    assert result.stdout == ""  # silent on success
    msg = email.message_from_bytes(eml.read_bytes(), policy=default)
    assert isinstance(msg, EmailMessage)
    check_received(msg)
    assert msg["To"] == DESK and "newsdesk@example.org" in msg["From"]
    dash = run(day_db, write_config(tmp_path / "feeds.yaml"), "--date", "2026-01-15", "--out", "-")
    assert dash.exit_code == 0 and dash.stdout_bytes.startswith(b"Subject: =?utf-8?")


def test_send_plain_smtp(day_db: Path, tmp_path: Path) -> None:
    with SmtpServer() as server:
        cfg = write_config(
            tmp_path / "feeds.yaml",
            smtp=f"{{host: 127.0.0.1, port: {server.port}, security: none}}",
        )
        result = run(day_db, cfg, "--date", "2026-01-15", "--send")
    assert result.exit_code == 0, result.output
    [got] = server.inbox.messages
    assert got.rcpt_tos == [DESK]  # the CR/LF "Bcc: victim" in a title added nobody
    assert got.mail_from == "newsdesk@example.org"
    check_received(got.message)


def test_send_starttls_with_login_to_flag_recipients(
    day_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cert = make_cert(tmp_path)
    monkeypatch.setenv("SSL_CERT_FILE", str(cert[0]))  # trust the self-signed certificate
    monkeypatch.setenv("NEWSDESK_SMTP_PASSWORD", "s3cret pass")
    with SmtpServer(tls="starttls", cert=cert, users={"desk": "s3cret pass"}) as server:
        cfg = write_config(
            tmp_path / "feeds.yaml",
            smtp=f"{{host: localhost, port: {server.port}, security: starttls, username: desk}}",
        )
        result = run(
            day_db,
            cfg,
            "--date",
            "2026-01-15",
            "--send",
            "--to",
            "a@example.net",
            "--to",
            "B <b@example.net>",
        )
    assert result.exit_code == 0, result.output
    assert server.inbox.logins == ["desk"]
    [got] = server.inbox.messages
    assert got.rcpt_tos == ["a@example.net", "b@example.net"]
    check_received(got.message)


def test_send_implicit_tls_from_flags(
    day_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cert = make_cert(tmp_path)
    monkeypatch.setenv("SSL_CERT_FILE", str(cert[0]))
    with SmtpServer(tls="ssl", cert=cert) as server:
        result = run(
            day_db,
            write_config(tmp_path / "feeds.yaml"),
            "--date",
            "2026-01-15",
            "--send",
            "--smtp-host",
            "localhost",
            "--smtp-port",
            str(server.port),
            "--smtp-security",
            "ssl",
        )
    assert result.exit_code == 0, result.output
    check_received(server.inbox.messages[0].message)


def test_untrusted_certificate_is_one_line_exit_1(day_db: Path, tmp_path: Path) -> None:
    cert = make_cert(tmp_path)  # not trusted: SSL_CERT_FILE left alone
    with SmtpServer(tls="starttls", cert=cert) as server:
        result = run(
            day_db,
            write_config(tmp_path / "feeds.yaml"),
            "--date",
            "2026-01-15",
            "--send",
            "--smtp-host",
            "localhost",
            "--smtp-port",
            str(server.port),
        )
    assert result.exit_code == 1
    assert "TLS failed" in one_line_error(result)
    assert not server.inbox.messages


def test_rejected_login_is_exit_1_and_out_still_written(
    day_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cert = make_cert(tmp_path)
    monkeypatch.setenv("SSL_CERT_FILE", str(cert[0]))
    monkeypatch.setenv("NEWSDESK_SMTP_PASSWORD", "wrong")
    eml = tmp_path / "digest.eml"
    with SmtpServer(tls="starttls", cert=cert, users={"desk": "right"}) as server:
        cfg = write_config(
            tmp_path / "feeds.yaml",
            smtp=f"{{host: localhost, port: {server.port}, username: desk}}",
        )
        result = run(day_db, cfg, "--date", "2026-01-15", "--send", "--out", str(eml))
    assert result.exit_code == 1
    line = one_line_error(result)
    assert "login rejected" in line and "desk" in line and "wrong" not in line
    assert not server.inbox.messages
    check_received(email.message_from_bytes(eml.read_bytes(), policy=default))  # type: ignore[arg-type]


def test_refused_connection_is_exit_1_and_out_still_written(day_db: Path, tmp_path: Path) -> None:
    eml = tmp_path / "digest.eml"
    port = free_port()  # nothing listens there
    result = run(
        day_db,
        write_config(tmp_path / "feeds.yaml"),
        "--date",
        "2026-01-15",
        "--send",
        "--out",
        str(eml),
        "--smtp-host",
        "127.0.0.1",
        "--smtp-port",
        str(port),
        "--smtp-security",
        "none",
    )
    assert result.exit_code == 1
    line = one_line_error(result)
    assert f"127.0.0.1:{port}" in line and "cannot connect" in line
    assert eml.stat().st_size > 1000


@pytest.mark.parametrize(
    ("config_to", "args", "needle"),
    [
        (None, ["--smtp-host", "127.0.0.1"], "recipient"),
        (DESK, [], "SMTP server"),
        (None, ["--to", "x@example.org\r\nBcc: victim@example.com", "--smtp-host", "h"], "--to"),
        (None, ["--to", "not-an-address", "--smtp-host", "h"], "not an email address"),
    ],
)
def test_send_usage_errors_exit_2(
    day_db: Path, tmp_path: Path, config_to: str | None, args: list[str], needle: str
) -> None:
    cfg = write_config(tmp_path / "feeds.yaml", to=config_to)
    result = run(day_db, cfg, "--date", "2026-01-15", "--send", *args)
    assert result.exit_code == 2, result.output
    assert needle in one_line_error(result)


def test_login_without_password_env_is_exit_2(
    day_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("NEWSDESK_SMTP_PASSWORD", raising=False)
    cfg = write_config(tmp_path / "feeds.yaml", smtp="{host: 127.0.0.1, username: desk}")
    result = run(day_db, cfg, "--date", "2026-01-15", "--send")
    assert result.exit_code == 2
    assert "NEWSDESK_SMTP_PASSWORD" in one_line_error(result)


def test_password_over_an_unencrypted_connection_is_refused_before_sending(
    day_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSDESK_SMTP_PASSWORD", "s3cret")
    eml = tmp_path / "d.eml"
    cfg = write_config(
        tmp_path / "feeds.yaml", smtp="{host: smtp.example.org, security: none, username: desk}"
    )
    result = run(day_db, cfg, "--date", "2026-01-15", "--send", "--out", str(eml))
    assert result.exit_code == 2
    assert "unencrypted" in one_line_error(result)
    assert not eml.exists()  # a usage error stops before anything is written


def test_non_ascii_password_logs_in_by_auth_plain(
    day_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cert = make_cert(tmp_path)
    monkeypatch.setenv("SSL_CERT_FILE", str(cert[0]))
    for password, code in (("密码", 0), ("错误", 1)):
        monkeypatch.setenv("NEWSDESK_SMTP_PASSWORD", password)
        with SmtpServer(tls="starttls", cert=cert, users={"编辑": "密码"}) as server:
            cfg = write_config(
                tmp_path / "feeds.yaml",
                smtp=f"{{host: localhost, port: {server.port}, username: 编辑}}",
            )
            result = run(day_db, cfg, "--date", "2026-01-15", "--send")
        assert result.exit_code == code, result.output
        if code == 0:
            assert server.inbox.logins == ["编辑"] and len(server.inbox.messages) == 1
        else:
            assert "login rejected" in one_line_error(result)
            assert password not in result.stderr
