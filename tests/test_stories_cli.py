"""`newsdesk stories` / `story ID` through the real CLI on a real database: the JSON shape
of CLI.md, filters, the unknown-ID failure, and a table that fits 80 columns with hostile
feed text made inert."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from support_stories import ingest

from aggregator.cli import cli


class _Fixed:
    """A deterministic stand-in embedder: the CLI tests are about output, not about meaning.

    Articles of one `topic` word get one vector; the real model is exercised in
    test_linker.py and test_stories_eval.py.
    """

    model_name = "fixed-test"
    dim = 384

    def passages(self, texts: Any) -> Any:
        import numpy as np

        out = []
        for t in texts:
            rng = np.random.default_rng(sum(map(ord, t.split()[0])))
            v = rng.normal(size=384).astype(np.float32)
            out.append(v / np.linalg.norm(v))
        return np.stack(out)

    def query(self, text: str) -> Any:
        return self.passages([text])[0]


ROWS = [
    {"id": "e1", "feed": "Wire EN", "lang": "en", "title": "ACSA signed by Japan and Philippines",
     "summary": "Tokyo and Manila signed a supply pact.", "body": "", "url": "https://w.example/1",
     "published": "2026-01-15T06:40:00Z"},
    {"id": "z1", "feed": "Daily ZH", "lang": "zh", "title": "ACSA 日菲签署物资劳务相互提供协定",
     "summary": "日本与菲律宾签署协定。", "body": "", "url": "https://d.example/1",
     "published": "2026-01-15T08:30:00Z"},
    {"id": "e2", "feed": "Wire EN\x1b[31m", "lang": "en",
     "title": "Storm\x1b[2J hits \u202eSamar with a very long headline that goes on and on",
     "summary": "Rain.", "body": "", "url": "https://w.example/2",
     "published": "2026-02-05T07:00:00Z"},
]  # fmt: skip


@pytest.fixture
def db(db_path: Path) -> Iterator[str]:
    from aggregator.app import App
    from aggregator.linker import link_pending
    from aggregator.models import Config
    from storage import Storage

    path = str(db_path)
    with Storage(path) as st:
        ingest(st, ROWS)
        link_pending(App(storage=st, config=Config(feeds=()), embedder=_Fixed()))
    yield path


def _run(db: str, *args: str) -> Any:
    return CliRunner().invoke(cli, ["--db", db, *args])


def test_stories_json_shape(db: str) -> None:
    out = _run(db, "stories", "--format", "json")
    assert out.exit_code == 0, out.output
    data = json.loads(out.output)
    assert list(data) == ["stories"]
    assert len(data["stories"]) == 2
    acsa = next(s for s in data["stories"] if len(s["articles"]) == 2)
    assert {"id", "title", "first_seen", "last_seen", "languages", "articles", "related"} <= set(
        acsa
    )
    assert acsa["languages"] == ["en", "zh"]
    assert acsa["first_seen"] == "2026-01-15T06:40:00Z"
    assert acsa["last_seen"] == "2026-01-15T08:30:00Z"
    art = acsa["articles"][0]
    assert set(art) == {
        "id",
        "url",
        "urls",
        "title",
        "title_translated",
        "lang",
        "feed",
        "published",
    }
    assert art["url"] == "https://w.example/1" and art["urls"] == ["https://w.example/1"]
    assert art["published"] == "2026-01-15T06:40:00Z" and art["feed"] == "Wire EN"
    # Most recently active first.
    assert data["stories"][0]["last_seen"] >= data["stories"][1]["last_seen"]


def test_since_until_filter(db: str) -> None:
    def ids(*args: str) -> list[int]:
        out = _run(db, "stories", "--format", "json", *args)
        assert out.exit_code == 0, out.output
        return [len(s["articles"]) for s in json.loads(out.output)["stories"]]

    assert ids("--since", "2026-02-01") == [1]
    assert ids("--until", "2026-01-15") == [2]  # a bare date includes that whole day
    assert ids("--until", "2026-01-14") == []
    assert ids("--since", "2026-01-15", "--until", "2026-02-05") == [1, 2]
    bad = _run(db, "stories", "--since", "yesterday")
    assert bad.exit_code == 2


def test_story_by_id_and_unknown_id(db: str) -> None:
    listing = json.loads(_run(db, "stories", "--format", "json").output)["stories"]
    one = _run(db, "story", str(listing[0]["id"]), "--format", "json")
    assert one.exit_code == 0
    assert json.loads(one.output) == listing[0]
    missing = _run(db, "story", "99999")
    assert missing.exit_code == 1
    assert missing.output.strip() == "newsdesk: no story with id 99999"


def test_tables_fit_80_columns_and_strip_control_characters(db: str) -> None:
    from rich.cells import cell_len

    listing = json.loads(_run(db, "stories", "--format", "json").output)["stories"]
    outputs = [_run(db, "stories")] + [_run(db, "story", str(s["id"])) for s in listing]
    for out in outputs:
        assert out.exit_code == 0, out.output
        assert "\x1b" not in out.output and "\u202e" not in out.output
        for line in out.output.splitlines():
            assert cell_len(line) <= 80, line
    assert "ACSA" in outputs[0].output
    assert any("日菲签署" in o.output for o in outputs[1:])


def test_list_shows_ids_dates_and_both_headlines_at_real_widths(tmp_path: Path) -> None:
    """A long Chinese headline (two cells a character) never squeezes the id away, and a
    story reported in both languages shows a headline in each, from its own articles."""
    from rich.cells import cell_len

    from aggregator.app import App
    from aggregator.linker import link_pending
    from aggregator.models import Config
    from storage import Storage

    long_zh = "ACSA " + "日本与菲律宾在马尼拉签署物资劳务相互提供协定，两国外长出席签字仪式" * 3
    rows = [dict(ROWS[0]), dict(ROWS[1], title=long_zh)]
    path = str(tmp_path / "wide.db")
    with Storage(path) as st:
        ids = ingest(st, rows)
        link_pending(App(storage=st, config=Config(feeds=()), embedder=_Fixed()))
        sid = st.story_of(ids["e1"])
    assert sid is not None and sid == st_story(path, ids["z1"])
    out = _run(path, "stories")
    assert out.exit_code == 0, out.output
    lines = out.output.splitlines()
    assert lines[0].split()[:2] == ["id", "dates"]
    first = lines[1]
    assert first.split()[0] == str(sid) and "2026-01-15" in first and "en,zh" in first
    assert all(cell_len(line) <= 80 for line in lines), lines
    assert any("ACSA signed by Japan" in line for line in lines)
    assert any("日本与菲律宾" in line for line in lines)  # the other language's headline
    data = json.loads(_run(path, "story", str(sid), "--format", "json").output)
    assert data["headlines"]["en"] == "ACSA signed by Japan and Philippines"
    assert data["headlines"]["zh"].startswith("ACSA 日本与菲律宾")


def st_story(path: str, article_id: int) -> int | None:
    from storage import Storage

    with Storage(path) as st:
        return st.story_of(article_id)


def test_story_lists_every_article_with_its_urls_and_related(db: str) -> None:
    listing = json.loads(_run(db, "stories", "--format", "json").output)["stories"]
    story = next(s for s in listing if len(s["articles"]) == 2)
    out = _run(db, "story", str(story["id"]))
    assert out.exit_code == 0, out.output
    for art in story["articles"]:
        assert str(art["id"]) in out.output
        for url in art["urls"]:
            assert url in out.output
