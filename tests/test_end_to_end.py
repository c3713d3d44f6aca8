"""The whole product through its command line, as a user's cron job and scripts drive it.

Real parts throughout: the labelled corpus and the seeds served as feeds by a real HTTP
server on 127.0.0.1, a real SQLite file, stand-in Argos packages (real tokenizer and
vocabulary, random weights: translations are meaningless, their presence is what is
checked), the real multilingual embedding model, and `newsdesk` run as a subprocess.
"""

from __future__ import annotations

import email
import email.policy
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from support_corpus import FEEDS, corpus_to_feeds, load_corpus
from support_http import FeedServer
from support_models import install_standins, standin_packages  # noqa: F401

ROOT = Path(__file__).resolve().parents[1]

STORY_KEYS = {"id", "title", "first_seen", "last_seen", "languages", "articles", "related"}
STORY_ARTICLE_KEYS = {"id", "url", "urls", "title", "title_translated", "lang", "feed", "published"}
SEARCH_KEYS = {
    "id",
    "url",
    "urls",
    "title",
    "title_translated",
    "lang",
    "feed",
    "published",
    "story_id",
    "score",
    "snippet",
    "matched",
}
FEED_KEYS = {
    "name",
    "url",
    "language",
    "status",
    "last_polled",
    "next_poll",
    "error_count",
    "last_error",
}
STATS_KEYS = {
    "feeds",
    "articles",
    "articles_by_lang",
    "translations",
    "pending_translations",
    "stories",
    "related_links",
    "db_bytes",
}


@dataclass
class Desk:
    db: Path
    config: Path
    env: dict[str, str]
    server: FeedServer

    def run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        r = subprocess.run(
            [
                sys.executable,
                "-m",
                "aggregator",
                "--db",
                str(self.db),
                "--config",
                str(self.config),
                *args,
            ],
            capture_output=True,
            text=True,
            env=self.env,
            cwd=self.db.parent,
            timeout=600,
        )
        if check:
            assert r.returncode == 0, f"{args}: exit {r.returncode}\n{r.stderr}"
        return r

    def json(self, *args: str) -> dict:  # type: ignore[type-arg]
        return json.loads(self.run(*args, "--format", "json").stdout)


@pytest.fixture(scope="module")
def desk(
    tmp_path_factory: pytest.TempPathFactory,
    standin_packages: dict[str, Path],  # noqa: F811
) -> Iterator[Desk]:
    tmp = tmp_path_factory.mktemp("e2e")
    articles = load_corpus()
    with FeedServer() as srv:
        for path, body in corpus_to_feeds(articles).items():
            srv.add(path, body, etag=f'"{abs(hash(body))}"')
        srv.add_file("/seeds.xml", "seeds.xml", etag='"seeds"')
        lines = ["feeds:"]
        for name, (path, _fmt) in FEEDS.items():
            lines += [
                f"  - name: {json.dumps(name, ensure_ascii=False)}",
                f"    url: {srv.url(path)}",
                "    tags: [corpus]",
            ]
        lines += ["  - name: Seeds", f"    url: {srv.url('/seeds.xml')}", "    tags: [seed]"]
        lines += ["digest:", "  to: [desk@example.org]", "  timezone: Asia/Shanghai"]
        config = tmp / "feeds.yaml"
        config.write_text("\n".join(lines) + "\n", encoding="utf-8")
        argos = install_standins(standin_packages, tmp / "argos")
        env = {
            **os.environ,
            "ARGOS_PACKAGES_DIR": str(argos),
            "HOME": str(tmp),
            "XDG_DATA_HOME": str(tmp / "data"),
            "XDG_CONFIG_HOME": str(tmp / "config"),
        }
        yield Desk(tmp / "newsdesk.db", config, env, srv)


@pytest.fixture(scope="module")
def polled(desk: Desk) -> dict:  # type: ignore[type-arg]
    r = desk.run("poll")
    assert r.stdout == "" and r.stderr == ""  # cron-quiet on success
    return desk.json("stats")


def test_poll_stores_links_and_translates_everything(desk: Desk, polled: dict) -> None:  # type: ignore[type-arg]
    corpus = load_corpus()
    exact_copies = sum(1 for a in corpus if a.dup_kind == "syndicated")
    assert STATS_KEYS <= set(polled)
    # one record per article: syndicated copies never become rows; the seeds add two
    assert polled["articles"] <= len(corpus) - exact_copies + 2
    assert polled["articles"] >= len({a.event for a in corpus})
    assert polled["articles_by_lang"]["en"] > 0 and polled["articles_by_lang"]["zh"] > 0
    assert polled["pending_translations"] == 0 and polled["translations"] > polled["articles"]
    assert 0 < polled["stories"] < polled["articles"]
    # search's vector copy is brought up to date by the poll, not by the first search
    vectors = Path(str(desk.db) + ".vectors")
    assert vectors.is_dir() and any(p.stat().st_size > 0 for p in vectors.iterdir())


