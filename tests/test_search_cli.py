"""`newsdesk search` through click: JSON shape (CLI.md), jsonl, the 80-column table, exit codes,
and arbitrary Unicode queries that never raise anything but the documented usage error."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rich.cells import cell_len
from test_search_support import build

from aggregator.app import App
from aggregator.cli import cli
from aggregator.errors import UsageError
from aggregator.models import Config
from aggregator.search import search

KEYS = {
    "id", "url", "urls", "title", "title_translated", "lang", "feed", "published",
    "story_id", "score", "snippet", "matched",
}  # fmt: skip


@pytest.fixture
def db(storage: Any, db_path: Path) -> str:
    build(storage)
    return str(db_path)


def run(db: str, *args: str) -> Any:
    return CliRunner().invoke(cli, ["--db", db, "search", *args], catch_exceptions=False)


def test_json_shape(db: str) -> None:
    r = run(db, "Motegi", "--format", "json", "--no-semantic")
    assert r.exit_code == 0, r.output
    data = json.loads(r.output)
    assert data["query"] == "Motegi"
    assert len(data["results"]) == 2
    for res in data["results"]:
        assert set(res) == KEYS
        assert res["matched"] in {"original", "translation", "semantic"}
        assert res["published"].endswith("Z")
        assert res["url"] in res["urls"]
    langs = {res["lang"]: res for res in data["results"]}
    assert langs["zh"]["matched"] == "translation"
    assert langs["zh"]["title_translated"].startswith("Japan and the Philippines")


def test_jsonl_one_object_per_line(db: str) -> None:
    r = run(db, "日本", "--format", "jsonl", "--no-semantic", "--limit", "2")
    assert r.exit_code == 0
    lines = r.output.strip().splitlines()
    assert len(lines) == 2
    assert all(set(json.loads(line)) == KEYS for line in lines)


def test_words_without_quotes_join_into_one_query(db: str) -> None:
    r = run(db, "South", "China", "Sea", "--format", "json", "--no-semantic")
    assert json.loads(r.output)["query"] == "South China Sea"


def test_table_fits_80_columns_with_cjk(db: str) -> None:
    r = run(db, "日本", "--no-semantic")
    assert r.exit_code == 0
    assert "韓國和日本" in r.output.replace("\n", "").replace("│", "").replace(" ", "")
    assert max(cell_len(line) for line in r.output.splitlines()) <= 80


def test_filters_and_dates(db: str) -> None:
    r = run(db, "日本", "--since", "2026-01-18", "--until", "2026-01-18", "--format", "json")
    assert [x["lang"] for x in json.loads(r.output)["results"]] == ["zh"]
    r = run(db, "日本", "--lang", "zh-Hant", "--format", "json", "--no-semantic")
    assert {x["lang"] for x in json.loads(r.output)["results"]} == {"zh-Hant"}


@pytest.mark.parametrize(
    "args",
    [
        [""],
        ["*"],
        ["Japan", "--since", "yesterday"],
        ["Japan", "--since", "2026-02-01", "--until", "2026-01-01"],
        ["Japan", "--feed", "no such feed"],
        ["Japan", "--limit", "0"],
        ["Japan", "--lang", "fr"],
    ],
)
def test_usage_errors_exit_2_with_one_line(db: str, args: list[str]) -> None:
    r = CliRunner().invoke(cli, ["--db", db, "search", *args])
    assert r.exit_code == 2, r.output
    assert "Traceback" not in r.output


def test_no_results_is_not_an_error(db: str) -> None:
    r = run(db, "xylophone", "--no-semantic")
    assert r.exit_code == 0 and "no results" in r.output


@pytest.fixture(scope="module")
def module_app(tmp_path_factory: pytest.TempPathFactory) -> Any:
    from storage import Storage

    s = Storage(str(tmp_path_factory.mktemp("fuzz") / "f.db"))
    build(s)
    yield App(storage=s, config=Config(feeds=()))
    s.close()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.text(
        alphabet=st.one_of(
            st.characters(codec="utf-8", exclude_categories=("Cs",)),
            st.sampled_from(list('"*-^:()NEARORANDNOT 日本國防{}+')),
        ),
        max_size=40,
    )
)
def test_arbitrary_queries_raise_only_usage_errors(module_app: Any, query: str) -> None:
    try:
        hits = search(module_app, query, semantic=False)
    except UsageError:
        return
    assert all(h.matched in {"original", "translation"} for h in hits)
