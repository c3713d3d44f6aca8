"""The closed sets newsdesk speaks in, typed once: languages, statuses, fields, match kinds.

Language rules used to be retyped across modules (eight Han regexes with four ranges, the
`zh`-family fold, three source->target maps) and drifted apart; everything now asks here.
Import-light on purpose: no third-party module, so any stage may use it.
"""

from __future__ import annotations

import re
from typing import Final, Literal, TypeGuard, get_args

Lang = Literal["en", "zh", "zh-Hant", "other"]
"""An article's language (CLI.md): English, Simplified Chinese, Traditional Chinese, other."""

Family = Literal["en", "zh", "other"]
"""A language family: Simplified and Traditional are one family (one model, one mean)."""

FeedStatus = Literal["new", "ok", "not_modified", "error", "dead"]
PollStatus = Literal["ok", "not_modified", "error", "dead"]
Field = Literal["title", "summary", "body"]
MatchKind = Literal["original", "translation", "semantic"]

LANGS: Final[tuple[Lang, ...]] = get_args(Lang)
FIELDS: Final[tuple[Field, ...]] = get_args(Field)

# CJK Unified Ideographs, Extension A and the compatibility block: what "Han" means here.
HAN_CLASS: Final = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
HAN: Final = re.compile(f"[{HAN_CLASS}]")
HAN_RUN: Final = re.compile(f"[{HAN_CLASS}]+")

# What each language is translated into; `other` is not translated.
_TARGET: Final[dict[str, Lang]] = {"en": "zh", "zh": "en", "zh-Hant": "en"}
TRANSLATABLE: Final[tuple[Lang, ...]] = ("en", "zh", "zh-Hant")


def is_lang(value: object) -> TypeGuard[Lang]:
    return value in LANGS


def as_lang(value: str | None) -> Lang:
    """A stored or user-given code as a `Lang`; anything unknown is `other`."""
    return value if is_lang(value) else "other"


def as_feed_status(value: str) -> FeedStatus:
    """A stored feed status; an unknown one (a newer newsdesk wrote it) reads as `new`."""
    for status in get_args(FeedStatus):
        if value == status:
            return status  # type: ignore[no-any-return]
    return "new"


def family(lang: str) -> Family:
    """`zh-Hant` and `zh` are one family; unknown codes are `other`."""
    if lang.startswith("zh"):
        return "zh"
    return "en" if lang == "en" else "other"


def is_chinese(lang: str) -> bool:
    return lang.startswith("zh")


def target_of(lang: str) -> Lang | None:
    """The language an article in `lang` is translated into (None: not translated)."""
    return _TARGET.get(lang)


def expand_filter(langs: tuple[str, ...] | list[str]) -> tuple[Lang, ...]:
    """A `--lang` filter as stored codes: `zh` means Chinese in either script (CLI.md),
    `zh-Hant` narrows to Traditional."""
    out: list[Lang] = []
    for lang in langs:
        for code in ("zh", "zh-Hant") if lang == "zh" else (as_lang(lang),):
            if code not in out:
                out.append(code)
    return tuple(out)
