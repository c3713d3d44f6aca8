"""Translate what is pending, in chunks that are each saved in one transaction.

The queue is derived from the database (fields without a translation), so the step is
resumable by construction: killed mid-chunk, it loses only the chunk in flight, and a rerun
picks up exactly the fields still lacking a row; nothing stored is repeated. Sentences go
through a permanent cache keyed by (model, version, direction, sentence), so syndicated text
is translated once. Titles come first (storage orders the queue), bodies last.
"""

from __future__ import annotations

import hashlib
import logging
import os
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from translators.routing import MODEL_SOURCE

from .app import App
from .errors import ModelMissingError, TranslationError
from .langs import target_of
from .models import Conversion, Translation, TranslationJob

if TYPE_CHECKING:
    from translators import Translator

    from .protocols import StorageType

log = logging.getLogger("newsdesk.translate")

CHUNK = 64  # fields per transaction
# Test hook: seconds to sleep after each saved chunk (lets a test kill the run mid-way).
_SLEEP_ENV = "NEWSDESK_TRANSLATE_CHUNK_SLEEP"


@dataclass
class TranslateReport:
    translated: int = 0  # fields saved
    sentences: int = 0  # sentences sent to a model (cache misses)
    cached: int = 0  # sentences answered by the cache
    converted: int = 0  # Traditional fields also stored in Simplified (conversions)
    pending_left: int = 0
    missing: list[str] = field(default_factory=list)  # directions without a model


def cache_key(model: str, version: str, source: str, target: str, sentence: str) -> str:
    raw = f"{model}\x1f{version}\x1f{source}>{target}\x1f{sentence}".encode()
    return hashlib.sha256(raw).hexdigest()


def _model_id(translator: Translator, source: str, target: str) -> tuple[str, str]:
    model_for = getattr(translator, "model_for", None)
    if model_for is not None:
        name, version = model_for(source, target)
        return str(name), str(version)
    return str(translator.name), str(translator.version)


def _available(translator: Translator, source: str, target: str) -> bool:
    try:
        _model_id(translator, source, target)
    except ModelMissingError:
        return False
    return True


def indexed(items: Iterable[Translation]) -> list[Translation]:
    """Translations with their text segmented for the search index (`Translation.indexed`),
    as `save_translations` takes them: the segmentation runs here, before the write
    transaction, never under the database lock."""
    from dataclasses import replace

    from .segment import segment_for_index

    return [replace(t, indexed=segment_for_index(t.text or "")) for t in items]


def translate_pending(
    app: App,
    *,
    limit: int | None = None,
    device: str = "auto",
    chunk: int = CHUNK,
    budget_seconds: float | None = None,
) -> TranslateReport:
    """`translate_iter` run to the end; returns the final totals (same raises)."""
    last = TranslateReport()
    for last in translate_iter(  # noqa: B007 (the last yield is the result)
        app, limit=limit, device=device, chunk=chunk, budget_seconds=budget_seconds
    ):
        pass
    return last


def translate_iter(
    app: App,
    *,
    limit: int | None = None,
    device: str = "auto",
    chunk: int = CHUNK,
    budget_seconds: float | None = None,
) -> Iterator[TranslateReport]:
    """Translate pending fields (at most `limit`), chunk by chunk, yielding the running
    totals after each saved chunk (the first yield comes before any work, with
    `pending_left` the backlog, so a caller can size a progress bar).

    Raises ModelMissingError (naming `newsdesk models install`) when pending articles need a
    model that is not installed — after translating everything the installed models can;
    TranslationError when the engine fails (what was saved before stays saved). With
    `budget_seconds`, no new chunk starts after that long: a poll from cron must not spend
    hours on a backlog while the lock keeps the next polls out; the rest waits, pending.
    """
    started = time.monotonic()
    translator = app.translator
    if translator is None:
        from translators.argos_engine import ArgosEngine

        translator = ArgosEngine(device=device)
        app.translator = translator
    langs = [
        lang
        for lang, src in MODEL_SOURCE.items()
        if _available(translator, src, target_of(src) or "en")
    ]
    storage = app.storage
    total = storage.count_pending_translations()
    report = TranslateReport(pending_left=min(total, limit) if limit else total)
    yield report
    sleep = float(os.environ.get(_SLEEP_ENV, "0") or 0)
    last_keys: list[tuple[int, str]] = []
    while langs and (limit is None or report.translated < limit):
        if budget_seconds is not None and time.monotonic() - started >= budget_seconds:
            log.info("translation budget of %.0f s used; the rest waits", budget_seconds)
            break
        size = chunk if limit is None else min(chunk, limit - report.translated)
        jobs = storage.pending_translations(limit=size, langs=langs)
        if not jobs:
            break
        keys = [(j.article_id, j.field) for j in jobs]
        if keys == last_keys:  # saved but still pending: a bug, never loop on it
            raise TranslationError(f"translations of articles {keys[:3]} did not save")
        last_keys = keys
        rows, conversions, cache_new = _translate_jobs(translator, storage, jobs, report)
        storage.save_translations(rows, cache=cache_new, conversions=conversions)
        report.translated += len(jobs)
        report.pending_left = max(0, report.pending_left - len(jobs))
        log.info("translated %d fields (%d so far)", len(jobs), report.translated)
        yield report
        if sleep:
            time.sleep(sleep)
    _check_missing(storage, langs, report)


