"""The SQLite full-text index (FTS5) over originals and translations.

Chinese is pre-segmented with jieba (aggregator.segment) before it reaches FTS5, because
FTS5's tokenizers do not split Chinese and trigram misses two-character words. This is the
only SQLite-specific search module; a PostgreSQL backend would build a tsvector with the
`simple` configuration from the same pre-segmented text.
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.engine import Connection

from aggregator.segment import segment_for_index

FTS_TABLE = "search_fts"


def create(conn: Connection) -> None:
    if conn.dialect.name != "sqlite":
        return
    conn.exec_driver_sql(
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5("
        "title, body, title_tr, body_tr, tokenize='unicode61 remove_diacritics 2')"
    )


def index_article(conn: Connection, article_id: int) -> None:
    """(Re)index one article with its translations; called inside the writing transaction."""
    if conn.dialect.name != "sqlite":
        return
    row = conn.execute(
        text("SELECT title, summary, body FROM articles WHERE id = :id"), {"id": article_id}
    ).first()
    conn.execute(text(f"DELETE FROM {FTS_TABLE} WHERE rowid = :id"), {"id": article_id})
    if row is None:
        return
    trs = conn.execute(
        text("SELECT field, text FROM translations WHERE article_id = :id"), {"id": article_id}
    ).fetchall()
    title_tr = " ".join(t for f, t in trs if f == "title")
    body_tr = " ".join(t for f, t in trs if f != "title")
    body = "\n".join(p for p in (row.summary, row.body) if p)
    conn.execute(
        text(
            f"INSERT INTO {FTS_TABLE}(rowid, title, body, title_tr, body_tr) "
            "VALUES (:id, :t, :b, :tt, :bt)"
        ),
        {
            "id": article_id,
            "t": segment_for_index(row.title),
            "b": segment_for_index(body),
            "tt": segment_for_index(title_tr),
            "bt": segment_for_index(body_tr),
        },
    )


def remove_article(conn: Connection, article_id: int) -> None:
    if conn.dialect.name == "sqlite":
        conn.execute(text(f"DELETE FROM {FTS_TABLE} WHERE rowid = :id"), {"id": article_id})


def rebuild(conn: Connection) -> None:
    if conn.dialect.name != "sqlite":
        return
    conn.exec_driver_sql(f"DELETE FROM {FTS_TABLE}")
    for (article_id,) in conn.execute(text("SELECT id FROM articles")).fetchall():
        index_article(conn, int(article_id))


def size(conn: Connection) -> int:
    if conn.dialect.name != "sqlite":
        return 0
    return int(conn.execute(text(f"SELECT count(*) FROM {FTS_TABLE}")).scalar_one())
