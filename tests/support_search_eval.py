"""Search evaluation on either half of the labelled corpus, the way a user would run it.

A half is served as feeds on 127.0.0.1 and polled with `newsdesk poll --all --no-translate`
(language detection, dedup, embedding and story linking all real; no translation model),
then every query of the half is searched with `limit=10`, as `newsdesk search Q --limit 10`
does, with and without `--lang` set to the other language.

Measures, per query, over its relevant articles in one language family:
- same: relevant articles in the query's own family (en vs zh + zh-Hant);
- cross: relevant articles in the other family; cross_lang: the same with `--lang` set to
  the other family (`zh` for an English query, `en` for a Chinese one).
recall@10 = |relevant of that family in the top 10| / min(10, |relevant of that family|);
MRR = 1 / rank of the first of them in the top 10 (0 when none is there).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from statistics import mean
from typing import Any

from support_corpus import load_corpus, poll_articles
from support_corpus import load_queries as load_typed_queries

from aggregator.models import SearchFilters


def family(lang: str) -> str:
    return "en" if lang == "en" else "zh"


def poll_half(db: str, workdir: Path, half: str) -> dict[str, int]:
    """Poll one half into `db` through the CLI; returns corpus id -> stored article id."""
    return poll_articles(db, workdir, load_corpus(half=half), half)


@dataclass
class Scores:
    """Per-query values of each measure; `misses` names the queries that lost something."""

    values: dict[str, list[float]] = field(default_factory=dict)
    misses: list[str] = field(default_factory=list)

    def add(self, name: str, value: float) -> None:
        self.values.setdefault(name, []).append(value)

    def summary(self) -> dict[str, float]:
        return {k: round(mean(v), 3) for k, v in sorted(self.values.items()) if v}


def _score(ranked: list[int], rel: set[int]) -> tuple[float, float]:
    top = ranked[:10]
    recall = len(rel & set(top)) / min(10, len(rel))
    mrr = next((1.0 / (i + 1) for i, a in enumerate(top) if a in rel), 0.0)
    return recall, mrr


def evaluate(
    search: Callable[[str, SearchFilters], list[Any]],
    ids: dict[str, int],
    lang_of: dict[int, str],
    half: str,
) -> Scores:
    """Run every query of `half` through `search(text, filters) -> hits` (limit 10)."""
    out = Scores()
    for q in load_typed_queries(half=half):
        own = family(q.lang)
        other = "zh" if own == "en" else "en"
        rel = {ids[r] for r in q.relevant if r in ids}
        by_fam = {f: {a for a in rel if family(lang_of[a]) == f} for f in ("en", "zh")}
        hits = [h.id for h in search(q.query, SearchFilters())]
        runs = [("same", own, hits), ("cross", other, hits)]
        if rel:
            out.add("any_mrr", _score(hits, rel)[1])
        if by_fam[other]:
            narrowed = search(q.query, SearchFilters(langs=(other,)))
            runs.append(("cross_lang", other, [h.id for h in narrowed]))
        for name, fam, ranked in runs:
            if not by_fam[fam]:
                continue
            recall, mrr = _score(ranked, by_fam[fam])
            out.add(f"{name}_recall", recall)
            out.add(f"{name}_mrr", mrr)
            if recall < 1.0:
                out.misses.append(f"{name} {q.query!r} {recall:.2f}")
    return out
