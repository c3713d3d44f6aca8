"""The translate step and CLI on a real SQLite file with tiny stand-in models installed.

The models are real CTranslate2 transformers with random weights (trained ones cannot be
downloaded here), so these tests check routing, batching, caching, storage and resumability,
never translation quality.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from support_models import install_standins, standin_packages  # noqa: F401

from aggregator.cli import cli
from aggregator.ingest import ingest
from aggregator.models import FeedConfig, NewArticle

ROOT = Path(__file__).resolve().parent.parent
NOW = datetime(2026, 1, 16, 8, 0, tzinfo=UTC)

EN = [
    (
        "Japan and Philippines sign defense pact",
        "Manila hosts the signing of the ACSA.",
        "Japan and the Philippines signed a new defense pact in Manila on Thursday. "
        "The agreement covers fuel, ammunition and food.\n\nBoth nations, U.S. treaty allies, "
        "reaffirmed cooperation with Washington.",
    ),
    ("Apple unveils iPhone 16 lineup", "", "Apple on Monday unveiled four new phones."),
    ("Oil prices rise 3.5% on supply fears", "Brent crude rose.", ""),
]
ZH = [
    (
        "日本与菲律宾签署防务协定",
        "双方在马尼拉签署《物资劳务相互提供协定》。",
        "日本和菲律宾周四在马尼拉签署新的防务协定。该协定便利双方部队在联合演习期间相互提供燃料、弹药和食品。",
    ),
    ("苹果发布iPhone 16新品", "", "苹果公司周一发布了四款新手机。"),
]
ZH_HANT = [("台灣央行宣布維持利率不變", "", "中央銀行理監事會決議維持政策利率不變。")]


def seed(db: Path, extra: list[tuple[str, str, str, str]] | None = None) -> dict[str, Any]:
    from storage import Storage

    st = Storage(str(db))
    feeds = st.sync_feeds(
        [
            FeedConfig("EN wire", "http://127.0.0.1/en.xml", "en"),
            FeedConfig("ZH wire", "http://127.0.0.1/zh.xml", "zh"),
        ]
    )
    items: list[NewArticle] = []
    rows = [("en", *r) for r in EN] + [("zh", *r) for r in ZH] + [("zh-Hant", *r) for r in ZH_HANT]
    rows += [(lang, t, s, b) for lang, t, s, b in (extra or [])]
    for i, (lang, title, summary, body) in enumerate(rows):
        feed = feeds[0] if lang == "en" else feeds[1]
        items.append(
            NewArticle(
                feed_id=feed.id,
                guid=f"g{i}",
                url=f"http://127.0.0.1/a/{i}",
                title=title,
                summary=summary,
                body=body,
                lang=lang,
                lang_confidence=0.9,
                published=NOW - timedelta(hours=i),
                fetched=NOW,
                fingerprint=f"fp{i}",
            )
        )
    ingest(st, items)
    expected = sum(bool(x) for _, t, s, b in rows for x in (t, s, b))
    st.close()
    return {"fields": expected}


def all_conversions(db: Path) -> list[tuple[int, str, str, str, str]]:
    import sqlite3

    con = sqlite3.connect(db)
    try:
        return list(
            con.execute(
                "SELECT article_id, field, target, tool, text FROM conversions "
                "ORDER BY article_id, field"
            )
        )
    finally:
        con.close()


def all_translations(db: Path) -> list[tuple[int, str, str, str, str]]:
    import sqlite3

    con = sqlite3.connect(db)
    try:
        return list(
            con.execute(
                "SELECT article_id, field, target_lang, model, text FROM translations "
                "ORDER BY article_id, field, target_lang"
            )
        )
    finally:
        con.close()


@pytest.fixture
def argos_dir(
    standin_packages: dict[str, Path],  # noqa: F811
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> Path:
    return install_standins(standin_packages, tmp_path / "argos", monkeypatch)


def test_cli_install_then_translate_fills_every_pending_field(
    standin_packages: dict[str, Path],  # noqa: F811
    db_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(tmp_path / "argos"))
    for path in standin_packages.values():
        assert CliRunner().invoke(cli, ["models", "install", str(path)]).exit_code == 0
    info = seed(db_path)
    result = CliRunner().invoke(cli, ["--db", str(db_path), "translate"])
    assert result.exit_code == 0, result.output
    assert result.output == ""  # silent on success
    rows = all_translations(db_path)
    machine = [r for r in rows if not r[3].startswith("opencc")]
    assert len(machine) == info["fields"]
    # zh and zh-Hant articles go to English, English ones to Chinese, via the named package.
    assert {r[2] for r in machine} == {"en", "zh"}
    assert all(r[3].startswith("argos:translate-") for r in machine)
    assert all(r[4] for r in machine)
    # The Traditional article keeps its original and gets a Simplified conversion row,
    # stored as a conversion, not as a translation.
    assert not [r for r in rows if r[3].startswith("opencc")]
    conversions = all_conversions(db_path)
    assert {r[1] for r in conversions} == {"title", "body"}
    assert all(r[2] == "zh" and r[3].startswith("opencc") for r in conversions)
    assert any("台湾" in r[4] for r in conversions)
    stats = CliRunner().invoke(cli, ["--db", str(db_path), "stats", "--format", "json"])
    assert '"pending_translations": 0' in stats.output


def test_missing_model_is_one_line_naming_the_install_command(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(tmp_path / "empty"))
    seed(db_path)
    result = CliRunner().invoke(cli, ["--db", str(db_path), "translate"])
    assert result.exit_code == 1
    line = result.output.strip()
    assert "\n" not in line and "newsdesk models install" in line
    # both directions are missing: both are named, with their install commands
    assert "models install en zh" in line and "models install zh en" in line
    assert all_translations(db_path) == []
    verbose = CliRunner().invoke(cli, ["-v", "--db", str(db_path), "translate"])
    assert verbose.exit_code == 1 and "Traceback" not in verbose.output


def test_only_one_direction_installed_translates_it_then_reports_the_other(
    standin_packages: dict[str, Path],  # noqa: F811
    db_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    install_standins({"en_zh": standin_packages["en_zh"]}, tmp_path / "a", monkeypatch)
    seed(db_path)
    result = CliRunner().invoke(cli, ["--db", str(db_path), "translate"])
    assert result.exit_code == 1
    assert "newsdesk models install zh en" in result.output
    rows = all_translations(db_path)
    assert rows and {r[2] for r in rows} == {"zh"}  # every English field done anyway


def test_mixed_page_english_paragraphs_pass_through(argos_dir: Path, db_path: Path) -> None:
    body = (
        "日本和菲律宾周四签署防务协定。\n\n"
        "Japan and the Philippines signed the ACSA in Manila on January 15.\n\n"
        "双方强调维护印太地区的法治。"
    )
    seed(db_path, [("zh", "日菲签署协定", "", body)])
    assert CliRunner().invoke(cli, ["--db", str(db_path), "translate"]).exit_code == 0
    rows = [r for r in all_translations(db_path) if r[1] == "body" and r[2] == "en"]
    mixed = [r for r in rows if "ACSA in Manila" in r[4]]
    assert len(mixed) == 1
    parts = mixed[0][4].split("\n\n")
    assert len(parts) == 3
    assert parts[1] == "Japan and the Philippines signed the ACSA in Manila on January 15."
    assert parts[0] != "日本和菲律宾周四签署防务协定。"  # the Chinese paragraphs went through


def test_sentence_cache_translates_syndicated_text_once(
    argos_dir: Path, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from aggregator.app import make_app
    from aggregator.translate_step import translate_pending

    same = "Officials said the talks would resume next week."
    seed(db_path, [("en", "Talks to resume", "", same), ("en", "Talks resume soon", "", same)])
    app = make_app(str(db_path))
    try:
        report = translate_pending(app)
        assert report.cached == 0
        sent = report.sentences
        # Drop the translations (not the cache): the rerun is answered from the cache.
        import sqlite3

        con = sqlite3.connect(db_path)
        con.execute("DELETE FROM translations")
        con.commit()
        con.close()
        again = translate_pending(app)
        assert again.sentences == 0 and again.cached == sent
        assert again.translated == report.translated
    finally:
        app.close()


SCRIPT = """
import sys
from aggregator.app import make_app
from aggregator.translate_step import translate_pending
app = make_app(sys.argv[1])
r = translate_pending(app, chunk=2)
print("done", r.translated, flush=True)
"""


def test_killed_mid_run_loses_nothing_and_repeats_nothing(argos_dir: Path, db_path: Path) -> None:
    info = seed(db_path)
    env = {**os.environ, "NEWSDESK_TRANSLATE_CHUNK_SLEEP": "0.4", "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        [sys.executable, "-c", SCRIPT, str(db_path)], env=env, stdout=subprocess.PIPE
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            time.sleep(0.1)
            done = [r for r in all_translations(db_path) if not r[3].startswith("opencc")]
            if len(done) >= 4:
                break
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
    finally:
        if proc.poll() is None:
            proc.kill()
    before = [r for r in all_translations(db_path) if not r[3].startswith("opencc")]
    assert 4 <= len(before) < info["fields"], "killed too late to test anything"
    # Rerun: only the rest is translated; the saved rows are untouched.
    rerun = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(db_path)],
        env={**env, "NEWSDESK_TRANSLATE_CHUNK_SLEEP": "0"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert rerun.returncode == 0, rerun.stderr
    assert rerun.stdout.split() == ["done", str(info["fields"] - len(before))]
    after = [r for r in all_translations(db_path) if not r[3].startswith("opencc")]
    keys = [(r[0], r[1], r[2]) for r in after]
    assert len(keys) == len(set(keys)) == info["fields"]
    assert set(before) <= set(after)


def test_device_cuda_without_gpu_is_one_line_exit_1(argos_dir: Path, db_path: Path) -> None:
    import ctranslate2

    if ctranslate2.get_cuda_device_count() > 0:
        pytest.skip("a GPU is visible here")
    seed(db_path)
    result = CliRunner().invoke(cli, ["--db", str(db_path), "translate", "--device", "cuda"])
    assert result.exit_code == 1
    assert result.output.count("\n") == 1 and "cuda" in result.output.lower()
    assert all_translations(db_path) == []


def test_limit_takes_titles_first_then_the_rest(argos_dir: Path, db_path: Path) -> None:
    info = seed(db_path)
    result = CliRunner().invoke(cli, ["--db", str(db_path), "-v", "translate", "--limit", "3"])
    assert result.exit_code == 0, result.output
    rows = [r for r in all_translations(db_path) if not r[3].startswith("opencc")]
    assert len(rows) == 3 and {r[1] for r in rows} == {"title"}
    assert "translated 3 fields" in result.output
    assert CliRunner().invoke(cli, ["--db", str(db_path), "translate"]).exit_code == 0
    rows = [r for r in all_translations(db_path) if not r[3].startswith("opencc")]
    assert len(rows) == info["fields"]
    # Nothing pending: a rerun does nothing and still succeeds.
    assert CliRunner().invoke(cli, ["--db", str(db_path), "translate"]).exit_code == 0
    assert len([r for r in all_translations(db_path) if not r[3].startswith("opencc")]) == len(rows)


def test_injected_translator_is_used_and_other_languages_wait_untouched(db_path: Path) -> None:
    from aggregator.app import make_app
    from aggregator.translate_step import translate_pending

    class Upper:
        name, version = "upper", "1"
        calls: list[tuple[str, str, int]] = []

        def translate(self, texts: list[str], source: str, target: str) -> list[str]:
            self.calls.append((source, target, len(texts)))
            return [f"<{target}>{t.upper()}" for t in texts]

    seed(db_path, [("other", "日本とフィリピン、防衛協定に署名", "", "")])
    fake = Upper()
    app = make_app(str(db_path), translator=fake)
    try:
        report = translate_pending(app)
    finally:
        app.close()
    # One call per direction for the whole chunk (all articles' sentences together).
    assert sorted((s, t) for s, t, _ in fake.calls) == [("en", "zh"), ("zh", "en")]
    rows = all_translations(db_path)
    titles = {r[0]: r[4] for r in rows if r[1] == "title" and r[3] == "upper"}
    assert "<zh>APPLE UNVEILS IPHONE 16 LINEUP" in titles.values()
    assert report.pending_left == 0
    assert not any("フィリピン" in r[4] for r in rows)


def test_translating_loads_neither_torch_nor_argos_translate_nor_stanza(
    argos_dir: Path, db_path: Path
) -> None:
    seed(db_path)
    code = (
        "import sys\n"
        "from aggregator.cli import cli\n"
        "try:\n"
        f"    cli(['--db', {str(db_path)!r}, 'translate'], prog_name='newsdesk')\n"
        "except SystemExit as e:\n"
        "    assert not e.code, e.code\n"
        "heavy = ('torch', 'argostranslate.translate', 'stanza', 'spacy')\n"
        "print(sorted(m for m in heavy if m in sys.modules), 'ctranslate2' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["[]", "True"]  # it did translate, on the light path
    assert len(all_translations(db_path)) > 0


def test_budget_stops_starting_chunks_and_the_rest_waits(db_path: Path) -> None:
    """A poll's translation has a time budget (limits.translate_seconds) so a backlog never
    holds the poll lock for hours; what is left stays pending for the next run."""
    from aggregator.app import make_app
    from aggregator.translate_step import translate_pending

    class Slow:
        name, version = "slow", "1"

        def translate(self, texts: list[str], source: str, target: str) -> list[str]:
            time.sleep(0.3)
            return [t[::-1] for t in texts]

    seed(db_path)
    app = make_app(str(db_path), translator=Slow())
    try:
        total = app.storage.count_pending_translations()
        assert total > 2
        first = translate_pending(app, chunk=1, budget_seconds=0.1)
        assert first.translated == 1  # one chunk started inside the budget, then it stopped
        assert first.pending_left == total - 1
        rest = translate_pending(app, chunk=50)
        assert rest.translated == total - 1 and rest.pending_left == 0
    finally:
        app.close()
