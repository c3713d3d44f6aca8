"""What runs after new articles are stored: stories/linking, then translation.

Both steps work from what is pending in the database (articles without a story or vector,
fields without a translation), never from an in-memory list, so an interrupted run is
finished by the next one and nothing is done twice.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from .app import App
from .errors import ModelMissingError, NewsdeskError

log = logging.getLogger("newsdesk.pipeline")


@dataclass
class AfterIngestReport:
    linked: int = 0
    translated: int = 0
    errors: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def after_ingest(app: App, *, link: bool = True, translate: bool = True) -> AfterIngestReport:
    """Link pending articles into stories, then translate what is pending.

    A missing translation model is not a failure of the poll (articles wait, pending);
    any other error is reported and the caller exits 1.
    """
    report = AfterIngestReport()
    if link:
        try:
            from .linker import link_pending

            limits = app.config.limits
            report.linked = link_pending(
                app, limit=limits.embed_articles, embed_budget_seconds=limits.embed_seconds
            ).linked
        except NewsdeskError as exc:
            report.errors.append(f"linking: {exc}")
    if translate:
        try:
            from .translate_step import translate_pending

            budget = app.config.limits.translate_seconds
            report.translated = translate_pending(app, budget_seconds=budget).translated
        except ModelMissingError as exc:
            log.warning("%s", exc)
            report.notes.append(str(exc))
        except NewsdeskError as exc:
            report.errors.append(f"translation: {exc}")
    return report
