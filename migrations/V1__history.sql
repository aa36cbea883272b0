-- The versioned history of GARD answers.
-- Facts (what each fetch held) are kept as they were observed; versions and change events are derived
-- from them per answer slot, so that a fetch ingested out of date order yields the same timeline.

CREATE TABLE fetch (
    fetch_id       INTEGER PRIMARY KEY,
    fetched_at     TEXT    NOT NULL,              -- ISO-8601 date or date-time: when the pages were fetched
    label          TEXT    NOT NULL DEFAULT '',   -- from the folder name after the date, may be empty
    source         TEXT,
    complete       INTEGER NOT NULL DEFAULT 0 CHECK (complete IN (0, 1)),
    origin         TEXT    NOT NULL,              -- the folder or file it was ingested from
    content_sha256 TEXT    NOT NULL,              -- over the names and bytes of its documents
    ingested_at    TEXT    NOT NULL,
    documents      INTEGER NOT NULL,
    parsed         INTEGER NOT NULL,
    quarantined    INTEGER NOT NULL,
    reused         INTEGER NOT NULL DEFAULT 0,    -- documents whose bytes were parsed before: not parsed again
    seconds        REAL,                          -- wall time of its ingest
    UNIQUE (fetched_at, label)
);

CREATE TABLE page (
    page_id   INTEGER PRIMARY KEY,
    page_key  TEXT NOT NULL UNIQUE,   -- 'gard-<id>' for pages with a GARD id, 'name-<title key>' otherwise
    gard_id   TEXT UNIQUE,
    slug      TEXT,
    title     TEXT NOT NULL,
    synonyms  TEXT NOT NULL DEFAULT ''  -- joined with '; ', as last seen
);

-- Normalised titles and other names, to match documents that carry no GARD id.
CREATE TABLE page_name (
    name_key TEXT    NOT NULL,
    page_id  INTEGER NOT NULL REFERENCES page (page_id),
    PRIMARY KEY (name_key, page_id)
) WITHOUT ROWID;

-- What the bytes of a document gave when parsed, once per distinct content: its page (or the reason it was
-- quarantined). Parsers are pure, so the same bytes in a later fetch need no parse and no new row.
CREATE TABLE parse_result (
    result_id         INTEGER PRIMARY KEY,
    sha256            TEXT    NOT NULL UNIQUE,
    format            TEXT,
    whole_page        INTEGER NOT NULL DEFAULT 0,  -- 1 when the format shows every answer of its page
    page_id           INTEGER REFERENCES page (page_id),
    inquiry           TEXT,        -- the inquirer's question a published answer responds to
    facts             TEXT,        -- page facts as a JSON object
    quarantine_reason TEXT,
    CHECK ((page_id IS NULL) <> (quarantine_reason IS NULL))
);
CREATE INDEX parse_result_page ON parse_result (page_id);

CREATE TABLE document_path (
    path_id INTEGER PRIMARY KEY,
    path    TEXT NOT NULL UNIQUE
);

-- Every document of every fetch: a few integers per row, so a fetch that changed little costs little.
CREATE TABLE fetch_document (
    fetch_id  INTEGER NOT NULL REFERENCES fetch (fetch_id),
    path_id   INTEGER NOT NULL REFERENCES document_path (path_id),
    result_id INTEGER NOT NULL REFERENCES parse_result (result_id),
    PRIMARY KEY (fetch_id, path_id)
) WITHOUT ROWID;
CREATE INDEX fetch_document_result ON fetch_document (result_id, fetch_id);

CREATE VIEW document AS
SELECT d.fetch_id, p.path, r.sha256, r.format, r.page_id, r.inquiry, r.facts, r.quarantine_reason
FROM fetch_document d
JOIN document_path p ON p.path_id = d.path_id
JOIN parse_result r ON r.result_id = d.result_id;

CREATE TABLE slot (
    slot_id            INTEGER PRIMARY KEY,
    page_id            INTEGER NOT NULL REFERENCES page (page_id),
    slot_key           TEXT    NOT NULL,
    topic              TEXT    NOT NULL CHECK (topic IN ('summary', 'symptoms', 'causes', 'inheritance',
                                                        'diagnosis', 'treatment', 'prognosis', 'other')),
    current_version_id INTEGER,             -- the newest version, kept by the store
    present            INTEGER NOT NULL DEFAULT 0,  -- 0 after a 'removed' event
    UNIQUE (page_id, slot_key)
);

-- What a reader would see of an answer, stored once however many fetches and slots show it.
CREATE TABLE content (
    content_id        INTEGER PRIMARY KEY,
    sha256            TEXT NOT NULL UNIQUE,  -- over text, date and references
    answer_text       TEXT NOT NULL,
    last_updated      TEXT,                  -- ISO date as stated on the page
    text_sha256       TEXT NOT NULL,
    references_sha256 TEXT NOT NULL,
    word_count        INTEGER NOT NULL
);

