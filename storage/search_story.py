"""Story-level AND: the articles of the stories whose articles together hold every word.

A multi-word search ANDs its words per article; when that finds too little, search falls
back to the story (`aggregator.search_cross.story_word_hits`): "China GDP" finds the
stories where one report says China and another GDP. One statement, in either dialect:
each word's newest `cap` matches (each word with its dictionary translations, excluded
words removed per article, as the ranked full-text query has them), tagged with the
article's story in the same join, then the stories holding every word, then their matching
articles. FTS5 walks each word's matches in rowid order and stops at the cap (no bm25), so
the statement costs about what the ranked query's capped walk and `articles` join cost.

User input never reaches SQL text: each MATCH / tsquery string is built by
`search_index.match_expression` / `search_pg.tsquery` and bound as a parameter.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from sqlalchemy import bindparam, text
from sqlalchemy.engine import Connection

from aggregator.models import ParsedQuery, QueryTerm, SearchCandidate, SearchFilters

from . import search_pg
from .search_index import CAP, FTS_TABLE, filter_sql, match_expression

# term index of the phrase requirement: a phrase stays article-level
_PHRASES = -1


def _word_select(name: str, index: int, where: str) -> str:
    """One word's newest matches (MATCH :q{name}) that pass the filters, in a story or not:
    (id, t, sid, lang), t = `index` (an int of ours, never input); the PostgreSQL twin is
    search_pg.word_select."""
    return (
        f"SELECT * FROM (SELECT {FTS_TABLE}.rowid AS id, {int(index)} AS t, a.story_id AS sid, "
        f"a.lang AS lang FROM {FTS_TABLE} JOIN articles AS a ON a.id = {FTS_TABLE}.rowid "
        f"WHERE {FTS_TABLE} MATCH :q{name}"
        + (f" AND {where}" if where else "")
        # no bm25: a capped walk in rowid order
        + f" ORDER BY {FTS_TABLE}.rowid DESC LIMIT :cap) AS h{name}"
    )


def story_words(
    conn: Connection,
    query: ParsedQuery,
    filters: SearchFilters,
    feed_ids: Sequence[int] | None,
    cap: int = CAP,
) -> dict[int, list[SearchCandidate]]:
    """Story id -> its articles (among each word's newest `cap` matches passing `filters`)
    that have at least one of the query's words and every phrase, for the stories whose
    articles together have every word that is not a phrase; each candidate's score is how
    many of those words the article itself has, its lang the article's. An article with an
    excluded word neither counts for its story nor comes back. Empty when the query has no
    word outside phrases. `filters.langs` is the caller's: the story is whole in any language.
    """
    if conn.dialect.name not in ("sqlite", "postgresql"):
        return {}
    words = [t for t in query.terms if not t.phrase]
    phrases = tuple(t for t in query.terms if t.phrase)
    if not words:
        return {}
    pg = conn.dialect.name == "postgresql"
    where, params, expanding = filter_sql(replace(filters, langs=()), feed_ids, native_times=pg)
    expression = search_pg.tsquery if pg else match_expression
    select = search_pg.word_select if pg else _word_select
    parts: list[tuple[str, int, tuple[QueryTerm, ...]]] = [
        (str(i), i, (term,)) for i, term in enumerate(words)
    ]
    if phrases:  # the phrases, all in the article itself
        parts.append(("p", _PHRASES, phrases))
    for name, _index, terms in parts:
        params[f"q{name}"] = expression(ParsedQuery(query.text, terms, query.excluded))
    sql = (
        f"WITH hits AS ({' UNION ALL '.join(select(name, i, where) for name, i, _t in parts)}), "
        # the cap counts articles not yet in a story: a word's walk stops at the cap
        "whole AS (SELECT sid FROM hits WHERE t >= 0 AND sid IS NOT NULL GROUP BY sid "
        "HAVING count(DISTINCT t) = :n) "
        "SELECT id, sid, lang, count(DISTINCT CASE WHEN t >= 0 THEN t END) AS k "
        "FROM hits WHERE sid IN (SELECT sid FROM whole) GROUP BY id, sid, lang"
        + (" HAVING min(t) < 0" if phrases else "")
    )
    stmt = text(sql).bindparams(*(bindparam(n, expanding=True) for n in expanding))
    params.update(cap=cap, n=len(words))
    out: dict[int, list[SearchCandidate]] = {}
    for aid, sid, lang, k in conn.execute(stmt, params):
        out.setdefault(int(sid), []).append(
            SearchCandidate(int(aid), float(k), "original", str(lang))
        )
    return out
