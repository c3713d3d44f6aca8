"""Load and validate feeds.yaml (CLI.md): every error names the entry and its line."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from .errors import ConfigError
from .models import Config, DigestConfig, FeedConfig, PollLimits, SmtpConfig

FEED_KEYS = {"name", "url", "language", "tags", "full_text", "encoding"}
DIGEST_KEYS = {"to", "from", "timezone", "smtp"}
SMTP_KEYS = {"host", "port", "security", "username"}
LIMIT_KEYS = {
    "max_bytes",
    "timeout",
    "per_host",
    "max_redirects",
    "concurrency",
    "interval",
    "translate_seconds",
    "embed_seconds",
    "embed_articles",
}
TOP_KEYS = {"feeds", "digest", "limits"}
LANG_HINTS = {"en", "zh", "zh-Hans", "zh-Hant", "zh-CN", "zh-TW", "zh-HK"}
SECURITIES = {"starttls", "ssl", "none"}
_STR_TAG = "tag:yaml.org,2002:str"


class _Node:
    """A YAML value with the line it started on, for error messages."""

    def __init__(self, value: Any, line: int) -> None:
        self.value = value
        self.line = line


def _convert(node: yaml.Node, name: str) -> _Node:
    """The document as `_Node`s. Raises ConfigError naming `name` and the line for a
    duplicate key or a value YAML cannot construct (a date like 2026-99-99, a python tag)."""
    line = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        out: dict[str, _Node] = {}
        for key_node, value_node in node.value:
            key = str(_scalar(key_node, name))
            if key in out:
                raise ConfigError(
                    f"{name} line {key_node.start_mark.line + 1}: duplicate key {key!r}"
                )
            out[key] = _convert(value_node, name)
        return _Node(out, line)
    if isinstance(node, yaml.SequenceNode):
        return _Node([_convert(n, name) for n in node.value], line)
    return _Node(_scalar(node, name), line)


def _scalar(node: yaml.Node, name: str) -> Any:
    """One scalar as YAML's safe loader would construct it (the node's tag is resolved
    already). Constructed in place: serialising and re-loading each scalar cost 1.7 s of
    CPU for a 1,000-feed config, at every poll."""
    if node.tag == _STR_TAG:  # most scalars (names, URLs): the node's text is the value
        return node.value
    try:
        return yaml.constructor.SafeConstructor().construct_object(node, deep=True)
    except (yaml.YAMLError, ValueError, TypeError, OverflowError) as exc:
        why = _one_line(getattr(exc, "problem", None) or str(exc).splitlines()[0])
        raise ConfigError(
            f"{name} line {node.start_mark.line + 1}: cannot read value "
            f"{_one_line(str(node.value))[:60]!r} ({why})"
        ) from None


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _syntax_error(exc: yaml.YAMLError, text: str, name: str) -> ConfigError:
    """A YAML syntax error as one line naming the file and line, e.g.
    "feeds.yaml line 7: not valid YAML: mapping values are not allowed here"."""
    if isinstance(exc, yaml.MarkedYAMLError) and exc.problem_mark is not None:
        line = exc.problem_mark.line + 1
        message = exc.problem or exc.context or "syntax error"
        if exc.context and exc.problem:
            started = exc.context_mark.line + 1 if exc.context_mark is not None else line
            message += f" ({exc.context}" + (f" at line {started})" if started != line else ")")
    elif isinstance(exc, yaml.reader.ReaderError):  # a character YAML does not allow
        line = text.count("\n", 0, exc.position) + 1
        message = f"unacceptable character #x{exc.character:04x}"
    else:
        return ConfigError(f"{name}: not valid YAML: {_one_line(str(exc))}"[:300])
    return ConfigError(f"{name} line {line}: not valid YAML: {_one_line(message)}")


def check_url(url: Any, where: str) -> str:
    if not isinstance(url, str) or not url.strip():
        raise ConfigError(f"{where}: url must be a non-empty string")
    parts = urlsplit(url.strip())
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise ConfigError(f"{where}: bad URL {url!r} (need http:// or https:// with a host)")
    return url.strip()


def _unknown(mapping: dict[str, _Node], allowed: set[str], where: str) -> None:
    for key, node in mapping.items():
        if key not in allowed:
            raise ConfigError(
                f"{where} (line {node.line}): unknown key {key!r}; allowed: "
                + ", ".join(sorted(allowed))
            )


def _feed(node: _Node, index: int) -> FeedConfig:
    where = f"feeds[{index}] (line {node.line})"
    if not isinstance(node.value, dict):
        raise ConfigError(f"{where}: each feed must be a mapping with name and url")
    m: dict[str, _Node] = node.value
    name_node = m.get("name")
    if name_node is None or not isinstance(name_node.value, str) or not name_node.value.strip():
        raise ConfigError(f"{where}: missing name")
    name = name_node.value.strip()
    where = f"feed {name!r} (line {node.line})"
    _unknown(m, FEED_KEYS, where)
    if "url" not in m:
        raise ConfigError(f"{where}: missing url")
    url = check_url(m["url"].value, where)
    language = m["language"].value if "language" in m else None
    if language is not None and language not in LANG_HINTS:
        raise ConfigError(f"{where}: language must be one of en, zh, zh-Hant (got {language!r})")
    tags_value = m["tags"].value if "tags" in m else []
    if isinstance(tags_value, list):
        tags = tuple(str(t.value) for t in tags_value)
    elif isinstance(tags_value, str):
        tags = tuple(t.strip() for t in tags_value.split(",") if t.strip())
    else:
        raise ConfigError(f"{where}: tags must be a list of strings")
    full_text = m["full_text"].value if "full_text" in m else False
    if not isinstance(full_text, bool):
        raise ConfigError(f"{where}: full_text must be true or false")
    encoding = m["encoding"].value if "encoding" in m else None
    if encoding is not None:
        import codecs

        try:
            codecs.lookup(str(encoding))
        except LookupError:
            raise ConfigError(f"{where}: unknown encoding {encoding!r}") from None
        encoding = str(encoding)
    return FeedConfig(name, url, _norm_lang(language), tags, full_text, encoding)


def _norm_lang(hint: str | None) -> str | None:
    if hint in ("zh-Hans", "zh-CN"):
        return "zh"
    if hint in ("zh-TW", "zh-HK"):
        return "zh-Hant"
    return hint


def _digest(node: _Node) -> DigestConfig:
    where = f"digest (line {node.line})"
    if not isinstance(node.value, dict):
        raise ConfigError(f"{where}: must be a mapping")
    m: dict[str, _Node] = node.value
    _unknown(m, DIGEST_KEYS, where)
    to_value = m["to"].value if "to" in m else []
    to = (to_value,) if isinstance(to_value, str) else tuple(str(t.value) for t in to_value or [])
    tz = str(m["timezone"].value) if "timezone" in m else "UTC"
    try:
        from zoneinfo import ZoneInfo

        ZoneInfo(tz)
    except Exception:
        raise ConfigError(f"{where}: unknown timezone {tz!r}") from None
    smtp = None
    if "smtp" in m:
        s = m["smtp"]
        swhere = f"digest.smtp (line {s.line})"
        if not isinstance(s.value, dict) or "host" not in s.value:
            raise ConfigError(f"{swhere}: needs at least host")
        sm: dict[str, _Node] = s.value
        _unknown(sm, SMTP_KEYS, swhere)
        security = str(sm["security"].value) if "security" in sm else "starttls"
        if security not in SECURITIES:
            raise ConfigError(f"{swhere}: security must be starttls, ssl or none")
        default_port = {"starttls": 587, "ssl": 465, "none": 25}[security]
        port = sm["port"].value if "port" in sm else default_port
        if not isinstance(port, int) or not 0 < port < 65536:
            raise ConfigError(f"{swhere}: port must be a number 1-65535")
        user = sm["username"].value if "username" in sm else None
        username = None if user is None else str(user)
        smtp = SmtpConfig(str(sm["host"].value), port, security, username)
    sender = str(m["from"].value) if "from" in m else "newsdesk@localhost"
    return DigestConfig(to, sender, tz, smtp)


def _limits(node: _Node) -> PollLimits:
    where = f"limits (line {node.line})"
    if not isinstance(node.value, dict):
        raise ConfigError(f"{where}: must be a mapping")
    m: dict[str, _Node] = node.value
    _unknown(m, LIMIT_KEYS, where)
    values: dict[str, Any] = {}
    for key, n in m.items():
        if not isinstance(n.value, (int, float)) or isinstance(n.value, bool) or n.value <= 0:
            raise ConfigError(f"{where}: {key} must be a positive number")
        values["interval_seconds" if key == "interval" else key] = n.value
    for key in (
        "max_bytes",
        "per_host",
        "max_redirects",
        "concurrency",
        "interval_seconds",
        "translate_seconds",
        "embed_seconds",
        "embed_articles",
    ):
        if key in values:
            values[key] = int(values[key])
    return PollLimits(**values)


def parse_config(text: str, path: str | None = None) -> Config:
    """Validate a feeds.yaml document; raises ConfigError naming the entry and line."""
    name = path or "config"
    try:
        # libyaml's composer where PyYAML has it: the pure-Python one took a second of a
        # warm poll's five at 1,000 feeds. The same nodes and marks; a document libyaml
        # refuses is composed again by the pure-Python loader, whose messages say more
        # ("expected <block end>", "'\\t' that cannot start any token").
        root = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError:
        try:
            root = yaml.compose(text, Loader=yaml.SafeLoader)
        except yaml.YAMLError as exc:
            raise _syntax_error(exc, text, name) from None
    if root is None:
        return Config(feeds=(), path=path)
    top = _convert(root, name)
    if not isinstance(top.value, dict):
        raise ConfigError("config: the top level must be a mapping with a 'feeds' list")
    _unknown(top.value, TOP_KEYS, "config")
    feeds_node = top.value.get("feeds")
    feeds: list[FeedConfig] = []
    if feeds_node is not None and feeds_node.value is not None:
        if not isinstance(feeds_node.value, list):
            raise ConfigError(f"feeds (line {feeds_node.line}): must be a list")
        seen: set[str] = set()
        for i, item in enumerate(feeds_node.value):
            feed = _feed(item, i)
            if feed.name in seen:
                raise ConfigError(f"feed {feed.name!r} (line {item.line}): duplicate name")
            seen.add(feed.name)
            feeds.append(feed)
    digest = _digest(top.value["digest"]) if "digest" in top.value else None
    limits = _limits(top.value["limits"]) if "limits" in top.value else PollLimits()
    return Config(tuple(feeds), digest, limits, path)


def load_config(path: str | Path | None) -> Config:
    """Read feeds.yaml; a missing explicit file is a ConfigError, no file at all is no feeds."""
    if path is None:
        return Config(feeds=())
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(f"{p}: config file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{p}: cannot read config: {exc}") from None
    return parse_config(text, str(p))