CREATE TABLE content_reference (
    content_id INTEGER NOT NULL REFERENCES content (content_id),
    number     INTEGER NOT NULL,
    citation   TEXT    NOT NULL,
    url        TEXT,
    pmid       TEXT,
    doi        TEXT,
    PRIMARY KEY (content_id, number)
) WITHOUT ROWID;

-- A question (or section heading) as one document format writes it.
CREATE TABLE question (
    question_id INTEGER PRIMARY KEY,
    text        TEXT NOT NULL,
    format      TEXT NOT NULL,
    UNIQUE (text, format)
);

-- The fact: in this fetch, this slot showed this content under this question.
CREATE TABLE observation (
    slot_id     INTEGER NOT NULL REFERENCES slot (slot_id),
    fetch_id    INTEGER NOT NULL REFERENCES fetch (fetch_id),
    content_id  INTEGER NOT NULL REFERENCES content (content_id),
    question_id INTEGER NOT NULL REFERENCES question (question_id),
    PRIMARY KEY (slot_id, fetch_id)
) WITHOUT ROWID;

-- Data-quality notes on what a fetch showed in a slot: a citation [n] with no reference n on the page, or a
-- reference of the page that no answer cites. Kept, never silently dropped.
CREATE TABLE observation_note (
    slot_id  INTEGER NOT NULL,
    fetch_id INTEGER NOT NULL,
    kind     TEXT    NOT NULL CHECK (kind IN ('dangling_citation', 'unused_reference')),
    detail   TEXT    NOT NULL,
    PRIMARY KEY (slot_id, fetch_id, kind, detail),
    FOREIGN KEY (slot_id, fetch_id) REFERENCES observation (slot_id, fetch_id)
) WITHOUT ROWID;

-- Derived: consecutive distinct contents of a slot. valid_to is the fetch that replaced it (NULL: newest).
CREATE TABLE version (
    version_id       INTEGER PRIMARY KEY,
    slot_id          INTEGER NOT NULL REFERENCES slot (slot_id),
    content_id       INTEGER NOT NULL REFERENCES content (content_id),
    question         TEXT    NOT NULL,
    valid_from_fetch INTEGER NOT NULL REFERENCES fetch (fetch_id),
    valid_to_fetch   INTEGER REFERENCES fetch (fetch_id),
    UNIQUE (slot_id, valid_from_fetch)
);

-- Derived: what happened to a slot in a fetch.
CREATE TABLE change_event (
    fetch_id           INTEGER NOT NULL REFERENCES fetch (fetch_id),
    slot_id            INTEGER NOT NULL REFERENCES slot (slot_id),
    change             TEXT    NOT NULL CHECK (change IN ('added', 'changed', 'removed', 'restored')),
    text_changed       INTEGER NOT NULL,
    date_changed       INTEGER NOT NULL,
    references_changed INTEGER NOT NULL,
    from_version       INTEGER REFERENCES version (version_id),
    to_version         INTEGER REFERENCES version (version_id),
    PRIMARY KEY (slot_id, fetch_id)
);
CREATE INDEX change_event_fetch ON change_event (fetch_id);

CREATE VIEW answer_versions AS
SELECT v.version_id,
       p.page_key,
       s.slot_key,
       s.topic,
       v.question,
       c.answer_text,
       c.last_updated,
       ff.fetched_at AS valid_from,
       ft.fetched_at AS valid_to,
       c.text_sha256 AS answer_sha256,
       c.word_count,
       (SELECT group_concat(n.kind || ': ' || n.detail, '; ') FROM observation_note n
         WHERE n.slot_id = v.slot_id AND n.fetch_id = v.valid_from_fetch) AS notes
FROM version v
JOIN slot s ON s.slot_id = v.slot_id
JOIN page p ON p.page_id = s.page_id
JOIN content c ON c.content_id = v.content_id
JOIN fetch ff ON ff.fetch_id = v.valid_from_fetch
LEFT JOIN fetch ft ON ft.fetch_id = v.valid_to_fetch;

CREATE VIEW answer_changes AS
SELECT e.fetch_id,
       f.fetched_at,
       p.page_key,
       s.slot_key,
       s.topic,
       e.change,
       e.text_changed,
       e.date_changed,
       e.references_changed,
       e.from_version,
       e.to_version
FROM change_event e
JOIN fetch f ON f.fetch_id = e.fetch_id
JOIN slot s ON s.slot_id = e.slot_id
JOIN page p ON p.page_id = s.page_id;

-- Every version with what the answer rows of the CSV files show about it; current_answers and the
-- export's as-of query both read it.
CREATE VIEW answer_rows AS
SELECT s.slot_id,
       v.version_id,
       p.page_key,
       p.gard_id,
       p.title AS page_title,
       s.slot_key,
       s.topic,
       v.question,
       c.answer_text,
       c.last_updated,
       (SELECT min(f.fetched_at) FROM observation o JOIN fetch f ON f.fetch_id = o.fetch_id
         WHERE o.slot_id = s.slot_id) AS first_seen,
       fv.fetched_at AS last_changed,
       (SELECT count(*) FROM version v2 WHERE v2.slot_id = s.slot_id) AS versions,
       c.text_sha256 AS answer_sha256,
       c.word_count,
       CASE WHEN p.gard_id IS NOT NULL AND p.slug IS NOT NULL
            THEN 'https://rarediseases.info.nih.gov/diseases/' || p.gard_id || '/' || p.slug END AS url
