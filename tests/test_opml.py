"""OPML in and out: safe parsing of untrusted files, escaping on the way out, and `feeds import`
editing feeds.yaml in place (comments kept, names unique, nothing half-written)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aggregator.config import load_config, parse_config
from aggregator.errors import ConfigError
from aggregator.feeds_yaml import merge_feeds, write_config
from aggregator.models import FeedConfig
from aggregator.opml import (
    MAX_BYTES,
    OpmlError,
    OpmlFeed,
    clean_text,
    parse_opml,
    render_opml,
)

ROOT = Path(__file__).resolve().parents[1]

# A person's feeds.yaml: comments above, beside and after the list, flow-style tags, a digest.
COMMENTED = """\
# my feeds: keep this comment
feeds:
  - name: BBC World   # the main one
    url: https://feeds.bbci.co.uk/news/world/rss.xml
    language: en
    tags: [world]
  # Chinese-language feeds below
  - name: BBC 中文
    url: https://feeds.bbci.co.uk/zhongwen/simp/rss.xml
    language: zh

digest:
  to: [desk@example.org]
  timezone: Asia/Shanghai   # the desk's day
# trailing note: the SMTP password comes from the environment
"""

READER_EXPORT = """\
<?xml version="1.0" encoding="UTF-8"?>
<opml version="1.0">
  <head><title>Subscriptions</title></head>
  <body>
    <outline text="News" title="News">
      <outline text="Asia">
        <outline type="rss" text="BBC World again" xmlUrl="HTTPS://FEEDS.BBCI.CO.UK/news/world/rss.xml"/>
        <outline type="rss" title="BBC 中文" xmlUrl="https://example.org/zh/rss" language="zh-CN"/>
        <outline type="rss" text="RTHK" xmlUrl="https://rthk.example/rss" language="zh-HK"
                 category="/HK/Local,radio"/>
      </outline>
      <outline type="rss" text="Le Monde" xmlUrl="https://lemonde.example/rss" language="fr"/>
    </outline>
    <outline type="rss" text="Ars &amp; &lt;Technica&gt;" xmlUrl="https://ars.example/feed"/>
    <outline type="rss" text="a mailto" xmlUrl="mailto:x@example.org"/>
    <outline type="rss" text="no url"/>
    <outline type="link" text="a page" url="https://page.example/"/>
  </body>
