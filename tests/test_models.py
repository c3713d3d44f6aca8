"""`newsdesk models install|list` with stand-in packages, from a file and from an index
served on 127.0.0.1."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from support_http import FeedServer
from support_models import standin_packages  # noqa: F401

from aggregator.cli import cli


@pytest.fixture
def argos_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    target = tmp_path / "argos-packages"
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(target))
    return target


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.output


def test_install_file_then_list(
    standin_packages: dict[str, Path],  # noqa: F811
    argos_dir: Path,
) -> None:
    code, out = run("models", "list", "--format", "json")
    assert code == 0 and json.loads(out)["models"] == []
    for path in standin_packages.values():
        code, out = run("models", "install", str(path))
        assert code == 0, out
    code, out = run("models", "list", "--format", "json")
    models = json.loads(out)["models"]
    assert {(m["from"], m["to"]) for m in models} == {("en", "zh"), ("zh", "en")}
    assert all(Path(m["path"]).parent == argos_dir for m in models)
    assert (argos_dir / "translate-en_zh-standin" / "model" / "model.bin").is_file()
    code, out = run("models", "list")
    assert "en->zh" in out and "zh->en" in out
    # Reinstalling replaces the package instead of adding a second one.
    assert run("models", "install", str(standin_packages["en_zh"]))[0] == 0
    assert len(json.loads(run("models", "list", "--format", "json")[1])["models"]) == 2


@pytest.mark.parametrize("kind", ["text", "zip-without-model", "traversal", "missing"])
def test_bad_file_is_one_line_exit_1(kind: str, tmp_path: Path, argos_dir: Path) -> None:
    bad = tmp_path / "bad.argosmodel"
    if kind == "text":
        bad.write_text("not a zip")
    elif kind == "zip-without-model":
        with zipfile.ZipFile(bad, "w") as zf:
            zf.writestr("pkg/metadata.json", '{"from_code": "en", "to_code": "zh"}')
    elif kind == "traversal":
        with zipfile.ZipFile(bad, "w") as zf:
            zf.writestr("pkg/model/model.bin", b"x")
            zf.writestr("pkg/sentencepiece.model", b"x")
            zf.writestr("pkg/../../evil.txt", b"x")
    code, out = run("models", "install", str(bad if kind != "missing" else tmp_path / "nope"))
    assert code == 1
    assert out.startswith("newsdesk: ") and out.count("\n") == 1
    assert not (tmp_path / "evil.txt").exists()
    assert not argos_dir.exists() or not any(argos_dir.iterdir())


def test_install_from_index_on_loopback(
    standin_packages: dict[str, Path],  # noqa: F811
    argos_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with FeedServer() as srv:
        index = [
            {
                "package_version": "1.0",
                "from_code": "en",
                "to_code": "zh",
                "links": [srv.url("/old/en_zh.argosmodel")],
            },
            {
                "package_version": "1.9",
                "from_code": "en",
                "to_code": "zh",
                "links": [srv.url("/missing.argosmodel"), srv.url("/p/en_zh.argosmodel")],
            },
            {
                "package_version": "1.9",
                "from_code": "zh",
                "to_code": "en",
                "links": [srv.url("/p/zh_en.argosmodel")],
            },
        ]
        srv.add("/index/index.json", json.dumps(index), content_type="application/json")
        srv.add("/p/en_zh.argosmodel", standin_packages["en_zh"].read_bytes())
        srv.add("/p/zh_en.argosmodel", standin_packages["zh_en"].read_bytes())
        # Argos's own setting: a base URL to which index.json is appended.
        monkeypatch.setenv("ARGOS_PACKAGE_INDEX", srv.url("/index/"))
        code, out = run("models", "install", "en", "zh")
        assert code == 0, out
        fetched = [r.path for r in srv.requests]
        assert fetched[0] == "/index/index.json"
        assert "/old/en_zh.argosmodel" not in fetched  # the newest version is chosen
        assert fetched[-1] == "/p/en_zh.argosmodel"  # after the dead first link
        code, out = run("models", "install", "ko", "en")
        assert code == 1 and "no ko->en package" in out
    models = json.loads(run("models", "list", "--format", "json")[1])["models"]
    assert [(m["from"], m["to"]) for m in models] == [("en", "zh")]


def test_index_unreachable_is_one_line(argos_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ARGOS_PACKAGE_INDEX", "http://127.0.0.1:9/")
    code, out = run("models", "install", "en", "zh")
    assert code == 1 and out.count("\n") == 1 and "127.0.0.1:9" in out
