-- eventcoder store, migration 0003: corrections by analysts, kept as an audit trail beside the original.
-- Source: written for eventcoder (MIT).
-- How it works (see eventcoder.store.corrections): a correction rewrites the event's columns and its
--   `record` JSON with the corrected values (the record then says "corrected": true), copies the record
--   as coded into `original_record` the first time (never overwritten, so the original is never lost),
--   and adds one row per changed field to `corrections` (old and new values as JSON text).
--   `not_event` marks a row an analyst judged not to be an event: queries and exports skip it by default.
-- Known problems: correcting a canonical event changes it for every report merged into it; the
--   reports themselves (non-canonical rows) keep their coded values.

ALTER TABLE events ADD COLUMN corrected BOOLEAN DEFAULT false;
ALTER TABLE events ADD COLUMN not_event BOOLEAN DEFAULT false;
ALTER TABLE events ADD COLUMN original_record VARCHAR;
UPDATE events SET corrected = false, not_event = false WHERE corrected IS NULL OR not_event IS NULL;

CREATE SEQUENCE correction_seq;

CREATE TABLE corrections (
    id BIGINT PRIMARY KEY DEFAULT nextval('correction_seq'),
    event_id VARCHAR NOT NULL,
    field VARCHAR NOT NULL,             -- event_type | mode | cameo | quad_class | goldstein | factuality | date |
                                        -- date_precision | place | actor | recipient | not_event
    old VARCHAR,                        -- JSON text of the value before
    new VARCHAR,                        -- JSON text of the value after
    note VARCHAR,
    author VARCHAR,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX corrections_event ON corrections (event_id);
