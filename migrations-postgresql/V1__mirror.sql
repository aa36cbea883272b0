-- The PostgreSQL mirror of the SQLite history (gard publish): the SQLite base tables with their columns and ids, and
-- the views of docs/data.md over them, written for PostgreSQL. The SQLite schema (migrations/) stays the source: a
-- publish copies its rows here, it never derives anything itself.
--
-- Every mirrored table has one more column, mirror_row: a digest of the row's values, which is how a publish tells
-- the rows it must add from those already here and those to delete (see org.gardpipeline.publish.TableDiff).
-- Text columns compare as bytes (COLLATE "C"), as SQLite's BINARY collation does, so that ORDER BY and comparisons of
-- dates and keys give the same rows in both engines. No foreign keys: the rows are checked in SQLite, and a publish
-- deletes and inserts rows in whatever order the differences come.
-- FETCH is a reserved word in PostgreSQL: the table keeps its SQLite name, quoted ("fetch").

-- Which SQLite database this schema mirrors, and when it was last published: one row.
CREATE TABLE mirror_state (
    database_id  text COLLATE "C" NOT NULL,   -- digest of the SQLite database's first fetch, see publish.Identity
    sqlite_file  text COLLATE "C" NOT NULL,
    published_at timestamptz NOT NULL,
    published_by text COLLATE "C" NOT NULL    -- the gard-pipeline version
);

CREATE TABLE "fetch" (
    fetch_id       bigint PRIMARY KEY,
    fetched_at     text COLLATE "C" NOT NULL,
    label          text COLLATE "C" NOT NULL,
    source         text COLLATE "C",
    complete       bigint NOT NULL,
    origin         text COLLATE "C" NOT NULL,
    content_sha256 text COLLATE "C" NOT NULL,
    ingested_at    text COLLATE "C" NOT NULL,
    documents      bigint NOT NULL,
    parsed         bigint NOT NULL,
    quarantined    bigint NOT NULL,
    reused         bigint NOT NULL,
    seconds        double precision,
    position       bigint,
    formats        text COLLATE "C" NOT NULL,
    mirror_row     uuid NOT NULL UNIQUE
);
CREATE INDEX fetch_position ON "fetch" (position);

CREATE TABLE page (
    page_id    bigint PRIMARY KEY,
    page_key   text COLLATE "C" NOT NULL,
    gard_id    text COLLATE "C",
    slug       text COLLATE "C",
    title      text COLLATE "C" NOT NULL,
    synonyms   text COLLATE "C" NOT NULL,
    mirror_row uuid NOT NULL UNIQUE
);
CREATE INDEX page_key ON page (page_key);

CREATE TABLE page_name (
    name_key   text COLLATE "C" NOT NULL,
    page_id    bigint NOT NULL,
    mirror_row uuid NOT NULL UNIQUE,
    PRIMARY KEY (name_key, page_id)
);

CREATE TABLE parse_result (
    result_id         bigint PRIMARY KEY,
    sha256            text COLLATE "C" NOT NULL,
    format            text COLLATE "C",
    whole_page        bigint NOT NULL,
    page_id           bigint,
    inquiry           text COLLATE "C",
    facts             text COLLATE "C",
    quarantine_reason text COLLATE "C",
    title             text COLLATE "C",
    slug              text COLLATE "C",
    synonyms          text COLLATE "C",
    landmarks         text COLLATE "C",
    outline_sha256    text COLLATE "C",
    alone_in          bigint,
    mirror_row        uuid NOT NULL UNIQUE
);
CREATE INDEX parse_result_page ON parse_result (page_id);

CREATE TABLE document_path (
    path_id    bigint PRIMARY KEY,
    path       text COLLATE "C" NOT NULL,
    mirror_row uuid NOT NULL UNIQUE
);

CREATE TABLE slot (
    slot_id            bigint PRIMARY KEY,
    page_id            bigint NOT NULL,
    slot_key           text COLLATE "C" NOT NULL,
    topic              text COLLATE "C" NOT NULL,
    current_version_id bigint,
    present            bigint NOT NULL,
    mirror_row         uuid NOT NULL UNIQUE
);
CREATE INDEX slot_page ON slot (page_id);

CREATE TABLE content (
    content_id        bigint PRIMARY KEY,
    sha256            text COLLATE "C" NOT NULL,
    answer_text       text COLLATE "C" NOT NULL,
    last_updated      text COLLATE "C",
    text_sha256       text COLLATE "C" NOT NULL,
    references_sha256 text COLLATE "C" NOT NULL,
    word_count        bigint NOT NULL,
    reference_list_id bigint,
    mirror_row        uuid NOT NULL UNIQUE
);

