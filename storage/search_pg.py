"""The PostgreSQL full-text index: a weighted tsvector over the same pre-segmented text.

`search_index` (FTS5) is the SQLite half; this module is its PostgreSQL twin, called from
there by dialect. The `simple` configuration (lower-casing, no stemming, no stop words) over
text that `aggregator.segment` already cut (jieba for Chinese): PostgreSQL's parsers do not
split Chinese either. Weights mirror the bm25 column weights: title A, translated title B,
body C, translated body D; `ts_rank` with those weights ranks the newest `cap` matches
(same rule as FTS5). The tsvector is a stored generated column with a GIN index, so a
write is one row and the index follows it.

User input never reaches SQL text: the tsquery string is built from quoted tokens and
passed as a bound parameter to `to_tsquery('simple', ...)`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from sqlalchemy import bindparam, text
from sqlalchemy.engine import Connection

from aggregator.models import ParsedQuery, QueryTerm

TABLE = "search_tsv"
# ts_rank's weight array is {D, C, B, A}: translated body, body, translated title, title,
# scaled from search_index.WEIGHTS (10, 2, 8, 1.5) to ts_rank's 0..1 range.
RANK_WEIGHTS = "{0.15, 0.2, 0.8, 1.0}"
_TSV = (
    "setweight(to_tsvector('simple', coalesce(title, '')), 'A') || "
    "setweight(to_tsvector('simple', coalesce(title_tr, '')), 'B') || "
    "setweight(to_tsvector('simple', coalesce(body, '')), 'C') || "
    "setweight(to_tsvector('simple', coalesce(body_tr, '')), 'D')"
)


def create(conn: Connection) -> None:
    conn.exec_driver_sql(
        f"CREATE TABLE IF NOT EXISTS {TABLE} ("
        "article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE, "
        "title TEXT NOT NULL DEFAULT '', body TEXT NOT NULL DEFAULT '', "
        "title_tr TEXT NOT NULL DEFAULT '', body_tr TEXT NOT NULL DEFAULT '', "
        f"tsv tsvector GENERATED ALWAYS AS ({_TSV}) STORED)"
    )
    conn.exec_driver_sql(f"CREATE INDEX IF NOT EXISTS ix_{TABLE}_tsv ON {TABLE} USING GIN (tsv)")


def columns(conn: Connection, article_id: int, names: str) -> tuple[str, str] | None:
    row = conn.execute(
        text(f"SELECT {names} FROM {TABLE} WHERE article_id = :id"), {"id": article_id}
    ).first()
    return None if row is None else (row[0] or "", row[1] or "")


def remove_article(conn: Connection, article_id: int) -> None:
    conn.execute(text(f"DELETE FROM {TABLE} WHERE article_id = :id"), {"id": article_id})


def clear(conn: Connection) -> None:
    conn.exec_driver_sql(f"DELETE FROM {TABLE}")


def size(conn: Connection) -> int:
    return int(conn.execute(text(f"SELECT count(*) FROM {TABLE}")).scalar_one())


def size_bytes(conn: Connection) -> int:
    """Table, TOAST and GIN index bytes."""
    value = conn.execute(text(f"SELECT pg_total_relation_size('{TABLE}')")).scalar()
    return int(value or 0)


# --- queries -------------------------------------------------------------------------------


def _quote(token: str) -> str:
    # a quoted lexeme; to_tsquery still runs it through the parser, like the indexed text
    return "'" + token.replace("\\", "\\\\").replace("'", "''") + "'"


def _term(term: QueryTerm, weights: str = "") -> str:
    """`weights` ("AC": title and body) restricts every lexeme to those columns."""
    alts = []
    for alt in term.alternatives:
        parts = [_quote(t) + (":" + weights if weights else "") for t in alt]
        if term.prefix and not term.phrase:
            parts[-1] = _quote(alt[-1]) + ":*" + weights
        joiner = " <-> " if term.phrase else " & "
        alts.append(parts[0] if len(parts) == 1 else "(" + joiner.join(parts) + ")")
    for conj in term.original:  # the dictionary's words, in the original columns only
        alts.append("(" + " & ".join(_term(t, "AC") for t in conj) + ")")
    return alts[0] if len(alts) == 1 else "(" + " | ".join(alts) + ")"


def tsquery(query: ParsedQuery) -> str:
    """The to_tsquery string: every term required, excluded terms removed with `!`."""
    if not query.terms:
        raise ValueError("query has no terms")
    expr = " & ".join(_term(t) for t in query.terms)
    if query.excluded:
        expr = f"({expr}) & !({' | '.join(_term(t) for t in query.excluded)})"
    return expr


def ranked(
    conn: Connection,
    query: ParsedQuery,
    where: str,
    params: dict[str, object],
    expanding: Sequence[str],
    limit: int,
    cap: int,
) -> list[tuple[int, float, str, int, bool, bool]]:
    """Each language's best `limit` by ts_rank among the newest `cap` matches:
    (id, rank, lang, capped rows, typed words only in the translation, typed words in a
    title), as search_index._ranked."""
    inner = (
        f"SELECT {TABLE}.article_id AS id, tsv, a.lang AS lang "
        f"FROM {TABLE} JOIN articles AS a ON a.id = {TABLE}.article_id "
        f"WHERE tsv @@ to_tsquery('simple', :q)"
        + (f" AND {where}" if where else "")
        + f" ORDER BY {TABLE}.article_id DESC LIMIT :cap"
    )
    scored = (
        f"SELECT id, tsv, lang, ts_rank('{RANK_WEIGHTS}', tsv, q.q, 1) AS s "
        f"FROM ({inner}) AS hits, (SELECT to_tsquery('simple', :q) AS q) AS q"
    )
    # how a hit matched is tested after the window, on the `limit` rows per language kept:
    # the typed words (:t) only through a machine translation, or not
    sql = (
        "SELECT id, s, lang, n, tsv @@ to_tsquery('simple', :t) AND NOT "
        "ts_filter(tsv, '{a,c}') @@ to_tsquery('simple', :t) AS tr, "
        "ts_filter(tsv, '{a,b}') @@ to_tsquery('simple', :t) AS ti FROM ("
        "SELECT id, tsv, lang, s, count(*) OVER () AS n, "
        f"row_number() OVER (PARTITION BY lang ORDER BY s DESC, id DESC) AS r FROM ({scored}) "
        "AS sc) AS w WHERE r <= :limit"
    )
    stmt = text(sql).bindparams(*(bindparam(n, expanding=True) for n in expanding))
    typed = ParsedQuery(query.text, tuple(replace(t, original=()) for t in query.terms))
    values = {**params, "q": tsquery(query), "t": tsquery(typed), "cap": cap, "limit": limit}
    return [
        (int(r.id), float(r.s), str(r.lang), int(r.n), bool(r.tr), bool(r.ti))
        for r in conn.execute(stmt, values)
    ]


def word_select(name: str, index: int, where: str) -> str:
    """search_story's per-word statement: one word's newest `:cap` matches (tsquery `:q{name}`)
    that pass `where`, in a story or not, as (id, t, sid, lang) with t = `index` (an int of
    ours, never input); no ranking, a walk in id order."""
    return (
        f"SELECT * FROM (SELECT {TABLE}.article_id AS id, {int(index)} AS t, "
        f"a.story_id AS sid, a.lang AS lang FROM {TABLE} "
        f"JOIN articles AS a ON a.id = {TABLE}.article_id "
        f"WHERE tsv @@ to_tsquery('simple', :q{name})"
        + (f" AND {where}" if where else "")
        + f" ORDER BY {TABLE}.article_id DESC LIMIT :cap) AS h{name}"
    )
