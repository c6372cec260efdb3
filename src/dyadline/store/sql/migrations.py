"""The database schema, as named migrations applied in order and recorded in ``migrations``.

A migration is never edited once released: change the schema by appending a new one. The
SQL is DuckDB's; a PostgreSQL dialect would sit beside this module with the same names.
"""

from __future__ import annotations

__all__ = ["MIGRATIONS", "MIGRATIONS_TABLE"]

MIGRATIONS_TABLE = """
CREATE TABLE IF NOT EXISTS migrations (
    name VARCHAR PRIMARY KEY,
    applied_at TIMESTAMP NOT NULL
)
"""

_CORE = [
    """
    CREATE TABLE runs (
        id BIGINT PRIMARY KEY,
        started TIMESTAMP NOT NULL,
        finished TIMESTAMP,
        args VARCHAR NOT NULL,           -- JSON object
        counts VARCHAR,                  -- JSON object (WriteSummary)
        dyadline_version VARCHAR NOT NULL
    )
    """,
    """
    CREATE TABLE articles (
        id VARCHAR PRIMARY KEY,
        content_hash VARCHAR NOT NULL UNIQUE,
        url VARCHAR,
        source VARCHAR,
        outlet VARCHAR,                  -- source, else the URL's host
        title VARCHAR,
        published DATE,
        body VARCHAR NOT NULL,
        origin VARCHAR NOT NULL,
        language VARCHAR,
        meta VARCHAR,                    -- JSON array of [key, value]
        url_version INTEGER NOT NULL,    -- 1 for the first version of a URL
        supersedes VARCHAR,              -- id of the previous version of the same URL
        document_id VARCHAR NOT NULL,    -- id of the first version of the same URL (else own id)
        story_id VARCHAR NOT NULL,       -- near-duplicate cluster (id of its first article)
        ingested_at TIMESTAMP NOT NULL,
        run_id BIGINT
    )
    """,
    """
    CREATE TABLE sentences (
        article_id VARCHAR NOT NULL,
        n INTEGER NOT NULL,
        "start" INTEGER NOT NULL,
        "end" INTEGER NOT NULL
    )
    """,
    """
    CREATE TABLE mentions (
        article_id VARCHAR NOT NULL,
        n INTEGER NOT NULL,
        code VARCHAR NOT NULL,
        country VARCHAR,
        sector VARCHAR,
        org VARCHAR,
        name VARCHAR,
        text VARCHAR NOT NULL,
        "start" INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        basis VARCHAR NOT NULL
    )
    """,
    """
    CREATE TABLE flags (
        article_id VARCHAR NOT NULL,
        n INTEGER NOT NULL,
        kind VARCHAR NOT NULL,
        message VARCHAR NOT NULL,
        mention VARCHAR NOT NULL,
        "start" INTEGER,
        "end" INTEGER,
        readings VARCHAR[] NOT NULL
    )
    """,
    """
    CREATE TABLE timexes (
        article_id VARCHAR NOT NULL,
        n INTEGER NOT NULL,
        text VARCHAR NOT NULL,
        "start" INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        value VARCHAR NOT NULL,
        kind VARCHAR NOT NULL,
        span_start DATE,
        span_end DATE,
        span_granularity VARCHAR,
        span_basis VARCHAR
    )
    """,
    """
    CREATE TABLE quarantine (
        key VARCHAR NOT NULL,            -- sha256 of origin, code, reason, raw: a re-run adds nothing
        origin VARCHAR NOT NULL,
        code VARCHAR NOT NULL,
        reason VARCHAR NOT NULL,
        raw VARCHAR NOT NULL,
        run_id BIGINT,
        "at" TIMESTAMP NOT NULL
    )
    """,
    """
    CREATE TABLE store_meta (
        key VARCHAR PRIMARY KEY,
        value VARCHAR NOT NULL
    )
    """,
]