CREATE TABLE question (
    question_id bigint PRIMARY KEY,
    text        text COLLATE "C" NOT NULL,
    format      text COLLATE "C" NOT NULL,
    mirror_row  uuid NOT NULL UNIQUE
);

CREATE TABLE version (
    version_id       bigint PRIMARY KEY,
    slot_id          bigint NOT NULL,
    content_id       bigint NOT NULL,
    question         text COLLATE "C" NOT NULL,
    valid_from_fetch bigint NOT NULL,
    valid_to_fetch   bigint,
    mirror_row       uuid NOT NULL UNIQUE
);
CREATE INDEX version_slot ON version (slot_id, valid_from_fetch);

CREATE TABLE change_event (
    fetch_id           bigint NOT NULL,
    slot_id            bigint NOT NULL,
    change             text COLLATE "C" NOT NULL,
    text_changed       bigint NOT NULL,
    date_changed       bigint NOT NULL,
    references_changed bigint NOT NULL,
    from_version       bigint,
    to_version         bigint,
    mirror_row         uuid NOT NULL UNIQUE,
    PRIMARY KEY (slot_id, fetch_id)
);
CREATE INDEX change_event_fetch ON change_event (fetch_id);

CREATE TABLE layout (
    layout_id  bigint PRIMARY KEY,
    formats    text COLLATE "C" NOT NULL,
    landmarks  text COLLATE "C",
    outline    text COLLATE "C",
    layout_key text COLLATE "C" NOT NULL,
    mirror_row uuid NOT NULL UNIQUE
);

CREATE TABLE reference_list (
    list_id    bigint PRIMARY KEY,
    sha256     text COLLATE "C" NOT NULL,
    mirror_row uuid NOT NULL UNIQUE
);

CREATE TABLE reference_list_item (
    list_id    bigint NOT NULL,
    number     bigint NOT NULL,
    citation   text COLLATE "C" NOT NULL,
    url        text COLLATE "C",
    pmid       text COLLATE "C",
    doi        text COLLATE "C",
    mirror_row uuid NOT NULL UNIQUE,
    PRIMARY KEY (list_id, number)
);

CREATE TABLE note_set (
    note_set_id bigint PRIMARY KEY,
    note_key    text COLLATE "C" NOT NULL,
    mirror_row  uuid NOT NULL UNIQUE
);

CREATE TABLE note_set_item (
    note_set_id bigint NOT NULL,
    kind        text COLLATE "C" NOT NULL,
    detail      text COLLATE "C" NOT NULL,
    mirror_row  uuid NOT NULL UNIQUE,
    PRIMARY KEY (note_set_id, kind, detail)
);

CREATE TABLE observation_run (
    slot_id     bigint NOT NULL,
    first_fetch bigint NOT NULL,
    last_fetch  bigint,
    content_id  bigint NOT NULL,
    question_id bigint NOT NULL,
    note_set_id bigint,
    mirror_row  uuid NOT NULL UNIQUE,
    PRIMARY KEY (slot_id, first_fetch)
);
CREATE INDEX observation_run_first ON observation_run (first_fetch);
CREATE INDEX observation_run_last ON observation_run (last_fetch);

CREATE TABLE document_run (
    path_id     bigint NOT NULL,
    first_fetch bigint NOT NULL,
    last_fetch  bigint,
    result_id   bigint NOT NULL,
    mirror_row  uuid NOT NULL UNIQUE,
    PRIMARY KEY (path_id, first_fetch)
);
CREATE INDEX document_run_first ON document_run (first_fetch);
CREATE INDEX document_run_last ON document_run (last_fetch);
CREATE INDEX document_run_result ON document_run (result_id);

CREATE TABLE page_layout_run (
    page_id     bigint NOT NULL,
    first_fetch bigint NOT NULL,
    last_fetch  bigint,
    layout_id   bigint NOT NULL,
    mirror_row  uuid NOT NULL UNIQUE,
    PRIMARY KEY (page_id, first_fetch)
);
CREATE INDEX page_layout_run_first ON page_layout_run (first_fetch);
CREATE INDEX page_layout_run_last ON page_layout_run (last_fetch);

-- Full-text search over the current answers: SQLite's FTS5 table answer_search (rowid = slot_id) mirrored row for
-- row, searched through a tsvector of PostgreSQL's English configuration (Snowball stemming, stop words dropped),
-- title weighted above question above text.
CREATE TABLE answer_search (
    slot_id     bigint PRIMARY KEY,
    page_title  text COLLATE "C",
    question    text COLLATE "C",
    answer_text text COLLATE "C",
    document    tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english', coalesce(page_title, '')), 'A')
        || setweight(to_tsvector('english', coalesce(question, '')), 'B')
        || to_tsvector('english', coalesce(answer_text, ''))) STORED,
    mirror_row  uuid NOT NULL UNIQUE
);
CREATE INDEX answer_search_document ON answer_search USING gin (document);