FROM version v
JOIN slot s ON s.slot_id = v.slot_id
JOIN page p ON p.page_id = s.page_id
JOIN content c ON c.content_id = v.content_id
JOIN fetch fv ON fv.fetch_id = v.valid_from_fetch;

CREATE VIEW current_answers AS
SELECT r.page_key, r.gard_id, r.page_title, r.slot_key, r.topic, r.question, r.answer_text, r.last_updated,
       r.first_seen, r.last_changed, r.versions, r.answer_sha256, r.word_count, r.url
FROM slot s
JOIN answer_rows r ON r.version_id = s.current_version_id
WHERE s.present = 1;

-- The rows of the CSV datasets that have no view of DESIGN.md's name.
CREATE VIEW fetches AS
SELECT f.fetch_id,
       f.fetched_at,
       f.label,
       f.complete,
       f.documents,
       f.parsed,
       f.quarantined,
       (SELECT count(*) FROM change_event e WHERE e.fetch_id = f.fetch_id AND e.change = 'added')    AS added,
       (SELECT count(*) FROM change_event e WHERE e.fetch_id = f.fetch_id AND e.change = 'changed')  AS changed,
       (SELECT count(*) FROM change_event e WHERE e.fetch_id = f.fetch_id AND e.change = 'removed')  AS removed,
       (SELECT count(*) FROM change_event e WHERE e.fetch_id = f.fetch_id AND e.change = 'restored') AS restored,
       f.source,
       f.seconds,
       f.reused
FROM fetch f;

CREATE VIEW pages AS
SELECT p.page_key,
       p.gard_id,
       p.slug,
       p.title,
       p.synonyms,
       (SELECT min(f.fetched_at) FROM parse_result r JOIN fetch_document d ON d.result_id = r.result_id
         JOIN fetch f ON f.fetch_id = d.fetch_id WHERE r.page_id = p.page_id) AS first_seen,
       (SELECT max(f.fetched_at) FROM parse_result r JOIN fetch_document d ON d.result_id = r.result_id
         JOIN fetch f ON f.fetch_id = d.fetch_id WHERE r.page_id = p.page_id) AS last_seen,
       CASE WHEN p.gard_id IS NOT NULL AND p.slug IS NOT NULL
            THEN 'https://rarediseases.info.nih.gov/diseases/' || p.gard_id || '/' || p.slug END AS url
FROM page p;

CREATE VIEW version_references AS
SELECT v.version_id,
       r.number,
       r.citation,
       r.url,
       r.pmid,
       r.doi
FROM version v
JOIN content_reference r ON r.content_id = v.content_id;

CREATE VIEW quarantine AS
SELECT d.fetch_id,
       dp.path,
       r.quarantine_reason AS reason
FROM parse_result r
JOIN fetch_document d ON d.result_id = r.result_id
JOIN document_path dp ON dp.path_id = d.path_id
WHERE r.quarantine_reason IS NOT NULL;

-- Date honesty. Every change between two versions, with the stated dates on both sides...
CREATE VIEW version_transitions AS
SELECT e.fetch_id,
       f.fetched_at,
       p.page_key,
       p.title AS page_title,
       s.slot_key,
       s.topic,
       e.text_changed,
       e.date_changed,
       cf.last_updated AS previous_last_updated,
       ct.last_updated,
       e.from_version,
       e.to_version
FROM change_event e
JOIN fetch f ON f.fetch_id = e.fetch_id
JOIN slot s ON s.slot_id = e.slot_id
JOIN page p ON p.page_id = s.page_id
JOIN version vf ON vf.version_id = e.from_version
JOIN content cf ON cf.content_id = vf.content_id
JOIN version vt ON vt.version_id = e.to_version
JOIN content ct ON ct.content_id = vt.content_id
WHERE e.change IN ('changed', 'restored');

-- ...answers whose text changed while the stated last-updated date stayed the same...
CREATE VIEW stale_dates AS
SELECT fetch_id, fetched_at, page_key, page_title, slot_key, topic, last_updated, from_version, to_version
FROM version_transitions
WHERE text_changed = 1 AND date_changed = 0 AND last_updated IS NOT NULL;

-- ...and answers whose stated date moved while the text did not.
CREATE VIEW date_only_changes AS
SELECT fetch_id, fetched_at, page_key, page_title, slot_key, topic, previous_last_updated, last_updated,
       from_version, to_version
FROM version_transitions
WHERE text_changed = 0 AND date_changed = 1;

-- Full-text search over the current answers, kept in step with the versions by the store (rowid = slot_id).
CREATE VIRTUAL TABLE answer_search USING fts5(page_title, question, answer_text, tokenize = 'porter unicode61');
