"""The digest's HTML part in a real browser (headless Chromium): it renders, the Chinese text
reaches the DOM, and no hostile script or event handler from a feed ran.

The page is the HTML part of a message built from a real database and parsed back with
`email`, so what is checked is what a mail client would get.
"""

from __future__ import annotations

import email
import shutil
import struct
import subprocess
from datetime import UTC, date, datetime
from email.message import EmailMessage
from email.policy import default
from pathlib import Path

import pytest
from support_smtp import store_day

from aggregator.digest import collect_digest
from aggregator.mailer import build_message

pytestmark = pytest.mark.chromium


def chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    pytest.skip("headless Chromium not found (apt-get install chromium)")


def run_chromium(tmp: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    flags = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
        f"--user-data-dir={tmp / 'chromium-profile'}",
    ]
    return subprocess.run(
        [chromium(), *flags, *args], capture_output=True, timeout=120, check=False
    )


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return int(width), int(height)


def test_html_part_renders_in_chromium_and_nothing_hostile_runs(
    db_path: Path, tmp_path: Path
) -> None:
    from storage import Storage

    with Storage(str(db_path)) as s:
        store_day(s)
        d = collect_digest(s, date(2026, 1, 15), "Asia/Shanghai")
    msg = build_message(
        d, sender="newsdesk@example.org", to=["desk@example.org"], now=datetime.now(UTC)
    )
    back = email.message_from_bytes(msg.as_bytes(), policy=default)
    assert isinstance(back, EmailMessage)
    html_part = back.get_body(preferencelist=("html",))
    assert html_part is not None
    page = tmp_path / "digest.html"
    page.write_text(html_part.get_content(), encoding="utf-8")
    url = page.as_uri()

    shot = tmp_path / "digest.png"
    done = run_chromium(tmp_path, "--window-size=760,1800", f"--screenshot={shot}", url)
    assert shot.exists(), done.stderr.decode(errors="replace")[-2000:]
    assert png_size(shot) == (760, 1800)
    # Not blank: PNG compresses a uniform page to almost nothing, so the digest's screenshot
    # must be many times the size of an empty page's of the same dimensions.
    blank = tmp_path / "blank.html"
    blank.write_text("<html><body></body></html>", encoding="utf-8")
    blank_shot = tmp_path / "blank.png"
    run_chromium(tmp_path, "--window-size=760,1800", f"--screenshot={blank_shot}", blank.as_uri())
    assert shot.stat().st_size > 10 * blank_shot.stat().st_size
    assert shot.stat().st_size > 30_000

    dom = run_chromium(tmp_path, "--dump-dom", url).stdout.decode("utf-8")
    assert "日本与菲律宾在马尼拉签署《物资劳务相互提供协定》" in dom
    assert "韩国和日本同意时隔九年恢复海军搜救演习" in dom
    assert "Philippines and Japan sign defense pact in Manila" in dom
    # The hostile item's script would have set data-pwned on <body>; it is text instead.
    assert 'data-pwned="1"' not in dom
    assert "&lt;script&gt;document.body.setAttribute" in dom
    assert "<script" not in dom.lower() and "<img" not in dom.lower()


def test_the_dom_check_would_see_a_script_that_ran(tmp_path: Path) -> None:
    """Control: the same payload, unescaped, does mark the DOM, so the check above can fail."""
    page = tmp_path / "control.html"
    page.write_text(
        "<html><body><script>document.body.setAttribute('data-pwned','1')</script></body></html>",
        encoding="utf-8",
    )
    dom = run_chromium(tmp_path, "--dump-dom", page.as_uri()).stdout.decode("utf-8")
    assert 'data-pwned="1"' in dom
