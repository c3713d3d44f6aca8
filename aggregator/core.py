"""newsdesk's public surface: `make_newsdesk(...)` returns a `Newsdesk`, whose methods are
the use cases (lemon24/reader's `make_reader` -> `Reader`).

The CLI talks only to this class; a script can too. Long operations are iterators that
yield one result per unit of work (`poll_iter`: per feed, `translate_iter`: per chunk), so
a caller draws its own progress and nothing here touches a terminal. Not-found is an
exception (`StoryNotFoundError`), never a `None` to re-wrap.

Every method may raise `StorageError` (locked, corrupt, unreachable database).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from .app import App, make_app
from .errors import StoryNotFoundError, UsageError
from .models import Config, FeedState, PollLimits, SearchFilters, SearchHit, Stats, Story

if TYPE_CHECKING:
    from translators import Translator
    from translators.packages import InstalledPackage

    from .digest import Digest
    from .embed import Embedder
    from .linker import LinkReport
    from .lock import LockKind
    from .pipeline import AfterIngestReport
    from .poller import FeedReport, PollReport
    from .protocols import FetcherType, StorageType
    from .translate_step import TranslateReport

MAX_STORY_ID = 2**63 - 1  # larger ids cannot exist (SQLite/PostgreSQL bigint)


@dataclass(frozen=True)
class PollPlan:
    """The feeds a poll fetches, and notes on those asked for but held back (dead, or
    waiting out a Retry-After)."""

    feeds: tuple[FeedState, ...]
    notes: tuple[str, ...] = ()


class Newsdesk:
    """The use cases over one database and one feeds config."""

    def __init__(self, app: App) -> None:
        self._app = app

    @property
    def config(self) -> Config:
        return self._app.config

    @property
    def storage(self) -> StorageType:
        return self._app.storage

    def now(self) -> datetime:
        return self._app.clock()

    def close(self) -> None:
        self._app.close()

    def __enter__(self) -> Newsdesk:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- polling ------------------------------------------------------------------------

    def poll_lock(
        self, wait: float, kind: LockKind = "poll"
    ) -> AbstractContextManager[Path | None]:
        """The lock that keeps two polls (`poll`) or two linking runs (`link`) of one
        SQLite database apart; the two kinds run side by side. Raises LockedError.

        A server database (PostgreSQL) takes none: pollers on any number of hosts claim
        due feeds (`Storage.claim_feeds`), and linking and translation take turns through
        the database itself (`after_ingest`)."""
        from contextlib import nullcontext

        from .lock import poll_lock

        url = self._app.db_url
        if url.split("://", 1)[0].startswith("postgresql"):
            return nullcontext(None)
        return poll_lock(url, wait=wait, kind=kind)

    def plan_poll(self, *, force: bool = False, name: str | None = None) -> PollPlan:
        """Which feeds are due (all with `force`, one by `name`). Syncs the stored feeds
        with the config. Raises ConfigError for an unknown `name`."""
        from .poller import select_feeds

        feeds, notes = select_feeds(self._app, force=force, name=name)
        return PollPlan(tuple(feeds), tuple(notes))

    def poll_iter(self, plan: PollPlan) -> Iterator[FeedReport]:
        """Fetch, parse and store the planned feeds, one report per feed as it finishes."""
        from .poller import poll_iter

        return poll_iter(self._app, list(plan.feeds))

    def poll(
        self,
        *,
        force: bool = False,
        name: str | None = None,
        link: bool = True,
        translate: bool = True,
    ) -> PollReport:
        """A whole poll: plan, fetch and store every feed, then link and translate."""
        import time

        from .poller import PollReport

        started = time.perf_counter()
        plan = self.plan_poll(force=force, name=name)
        report = PollReport(feeds=list(self.poll_iter(plan)), skipped=list(plan.notes))
        report.after = self.after_ingest(link=link, translate=translate)
        report.elapsed = time.perf_counter() - started
        return report

    def after_ingest(self, *, link: bool = True, translate: bool = True) -> AfterIngestReport:
        """What a poll runs after storing: linking, then translation, each within the
        config's budget. A missing model is a note, other failures are errors (exit 1)."""
        from .pipeline import AfterIngestReport, after_ingest

        with self._app.storage.exclusive("after_ingest") as mine:
            if not mine:  # another host is linking: its run, or the next one, does ours
                return AfterIngestReport(notes=["another poller is linking and translating"])
            return after_ingest(self._app, link=link, translate=translate)

    # --- linking and translation --------------------------------------------------------

    def link(self, *, limit: int | None = None) -> LinkReport:
        """Embed and group what is not in a story yet (at most `limit` articles embedded
        this run; resumable). The embedder's own errors propagate."""
        from .errors import LockedError
        from .linker import link_pending

        with self._app.storage.exclusive("after_ingest") as mine:
            if not mine:
                raise LockedError("another newsdesk is linking this database; skipping this run")
            return link_pending(self._app, limit=limit)

    def translate_iter(
        self, *, limit: int | None = None, device: str = "auto"
    ) -> Iterator[TranslateReport]:
        """Translate pending fields chunk by chunk, yielding the running totals after each.
        Raises ModelMissingError (after translating what the installed models can),
        TranslationError."""
        from .translate_step import translate_iter

        return translate_iter(self._app, limit=limit, device=device)

    def pending_translations(self) -> int:
        return self._app.storage.count_pending_translations()

    # --- reading ------------------------------------------------------------------------

    def feeds(self) -> list[FeedState]:
        """Every configured feed's state (a feed not polled yet reads as `new`); feeds
        removed from the config are left out. Reads only."""
        from .poller import configured_states

        return configured_states(self._app.config.feeds, self._app.storage.list_feeds())

    def feed_names(self) -> set[str]:
        return {f.name for f in self._app.storage.list_feeds(include_inactive=True)}

    def search(
        self,
        query: str,
        filters: SearchFilters | None = None,
        *,
        limit: int = 20,
        semantic: bool = True,
        group: str | None = None,
    ) -> list[SearchHit]:
        """Bilingual search. Raises UsageError for an empty query or an unknown feed."""
        from .search import search

        if not query.strip():
            raise UsageError("empty query: give words to search for")
        filters = filters or SearchFilters()
        if filters.feeds:
            missing = [f for f in filters.feeds if f not in self.feed_names()]
            if missing:
                raise UsageError(f"--feed: no feed named {missing[0]!r}")
        return search(self._app, query, filters, limit=limit, semantic=semantic, group=group)

    def stories(self, since: datetime | None = None, until: datetime | None = None) -> list[Story]:
        """Stories active in [since, until), most recently active first, each with its
        headline in every language it was reported in."""
        from .headlines import with_headlines

        return [with_headlines(s) for s in self._app.storage.list_stories(since, until)]

    def story(self, story_id: int) -> Story:
        """One story with its articles and related stories. Raises StoryNotFoundError."""
        found = None
        if 0 < story_id <= MAX_STORY_ID:
            found = self._app.storage.get_story(story_id)
        if found is None:
            raise StoryNotFoundError(f"no story with id {story_id}", str(story_id))
        from .headlines import with_headlines

        return with_headlines(found)

    def digest(self, day: date | None = None) -> Digest:
        """The digest of `day` (default yesterday) in the digest's time zone."""
        from .digest import collect_digest, default_day
        from .models import DigestConfig

        tz = (self._app.config.digest or DigestConfig()).timezone
        when = day or default_day(self.now(), tz)
        return collect_digest(self._app.storage, when, tz)

    def stats(self) -> Stats:
        return self._app.storage.stats()


