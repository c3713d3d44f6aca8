"""The daily digest as data: one day's articles grouped into ranked stories, with translations.

`build_digest` is pure (articles, stories and translations in, a `Digest` out) so the grouping,
ranking and "untranslated" decisions are testable without a database; `collect_digest` is the
thin edge that reads them from storage. Rendering lives in `digest_render`, sending in `mailer`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from .errors import ConfigError
from .headlines import other_headline, with_headlines
from .langs import family, target_of
from .models import Article, Story

if TYPE_CHECKING:
    from .protocols import StorageType

TITLE_CHARS = 200
LEAD_CHARS = 320  # a lead paragraph, not the article: about three sentences either language
_SENTENCE_END = re.compile(r"(?<=[.!?。！？])[\"'”’」』)）]?\s*")


@dataclass(frozen=True)
class DigestArticle:
    """One article as the digest shows it; `*_translated` is None where no translation exists."""

    id: int
    feed: str
    url: str | None
    lang: str
    title: str
    title_translated: str | None
    lead: str
    lead_translated: str | None
    when: datetime  # in the digest's time zone

    @property
    def translatable(self) -> bool:
        """Whether a translation is expected at all (English and Chinese only)."""
        return target_of(self.lang) is not None


@dataclass(frozen=True)
class DigestRelated:
    """A related story (different event, same ongoing situation), with a link when known."""

    id: int
    title: str
    title_translated: str | None
    url: str | None
    score: float


@dataclass(frozen=True)
class DigestStory:
    id: int | None
    title: str
    title_lang: str
    title_translated: str | None
    articles: tuple[DigestArticle, ...]
    related: tuple[DigestRelated, ...] = ()
    since: datetime | None = None  # first seen, in the digest's zone, when before this day

    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(a.feed for a in self.articles))

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(sorted({a.lang for a in self.articles}))

    @property
    def bilingual(self) -> bool:
        langs = {family(a.lang) for a in self.articles}
        return {"en", "zh"} <= langs


@dataclass(frozen=True)
class Digest:
    day: date
    timezone: str
    start: datetime  # UTC, inclusive
    end: datetime  # UTC, exclusive
    stories: tuple[DigestStory, ...]
    singletons: tuple[DigestArticle, ...]
    untranslated: int = 0  # articles whose title has no translation (yet)

    @property
    def empty(self) -> bool:
        return not self.stories and not self.singletons

    @property
    def article_count(self) -> int:
        return sum(len(s.articles) for s in self.stories) + len(self.singletons)


def zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except Exception:
        raise ConfigError(f"digest: unknown timezone {name!r}") from None


def day_bounds(day: date, tz: str) -> tuple[datetime, datetime]:
    """[start, end) of a local calendar day in UTC; a DST day is 23 or 25 hours long."""
    from datetime import UTC

    z = zone(tz)
    start = datetime.combine(day, time(0), tzinfo=z)
    end = datetime.combine(day + timedelta(days=1), time(0), tzinfo=z)
    return start.astimezone(UTC), end.astimezone(UTC)


def default_day(now: datetime, tz: str) -> date:
    """Yesterday in the digest's time zone: the last complete day when cron runs at dawn."""
    return (now.astimezone(zone(tz)) - timedelta(days=1)).date()


def lead(text: str, limit: int = LEAD_CHARS) -> str:
    """The first paragraph, cut at a sentence end within `limit` characters where possible."""
    paras = [p.strip() for p in re.split(r"\n\s*\n|\n", text or "") if p.strip()]
    if not paras:
        return ""
    first = " ".join(paras[0].split())
    if len(first) <= limit:
        return first
    cut = 0
    for m in _SENTENCE_END.finditer(first):
        if m.end() > limit:
            break
        cut = m.end()
    if cut >= limit // 3:
        return first[:cut].rstrip()
    head = first[:limit]
    # A word boundary for spaced scripts; Chinese has none and is cut where it stands.
    space = head.rfind(" ")
    if space > limit // 2:
        head = head[:space]
    return head.rstrip(" ,;:，；：、") + "…"


