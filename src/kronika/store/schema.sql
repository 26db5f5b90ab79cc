-- kronika store, schema version 2. Ids are content-derived, so re-running an ingest replaces instead of
-- duplicating: through the primary key of the tables keyed by what they hold (documents, names, words),
-- per document or per id for the tables that grow with the reports, which have none (an insert into a
-- keyed table reads and grows its index, as large as the table: kronika.store.db.UNKEYED_TABLES).
CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR);

CREATE TABLE IF NOT EXISTS documents (
    doc_id VARCHAR PRIMARY KEY,
    source_file VARCHAR, source_path VARCHAR, fmt VARCHAR, record INTEGER,
    title VARCHAR, published VARCHAR, date_precision VARCHAR,
    outlet VARCHAR, author VARCHAR, url VARCHAR, dateline VARCHAR,
    raw_text VARCHAR, text VARCHAR, segments VARCHAR,
    n_sentences INTEGER, ingested_at TIMESTAMP
);

CREATE TABLE IF NOT EXISTS sentences (
    doc_id VARCHAR, idx INTEGER, start_char INTEGER, end_char INTEGER,
    raw_start INTEGER, raw_end INTEGER, text VARCHAR
);

-- Entities as found in one document, before the corpus-wide merge.
CREATE TABLE IF NOT EXISTS doc_entities (
    doc_id VARCHAR, key VARCHAR, name VARCHAR, type VARCHAR, country VARCHAR, sector VARCHAR,
    aliases VARCHAR[], mentions INTEGER
);

CREATE TABLE IF NOT EXISTS mentions (
    doc_id VARCHAR, start_char INTEGER, end_char INTEGER, text VARCHAR, label VARCHAR,
    sentence INTEGER, entity_key VARCHAR
);

CREATE TABLE IF NOT EXISTS roles (
    doc_id VARCHAR, entity_key VARCHAR, title VARCHAR, sector VARCHAR, country VARCHAR,
    first_seen VARCHAR, last_seen VARCHAR, since VARCHAR, until VARCHAR, former BOOLEAN
);

-- Actors listed by users (kronika ingest --actors FILE): they win over what the text suggests.
CREATE TABLE IF NOT EXISTS user_actors (
    name VARCHAR PRIMARY KEY, aliases VARCHAR[], type VARCHAR, country VARCHAR, sector VARCHAR,
    roles VARCHAR
);

-- Corpus-wide entities, rebuilt by the merge step after each ingest.
CREATE TABLE IF NOT EXISTS entities (
    entity_id VARCHAR PRIMARY KEY, name VARCHAR, type VARCHAR, country VARCHAR, sector VARCHAR,
    aliases VARCHAR[], mentions INTEGER, documents INTEGER, source VARCHAR
);
CREATE TABLE IF NOT EXISTS entity_members (
    entity_id VARCHAR, doc_id VARCHAR, key VARCHAR
);

CREATE TABLE IF NOT EXISTS events (
    id VARCHAR, doc_id VARCHAR, sentence INTEGER,
    event VARCHAR, mode VARCHAR[], context VARCHAR[], aux VARCHAR[],
    actor VARCHAR, recipient VARCHAR, actor_codes VARCHAR[], recipient_codes VARCHAR[],
    actor_keys VARCHAR[], recipient_keys VARCHAR[],
    date VARCHAR, date_precision VARCHAR, event_loc VARCHAR,
    event_scale DOUBLE, quad_code INTEGER, cameo_root VARCHAR, confidence DOUBLE,
    text VARCHAR, event_text VARCHAR, trigger_start INTEGER, trigger_end INTEGER,
    char_start INTEGER, char_end INTEGER, reported_by VARCHAR, cluster_id VARCHAR
);

CREATE TABLE IF NOT EXISTS quotes (
    id VARCHAR, doc_id VARCHAR, text VARCHAR, speaker VARCHAR, speaker_key VARCHAR,
    speaker_text VARCHAR, channel VARCHAR, date VARCHAR, date_precision VARCHAR, direct BOOLEAN,
    sentence INTEGER, char_start INTEGER, char_end INTEGER, claim_id VARCHAR
);

