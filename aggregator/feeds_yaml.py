"""Add feeds to feeds.yaml without losing what a person wrote there (`feeds import`).

PyYAML drops comments and reflows a file, so the edit goes through ruamel.yaml's round-trip
mode: comments, key order, flow lists and quoting stay as they were, and the new entries
follow the indentation the file already uses. The new text is checked with `load_config`
(from a temporary file beside the target) before it replaces the old one with `os.replace`,
so a reader sees the old file or the new one, never half of one.
"""

from __future__ import annotations

import io
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .config import load_config, parse_config
from .errors import ConfigError
from .opml import OpmlFeed

HEADER = "# newsdesk feeds: name and url required; language, tags, full_text, encoding.\n"


@dataclass
class MergeReport:
    """What an import did: names added, and one line per feed left out (or renamed)."""

    added: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    renamed: list[str] = field(default_factory=list)


def _url_key(url: str) -> str:
    """Scheme and host are case-insensitive; the rest of a URL is not."""
    from urllib.parse import urlsplit

    parts = urlsplit(url.strip())
    return parts._replace(scheme=parts.scheme.lower(), netloc=parts.netloc.lower()).geturl()


def _unique_name(name: str, taken: set[str]) -> str:
    if name not in taken:
        return name
    n = 2
    while f"{name} ({n})" in taken:
        n += 1
    return f"{name} ({n})"


def _mapping_indent(text: str) -> int:
    """The indent of the first nested mapping key outside a list (ruamel guesses lists only)."""
    lines = text.splitlines()
    for i, line in enumerate(lines[:-1]):
        if re.match(r"^[^\s#-][^#]*:\s*(#.*)?$", line):
            nxt = lines[i + 1]
            m = re.match(r"^( +)[^\s#-]", nxt)
            if m:
                return len(m.group(1))
    return 2


def _yaml(text: str) -> Any:
    from ruamel.yaml import YAML
    from ruamel.yaml.util import load_yaml_guess_indent

    _, seq_indent, offset = load_yaml_guess_indent(text) if text.strip() else (None, 4, 2)
    yaml = YAML()  # round-trip
    yaml.indent(mapping=_mapping_indent(text), sequence=seq_indent or 4, offset=offset or 0)
    yaml.width = 4096  # never fold a long URL or name
    yaml.preserve_quotes = True
    return yaml


def _scalar(value: str) -> Any:
    """Quote a string that YAML 1.1 (PyYAML, which load_config uses) would read as non-text.

    ruamel writes YAML 1.2, where `yes`, `on` or `0o7` are plain strings; PyYAML would turn
    them into a bool or a number and the feed would lose its name.
    """
    from collections.abc import Callable
    from typing import cast

    import yaml as pyyaml
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString

    # types-PyYAML leaves Resolver.resolve untyped.
    resolve = cast(Callable[..., str], pyyaml.resolver.Resolver().resolve)
    tag = resolve(pyyaml.ScalarNode, value, (True, False))
    if tag != "tag:yaml.org,2002:str":
        return DoubleQuotedScalarString(value)
    return value


def _entry(feed: OpmlFeed, name: str) -> Any:
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    entry = CommentedMap()
    entry["name"] = _scalar(name)
    entry["url"] = _scalar(feed.url)
    if feed.language:
        entry["language"] = feed.language
    if feed.tags:
        tags = CommentedSeq([_scalar(t) for t in feed.tags])
        tags.fa.set_flow_style()  # `tags: [world]`, as the sample feeds.yaml writes them
        entry["tags"] = tags
    return entry


def merge_feeds(text: str | None, feeds: list[OpmlFeed]) -> tuple[str | None, MergeReport]:
    """Return feeds.yaml `text` with `feeds` appended, and what was added or skipped.

    A feed whose URL is already configured (or came earlier in `feeds`) is skipped; a name
    already taken gets " (2)", " (3)", .... `text` None means no file yet. The new text is
    None when nothing was added (nothing to write). Raises ConfigError when the existing
    text is not a valid config (it is left for the user to fix, not rewritten).
    """
    from ruamel.yaml.comments import CommentedMap, CommentedSeq
    from ruamel.yaml.error import YAMLError

    source = text or ""
    existing = parse_config(source) if source.strip() else None
    names = {f.name for f in existing.feeds} if existing else set()
    urls = {_url_key(f.url) for f in existing.feeds} if existing else set()
    report = MergeReport()
    new: list[Any] = []
    for feed in feeds:
        if _url_key(feed.url) in urls:
            report.skipped.append(f"{feed.name!r}: {feed.url} is already configured")
            continue
        name = _unique_name(feed.name, names)
        if name != feed.name:
            report.renamed.append(f"{feed.name!r} is taken: added as {name!r}")
        names.add(name)
        urls.add(_url_key(feed.url))
        new.append(_entry(feed, name))
        report.added.append(name)
    if not new:
        return None, report
    yaml = _yaml(source)
    try:
        doc = yaml.load(source) if source.strip() else None
    except YAMLError as exc:  # PyYAML accepted it; ruamel is stricter in a few corners
        raise ConfigError(f"cannot edit the config: {exc}".splitlines()[0]) from None
    out = io.StringIO()
    if doc is None:
        # No file, an empty one, or comments only: keep what is there and add a feeds list.
        yaml.dump(CommentedMap(feeds=CommentedSeq(new)), out)
        lead = source if source.strip() else HEADER
        return lead + ("" if lead.endswith("\n") else "\n") + out.getvalue(), report
    if doc.get("feeds") is None:
        doc["feeds"] = CommentedSeq()
    doc["feeds"].extend(new)
    yaml.dump(doc, out)
    return out.getvalue(), report


def write_config(path: Path, text: str) -> None:
    """Replace `path` with `text` atomically, after `load_config` accepts the new file.

    The temporary file sits in the target's directory (same filesystem, so `os.replace` is
    atomic) and takes the old file's permissions. Raises ConfigError, leaving `path` as it
    was, when the new text does not validate or cannot be written.
    """
    import shutil
    import tempfile

    target = path.resolve()  # a symlinked feeds.yaml keeps its link; its target is replaced
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=".feeds-", suffix=".yaml.tmp", dir=target.parent)
    except OSError as exc:
        raise ConfigError(f"cannot write beside it: {exc.strerror or exc}", str(path)) from None
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        load_config(tmp)
        if target.exists():
            shutil.copymode(target, tmp)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, target)
    except OSError as exc:
        raise ConfigError(f"cannot write: {exc.strerror or exc}", str(path)) from None
    except ConfigError as exc:
        raise ConfigError(f"the imported config would not load: {exc.message}", str(path)) from None
    finally:
        tmp.unlink(missing_ok=True)