def clip(text: str | None, limit: int = TITLE_CHARS) -> str:
    """A title on one line, at most `limit` characters: a feed can put a page in a title."""
    flat = " ".join((text or "").split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def _digest_article(a: Article, tr: Mapping[str, str], tz: ZoneInfo) -> DigestArticle:
    source = a.summary if a.summary.strip() else a.body
    source_field = "summary" if a.summary.strip() else "body"
    lead_tr = tr.get(source_field)
    title_tr = tr.get("title")
    return DigestArticle(
        id=a.id,
        feed=a.feed,
        url=a.url or (a.urls[0] if a.urls else None),
        lang=a.lang,
        title=clip(a.title) or lead(source, 80),
        title_translated=clip(title_tr) or None,
        lead=lead(source),
        lead_translated=lead(lead_tr) if lead_tr and lead_tr.strip() else None,
        when=a.when.astimezone(tz),
    )


def _rank_key(s: DigestStory) -> tuple[int, int, int, float]:
    # Coverage first: distinct sources, then both languages, then article count; the most
    # recent breaks ties so a fresh development is not buried under an equal old one.
    latest = max(a.when for a in s.articles).timestamp()
    return (-len(s.sources), -int(s.bilingual), -len(s.articles), -latest)


def build_digest(
    day: date,
    tz: str,
    articles: Sequence[Article],
    translations: Mapping[int, Mapping[str, str]],
    stories: Mapping[int, Story] | None = None,
    related_urls: Mapping[int, str] | None = None,
) -> Digest:
    """Group the day's articles by story, rank the stories by coverage, list the rest.

    A story is a group of two or more of the day's articles, or one article whose stored
    story already spans other days or has related coverage (a development worth a heading).
    `stories` maps story id to the stored `Story` (its title and related stories) where the
    stories stage has run; without it, the story's earliest article names it.
    `related_urls` maps a related story's id to a link for it (its first article's URL).
    """
    z = zone(tz)
    start, end = day_bounds(day, tz)
    stories = stories or {}
    related_urls = related_urls or {}
    groups: dict[int, list[DigestArticle]] = {}
    loose: list[DigestArticle] = []
    for a in sorted(articles, key=lambda x: (x.when, x.id)):
        if not start <= a.when < end:  # storage already filters; this keeps the function honest
            continue
        da = _digest_article(a, translations.get(a.id, {}), z)
        if a.story_id is None:
            loose.append(da)
        else:
            groups.setdefault(a.story_id, []).append(da)
    built: list[DigestStory] = []
    for sid, members in groups.items():
        stored = stories.get(sid)
        multi = len(members) > 1 or (
            stored is not None and (len(stored.articles) > 1 or bool(stored.related))
        )
        if not multi:
            loose.extend(members)
            continue
        built.append(_story(sid, members, stored, stories, related_urls, start))
    built.sort(key=_rank_key)
    loose.sort(key=lambda x: (x.when, x.id))
    shown = [a for s in built for a in s.articles] + loose
    untranslated = sum(1 for a in shown if a.translatable and not a.title_translated)
    return Digest(day, tz, start, end, tuple(built), tuple(loose), untranslated)


def _story(
    sid: int,
    members: list[DigestArticle],
    stored: Story | None,
    stories: Mapping[int, Story],
    related_urls: Mapping[int, str],
    day_start: datetime,
) -> DigestStory:
    first = members[0]
    since = None
    if stored is not None and stored.title.strip():
        title, title_lang = clip(stored.title), _title_lang(stored, members)
        translated = _other_title(stored, title_lang)
        if stored.first_seen < day_start:
            since = stored.first_seen.astimezone(first.when.tzinfo)
    else:
        title, translated, title_lang = first.title, first.title_translated, first.lang
    related: list[DigestRelated] = []
    for r in stored.related if stored is not None else ():
        other = stories.get(r.id)
        if not r.title.strip():
            continue
        related.append(
            DigestRelated(
                id=r.id,
                title=clip(r.title),
                title_translated=_other_title(other, _title_lang(other)) if other else None,
                url=related_urls.get(r.id),
                score=r.score,
            )
        )
    related.sort(key=lambda r: -r.score)
    return DigestStory(sid, title, title_lang, translated, tuple(members), tuple(related), since)


def _other_title(story: Story, lang: str) -> str | None:
    """A machine translation of the headline, else the story's own headline in the other
    language (a bilingual story reads in both without any model)."""
    return clip(story.title_translated or other_headline(story, lang)) or None


def _title_lang(stored: Story, members: Sequence[DigestArticle] = ()) -> str:
    """The language of a stored story's title: as storage recorded it, else that of the
    article it was taken from (a story read from an older database)."""
    if stored.title_lang:
        return stored.title_lang
    wanted = clip(stored.title)
    for lang, title in [(a.lang, a.title) for a in members] + [
        (a.lang, a.title) for a in stored.articles
    ]:
        if clip(title) == wanted:
            return lang
    langs = [a.lang for a in members] or ["en"]
    return max(set(langs), key=langs.count)


def collect_digest(storage: StorageType, day: date, tz: str) -> Digest:
    """Read the day's articles, their translations and stories from storage; then build.

    Raises StorageError, ConfigError (an unknown time zone).
    """
    start, end = day_bounds(day, tz)
    articles: list[Article] = storage.articles_between(start, end)
    ids = [a.id for a in articles]
    translations = storage.translations_for(ids) if ids else {}
    stories: dict[int, Story] = {}
    related_urls: dict[int, str] = {}
    get_story = storage.get_story
    wanted = {a.story_id for a in articles if a.story_id is not None}
    if wanted:
        # One read for the day's stories (those active in it), one per straggler.
        for story in storage.list_stories(since=start, until=end):
            stories[story.id] = with_headlines(story)
        for sid in sorted(wanted - stories.keys()):
            straggler = get_story(sid)
            if straggler is not None:
                stories[sid] = with_headlines(straggler)
        for rid in sorted({r.id for sid in wanted if sid in stories for r in stories[sid].related}):
            other = stories.get(rid) or get_story(rid)
            if other is None:
                continue
            stories[rid] = other = with_headlines(other)
            url = next((x.url for x in other.articles if x.url), None)
            if url:
                related_urls[rid] = url
    return build_digest(day, tz, articles, translations, stories, related_urls)


# --- what the message shows of a busy day ----------------------------------------------------


@dataclass(frozen=True)
class Limits:
    """How much of a day the message carries. Gmail clips a message past about 100 kB and
    nobody reads 400 leads over breakfast: the top stories in full, the rest one line each,
    and a count of what was left out (the archive has it: `newsdesk stories`, `search`)."""

    full_stories: int = 8
    lead_articles: int = 3  # per full story, with their lead paragraphs
    brief_articles: int = 4  # per full story, further articles one line each
    brief_stories: int = 20  # stories after the full ones, one line each
    singletons: int = 30


DEFAULT_LIMITS = Limits()


@dataclass(frozen=True)
class StoryView:
    number: int
    story: DigestStory
    full: bool
    lead: tuple[DigestArticle, ...]  # shown with their lead paragraphs
    brief: tuple[DigestArticle, ...]  # shown one line each
    hidden: int  # articles of the story left out


@dataclass(frozen=True)
class Plan:
    stories: tuple[StoryView, ...]
    hidden_stories: int
    singletons: tuple[DigestArticle, ...]
    hidden_singletons: int

    def number_of(self, story_id: int) -> int | None:
        """The number a shown story has in this message, for "see 2" cross-references."""
        return next((v.number for v in self.stories if v.story.id == story_id), None)


def display_order(articles: Sequence[DigestArticle]) -> list[DigestArticle]:
    """Both languages and many sources first: each pick prefers an article in a language,
    then from a source, not shown yet; ties keep time order."""
    left = list(articles)
    langs: set[str] = set()
    feeds: set[str] = set()
    out: list[DigestArticle] = []
    while left:
        best = min(
            range(len(left)),
            key=lambda i: (left[i].lang in langs, left[i].feed in feeds, i),
        )
        a = left.pop(best)
        langs.add(a.lang)
        feeds.add(a.feed)
        out.append(a)
    return out


def plan(d: Digest, limits: Limits = DEFAULT_LIMITS) -> Plan:
    views: list[StoryView] = []
    shown = d.stories[: limits.full_stories + limits.brief_stories]
    for n, s in enumerate(shown, 1):
        full = n <= limits.full_stories
        ordered = display_order(s.articles) if full else []
        lead_part = ordered[: limits.lead_articles]
        brief = ordered[limits.lead_articles : limits.lead_articles + limits.brief_articles]
        # Shown ones keep time order, so the story reads as it unfolded.
        views.append(
            StoryView(
                n,
                s,
                full,
                tuple(sorted(lead_part, key=lambda a: (a.when, a.id))),
                tuple(sorted(brief, key=lambda a: (a.when, a.id))),
                len(s.articles) - len(lead_part) - len(brief) if full else len(s.articles),
            )
        )
    singles = d.singletons[: limits.singletons]
    return Plan(
        tuple(views),
        len(d.stories) - len(shown),
        singles,
        len(d.singletons) - len(singles),
    )
