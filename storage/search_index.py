"""The SQLite full-text index (FTS5) over originals and translations.

Chinese is pre-segmented with jieba (aggregator.segment) before it reaches FTS5, because
FTS5's tokenizers do not split Chinese and trigram misses two-character words. This is the
only SQLite-specific search module; a PostgreSQL backend would build a tsvector with the
`simple` configuration from the same pre-segmented text.

Schema choices: `porter unicode61 remove_diacritics 2` (English stems: "signs" finds
"signed"; Chinese tokens pass through porter untouched); `detail=full` because phrase queries
("South China Sea") need positions; no prefix index (a trailing-`*` query is rare, and the
prefix index would grow the index by about a third). The segmented text is stored in the
FTS table (SQLite 3.40 has no contentless delete), snippets are built from the original text.

User input never reaches SQL text: the MATCH expression is built here from quoted tokens and
passed as a bound parameter.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import datetime
from typing import cast

from sqlalchemy import bindparam, text
from sqlalchemy.engine import Connection
from sqlalchemy.exc import OperationalError

from aggregator.extract import lead_and_body
from aggregator.intents import SearchText
from aggregator.models import ParsedQuery, QueryTerm, SearchCandidate, SearchFilters
from aggregator.segment import segment_for_index

from . import ingest_rows, search_pg
from .base import raw_sql

FTS_TABLE = "search_fts"
# bm25 column weights: title, body, translated title, translated body
WEIGHTS = (10.0, 2.0, 8.0, 1.5)
# Broad queries: only the newest CAP hits (by rowid, i.e. by arrival) are ranked by bm25.
CAP = 2000


def _pg(conn: Connection) -> bool:
    return conn.dialect.name == "postgresql"


def create(conn: Connection) -> None:
    if _pg(conn):
        search_pg.create(conn)
    if conn.dialect.name != "sqlite":
        return
    conn.exec_driver_sql(
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5("
        "title, body, title_tr, body_tr, "
        "tokenize='porter unicode61 remove_diacritics 2', detail=full)"
    )


_KEYS = ("id", "t", "b", "tt", "bt")  # insert_segmented's row keys


def write_row(
    conn: Connection, article_id: int, original: SearchText, translated: tuple[str, str]
) -> None:
    """(Re)write one article's index row from text segmented before the transaction
    (`translated`: the translated title and body columns, already segmented); the SQL is
    `ingest_rows.write_search_row`, the ingest's."""
    if conn.dialect.name in ("sqlite", "postgresql"):
        ingest_rows.write_search_row(raw_sql(conn), article_id, original, translated)


def original_columns(conn: Connection, article_id: int) -> SearchText | None:
    """The indexed (segmented) original title and body, None when not indexed."""
    if _pg(conn):
        cols = search_pg.columns(conn, article_id, "title, body")
        return None if cols is None else SearchText(*cols)
    if conn.dialect.name != "sqlite":
        return None
    row = conn.execute(
        text(f"SELECT title, body FROM {FTS_TABLE} WHERE rowid = :id"), {"id": article_id}
    ).first()
    return None if row is None else SearchText(row[0] or "", row[1] or "")


def translated_columns(conn: Connection, article_id: int) -> tuple[str, str]:
    """The indexed (segmented) translated title and body, empty when there are none."""
    if conn.dialect.name not in ("sqlite", "postgresql"):
        return ("", "")
    return ingest_rows.translated_columns(raw_sql(conn), article_id)


def set_translated(conn: Connection, article_id: int, translated: tuple[str, str]) -> None:
    """Replace the translated columns of an indexed article (no text work: segmented)."""
    if conn.dialect.name not in ("sqlite", "postgresql"):
        return
    original = original_columns(conn, article_id)
    if original is not None:
        write_row(conn, article_id, original, translated)


def insert_segmented(conn: Connection, rows: Iterable[dict[str, object]]) -> None:
    """Bulk insert already segmented rows {id, t, b, tt, bt} (bulk loads, benchmarks);
    the ingest's SQL (`ingest_rows.insert_search`)."""
    if conn.dialect.name in ("sqlite", "postgresql"):
        ingest_rows.insert_search(
            raw_sql(conn),
            [cast(ingest_rows.SearchRow, tuple(r[k] for k in _KEYS)) for r in rows],
        )


def remove_article(conn: Connection, article_id: int) -> None:
    if _pg(conn):
        search_pg.remove_article(conn, article_id)
    if conn.dialect.name == "sqlite":
        conn.execute(text(f"DELETE FROM {FTS_TABLE} WHERE rowid = :id"), {"id": article_id})


