"""The statements of the single writer and of opening a database."""

from __future__ import annotations

__all__ = [
    "APPLIED_MIGRATIONS",
    "BAND_MATCHES",
    "COUNT_ROWS",
    "DELETE_BANDS",
    "EVENTS_OF_STORIES",
    "FINISH_RUN",
    "GET_META",
    "HAS_TABLE",
    "INSERT_BY_NAME",
    "INSERT_RUN",
    "KNOWN_HASHES",
    "KNOWN_QUARANTINE",
    "LATEST_VERSIONS",
    "MAX_ID",
    "MERGE_CANDIDATES",
    "MERGE_STORIES",
    "RECORD_MIGRATION",
    "RUN_EXISTS",
    "SET_META",
    "SIGNATURES",
    "TEXT_INDEX",
    "TEXT_INDEX_EXISTS",
    "UPDATE_EVENT_COUNTS",
    "USED_IDS",
]

HAS_TABLE = "SELECT count(*) FROM duckdb_tables() WHERE schema_name = 'main' AND table_name = ?"
APPLIED_MIGRATIONS = "SELECT name FROM migrations ORDER BY name"
RECORD_MIGRATION = "INSERT INTO migrations (name, applied_at) VALUES (?, ?)"
COUNT_ROWS = "SELECT count(*) FROM {table}"

GET_META = "SELECT value FROM store_meta WHERE key = ?"
SET_META = "INSERT OR REPLACE INTO store_meta (key, value) VALUES (?, ?)"

MAX_ID = "SELECT coalesce(max(id), 0) FROM {table}"
INSERT_RUN = """
INSERT INTO runs (id, started, finished, args, counts, dyadline_version)
VALUES (?, ?, NULL, ?, NULL, ?)
"""
RUN_EXISTS = "SELECT count(*) FROM runs WHERE id = ?"
FINISH_RUN = "UPDATE runs SET finished = ?, counts = ? WHERE id = ?"

# {rel} is an Arrow table registered on the connection for the statement.
INSERT_BY_NAME = "INSERT INTO {table} BY NAME SELECT * FROM {rel}"

KNOWN_HASHES = "SELECT content_hash FROM articles WHERE content_hash IN (SELECT unnest(?::VARCHAR[]))"
USED_IDS = "SELECT id FROM articles WHERE id IN (SELECT unnest(?::VARCHAR[]))"
LATEST_VERSIONS = """
SELECT url, id, url_version, document_id FROM articles
WHERE url IN (SELECT unnest(?::VARCHAR[]))
QUALIFY row_number() OVER (PARTITION BY url ORDER BY url_version DESC) = 1
"""
KNOWN_QUARANTINE = "SELECT key FROM quarantine WHERE key IN (SELECT unnest(?::VARCHAR[]))"

BAND_MATCHES = """
SELECT m.idx, m.article_id, s.minhash, a.story_id
FROM (SELECT DISTINCT n.idx, b.article_id
      FROM {rel} n JOIN lsh_bands b ON b.band = n.band AND b.bucket = n.bucket) m
JOIN signatures s ON s.article_id = m.article_id
JOIN articles a ON a.id = m.article_id
"""
SIGNATURES = "SELECT article_id, minhash FROM signatures"
DELETE_BANDS = "DELETE FROM lsh_bands"
MERGE_STORIES = "UPDATE articles SET story_id = ? WHERE story_id IN (SELECT unnest(?::VARCHAR[]))"
EVENTS_OF_STORIES = """
SELECT DISTINCT r.event_id FROM reports r JOIN articles a ON a.id = r.article_id
WHERE a.story_id IN (SELECT unnest(?::VARCHAR[]))
"""

MERGE_CANDIDATES = """
SELECT n.idx, e.id, e.date_start, e.date_end, e.date_granularity, e.modality
FROM {rel} n JOIN events e
  ON e.source_code = n.source_code AND e.target_code = n.target_code AND e.root = n.root
 AND e.date_start <= n.date_end AND e.date_end >= n.date_start
"""

# Counts of the given events, recomputed from their reports. An article without a known
# outlet counts as its own source; versions of one URL count as one article.
UPDATE_EVENT_COUNTS = """
UPDATE events SET n_mentions = c.m, n_sources = c.s, n_articles = c.a, n_stories = c.st
FROM (
    SELECT r.event_id,
           count(*) AS m,
           count(DISTINCT coalesce(r.outlet, 'document:' || a.document_id)) AS s,
           count(DISTINCT a.document_id) AS a,
           count(DISTINCT a.story_id) AS st
    FROM reports r JOIN articles a ON a.id = r.article_id
    WHERE r.event_id IN (SELECT unnest(?::BIGINT[]))
    GROUP BY r.event_id
) c
WHERE events.id = c.event_id
"""

TEXT_INDEX = "PRAGMA create_fts_index('reports', 'id', 'evidence_text', overwrite = 1)"
TEXT_INDEX_EXISTS = "SELECT count(*) FROM duckdb_schemas() WHERE schema_name = 'fts_main_reports'"