# The columns of one coded event; ``events`` (one row per deduplicated event) and ``reports``
# (one row per article that reported it) both carry them, written out in each table.
_EVENT_COLUMNS = """
        source_code VARCHAR, source_country VARCHAR, source_sector VARCHAR, source_org VARCHAR,
        source_name VARCHAR, source_text VARCHAR, source_start INTEGER, source_end INTEGER,
        source_basis VARCHAR,
        target_code VARCHAR, target_country VARCHAR, target_sector VARCHAR, target_org VARCHAR,
        target_name VARCHAR, target_text VARCHAR, target_start INTEGER, target_end INTEGER,
        target_basis VARCHAR,
        cameo VARCHAR NOT NULL, root VARCHAR NOT NULL, quad_class TINYINT NOT NULL,
        goldstein DOUBLE NOT NULL, plover VARCHAR, plover_mode VARCHAR,
        date_start DATE, date_end DATE, date_granularity VARCHAR NOT NULL,
        date_basis VARCHAR NOT NULL, date_text VARCHAR,
        day DATE,                        -- the date a timeline counts it on: start, else end
        place_name VARCHAR, place_country VARCHAR, place_lat DOUBLE, place_lon DOUBLE,
        place_feature VARCHAR, place_text VARCHAR, place_start INTEGER, place_end INTEGER,
        place_geonameid BIGINT,
        evidence_text VARCHAR NOT NULL, evidence_start INTEGER NOT NULL,
        evidence_end INTEGER NOT NULL,
        trigger_text VARCHAR NOT NULL, trigger_start INTEGER NOT NULL, trigger_end INTEGER NOT NULL,
        said_by_text VARCHAR, said_by_start INTEGER, said_by_end INTEGER,
        said_by_code VARCHAR, said_by_actor VARCHAR,   -- the cited actor as JSON
        modality VARCHAR[] NOT NULL,
        uncertain BOOLEAN NOT NULL,      -- negated or hypothetical
        confidence DOUBLE NOT NULL,
        rule VARCHAR NOT NULL, lexicon_entry VARCHAR NOT NULL,
        coder_version VARCHAR NOT NULL, lexicon_version VARCHAR NOT NULL,
        actors_version VARCHAR NOT NULL
"""

_EVENTS = [
    f"""
    CREATE TABLE events (
        id BIGINT NOT NULL,
        article_id VARCHAR NOT NULL,     -- the first article that reported it
        n_mentions INTEGER NOT NULL,     -- reports (GDELT NumMentions)
        n_sources INTEGER NOT NULL,      -- distinct outlets (GDELT NumSources)
        n_articles INTEGER NOT NULL,     -- distinct documents (GDELT NumArticles)
        n_stories INTEGER NOT NULL,      -- distinct near-duplicate clusters
        {_EVENT_COLUMNS}
    )
    """,
    f"""
    CREATE TABLE reports (
        id BIGINT NOT NULL,
        event_id BIGINT NOT NULL,
        article_id VARCHAR NOT NULL,
        n INTEGER NOT NULL,              -- position among the article's events
        outlet VARCHAR,
        run_id BIGINT,
        {_EVENT_COLUMNS}
    )
    """,
    # Fetching a page of events or an article's reports by id reads only the rows it needs.
    "CREATE INDEX events_id ON events (id)",
    "CREATE INDEX reports_event ON reports (event_id)",
    "CREATE INDEX reports_article ON reports (article_id)",
]

_DEDUP = [
    """
    CREATE TABLE signatures (
        article_id VARCHAR NOT NULL,
        minhash BLOB NOT NULL
    )
    """,
    """
    CREATE TABLE lsh_bands (
        band SMALLINT NOT NULL,
        bucket BIGINT NOT NULL,
        article_id VARCHAR NOT NULL
    )
    """,
]

MIGRATIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("0001_core", tuple(_CORE)),
    ("0002_events", tuple(_EVENTS)),
    ("0003_near_duplicates", tuple(_DEDUP)),
)