def rebuild(conn: Connection) -> None:
    """Index every stored article from scratch (a schema upgrade, not a write path: the
    segmentation runs inside the upgrade's transaction, once)."""
    if _pg(conn):
        search_pg.clear(conn)
    elif conn.dialect.name == "sqlite":
        conn.exec_driver_sql(f"DELETE FROM {FTS_TABLE}")
    else:
        return
    articles = conn.execute(text("SELECT id, title, summary, body FROM articles")).fetchall()
    for aid, title, summary, body in articles:
        trs = conn.execute(
            text("SELECT field, text FROM translations WHERE article_id = :id ORDER BY field"),
            {"id": aid},
        ).fetchall()
        original = SearchText(
            segment_for_index(title), segment_for_index(lead_and_body(summary, body))
        )
        translated = (
            segment_for_index(" ".join(t for f, t in trs if f == "title")),
            segment_for_index("\n".join(t for f, t in trs if f != "title")),
        )
        write_row(conn, int(aid), original, translated)


def size(conn: Connection) -> int:
    if _pg(conn):
        return search_pg.size(conn)
    if conn.dialect.name != "sqlite":
        return 0
    return int(conn.execute(text(f"SELECT count(*) FROM {FTS_TABLE}")).scalar_one())


def size_bytes(conn: Connection) -> int:
    """Bytes used by the index's shadow tables (dbstat), 0 where dbstat is not compiled in.

    One aggregate dbstat lookup per shadow table: a name filter keeps dbstat from walking
    the whole database."""
    if _pg(conn):
        return search_pg.size_bytes(conn)
    if conn.dialect.name != "sqlite":
        return 0
    total = 0
    try:
        for suffix in ("data", "idx", "content", "docsize", "config"):
            value = conn.execute(
                text("SELECT sum(pgsize) FROM dbstat WHERE name = :n AND aggregate = 1"),
                {"n": f"{FTS_TABLE}_{suffix}"},
            ).scalar()
            total += int(value or 0)
    except OperationalError:  # no dbstat virtual table in this SQLite build
        return 0
    return total


# --- queries -------------------------------------------------------------------------------


def _quote(token: str) -> str:
    return '"' + token.replace('"', '""') + '"'


def _term(term: QueryTerm) -> str:
    alts = []
    for alt in term.alternatives:
        if term.phrase:
            part = _quote(" ".join(alt))
        else:
            parts = [_quote(t) for t in alt]
            if term.prefix:
                parts[-1] += "*"
            part = parts[0] if len(parts) == 1 else "(" + " AND ".join(parts) + ")"
        alts.append(part)
    for conj in term.original:  # the dictionary's words, in the original columns only
        alts.append("{title body} : (" + " AND ".join(_term(t) for t in conj) + ")")
    return alts[0] if len(alts) == 1 else "(" + " OR ".join(alts) + ")"


def match_expression(query: ParsedQuery) -> str:
    """The FTS5 MATCH string: every term required, excluded terms removed with NOT."""
    if not query.terms:
        raise ValueError("query has no terms")
    expr = " AND ".join(_term(t) for t in query.terms)
    if query.excluded:
        expr = f"({expr}) NOT ({' OR '.join(_term(t) for t in query.excluded)})"
    return expr


def filter_sql(
    filters: SearchFilters,
    feed_ids: Sequence[int] | None,
    alias: str = "a",
    *,
    native_times: bool = False,
) -> tuple[str, dict[str, object], list[str]]:
    """WHERE clauses over `articles AS alias`, their parameters, and expanding names
    (`native_times`: bind datetimes as such, for a database with a timestamp type)."""
    where: list[str] = []
    params: dict[str, object] = {}
    expanding: list[str] = []
    if filters.langs:
        where.append(f"{alias}.lang IN :langs")
        params["langs"] = list(filters.langs)
        expanding.append("langs")
    when = f"coalesce({alias}.published, {alias}.fetched)"
    if filters.since is not None:
        where.append(f"{when} >= :since")
        params["since"] = _naive(filters.since, native_times)
    if filters.until is not None:
        where.append(f"{when} < :until")
        params["until"] = _naive(filters.until, native_times)
    if filters.story_id is not None:
        where.append(f"{alias}.story_id = :story")
        params["story"] = filters.story_id
    if feed_ids is not None:
        where.append(
            f"({alias}.feed_id IN :fids OR EXISTS (SELECT 1 FROM entries e "
            f"WHERE e.article_id = {alias}.id AND e.feed_id IN :fids))"
        )
        params["fids"] = list(feed_ids) or [-1]
        expanding.append("fids")
    return " AND ".join(where), params, expanding


def _naive(value: datetime, native: bool = False) -> str | datetime:
    # the storage layer keeps naive UTC (in SQLite's text format there)
    from datetime import UTC

    utc = value.astimezone(UTC)
    return utc.replace(tzinfo=None) if native else utc.strftime("%Y-%m-%d %H:%M:%S.%f")