def _check_missing(storage: StorageType, langs: list[str], report: TranslateReport) -> None:
    left = storage.count_pending_translations()
    report.pending_left = left
    missing_langs = [lang for lang in MODEL_SOURCE if lang not in langs]
    if left and missing_langs and storage.pending_translations(limit=1, langs=missing_langs):
        pairs = sorted({(MODEL_SOURCE[g], target_of(g) or "en") for g in missing_langs})
        report.missing = [f"{a}->{b}" for a, b in pairs]
        names = " and ".join(f"{a}->{b}" for a, b in pairs)
        installs = "; ".join(f"newsdesk models install {a} {b}" for a, b in pairs)
        raise ModelMissingError(
            f"no {names} translation model installed; {left} fields wait (run: {installs})"
        )


def _translate_jobs(
    translator: Translator,
    storage: StorageType,
    jobs: Sequence[TranslationJob],
    report: TranslateReport,
) -> tuple[list[Translation], list[Conversion], dict[str, str]]:
    """Plan every job, translate all cache misses of a direction in one call, render."""
    from translators.routing import plan, render

    from .segment import to_simplified

    plans = [plan(job.text, job.source_lang, job.target_lang) for job in jobs]
    # direction -> unique sentences to translate
    wanted: dict[tuple[str, str], list[str]] = {}
    for job, units in zip(jobs, plans, strict=True):
        for unit in units:
            if unit.source is not None:
                bucket = wanted.setdefault((unit.source, job.target_lang), [])
                bucket.extend(unit.sentences)
    done: dict[tuple[str, str, str], str] = {}
    cache_new: dict[str, str] = {}
    models: dict[tuple[str, str], tuple[str, str]] = {}
    for (src, tgt), sentences in wanted.items():
        model, version = models[(src, tgt)] = _model_id(translator, src, tgt)
        unique = list(dict.fromkeys(s for s in sentences if s.strip()))
        keys = {s: cache_key(model, version, src, tgt, s) for s in unique}
        hits = storage.cache_get(list(keys.values()))
        misses = [s for s in unique if keys[s] not in hits]
        report.cached += len(unique) - len(misses)
        for s in unique:
            if keys[s] in hits:
                done[(src, tgt, s)] = hits[keys[s]]
        if misses:
            outputs = translator.translate(misses, src, tgt)
            report.sentences += len(misses)
            for s, out in zip(misses, outputs, strict=True):
                done[(src, tgt, s)] = out
                cache_new[keys[s]] = out
    rows: list[Translation] = []
    conversions: list[Conversion] = []
    for job, units in zip(jobs, plans, strict=True):
        translated = [
            [done.get((u.source, job.target_lang, s), "") for s in u.sentences]
            if u.source is not None
            else []
            for u in units
        ]
        text = render(units, translated, job.target_lang)
        used = {(u.source, job.target_lang) for u in units if u.source is not None}
        if used:
            model, version = models[sorted(used)[0]]
        else:
            model, version = "passthrough", "1"  # already in the target language
        rows.append(
            Translation(
                job.article_id,
                job.field,
                job.source_lang,
                job.target_lang,
                text,
                model,
                version,
            )
        )
        if job.source_lang == "zh-Hant":
            import opencc

            tool = f"opencc-t2s {getattr(opencc, '__version__', '1')}"
            conversions.append(
                Conversion(job.article_id, job.field, "zh", to_simplified(job.text), tool)
            )
            report.converted += 1
    return indexed(rows), conversions, cache_new
