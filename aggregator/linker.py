"""Linking, incremental: embed what lacks a vector, then put each article without a story
into one, using only the stories active in its time window.

Works from what is pending in the database, in publication order and in chunks, each
chunk one transaction: an interrupted run is finished by the next, nothing is recomputed
over the archive. Decisions come from `aggregator.stories` (pure).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

import numpy as np

from . import entities
from .app import App
from .models import Article, LinkItem
from .stories import (
    RELATED_URL_SCORE,
    RELATED_WINDOW_DAYS,
    WINDOW_DAYS,
    Member,
    Pool,
    Vec,
    centre,
    decide,
    effective_means,
    family,
    profiles,
    related_edges,
)

log = logging.getLogger("newsdesk.linker")

EMBED_BATCH = 32
LINK_CHUNK = 500
LEAD_CHARS = 400  # title + ~100 tokens of lead


@dataclass
class LinkReport:
    merged: int = 0  # near duplicates stored in one batch, folded into one article
    embedded: int = 0
    linked: int = 0
    stories_created: int = 0
    translations: int = 0
    related: int = 0


def embed_text(title: str, lead: str) -> str:
    """What is embedded: the title and the start of the summary or body (~100 tokens)."""
    return f"{title.strip()}\n{lead.strip()[:LEAD_CHARS]}".strip()


def _lead(a: Article) -> str:
    return a.summary or a.body


def embed_pending(app: App, *, progress: bool = False) -> int:
    """Embed articles lacking a vector, in batches; returns how many were embedded."""
    from .embed import get_embedder, to_bytes

    storage = app.storage
    embedder = app.embedder
    done = 0
    while True:
        batch: list[Article] = storage.articles_missing_vectors(limit=EMBED_BATCH)
        if not batch:
            return done
        if embedder is None:
            embedder = app.embedder = get_embedder()
        vecs = embedder.passages([embed_text(a.title, _lead(a)) for a in batch])
        storage.put_vectors(
            embedder.model_name,
            [(a.id, family(a.lang), to_bytes(v)) for a, v in zip(batch, vecs, strict=True)],
        )
        done += len(batch)
        if progress:
            log.info("embedded %d articles", done)


def _means(storage: Any, model: str) -> dict[str, Vec]:
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


def _member(item: LinkItem, means: dict[str, Vec], story: int) -> Member:
    raw = np.frombuffer(item.vector, dtype=np.float32)
    return Member(
        article_id=item.article_id,
        lang=item.lang,
        when=item.when,
        vec=centre(raw, item.lang, means),
        keys=entities.extract(f"{item.title}\n{item.lead}"),
        story=story,
        translation_of=item.translation_of,
    )


def link_pending(app: App, *, progress: bool = False) -> LinkReport:
    """Embed, then assign every pending article to a story; add related-story edges.

    Raises StorageError; the embedder's own errors propagate (a bug or a broken install).
    """
    from .dedup import merge_pending_near_duplicates

    report = LinkReport()
    report.merged = merge_pending_near_duplicates(app.storage)
    report.embedded = embed_pending(app, progress=progress)
    storage = app.storage
    model = app.embedder.model_name if app.embedder is not None else _model_name()
    means = _means(storage, model)
    window = timedelta(days=WINDOW_DAYS)
    related_window = timedelta(days=RELATED_WINDOW_DAYS)
    while True:
        pending: list[LinkItem] = storage.pending_link_items(limit=LINK_CHUNK)
        if not pending:
            break
        start, end = pending[0].when, max(p.when for p in pending)
        context = storage.link_window(start - related_window, end + related_window)
        wide = [_member(i, means, int(i.story_id or 0)) for i in context]
        pool = Pool()
        for m in wide:
            if start - window <= m.when <= end + window:
                pool.add(m)
        decisions = []
        for item in pending:
            m = _member(item, means, 0)
            d = decide(m, pool)
            m.story = d.story
            m.translation_of = d.translation_of
            pool.add(m)
            decisions.append((d, m))
        created = storage.assign_stories(
            [(d.article_id, d.story) for d, _ in decisions],
            [
                (d.article_id, d.translation_of, d.translation_score)
                for d, _ in decisions
                if d.translation_of is not None
            ],
        )
        for _, m in decisions:
            m.story = created.get(m.story, m.story)
        report.linked += len(decisions)
        report.stories_created += len(created)
        report.translations += sum(1 for d, _ in decisions if d.translation_of is not None)
        report.related += _relate(storage, decisions, wide, pool)
        if progress:
            log.info("linked %d articles", report.linked)
    return report


def _relate(
    storage: Any, decisions: list[tuple[Any, Member]], wide: list[Member], pool: Pool
) -> int:
    """Related-coverage edges for the stories this chunk touched."""
    members = {m.article_id: m for m in wide}
    members.update({m.article_id: m for _, m in decisions})
    touched = {m.story for _, m in decisions}
    edges = [
        (a, b, s, "similar") for a, b, s in related_edges(touched, profiles(members.values()), pool)
    ]
    # A page's own "related coverage" links are strong evidence when the target is stored.
    story_of = {aid: m.story for aid, m in members.items()}
    for a, b in storage.related_article_pairs([m.article_id for _, m in decisions]):
        sa = story_of.get(a) or storage.story_of(a)
        sb = story_of.get(b) or storage.story_of(b)
        if sa is not None and sb is not None and sa != sb:
            edges.append((sa, sb, RELATED_URL_SCORE, "page-link"))
    storage.save_story_links(edges)
    return len(edges)


def _model_name() -> str:
    from .embed import MODEL_NAME

    return MODEL_NAME