-- The views of the SQLite schema, the same names, columns and rows. Where SQLite and PostgreSQL differ: booleans
-- are cast to integers (0/1) as SQLite gives them, group_concat is string_agg with the order SQLite's index gives,
-- and SQLite's two-argument min() (NULL when either is NULL) is written out, since LEAST ignores NULLs.

CREATE VIEW observation_run_span AS
SELECT r.slot_id, r.first_fetch, r.last_fetch, r.content_id, r.question_id, r.note_set_id,
       a.position AS first_position, coalesce(b.position, (SELECT max(position) FROM "fetch")) AS last_position
FROM observation_run r JOIN "fetch" a ON a.fetch_id = r.first_fetch LEFT JOIN "fetch" b ON b.fetch_id = r.last_fetch;

CREATE VIEW document_run_span AS
SELECT r.path_id, r.first_fetch, r.last_fetch, r.result_id,
       a.position AS first_position, coalesce(b.position, (SELECT max(position) FROM "fetch")) AS last_position
FROM document_run r JOIN "fetch" a ON a.fetch_id = r.first_fetch LEFT JOIN "fetch" b ON b.fetch_id = r.last_fetch;

CREATE VIEW page_layout_run_span AS
SELECT r.page_id, r.first_fetch, r.last_fetch, r.layout_id,
       a.position AS first_position, coalesce(b.position, (SELECT max(position) FROM "fetch")) AS last_position
FROM page_layout_run r JOIN "fetch" a ON a.fetch_id = r.first_fetch LEFT JOIN "fetch" b ON b.fetch_id = r.last_fetch;

CREATE VIEW observation AS
SELECT r.slot_id, f.fetch_id, r.content_id, r.question_id
FROM observation_run_span r JOIN "fetch" f ON f.position BETWEEN r.first_position AND r.last_position;

CREATE VIEW observation_note AS
SELECT r.slot_id, f.fetch_id, n.kind, n.detail
FROM observation_run_span r
JOIN note_set_item n ON n.note_set_id = r.note_set_id
JOIN "fetch" f ON f.position BETWEEN r.first_position AND r.last_position;

CREATE VIEW fetch_document AS
SELECT f.fetch_id, r.path_id, r.result_id
FROM document_run_span r JOIN "fetch" f ON f.position BETWEEN r.first_position AND r.last_position;

CREATE VIEW page_fetch_layout AS
SELECT r.page_id, f.fetched_at, f.label, f.fetch_id, r.layout_id
FROM page_layout_run_span r JOIN "fetch" f ON f.position BETWEEN r.first_position AND r.last_position;

CREATE VIEW content_reference AS
SELECT c.content_id, i.number, i.citation, i.url, i.pmid, i.doi
FROM content c JOIN reference_list_item i ON i.list_id = c.reference_list_id;

CREATE VIEW document AS
SELECT d.fetch_id, p.path, r.sha256, r.format, r.page_id, r.inquiry, r.facts, r.quarantine_reason
FROM fetch_document d
JOIN document_path p ON p.path_id = d.path_id
JOIN parse_result r ON r.result_id = d.result_id;

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
       (SELECT string_agg(n.kind || ': ' || n.detail, '; ' ORDER BY n.kind, n.detail) FROM observation_run o
         JOIN note_set_item n ON n.note_set_id = o.note_set_id
         WHERE o.slot_id = v.slot_id AND o.first_fetch = v.valid_from_fetch) AS notes
