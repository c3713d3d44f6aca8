"""A story's headlines: which of its own articles' titles name it, in each language. Pure.

A story with English and Chinese members reads in both languages without any translation
model: each language's headline is the title of that language's earliest article. The
story's main title is the headline of its dominant language family (most articles; a tie
goes to the language that reported first), so a story reported mostly in Chinese is named
in Chinese. Storage keeps the main title (related-story lists show it); the per-language
headlines are derived when a story is read.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime

from .langs import family
from .models import Story

Member = tuple[str, str, datetime]  # (lang, title, when), in time order


def main_headline(members: Sequence[Member]) -> tuple[str, str] | None:
    """(title, lang) naming a story: the earliest titled article of its dominant family."""
    if not members:
        return None
    ordered = sorted(members, key=lambda m: m[2])
    counts = Counter(family(lang) for lang, _, _ in ordered)
    top = max(counts.values())
    dominant = next(family(lang) for lang, _, _ in ordered if counts[family(lang)] == top)
    for lang, title, _ in ordered:
        if family(lang) == dominant and title.strip():
            return title, lang
    first = next(((lang, title) for lang, title, _ in ordered if title.strip()), None)
    if first is not None:
        return first[1], first[0]
    return ordered[0][1], ordered[0][0]


def family_headlines(members: Sequence[Member]) -> dict[str, str]:
    """The earliest title in each language family (English, Chinese in either script)."""
    out: dict[str, str] = {}
    for lang, title, _ in sorted(members, key=lambda m: m[2]):
        fam = family(lang)
        if fam != "other" and fam not in out and title.strip():
            out[fam] = " ".join(title.split())
    return out


def with_headlines(story: Story) -> Story:
    """The story with `headlines` filled from its own articles."""
    members = [(a.lang, a.title, a.published or story.first_seen) for a in story.articles]
    return replace(story, headlines=family_headlines(members))


def other_headline(story: Story, lang: str) -> str | None:
    """The story's headline in the other language family than `lang`, from its articles."""
    mine = family(lang)
    for fam, title in story.headlines.items():
        if fam != mine:
            return title
    return None