-- Corroboration, rebuilt after each ingest: each event report (a citation) -> its real-world event,
-- with the event's most precise date and place; each quotation -> the claim it repeats.
CREATE TABLE IF NOT EXISTS event_clusters (
    event_id VARCHAR, cluster_id VARCHAR, is_primary BOOLEAN,
    date VARCHAR, date_precision VARCHAR, event_loc VARCHAR, n_sources INTEGER
);
CREATE TABLE IF NOT EXISTS quote_claims (quote_id VARCHAR, claim_id VARCHAR);
-- Events and quotes read in a photo caption (stores made before captions were coded get false).
ALTER TABLE events ADD COLUMN IF NOT EXISTS caption BOOLEAN DEFAULT false;
ALTER TABLE quotes ADD COLUMN IF NOT EXISTS caption BOOLEAN DEFAULT false;

-- The merge's key -> entity map as of its last run: the next run recodes only the events whose keys
-- it changes (and those not yet recoded).
CREATE TABLE IF NOT EXISTS entity_keys (
    key VARCHAR PRIMARY KEY, entity_id VARCHAR, country VARCHAR, sector VARCHAR, source VARCHAR
);
-- The event's sides as its document coded them (with document-level keys): what every merge recodes
-- from, so a later merge can change an entity id or country again (stores made before: NULL, kept).
ALTER TABLE events ADD COLUMN IF NOT EXISTS actor_doc VARCHAR;
ALTER TABLE events ADD COLUMN IF NOT EXISTS recipient_doc VARCHAR;
ALTER TABLE events ADD COLUMN IF NOT EXISTS resolved BOOLEAN DEFAULT false;

-- Why each event was coded as it is (trigger entry, its source, rules, cues, how each side was found):
-- JSON, read by `kronika events --explain ID` and `--format jsonl` (stores made before: NULL).
ALTER TABLE events ADD COLUMN IF NOT EXISTS explain VARCHAR;

CREATE TABLE IF NOT EXISTS problems (
    source VARCHAR, stage VARCHAR, message VARCHAR, line INTEGER, field VARCHAR,
    severity VARCHAR, run_at TIMESTAMP
);

-- Incremental corpus-wide steps (an update costs what it adds): what each step has yet to do, and the
-- indexes that find what a new article can touch. A store made before gets false everywhere, so the
-- next ingest recomputes everything once.
ALTER TABLE documents ADD COLUMN IF NOT EXISTS merged BOOLEAN DEFAULT false;  -- its entities are merged
ALTER TABLE events ADD COLUMN IF NOT EXISTS grouped BOOLEAN DEFAULT false;  -- corroborated as it stands
ALTER TABLE quotes ADD COLUMN IF NOT EXISTS grouped BOOLEAN DEFAULT false;  -- linked to its claim
-- The group of reports linked by passing pairs that a report's event was chosen in (see dedup).
ALTER TABLE event_clusters ADD COLUMN IF NOT EXISTS component VARCHAR;
-- Each report under every (category and polarity, participant code, month) it is compared in;
-- month NULL: compared with every report of that category, polarity and code.
CREATE TABLE IF NOT EXISTS event_blocks (event_id VARCHAR, part VARCHAR, code VARCHAR, month INTEGER);
CREATE INDEX IF NOT EXISTS event_blocks_part_code ON event_blocks (part, code);
-- Each entity key under the surnames it can be merged through (its last word; a one-word name too).
CREATE TABLE IF NOT EXISTS key_index (key VARCHAR, last VARCHAR, PRIMARY KEY (key, last));
-- Surnames under their one-letter deletions: spelling variants share one.
CREATE TABLE IF NOT EXISTS surname_near (del VARCHAR, last VARCHAR, PRIMARY KEY (del, last));
-- The distinct statements (a quotation's text, or the quotation when it has under two content words)
-- each content word occurs in: what claims are sought through, and how common a word is.
CREATE TABLE IF NOT EXISTS statement_terms (term VARCHAR, rep VARCHAR, PRIMARY KEY (term, rep));
CREATE TABLE IF NOT EXISTS quote_reps (quote_id VARCHAR, rep VARCHAR);