</opml>
"""

LAUGHS = (
    '<?xml version="1.0"?>\n<!DOCTYPE opml [\n<!ENTITY a "lollollollollollollollollollol">\n'
    + "".join(f'<!ENTITY {chr(98 + i)} "' + f"&{chr(97 + i)};" * 10 + '">\n' for i in range(9))
    + ']>\n<opml version="2.0"><head/><body>'
    + '<outline text="&j;" xmlUrl="https://x.example/rss"/>&j;</body></opml>\n'
)


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "aggregator", *args],
        capture_output=True,
        text=True,
        cwd=cwd or ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=120,
    )


def by_name(
    feeds: Iterable[OpmlFeed | FeedConfig],
) -> dict[str, tuple[str, tuple[str, ...], str | None]]:
    return {f.name: (f.url, tuple(f.tags), f.language) for f in feeds}


# --- parsing -----------------------------------------------------------------------------


def test_parse_reader_export() -> None:
    doc = parse_opml(READER_EXPORT.encode())
    got = by_name(doc.feeds)
    assert got == {
        "BBC World again": ("HTTPS://FEEDS.BBCI.CO.UK/news/world/rss.xml", ("News", "Asia"), None),
        "BBC 中文": ("https://example.org/zh/rss", ("News", "Asia"), "zh"),
        "RTHK": ("https://rthk.example/rss", ("News", "Asia", "HK", "Local", "radio"), "zh-Hant"),
        "Le Monde": ("https://lemonde.example/rss", ("News",), None),  # fr is not a hint we take
        "Ars & <Technica>": ("https://ars.example/feed", (), None),
    }
    assert len(doc.notes) == 3
    for skipped in ("a mailto", "no url", "a page"):
        assert any(skipped in note for note in doc.notes)


def test_same_url_twice_is_one_feed_with_both_folders() -> None:
    opml = (
        '<opml version="2.0"><body>'
        '<outline text="a"><outline text="First" xmlUrl="https://x.example/rss"/></outline>'
        '<outline text="b"><outline text="Second" xmlUrl="https://x.example/rss"/></outline>'
        "</body></opml>"
    )
    (feed,) = parse_opml(opml.encode()).feeds
    assert (feed.name, feed.tags) == ("First", ("a", "b"))


@pytest.mark.parametrize(
    "data, words",
    [
        (b"this is not xml", "not XML"),
        (b"<rss version='2.0'><channel/></rss>", "not OPML"),
        (b"<opml version='2.0'><head/></opml>", "no <body>"),
        (b"<opml><body><outline text='x'></body></opml>", "not XML"),
        (LAUGHS.encode(), ""),
        (
            b'<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
            b'<opml><body><outline text="&x;" xmlUrl="https://x.example/"/></body></opml>',
            "",
        ),
        (
            b'<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY n "new">]>'
            b'<opml><body><outline text="x" xmlUrl="https://x.example/"/></body></opml>',
            "entity declarations",
        ),
    ],
)
def test_bad_opml_is_refused(data: bytes, words: str) -> None:
    with pytest.raises(OpmlError) as info:
        parse_opml(data)
    assert words in str(info.value)
    assert info.value.exit_code == 2


def test_billion_laughs_fails_fast() -> None:
    start = time.perf_counter()
    with pytest.raises(OpmlError):
        parse_opml(LAUGHS.encode())
    assert time.perf_counter() - start < 1.0


def test_size_cap() -> None:
    outline = b'<outline text="x" xmlUrl="https://x.example/rss"/>'
    data = b"<opml><body>" + outline * (MAX_BYTES // len(outline) + 1) + b"</body></opml>"
    with pytest.raises(OpmlError, match="larger than"):
        parse_opml(data)


# --- rendering ---------------------------------------------------------------------------

HOSTILE = [
    OpmlFeed("<script>alert(1)</script>", "https://a.example/rss?x=1&y=2", ("a&b", "<i>")),
    OpmlFeed("\"quoted\" & 'single'", "https://b.example/rss", (), "en"),
    OpmlFeed("人民日报 · 国际 &amp;", "https://c.example/rss", ("中国", "world"), "zh"),
    OpmlFeed("明報 新聞", "https://d.example/rss", ("香港",), "zh-Hant"),
]


def test_render_escapes_untrusted_names_and_round_trips() -> None:
    text = render_opml(HOSTILE)
    assert "<script>" not in text and "&lt;script&gt;" in text
    assert "&amp;amp;" in text  # a literal "&amp;" in a name stays text
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<opml version="2.0">')
    assert by_name(parse_opml(text.encode("utf-8")).feeds) == by_name(HOSTILE)


names = st.text(min_size=1, max_size=40).filter(lambda s: clean_text(s) != "")
tag_lists = st.lists(
    st.text(min_size=1, max_size=12).map(clean_text).filter(lambda t: t and "/" not in t),
    max_size=3,
    unique=True,
).filter(lambda tags: all("," not in t for t in tags[1:]))


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(names, tag_lists), min_size=1, max_size=5))
def test_render_parse_round_trip_any_unicode(items: list[tuple[str, list[str]]]) -> None:
    feeds = [
        OpmlFeed(name, f"https://f{i}.example/rss", tuple(tags))
        for i, (name, tags) in enumerate(items)
    ]
    back = {(f.name, f.url, f.tags) for f in parse_opml(render_opml(feeds).encode()).feeds}
    # Names come back as one clean line (controls dropped, whitespace runs folded).
    assert back == {(clean_text(f.name), f.url, f.tags) for f in feeds}


# --- merging into feeds.yaml -------------------------------------------------------------


def test_merge_keeps_comments_skips_known_urls_and_suffixes_names() -> None:
    incoming = [
        OpmlFeed("BBC World", "HTTPS://Feeds.BBCI.co.uk/news/world/rss.xml"),  # known URL
        OpmlFeed("BBC 中文", "https://other.example/zh", ("china",), "zh"),  # name taken
        OpmlFeed("BBC 中文", "https://third.example/zh"),
        OpmlFeed("yes", "https://yes.example/rss", ("on", "1.5")),  # YAML 1.1 booleans/floats
    ]
    text, report = merge_feeds(COMMENTED, incoming)
    assert text is not None
    for line in COMMENTED.splitlines():
        if "#" in line:
            assert line in text.splitlines()
    assert text.startswith(COMMENTED.split("digest:")[0].rstrip("\n"))
    config = parse_config(text)
    assert [f.name for f in config.feeds] == [
        "BBC World",
        "BBC 中文",
        "BBC 中文 (2)",
        "BBC 中文 (3)",
        "yes",
    ]
    assert config.feeds[2].tags == ("china",) and config.feeds[2].language == "zh"
    assert config.feeds[4].tags == ("on", "1.5")
    assert config.digest is not None and config.digest.timezone == "Asia/Shanghai"
    assert report.added == ["BBC 中文 (2)", "BBC 中文 (3)", "yes"]
    assert len(report.skipped) == 1 and len(report.renamed) == 2


def test_merge_nothing_new_writes_nothing() -> None:
    text, report = merge_feeds(
        COMMENTED, [OpmlFeed("x", "https://feeds.bbci.co.uk/zhongwen/simp/rss.xml")]
    )
    assert text is None and report.added == [] and len(report.skipped) == 1


@pytest.mark.parametrize("source", [None, "", "# only a comment\n"])
def test_merge_into_no_feeds(source: str | None) -> None:
    text, _ = merge_feeds(source, [OpmlFeed("A", "https://a.example/rss", ("t",), "en")])
    assert text is not None
    assert by_name(parse_config(text).feeds) == {"A": ("https://a.example/rss", ("t",), "en")}
    if source:
        assert text.startswith(source)


@settings(max_examples=100, deadline=None)
@given(st.lists(names.map(clean_text), min_size=1, max_size=6))
def test_merge_any_unicode_names_load_back(raw: list[str]) -> None:
    feeds = [OpmlFeed(name, f"https://n{i}.example/rss") for i, name in enumerate(raw)]
    text, report = merge_feeds(COMMENTED, feeds)
    assert text is not None
    loaded = [f.name for f in parse_config(text).feeds][2:]
    assert loaded == report.added and len(loaded) == len(raw)
    for name, got in zip(raw, loaded, strict=True):
        assert got == name or got.startswith(name + " (")


def test_write_config_refuses_invalid_text_and_leaves_file(tmp_path: Path) -> None:
    path = tmp_path / "feeds.yaml"
    path.write_text(COMMENTED, encoding="utf-8")
    path.chmod(0o640)
    before = path.read_bytes()
    with pytest.raises(ConfigError, match="would not load"):
        write_config(path, "feeds:\n  - name: X\n    url: gopher://x\n")
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["feeds.yaml"]  # no temporary left behind
    write_config(path, COMMENTED + "limits: {timeout: 10}\n")
    assert load_config(path).limits.timeout == 10
    assert path.stat().st_mode & 0o777 == 0o640


# --- the command line --------------------------------------------------------------------


def test_cli_import_into_commented_config(tmp_path: Path) -> None:
    cfg = tmp_path / "feeds.yaml"
    cfg.write_text(COMMENTED, encoding="utf-8")
    opml = tmp_path / "subs.opml"
    opml.write_text(READER_EXPORT, encoding="utf-8")
    r = run("--config", str(cfg), "feeds", "import", str(opml))
    assert r.returncode == 0, r.stderr
    assert r.stdout == "" and r.stderr == ""  # silent on success
    text = cfg.read_text(encoding="utf-8")
    for comment in ("# my feeds: keep this comment", "# the main one", "# trailing note"):
        assert comment in text
    names = [f.name for f in load_config(cfg).feeds]
    assert names == [
        "BBC World",
        "BBC 中文",
        "BBC 中文 (2)",
        "RTHK",
        "Le Monde",
        "Ars & <Technica>",
    ]

    again = run("-v", "--config", str(cfg), "feeds", "import", str(opml))
    assert again.returncode == 0, again.stderr
    assert "0 added, 8 skipped" in again.stderr
    assert cfg.read_text(encoding="utf-8") == text


def test_cli_import_into_missing_file_creates_it(tmp_path: Path) -> None:
    opml = tmp_path / "subs.opml"
    opml.write_text(READER_EXPORT, encoding="utf-8")
    r = run("feeds", "import", str(opml), cwd=tmp_path)  # no --config: ./feeds.yaml
    assert r.returncode == 0, r.stderr
    config = load_config(tmp_path / "feeds.yaml")
    assert len(config.feeds) == 5


@pytest.mark.parametrize("content", ["<opml><body><outline", "not xml at all", LAUGHS])
def test_cli_bad_opml_exit_2_file_untouched(tmp_path: Path, content: str) -> None:
    cfg = tmp_path / "feeds.yaml"
    cfg.write_text(COMMENTED, encoding="utf-8")
    before = cfg.read_bytes()
    opml = tmp_path / "bad.opml"
    opml.write_text(content, encoding="utf-8")
    start = time.perf_counter()
    r = run("--config", str(cfg), "feeds", "import", str(opml))
    assert time.perf_counter() - start < 30
    assert r.returncode == 2
    assert len(r.stderr.strip().splitlines()) == 1 and "bad.opml" in r.stderr
    assert "Traceback" not in r.stderr
    assert cfg.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.opml", "feeds.yaml"]


def test_cli_export_then_import_gives_the_same_feeds(tmp_path: Path) -> None:
    source = tmp_path / "source.yaml"
    source.write_text(
        COMMENTED.replace("language: zh\n", 'language: zh-Hant\n    tags: [中国, "a&b"]\n') + "",
        encoding="utf-8",
    )
    r = run("--config", str(source), "feeds", "export")
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("<?xml")
    assert run("--config", str(source), "feeds", "export", "--format", "opml").stdout == r.stdout
    opml = tmp_path / "out.opml"
    opml.write_text(r.stdout, encoding="utf-8")
    target = tmp_path / "empty.yaml"
    target.write_text("", encoding="utf-8")
    r = run("--config", str(target), "feeds", "import", str(opml))
    assert r.returncode == 0, r.stderr
    assert by_name(load_config(target).feeds) == by_name(load_config(source).feeds)


def test_cli_export_without_config_is_exit_2(tmp_path: Path) -> None:
    r = run("feeds", "export", cwd=tmp_path)
    assert r.returncode == 2 and "feeds.yaml" in r.stderr


def test_cli_feeds_listing_still_works(tmp_path: Path) -> None:
    cfg = tmp_path / "feeds.yaml"
    cfg.write_text(COMMENTED, encoding="utf-8")
    db = str(tmp_path / "x.db")
    assert run("--db", db, "--config", str(cfg), "link").returncode == 0  # creates the database
    r = run("--db", db, "--config", str(cfg), "feeds", "--format", "json")
    assert r.returncode == 0, r.stderr
    assert [f["name"] for f in json.loads(r.stdout)["feeds"]] == ["BBC World", "BBC 中文"]
    r = run("--db", db, "--config", str(cfg), "feeds")
    assert r.returncode == 0, r.stderr
    assert "BBC World" in r.stdout and "status" in r.stdout.splitlines()[0]
    r = run("feeds", "--help")
    assert "import" in r.stdout and "export" in r.stdout