def lexical_langs(
    conn: Connection,
    query: ParsedQuery,
    filters: SearchFilters,
    feed_ids: Sequence[int] | None,
    limit: int,
    cap: int = CAP,
) -> list[SearchCandidate]:
    """The best `limit` matches of EACH language (candidates carry `lang`), best first,
    among the newest `cap` matches that pass every filter but the language one.

    The languages outside `filters.langs` come back too: they are the strongest word hits
    whose stories a --lang search expands, found by the same MATCH instead of a second one.
    When the cap cut the wanted languages short, they are ranked again among their own
    newest `cap` matches, so a rare language is not starved by a common one.

    FTS5 walks a MATCH in rowid order cheaply (2,000 rowids: ~2 ms at 1M articles), while
    bm25 scores every hit it orders and first counts every match of every phrase for its
    IDF (15-20 ms per common word at 1M): broad queries rank only the newest `cap`, and each
    dictionary alternative is a phrase to count, so it is one statement, not one per list."""
    if conn.dialect.name not in ("sqlite", "postgresql"):
        return []
    rows = _ranked(conn, query, replace(filters, langs=()), feed_ids, limit, cap)
    wanted = set(filters.langs)
    if wanted and rows and rows[0][3] >= cap and sum(r[2] in wanted for r in rows) < limit:
        rows = [r for r in rows if r[2] not in wanted]
        rows += _ranked(conn, query, filters, feed_ids, limit, cap)
    if not rows:
        return []
    if _pg(conn):
        translation = {r[0] for r in rows if r[4]}
        title = {r[0] for r in rows if r[5]}
    else:
        translation, title = _how_matched(conn, query, [r[0] for r in rows])
    rows.sort(key=lambda r: (-r[1], -r[0]))
    return [
        SearchCandidate(
            r[0],
            r[1],
            "translation" if r[0] in translation else "original",
            r[2],
            r[0] in title,
        )
        for r in rows
    ]


def typed_only(query: ParsedQuery) -> ParsedQuery:
    """The query as typed: no dictionary translations, no NOT (how a hit matched)."""
    return ParsedQuery(query.text, tuple(replace(t, original=()) for t in query.terms))


def _how_matched(conn: Connection, query: ParsedQuery, ids: list[int]) -> tuple[set[int], set[int]]:
    """Which of `ids` match the typed words only through a machine translation (a dictionary
    match is in the original text), and which in a title: one unranked statement over the
    rowid range of the ids found. FTS5 seeks a range; with `rowid IN` alone it walks every
    match of every word (30 ms at 1M articles), and bm25 would count them all again."""
    typed = match_expression(typed_only(query))
    one = (
        f"SELECT rowid, {{0}} FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :q{{0}} "
        "AND rowid >= :lo AND rowid <= :hi"
    )
    stmt = text(f"{one.format(0)} UNION ALL {one.format(1)}")
    params = {
        "q0": f"({typed}) NOT ({{title body}} : ({typed}))",
        "q1": f"{{title title_tr}} : ({typed})",
        "lo": min(ids),
        "hi": max(ids),
    }
    wanted = set(ids)
    out: tuple[set[int], set[int]] = (set(), set())
    for rowid, kind in conn.execute(stmt, params):
        if rowid in wanted:
            out[int(kind)].add(int(rowid))
    return out


# id, score (higher is better), lang, capped rows, and where the typed words are: only in
# the translation, in a title (PostgreSQL answers these in the ranking statement)
_Row = tuple[int, float, str, int, bool, bool]


def _ranked(
    conn: Connection,
    query: ParsedQuery,
    filters: SearchFilters,
    feed_ids: Sequence[int] | None,
    limit: int,
    cap: int,
) -> list[_Row]:
    """Each language's best `limit` among the newest `cap` matches (one statement)."""
    if _pg(conn):
        where, params, expanding = filter_sql(filters, feed_ids, native_times=True)
        return search_pg.ranked(conn, query, where, params, expanding, limit, cap)
    where, params, expanding = filter_sql(filters, feed_ids)
    w = ", ".join(str(x) for x in WEIGHTS)
    inner = (
        f"SELECT {FTS_TABLE}.rowid AS id, bm25({FTS_TABLE}, {w}) AS s, a.lang AS lang "
        f"FROM {FTS_TABLE} JOIN articles AS a ON a.id = {FTS_TABLE}.rowid "
        f"WHERE {FTS_TABLE} MATCH :q"
        + (f" AND {where}" if where else "")
        + f" ORDER BY {FTS_TABLE}.rowid DESC LIMIT :cap"
    )
    # the window runs over the capped rows only: bm25 is never computed beyond the cap
    sql = (
        "SELECT id, s, lang, n FROM (SELECT id, s, lang, count(*) OVER () AS n, "
        f"row_number() OVER (PARTITION BY lang ORDER BY s, id DESC) AS r FROM ({inner})) "
        "WHERE r <= :limit"
    )
    stmt = text(sql).bindparams(*(bindparam(n, expanding=True) for n in expanding))
    params.update(q=match_expression(query), cap=cap, limit=limit)
    return [
        (int(r.id), -float(r.s), str(r.lang), int(r.n), False, False)
        for r in conn.execute(stmt, params)
    ]
