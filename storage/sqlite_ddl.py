"""The SQLite schema of a new database as SQL text, for the poll's light route.

A first (cold) poll creates its database without SQLAlchemy (`connect.create_sqlite`):
these are the statements `migrations._create_new` runs on SQLite (`Base.metadata.create_all`
plus the full-text table), as SQLite keeps them in `sqlite_master`, in the order of one such
run (the order of indexes varies between runs: SQLAlchemy takes them from a set).
`tests/test_cold_poll.py` checks that both routes make the same `sqlite_master`, so a
schema change that is not copied here fails there. Regenerate by creating a database with
`Storage` and reading `SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT
LIKE 'search_fts_%' ORDER BY rowid` (the FTS5 shadow tables make themselves).
"""

from __future__ import annotations

# fmt: off
STATEMENTS: tuple[str, ...] = (
    (
        'CREATE TABLE schema_version (\n'
        '\tid INTEGER NOT NULL, \n'
        '\tversion INTEGER NOT NULL, \n'
        '\tPRIMARY KEY (id)\n'
        ')'
    ),
    (
        'CREATE TABLE feeds (\n'
        '\tid INTEGER NOT NULL, \n'
        '\tname VARCHAR(500) NOT NULL, \n'
        '\tconfig_url TEXT NOT NULL, \n'
        '\turl TEXT NOT NULL, \n'
        '\tlanguage VARCHAR(16), \n'
        '\ttags JSON NOT NULL, \n'
        '\tfull_text BOOLEAN NOT NULL, \n'
        '\tencoding VARCHAR(40), \n'
        '\ttitle TEXT, \n'
        '\tstatus VARCHAR(20) NOT NULL, \n'
        '\tetag TEXT, \n'
        '\tlast_modified TEXT, \n'
        '\tlast_polled DATETIME, \n'
        '\tnext_poll DATETIME, \n'
        '\terror_count INTEGER NOT NULL, \n'
        '\tlast_error TEXT, \n'
        '\tlast_http_status INTEGER, \n'
        '\tactive BOOLEAN NOT NULL, \n'
        '\tPRIMARY KEY (id), \n'
        '\tUNIQUE (name)\n'
        ')'
    ),
    (
        'CREATE TABLE stories (\n'
        '\tid INTEGER NOT NULL, \n'
        '\ttitle TEXT NOT NULL, \n'
        '\ttitle_lang VARCHAR(16), \n'
        '\tfirst_seen DATETIME NOT NULL, \n'
        '\tlast_seen DATETIME NOT NULL, \n'
        '\tarticle_count INTEGER NOT NULL, \n'
        '\tcentroid BLOB, \n'
        '\tprofile_keys TEXT, \n'
        '\tPRIMARY KEY (id)\n'
        ')'
    ),
    'CREATE INDEX ix_stories_last_seen ON stories (last_seen)',
    (
        'CREATE TABLE translation_cache (\n'
        '\t"key" VARCHAR(64) NOT NULL, \n'
        '\ttext TEXT NOT NULL, \n'
        '\tPRIMARY KEY ("key")\n'
        ')'
    ),
    (
        'CREATE TABLE language_means (\n'
        '\tlang VARCHAR(16) NOT NULL, \n'
        '\tmodel VARCHAR(100) NOT NULL, \n'
        '\tcount INTEGER NOT NULL, \n'
        '\tvector BLOB NOT NULL, \n'
        '\tPRIMARY KEY (lang)\n'
        ')'
    ),
    (
        'CREATE TABLE minhash_refresh (\n'
        '\tid INTEGER NOT NULL, \n'
        '\tbelow INTEGER NOT NULL, \n'
        '\tscheme INTEGER NOT NULL, \n'
        '\tPRIMARY KEY (id)\n'
        ')'
    ),
    (
        'CREATE TABLE articles (\n'
        '\tid INTEGER NOT NULL, \n'
        '\tfeed_id INTEGER NOT NULL, \n'
        '\tguid TEXT NOT NULL, \n'
        '\turl TEXT, \n'
        '\ttitle TEXT NOT NULL, \n'
        '\tsummary TEXT NOT NULL, \n'
        '\tbody TEXT NOT NULL, \n'
        '\tauthor TEXT, \n'
        '\tlang VARCHAR(16) NOT NULL, \n'
        '\tlang_confidence FLOAT NOT NULL, \n'
        '\tpublished DATETIME, \n'
        '\tfetched DATETIME NOT NULL, \n'
        '\tupdated DATETIME NOT NULL, \n'
        '\tfingerprint VARCHAR(64) NOT NULL, \n'
        '\tstory_id INTEGER, \n'
        '\ttranslation_of INTEGER, \n'
        '\tminhash BLOB, \n'
        '\tPRIMARY KEY (id), \n'
        '\tFOREIGN KEY(feed_id) REFERENCES feeds (id), \n'
        '\tFOREIGN KEY(story_id) REFERENCES stories (id), \n'
        '\tFOREIGN KEY(translation_of) REFERENCES articles (id)\n'
        ')'
    ),
    'CREATE INDEX ix_articles_published ON articles (published)',
    'CREATE INDEX ix_articles_feed_guid ON articles (feed_id, guid)',
    'CREATE INDEX ix_articles_lang ON articles (lang)',
    'CREATE INDEX ix_articles_story_id ON articles (story_id)',
    'CREATE INDEX ix_articles_fingerprint ON articles (fingerprint)',
    (
        'CREATE TABLE story_links (\n'
        '\tid INTEGER NOT NULL, \n'
        '\tsource_id INTEGER NOT NULL, \n'
        '\ttarget_id INTEGER NOT NULL, \n'
        '\tscore FLOAT NOT NULL, \n'
        '\tPRIMARY KEY (id), \n'
        '\tUNIQUE (source_id, target_id), \n'
        '\tFOREIGN KEY(source_id) REFERENCES stories (id) ON DELETE CASCADE, \n'
        '\tFOREIGN KEY(target_id) REFERENCES stories (id) ON DELETE CASCADE\n'
        ')'
    ),
    'CREATE INDEX ix_story_links_source_id ON story_links (source_id)',
    'CREATE INDEX ix_story_links_target_id ON story_links (target_id)',
    (
        'CREATE TABLE story_aliases (\n'
        '\told_id INTEGER NOT NULL, \n'
        '\tnew_id INTEGER NOT NULL, \n'
        '\tbridge_article_id INTEGER, \n'
        '\tarticles TEXT NOT NULL, \n'
        '\tPRIMARY KEY (old_id), \n'
        '\tFOREIGN KEY(new_id) REFERENCES stories (id) ON DELETE CASCADE\n'
        ')'
    ),
    'CREATE INDEX ix_story_aliases_new_id ON story_aliases (new_id)',
    (
        'CREATE TABLE page_retries (\n'
        '\tfeed_id INTEGER NOT NULL, \n'
        '\tguid TEXT NOT NULL, \n'
        '\turl TEXT NOT NULL, \n'
        '\tattempts INTEGER NOT NULL, \n'
        '\tnext_try DATETIME NOT NULL, \n'
        '\tlast_error TEXT, \n'
        '\tPRIMARY KEY (feed_id, guid), \n'
        '\tFOREIGN KEY(feed_id) REFERENCES feeds (id) ON DELETE CASCADE\n'
        ')'
    ),
    (
        'CREATE TABLE article_urls (\n'
        '\turl TEXT NOT NULL, \n'
        '\tarticle_id INTEGER NOT NULL, \n'
        '\tPRIMARY KEY (url), \n'
        '\tFOREIGN KEY(article_id) REFERENCES articles (id) ON DELETE CASCADE\n'
        ')'
    ),
    'CREATE INDEX ix_article_urls_article_id ON article_urls (article_id)',
    (
        'CREATE TABLE entries (\n'
        '\tfeed_id INTEGER NOT NULL, \n'
        '\tguid TEXT NOT NULL, \n'
        '\tarticle_id INTEGER NOT NULL, \n'
        '\tseen DATETIME NOT NULL, \n'
        '\tPRIMARY KEY (feed_id, guid), \n'
        '\tFOREIGN KEY(feed_id) REFERENCES feeds (id), \n'
        '\tFOREIGN KEY(article_id) REFERENCES articles (id) ON DELETE CASCADE\n'
        ')'
    ),
    'CREATE INDEX ix_entries_article_id ON entries (article_id)',
    (
        'CREATE TABLE related_urls (\n'
        '\tid INTEGER NOT NULL, \n'
        '\tarticle_id INTEGER NOT NULL, \n'
        '\turl TEXT NOT NULL, \n'
        '\ttitle TEXT NOT NULL, \n'
        '\tsummary TEXT NOT NULL, \n'
        '\tPRIMARY KEY (id), \n'
        '\tFOREIGN KEY(article_id) REFERENCES articles (id) ON DELETE CASCADE\n'
        ')'
    ),
    'CREATE INDEX ix_related_urls_article_id ON related_urls (article_id)',
    (
        'CREATE TABLE translations (\n'
        '\tid INTEGER NOT NULL, \n'
        '\tarticle_id INTEGER NOT NULL, \n'
        '\tfield VARCHAR(20) NOT NULL, \n'
        '\tsource_lang VARCHAR(16) NOT NULL, \n'
        '\ttarget_lang VARCHAR(16) NOT NULL, \n'
        '\ttext TEXT NOT NULL, \n'
        '\tmodel VARCHAR(100) NOT NULL, \n'
        '\tmodel_version VARCHAR(40) NOT NULL, \n'
        '\tcreated DATETIME NOT NULL, \n'
        '\tPRIMARY KEY (id), \n'
        '\tUNIQUE (article_id, field, target_lang), \n'
        '\tFOREIGN KEY(article_id) REFERENCES articles (id) ON DELETE CASCADE\n'
        ')'
    ),
    'CREATE INDEX ix_translations_article_id ON translations (article_id)',
    (
        'CREATE TABLE conversions (\n'
        '\tarticle_id INTEGER NOT NULL, \n'
        '\tfield VARCHAR(20) NOT NULL, \n'
        '\ttarget VARCHAR(16) NOT NULL, \n'
        '\ttext TEXT NOT NULL, \n'
        '\ttool VARCHAR(100) NOT NULL, \n'
        '\tPRIMARY KEY (article_id, field, target), \n'
        '\tFOREIGN KEY(article_id) REFERENCES articles (id) ON DELETE CASCADE\n'
        ')'
    ),
    (
        'CREATE TABLE article_vectors (\n'
        '\tarticle_id INTEGER NOT NULL, \n'
        '\tmodel VARCHAR(100) NOT NULL, \n'
        '\tlang VARCHAR(16) NOT NULL, \n'
        '\tvector BLOB NOT NULL, \n'
        '\tPRIMARY KEY (article_id), \n'
        '\tFOREIGN KEY(article_id) REFERENCES articles (id) ON DELETE CASCADE\n'
        ')'
    ),
    'CREATE INDEX ix_article_vectors_lang ON article_vectors (lang)',
    (
        'CREATE TABLE link_keys (\n'
        '\tarticle_id INTEGER NOT NULL, \n'
        '\tkeys TEXT NOT NULL, \n'
        '\tnames TEXT NOT NULL, \n'
        '\tplaces TEXT NOT NULL, \n'
        '\tPRIMARY KEY (article_id), \n'
        '\tFOREIGN KEY(article_id) REFERENCES articles (id) ON DELETE CASCADE\n'
        ')'
    ),
    (
        'CREATE TABLE minhash_bands (\n'
        '\thash BIGINT NOT NULL, \n'
        '\tarticle_id INTEGER NOT NULL, \n'
        '\tPRIMARY KEY (hash, article_id), \n'
        '\tFOREIGN KEY(article_id) REFERENCES articles (id) ON DELETE CASCADE\n'
        ')\n'
        ' WITHOUT ROWID\n'
        '\n'
    ),
    'CREATE INDEX ix_minhash_bands_article_id ON minhash_bands (article_id)',
    (
        'CREATE VIRTUAL TABLE search_fts USING fts5(title, body, title_tr, body_tr, '
        "tokenize='porter unicode61 remove_diacritics 2', detail=full)"
    ),
)
# fmt: on