def test_second_poll_stores_nothing_new(desk: Desk, polled: dict) -> None:  # type: ignore[type-arg]
    before = len(desk.server.requests)
    desk.run("poll", "--all")
    after = desk.json("stats")
    assert after["articles"] == polled["articles"]
    assert after["translations"] == polled["translations"]
    new_requests = desk.server.requests[before:]
    assert new_requests and all("If-None-Match" in r.headers for r in new_requests)


def test_feeds_state(desk: Desk, polled: dict) -> None:  # type: ignore[type-arg]
    feeds = desk.json("feeds")["feeds"]
    assert {f["name"] for f in feeds} == set(FEEDS) | {"Seeds"}
    for f in feeds:
        assert FEED_KEYS <= set(f)
        assert f["error_count"] == 0 and f["last_error"] is None
        assert f["last_polled"].endswith("Z")


def test_seeds_are_stored_with_their_language(desk: Desk, polled: dict) -> None:  # type: ignore[type-arg]
    hits = desk.json("search", "Motegi", "--feed", "Seeds", "--limit", "5")["results"]
    assert hits and all(h["feed"] == "Seeds" for h in hits)
    assert "en" in {h["lang"] for h in hits}


def test_search_both_ways(desk: Desk, polled: dict) -> None:  # type: ignore[type-arg]
    zh = desk.json("search", "菲律宾", "--limit", "20")
    assert zh["query"] == "菲律宾" and zh["results"]
    for hit in zh["results"]:
        assert SEARCH_KEYS <= set(hit)
    langs = {h["lang"] for h in zh["results"]}
    assert "zh" in langs and "en" in langs  # a Chinese query finds English articles too
    en = desk.json("search", "Philippines Japan defence pact", "--limit", "20")["results"]
    assert any(h["lang"].startswith("zh") for h in en)  # and the reverse
    assert {h["matched"] for h in en} <= {"original", "translation", "semantic"}
    only_zh = desk.json("search", "Japan", "--lang", "zh", "--limit", "10")["results"]
    # --lang zh is Chinese in either script (CLI.md); zh-Hant narrows it to Traditional
    assert only_zh and all(h["lang"] in ("zh", "zh-Hant") for h in only_zh)
    hant = desk.json("search", "Japan", "--lang", "zh-Hant", "--limit", "10")["results"]
    assert hant and all(h["lang"] == "zh-Hant" for h in hant)
    lines = desk.run("search", "马尼拉", "--format", "jsonl", "--limit", "3").stdout.splitlines()
    assert 1 <= len(lines) <= 3 and all(SEARCH_KEYS <= set(json.loads(x)) for x in lines)


def test_stories_shape_and_cross_language(desk: Desk, polled: dict) -> None:  # type: ignore[type-arg]
    stories = desk.json("stories")["stories"]
    assert stories
    for s in stories:
        assert set(s) >= STORY_KEYS
        for a in s["articles"]:
            assert STORY_ARTICLE_KEYS <= set(a)
        for rel in s["related"]:
            assert {"id", "title", "score"} <= set(rel) and rel["id"] != s["id"]
    assert any({"en", "zh"} <= set(s["languages"]) for s in stories)
    one = desk.json("story", str(stories[0]["id"]))
    assert one["id"] == stories[0]["id"] and STORY_KEYS <= set(one)
    r = desk.run("story", "999999", check=False)
    assert r.returncode != 0 and len(r.stderr.strip().splitlines()) == 1


def test_digest_for_a_corpus_day(desk: Desk, polled: dict, tmp_path: Path) -> None:  # type: ignore[type-arg]
    corpus = load_corpus()
    busiest = max(
        {a.published.date() for a in corpus},
        key=lambda d: sum(a.published.date() == d for a in corpus),
    )
    out = tmp_path / "d.eml"
    desk.run("digest", "--date", busiest.isoformat(), "--out", str(out))
    msg = email.message_from_bytes(out.read_bytes(), policy=email.policy.default)
    assert msg.get_content_type() == "multipart/alternative"
    parts = [p.get_content_type() for p in msg.iter_parts()]
    assert parts == ["text/plain", "text/html"]
    assert msg["Message-ID"] and msg["Date"]


def test_stats_table_and_search_table_fit_80_columns(desk: Desk, polled: dict) -> None:  # type: ignore[type-arg]
    from wcwidth import wcswidth

    env_cols = {**desk.env, "COLUMNS": "80"}
    r = subprocess.run(
        [
            sys.executable,
            "-m",
            "aggregator",
            "--db",
            str(desk.db),
            "--config",
            str(desk.config),
            "search",
            "日本",
        ],
        capture_output=True,
        text=True,
        env=env_cols,
        timeout=300,
    )
    assert r.returncode == 0 and r.stdout.strip()
    assert max(wcswidth(line) for line in r.stdout.splitlines()) <= 80