FROM version v
JOIN slot s ON s.slot_id = v.slot_id
JOIN page p ON p.page_id = s.page_id
JOIN content c ON c.content_id = v.content_id
JOIN "fetch" ff ON ff.fetch_id = v.valid_from_fetch
LEFT JOIN "fetch" ft ON ft.fetch_id = v.valid_to_fetch;

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
       (SELECT min(f.fetched_at) FROM observation_run o JOIN "fetch" f ON f.fetch_id = o.first_fetch
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
JOIN "fetch" fv ON fv.fetch_id = v.valid_from_fetch;

CREATE VIEW current_answers AS
SELECT r.page_key, r.gard_id, r.page_title, r.slot_key, r.topic, r.question, r.answer_text, r.last_updated,
       r.first_seen, r.last_changed, r.versions, r.answer_sha256, r.word_count, r.url
FROM slot s
JOIN answer_rows r ON r.version_id = s.current_version_id
WHERE s.present = 1;

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
FROM "fetch" f;

CREATE VIEW pages AS
SELECT p.page_key,
       p.gard_id,
       p.slug,
       p.title,
       p.synonyms,
       (SELECT min(f.fetched_at) FROM parse_result r JOIN document_run d ON d.result_id = r.result_id
         JOIN "fetch" f ON f.fetch_id = d.first_fetch WHERE r.page_id = p.page_id) AS first_seen,
       (SELECT max(f.fetched_at) FROM parse_result r JOIN document_run_span d ON d.result_id = r.result_id
         JOIN "fetch" f ON f.position = d.last_position WHERE r.page_id = p.page_id) AS last_seen,
       CASE WHEN p.gard_id IS NOT NULL AND p.slug IS NOT NULL
            THEN 'https://rarediseases.info.nih.gov/diseases/' || p.gard_id || '/' || p.slug END AS url
FROM page p;

CREATE VIEW version_references AS
SELECT v.version_id,
       i.number,
       i.citation,
       i.url,
       i.pmid,
       i.doi
FROM version v
JOIN content c ON c.content_id = v.content_id
JOIN reference_list_item i ON i.list_id = c.reference_list_id;

CREATE VIEW quarantine AS
SELECT f.fetch_id,
       dp.path,
       r.quarantine_reason AS reason
FROM parse_result r
JOIN document_run_span d ON d.result_id = r.result_id
JOIN "fetch" f ON f.position BETWEEN d.first_position AND d.last_position
JOIN document_path dp ON dp.path_id = d.path_id
WHERE r.quarantine_reason IS NOT NULL;

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
JOIN "fetch" f ON f.fetch_id = e.fetch_id
JOIN slot s ON s.slot_id = e.slot_id
JOIN page p ON p.page_id = s.page_id
JOIN version vf ON vf.version_id = e.from_version
JOIN content cf ON cf.content_id = vf.content_id
JOIN version vt ON vt.version_id = e.to_version
JOIN content ct ON ct.content_id = vt.content_id
WHERE e.change IN ('changed', 'restored');

CREATE VIEW stale_dates AS
SELECT fetch_id, fetched_at, page_key, page_title, slot_key, topic, last_updated, from_version, to_version
FROM version_transitions
WHERE text_changed = 1 AND date_changed = 0 AND last_updated IS NOT NULL;

CREATE VIEW date_only_changes AS
SELECT fetch_id, fetched_at, page_key, page_title, slot_key, topic, previous_last_updated, last_updated,
       from_version, to_version
FROM version_transitions
WHERE text_changed = 0 AND date_changed = 1;

CREATE VIEW page_layout AS
SELECT pl.page_id, pl.fetched_at, pl.label, pl.fetch_id, l.formats, l.landmarks, l.outline
FROM page_fetch_layout pl
JOIN layout l ON l.layout_id = pl.layout_id;

CREATE VIEW page_layout_changes AS
SELECT f.fetch_id,
       c.page_id,
       lc.formats,
       lc.landmarks,
       lc.outline,
       pf.fetch_id  AS previous_fetch_id,
       lp.formats   AS previous_formats,
       lp.landmarks AS previous_landmarks,
       lp.outline   AS previous_outline,
       coalesce((lc.formats <> lp.formats OR lc.outline <> lp.outline)::int, 0) AS layout_changed
FROM page_layout_run_span c
JOIN "fetch" f ON f.position BETWEEN c.first_position AND c.last_position
JOIN layout lc ON lc.layout_id = c.layout_id
LEFT JOIN page_layout_run_span p ON p.page_id = c.page_id
     AND p.first_position = (SELECT max(p2.first_position) FROM page_layout_run_span p2
                             WHERE p2.page_id = c.page_id AND p2.first_position < f.position)
LEFT JOIN "fetch" pf ON pf.position = CASE WHEN p.last_position IS NOT NULL THEN least(p.last_position, f.position - 1) END
LEFT JOIN layout lp ON lp.layout_id = p.layout_id;

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
       e.to_version,
       coalesce((SELECT coalesce((lc.formats <> lp.formats OR lc.outline <> lp.outline)::int, 0)
                 FROM page_layout_run c
                 JOIN layout lc ON lc.layout_id = c.layout_id
                 JOIN page_layout_run_span pr ON pr.page_id = c.page_id
                      AND pr.first_position = (SELECT max(p2.first_position) FROM page_layout_run_span p2
                                               WHERE p2.page_id = c.page_id AND p2.first_position < f.position)
                 JOIN layout lp ON lp.layout_id = pr.layout_id
                 WHERE c.page_id = s.page_id AND c.first_fetch = e.fetch_id), 0) AS layout_changed
FROM change_event e
JOIN "fetch" f ON f.fetch_id = e.fetch_id
JOIN slot s ON s.slot_id = e.slot_id
JOIN page p ON p.page_id = s.page_id;