def make_newsdesk(
    db: str | None = None,
    config: str | Path | None = None,
    *,
    storage: StorageType | None = None,
    fetcher: Callable[[PollLimits], FetcherType] | None = None,
    translator: Translator | None = None,
    embedder: Embedder | None = None,
    clock: Callable[[], datetime] | None = None,
    need_config: bool = False,
    create: bool = True,
    light: bool = False,
) -> Newsdesk:
    """Open (and migrate) the database, read the feeds config, assemble the collaborators.

    `db`: an SQLite path or SQLAlchemy URL (default: the XDG data dir); `config`: the feeds
    file (default ./feeds.yaml, then the XDG config dir). `create=False` refuses to create a
    missing SQLite file (read-only commands). `light=True` (the `poll` command) opens
    only the feed bookkeeping where the database allows it, and the full storage when
    something needs it (see `app.make_app`). Raises ConfigError (bad or, with
    `need_config`, missing config; missing database with `create=False`), StorageError.
    """
    app = make_app(
        db,
        config,
        clock=clock,
        storage=storage,
        fetcher=fetcher,
        translator=translator,
        embedder=embedder,
        need_config=need_config,
        create=create,
        light=light,
    )
    return Newsdesk(app)


def list_models() -> list[InstalledPackage]:
    """The installed Argos packages (no database needed)."""
    from translators.packages import installed_packages

    return installed_packages()


def install_model(args: Sequence[str]) -> InstalledPackage:
    """Install `FILE.argosmodel`, or `FROM TO` from the Argos package index (the one path
    that downloads, and only when asked). Raises UsageError, ModelInstallError."""
    from translators.packages import install_file, install_from_index

    if len(args) == 1:
        return install_file(Path(args[0]))
    if len(args) == 2:
        return install_from_index(args[0], args[1])
    raise UsageError("models install takes FILE.argosmodel or FROM TO")
