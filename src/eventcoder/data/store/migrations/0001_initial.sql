-- eventcoder store, migration 0001: the initial schema.
-- Source: written for eventcoder (MIT). Applied in order by eventcoder.store.migrations on open;
-- a migration runs in one transaction with its row in schema_version, so it applies whole or not at all.
-- Known problems: list columns keep compound actors position by position (NULL for an unknown
--   country or sector); DuckDB indexes speed up point look-ups only, range filters rely on zone maps.

CREATE SEQUENCE article_seq;
CREATE SEQUENCE event_seq;
CREATE SEQUENCE failure_seq;

CREATE TABLE runs (
    id VARCHAR PRIMARY KEY,
    command VARCHAR NOT NULL,
    inputs VARCHAR[],
    started TIMESTAMP NOT NULL,
    finished TIMESTAMP,
    status VARCHAR NOT NULL,            -- running | finished | failed (a killed run stays "running")
    articles_read INTEGER NOT NULL DEFAULT 0,
    articles_stored INTEGER NOT NULL DEFAULT 0,
    already_stored INTEGER NOT NULL DEFAULT 0,
    duplicates INTEGER NOT NULL DEFAULT 0,
    events INTEGER NOT NULL DEFAULT 0,
    canonical_events INTEGER NOT NULL DEFAULT 0,
    failures INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE articles (
    id VARCHAR PRIMARY KEY,             -- sha256 of the normalised URL, or of the normalised text
    seq BIGINT NOT NULL DEFAULT nextval('article_seq'),
    input_id VARCHAR,                   -- the id the input gave it (file name, file:line, URL)
    source VARCHAR,
    url VARCHAR,
    title VARCHAR,
    published DATE,
    text VARCHAR NOT NULL,              -- the clean text every span refers to
    sha256 VARCHAR NOT NULL,            -- of the normalised text
    canonical_id VARCHAR NOT NULL,      -- itself, or the article it (nearly) duplicates
    duplicate_kind VARCHAR,             -- NULL | exact | near
    similarity DOUBLE,                  -- estimated Jaccard similarity to the canonical article
    num_events INTEGER NOT NULL DEFAULT 0,
    ingested_at TIMESTAMP NOT NULL,
    run_id VARCHAR
);
CREATE INDEX articles_sha256 ON articles (sha256);

CREATE TABLE article_minhash (
    article_id VARCHAR PRIMARY KEY,
    signature BLOB NOT NULL             -- MinHash hash values, little-endian uint32
);

CREATE TABLE article_lsh (
    bucket BIGINT NOT NULL,             -- hash of (band number, band values)
    article_id VARCHAR NOT NULL
);
CREATE INDEX article_lsh_bucket ON article_lsh (bucket);

CREATE TABLE events (
    id VARCHAR PRIMARY KEY,
    seq BIGINT NOT NULL DEFAULT nextval('event_seq'),
    article_id VARCHAR NOT NULL,
    run_id VARCHAR,
    canonical_id VARCHAR,               -- the canonical event this one reports (itself when canonical)
    is_canonical BOOLEAN NOT NULL,
    from_duplicate BOOLEAN NOT NULL,    -- coded from a duplicate article: never counted
    event_type VARCHAR NOT NULL,
    mode VARCHAR,
    context VARCHAR[],
    cameo VARCHAR,
    quad_class TINYINT,
    goldstein DOUBLE,
    date VARCHAR,                       -- as in the record: 2023-11-04, 2023-W44, 2023-11, 2023
    date_precision VARCHAR,
    date_start DATE,
    date_end DATE,
    day DATE,                           -- date_start, or the publication date of an undated event
    factuality VARCHAR NOT NULL,
    confidence DOUBLE,
    evidence VARCHAR,
    place_name VARCHAR,
    place_country VARCHAR,
    place_geonameid BIGINT,
    place_lat DOUBLE,
    place_lon DOUBLE,
    actor_countries VARCHAR[],
    actor_sectors VARCHAR[],
    actor_names VARCHAR[],
    recipient_countries VARCHAR[],
    recipient_sectors VARCHAR[],
    recipient_names VARCHAR[],
    trigger_text VARCHAR,
    trigger_start INTEGER,
    trigger_end INTEGER,
    sentence_index INTEGER,
    sentence_start INTEGER,
    sentence_end INTEGER,
    sentence_text VARCHAR,
    source VARCHAR,
    url VARCHAR,
    published DATE,
    match_key VARCHAR,                  -- NULL: never merged across articles
    num_mentions INTEGER NOT NULL DEFAULT 0,
    num_sources INTEGER NOT NULL DEFAULT 0,
    num_articles INTEGER NOT NULL DEFAULT 0,
    ingested_at TIMESTAMP NOT NULL,
    record VARCHAR NOT NULL             -- the event record of DESIGN.md, as JSON text
);
CREATE INDEX events_article ON events (article_id);
CREATE INDEX events_match_key ON events (match_key);

CREATE TABLE entities (
    event_id VARCHAR NOT NULL,
    role VARCHAR NOT NULL,              -- actor | recipient
    position INTEGER NOT NULL,
    entity_text VARCHAR,
    name VARCHAR,
    country VARCHAR,
    sector VARCHAR,
    office VARCHAR,
    identifier_id VARCHAR,
    span_start INTEGER,
    span_end INTEGER,
    PRIMARY KEY (event_id, role, position)
);

CREATE TABLE event_mentions (
    event_id VARCHAR PRIMARY KEY,       -- the mention (a stored event)
    canonical_id VARCHAR NOT NULL,
    article_id VARCHAR NOT NULL,
    source_key VARCHAR NOT NULL,        -- outlet, else the URL's host, else "unknown"
    from_duplicate BOOLEAN NOT NULL,
    sentence_index INTEGER,
    sentence_start INTEGER,
    sentence_end INTEGER,
    trigger_start INTEGER,
    trigger_end INTEGER,
    run_id VARCHAR
);
CREATE INDEX event_mentions_canonical ON event_mentions (canonical_id);

CREATE TABLE ingest_failures (
    id BIGINT PRIMARY KEY DEFAULT nextval('failure_seq'),
    run_id VARCHAR,
    source VARCHAR,                     -- file, file:line or URL
    article_id VARCHAR NOT NULL,
    reason VARCHAR NOT NULL,
    recorded_at TIMESTAMP NOT NULL
);
