"""feeds.yaml validation: the shipped example parses, every error names the entry and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from aggregator.config import load_config, parse_config
from aggregator.errors import ConfigError

ROOT = Path(__file__).resolve().parents[1]


def test_shipped_example_is_valid() -> None:
    config = load_config(ROOT / "feeds.yaml")
    names = [f.name for f in config.feeds]
    assert len(names) == len(set(names)) >= 6
    langs = {f.language for f in config.feeds}
    assert {"en", "zh", "zh-Hant"} <= langs
    assert all(f.url.startswith(("http://", "https://")) for f in config.feeds)


def test_full_document() -> None:
    text = """
feeds:
  - name: BBC 中文
    url: https://feeds.bbci.co.uk/zhongwen/simp/rss.xml
    language: zh
    tags: [china, world]
    full_text: true
    encoding: gbk
digest:
  to: [desk@example.org]
  from: newsdesk@example.org
  timezone: Asia/Shanghai
  smtp: {host: smtp.example.org, port: 587, security: starttls, username: desk}
limits:
  max_bytes: 1000
  timeout: 2.5
  translate_seconds: 60
"""
    c = parse_config(text)
    (feed,) = c.feeds
    assert feed.name == "BBC 中文" and feed.tags == ("china", "world")
    assert feed.full_text is True and feed.encoding == "gbk" and feed.language == "zh"
    assert c.digest is not None and c.digest.to == ("desk@example.org",)
    assert c.digest.sender == "newsdesk@example.org" and c.digest.timezone == "Asia/Shanghai"
    assert c.digest.smtp is not None and c.digest.smtp.username == "desk"
    assert c.limits.max_bytes == 1000 and c.limits.timeout == 2.5
    assert c.limits.translate_seconds == 60


@pytest.mark.parametrize(
    ("text", "needles"),
    [
        (
            "feeds:\n  - name: A\n    url: https://a.example/x\n    colour: red\n",
            ["'A'", "line 2", "colour"],
        ),
        ("feeds:\n  - url: https://a.example/x\n", ["feeds[0]", "missing name"]),
        ("feeds:\n  - name: A\n", ["'A'", "missing url"]),
        ("feeds:\n  - name: A\n    url: ftp://a.example/x\n", ["'A'", "bad URL"]),
        ("feeds:\n  - name: A\n    url: not a url\n", ["'A'", "bad URL"]),
        (
            "feeds:\n  - name: A\n    url: https://a.example/\n  - name: A\n    url: https://b.example/\n",
            ["'A'", "duplicate", "line 4"],
        ),
        ("feeds:\n  - name: A\n    url: https://a.example/\n    language: fr\n", ["language"]),
        ("feeds:\n  - name: A\n    url: https://a.example/\n    encoding: nope-1\n", ["encoding"]),
        ("feeds: [\n", ["not valid YAML"]),
        ("feedz: []\n", ["unknown key 'feedz'"]),
        ("digest:\n  smtp: {host: h, security: tls}\n", ["security"]),
        ("digest:\n  timezone: Mars/Olympus\n", ["timezone"]),
        ("limits:\n  timeout: -1\n", ["timeout"]),
    ],
)
def test_errors_name_the_entry(text: str, needles: list[str]) -> None:
    with pytest.raises(ConfigError) as info:
        parse_config(text)
    message = str(info.value)
    assert "\n" not in message
    for needle in needles:
        assert needle in message
    assert info.value.exit_code == 2


def test_missing_file_is_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="not found"):
        load_config(tmp_path / "nope.yaml")


def test_empty_file_means_no_feeds(tmp_path: Path) -> None:
    p = tmp_path / "feeds.yaml"
    p.write_text("", encoding="utf-8")
    assert load_config(p).feeds == ()


GOOD_SIX_LINES = """feeds:
  - name: A
    url: https://a.example/feed.xml
    language: en
  - name: B
    url: https://b.example/feed.xml
"""


@pytest.mark.parametrize(
    ("line7", "problem"),
    [
        ("    tags: [world, asia\n", "expected ',' or ']'"),  # an unclosed flow list
        ("   full_text: true\n", "expected <block end>"),  # indented one space short
        ("\tlanguage: zh\n", "'\\t'"),  # a tab where YAML wants spaces
        ("    language: zh: hans\n", "mapping values are not allowed here"),
        ('    tags: "world\n', "end of stream"),  # an unterminated quote
        ("    tags: 2026-99-99\n", "cannot read value '2026-99-99'"),  # not a date YAML can make
        ("    tags: !!python/object:os.system x\n", "cannot read value"),
        ("    url: https://c.example/\n", "duplicate key 'url'"),
    ],
)
def test_yaml_errors_name_the_file_and_line(tmp_path: Path, line7: str, problem: str) -> None:
    path = tmp_path / "feeds.yaml"
    path.write_text(GOOD_SIX_LINES + line7, encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_config(path)
    message = str(info.value)
    assert "\n" not in message and info.value.exit_code == 2
    assert message.startswith(f"{path} line ")
    line = int(message.removeprefix(f"{path} line ").split(":", 1)[0])
    # The mistake's line; where YAML notices only at the end of input (line 8), the line
    # the unclosed construct started on is named too.
    assert line == 7 or (line == 8 and "at line 7)" in message), message
    assert problem in message, message


def test_yaml_error_without_a_file_names_the_config() -> None:
    with pytest.raises(ConfigError, match=r"^config line 3: not valid YAML: "):
        parse_config("feeds:\n  - name: a\n  url: [\n")


def test_libyaml_and_pure_python_composers_read_the_same_config(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The fast path (libyaml) must not change what a config means, marks included."""
    import yaml

    text = (Path(__file__).parents[1] / "feeds.yaml").read_text(encoding="utf-8")
    text += "\n  - name: 'Quoted: name'\n    url: https://example.org/a.xml\n    language: zh\n"
    fast = parse_config(text, "feeds.yaml")
    monkeypatch.delattr(yaml, "CSafeLoader", raising=False)
    assert parse_config(text, "feeds.yaml") == fast
    assert len(fast.feeds) > 1
