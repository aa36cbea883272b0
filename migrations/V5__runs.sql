-- What each fetch showed is kept as runs: "this slot showed this content from fetch A through fetch B", and the
-- same for a document path and its parse and for a page and its layout. A fetch that changes 1% of pages writes
-- about 1% of the rows; the rows per fetch of before are views of the same names and columns.
--
-- A run covers every fetch from its first to its last in date order, and its key showed the same value in each;
-- a fetch that lacks the key ends the run. last_fetch is NULL while the run reaches the newest fetch, so that a
-- fetch that shows what the one before showed writes nothing. A key's runs never overlap, and two runs of a key
-- that meet show different values.

-- The place of each fetch in date order (fetched_at, label), 1 for the oldest; the store renumbers the fetches
-- after one it inserts before them.
ALTER TABLE fetch ADD COLUMN position INTEGER;
UPDATE fetch SET position = (SELECT count(*) FROM fetch f2
                             WHERE f2.fetched_at < fetch.fetched_at
                                OR (f2.fetched_at = fetch.fetched_at AND f2.label <= fetch.label));
CREATE INDEX fetch_position ON fetch (position);

-- The formats of the documents a fetch held (quarantined ones have none), space-separated in order: the data
-- package names them per fetch.
ALTER TABLE fetch ADD COLUMN formats TEXT NOT NULL DEFAULT '';
UPDATE fetch SET formats = coalesce((SELECT group_concat(format, ' ' ORDER BY format) FROM (
    SELECT DISTINCT r.format FROM fetch_document d JOIN parse_result r ON r.result_id = d.result_id
    WHERE d.fetch_id = fetch.fetch_id AND r.format IS NOT NULL)), '');

-- The fetch in which a parse's bytes were first the only document of their page (NULL: never): what that fetch
-- observed of the page is theirs alone, and stands for the same bytes in a later fetch without a parse.
ALTER TABLE parse_result ADD COLUMN alone_in INTEGER REFERENCES fetch (fetch_id);
UPDATE parse_result SET alone_in = (
    SELECT min(d.fetch_id) FROM fetch_document d
    WHERE d.result_id = parse_result.result_id
      AND NOT EXISTS (SELECT 1 FROM parse_result r2 CROSS JOIN fetch_document d2 ON d2.result_id = r2.result_id
                      WHERE r2.page_id = parse_result.page_id AND d2.fetch_id = d.fetch_id AND d2.path_id <> d.path_id))
WHERE page_id IS NOT NULL;

-- A reference list, stored once however many contents (versions) carry it; sha256 is content.references_sha256.
CREATE TABLE reference_list (
    list_id INTEGER PRIMARY KEY,
    sha256  TEXT NOT NULL UNIQUE
);
CREATE TABLE reference_list_item (
    list_id  INTEGER NOT NULL REFERENCES reference_list (list_id),
    number   INTEGER NOT NULL,
    citation TEXT    NOT NULL,
    url      TEXT,
    pmid     TEXT,
    doi      TEXT,
    PRIMARY KEY (list_id, number)
) WITHOUT ROWID;
ALTER TABLE content ADD COLUMN reference_list_id INTEGER REFERENCES reference_list (list_id); -- NULL: none

INSERT INTO reference_list (sha256)
SELECT c.references_sha256 FROM content c
WHERE EXISTS (SELECT 1 FROM content_reference r WHERE r.content_id = c.content_id)
GROUP BY c.references_sha256 ORDER BY min(c.content_id);
UPDATE content SET reference_list_id = (SELECT l.list_id FROM reference_list l WHERE l.sha256 = content.references_sha256)
WHERE EXISTS (SELECT 1 FROM content_reference r WHERE r.content_id = content.content_id);
INSERT INTO reference_list_item (list_id, number, citation, url, pmid, doi)
SELECT l.list_id, r.number, r.citation, r.url, r.pmid, r.doi
FROM reference_list l
JOIN content_reference r ON r.content_id = (SELECT min(c.content_id) FROM content c WHERE c.reference_list_id = l.list_id);

-- The data-quality notes on what a fetch showed in a slot, as sets stored once; note_key is the notes in order.
CREATE TABLE note_set (
    note_set_id INTEGER PRIMARY KEY,
    note_key    TEXT NOT NULL UNIQUE  -- kind, char(31), detail; the notes joined by char(30), ordered
);
CREATE TABLE note_set_item (
    note_set_id INTEGER NOT NULL REFERENCES note_set (note_set_id),
    kind        TEXT    NOT NULL CHECK (kind IN ('dangling_citation', 'unused_reference')),
    detail      TEXT    NOT NULL,
    PRIMARY KEY (note_set_id, kind, detail)
) WITHOUT ROWID;

CREATE TEMP TABLE observed_notes AS
SELECT slot_id, fetch_id, group_concat(kind || char(31) || detail, char(30) ORDER BY kind, detail) AS note_key
FROM observation_note GROUP BY slot_id, fetch_id;
INSERT INTO note_set (note_key) SELECT DISTINCT note_key FROM temp.observed_notes ORDER BY note_key;
INSERT OR IGNORE INTO note_set_item (note_set_id, kind, detail)
SELECT s.note_set_id, n.kind, n.detail
FROM observation_note n
JOIN temp.observed_notes o ON o.slot_id = n.slot_id AND o.fetch_id = n.fetch_id
JOIN note_set s ON s.note_key = o.note_key;

-- The runs.
CREATE TABLE observation_run (
    slot_id     INTEGER NOT NULL REFERENCES slot (slot_id),
    first_fetch INTEGER NOT NULL REFERENCES fetch (fetch_id),
    last_fetch  INTEGER REFERENCES fetch (fetch_id),  -- NULL: through the newest fetch
    content_id  INTEGER NOT NULL REFERENCES content (content_id),
    question_id INTEGER NOT NULL REFERENCES question (question_id),
    note_set_id INTEGER REFERENCES note_set (note_set_id),
    PRIMARY KEY (slot_id, first_fetch)
) WITHOUT ROWID;
CREATE INDEX observation_run_first ON observation_run (first_fetch);
CREATE INDEX observation_run_last ON observation_run (last_fetch);

CREATE TABLE document_run (
    path_id     INTEGER NOT NULL REFERENCES document_path (path_id),
    first_fetch INTEGER NOT NULL REFERENCES fetch (fetch_id),
    last_fetch  INTEGER REFERENCES fetch (fetch_id),
    result_id   INTEGER NOT NULL REFERENCES parse_result (result_id),
    PRIMARY KEY (path_id, first_fetch)
) WITHOUT ROWID;
CREATE INDEX document_run_first ON document_run (first_fetch);
CREATE INDEX document_run_last ON document_run (last_fetch);
CREATE INDEX document_run_result ON document_run (result_id);

CREATE TABLE page_layout_run (
    page_id     INTEGER NOT NULL REFERENCES page (page_id),
    first_fetch INTEGER NOT NULL REFERENCES fetch (fetch_id),
    last_fetch  INTEGER REFERENCES fetch (fetch_id),
    layout_id   INTEGER NOT NULL REFERENCES layout (layout_id),
    PRIMARY KEY (page_id, first_fetch)
) WITHOUT ROWID;
CREATE INDEX page_layout_run_first ON page_layout_run (first_fetch);
CREATE INDEX page_layout_run_last ON page_layout_run (last_fetch);

-- Each key's facts in date order become runs: a row starts one when the fetch before it in date order did not
-- show the key or showed another value.
INSERT INTO observation_run (slot_id, first_fetch, last_fetch, content_id, question_id, note_set_id)
WITH facts AS (
    SELECT o.slot_id AS k, f.position, o.content_id, o.question_id, ns.note_set_id
    FROM observation o
    JOIN fetch f ON f.fetch_id = o.fetch_id
    LEFT JOIN temp.observed_notes n ON n.slot_id = o.slot_id AND n.fetch_id = o.fetch_id
    LEFT JOIN note_set ns ON ns.note_key = n.note_key),
marked AS (
    SELECT *, CASE WHEN lag(position) OVER w = position - 1 AND lag(content_id) OVER w = content_id
                        AND lag(question_id) OVER w = question_id AND lag(note_set_id) OVER w IS note_set_id
                   THEN 0 ELSE 1 END AS starts
    FROM facts WINDOW w AS (PARTITION BY k ORDER BY position)),
numbered AS (SELECT *, sum(starts) OVER (PARTITION BY k ORDER BY position) AS run FROM marked),
runs AS (SELECT k, min(position) AS first_position, max(position) AS last_position, content_id, question_id, note_set_id
         FROM numbered GROUP BY k, run)
SELECT k, ff.fetch_id, CASE WHEN last_position < (SELECT max(position) FROM fetch) THEN fl.fetch_id END,
       content_id, question_id, note_set_id
FROM runs JOIN fetch ff ON ff.position = first_position JOIN fetch fl ON fl.position = last_position;

INSERT INTO document_run (path_id, first_fetch, last_fetch, result_id)
WITH facts AS (
    SELECT d.path_id AS k, f.position, d.result_id FROM fetch_document d JOIN fetch f ON f.fetch_id = d.fetch_id),
marked AS (
    SELECT *, CASE WHEN lag(position) OVER w = position - 1 AND lag(result_id) OVER w = result_id THEN 0 ELSE 1 END AS starts
    FROM facts WINDOW w AS (PARTITION BY k ORDER BY position)),
numbered AS (SELECT *, sum(starts) OVER (PARTITION BY k ORDER BY position) AS run FROM marked),
runs AS (SELECT k, min(position) AS first_position, max(position) AS last_position, result_id FROM numbered GROUP BY k, run)
SELECT k, ff.fetch_id, CASE WHEN last_position < (SELECT max(position) FROM fetch) THEN fl.fetch_id END, result_id
FROM runs JOIN fetch ff ON ff.position = first_position JOIN fetch fl ON fl.position = last_position;

INSERT INTO page_layout_run (page_id, first_fetch, last_fetch, layout_id)
WITH facts AS (
    SELECT l.page_id AS k, f.position, l.layout_id FROM page_fetch_layout l JOIN fetch f ON f.fetch_id = l.fetch_id),
marked AS (
    SELECT *, CASE WHEN lag(position) OVER w = position - 1 AND lag(layout_id) OVER w = layout_id THEN 0 ELSE 1 END AS starts
    FROM facts WINDOW w AS (PARTITION BY k ORDER BY position)),
numbered AS (SELECT *, sum(starts) OVER (PARTITION BY k ORDER BY position) AS run FROM marked),
runs AS (SELECT k, min(position) AS first_position, max(position) AS last_position, layout_id FROM numbered GROUP BY k, run)
SELECT k, ff.fetch_id, CASE WHEN last_position < (SELECT max(position) FROM fetch) THEN fl.fetch_id END, layout_id
FROM runs JOIN fetch ff ON ff.position = first_position JOIN fetch fl ON fl.position = last_position;

DROP TABLE temp.observed_notes;

-- The views that read the tables replaced, dropped with them and defined again on the runs.
DROP VIEW answer_versions;
DROP VIEW answer_rows;
DROP VIEW current_answers;
DROP VIEW pages;
DROP VIEW version_references;
DROP VIEW quarantine;
DROP VIEW document;
DROP VIEW answer_changes;
DROP VIEW page_layout_changes;
DROP VIEW page_layout;
DROP TABLE observation_note;
DROP TABLE observation;
DROP TABLE fetch_document;
DROP TABLE page_fetch_layout;
DROP TABLE content_reference;

-- Each run with the places in date order of its first and last fetch (the newest fetch's while it reaches it).
CREATE VIEW observation_run_span AS
SELECT r.slot_id, r.first_fetch, r.last_fetch, r.content_id, r.question_id, r.note_set_id,
       a.position AS first_position, coalesce(b.position, (SELECT max(position) FROM fetch)) AS last_position
FROM observation_run r JOIN fetch a ON a.fetch_id = r.first_fetch LEFT JOIN fetch b ON b.fetch_id = r.last_fetch;

CREATE VIEW document_run_span AS
SELECT r.path_id, r.first_fetch, r.last_fetch, r.result_id,
       a.position AS first_position, coalesce(b.position, (SELECT max(position) FROM fetch)) AS last_position
FROM document_run r JOIN fetch a ON a.fetch_id = r.first_fetch LEFT JOIN fetch b ON b.fetch_id = r.last_fetch;

CREATE VIEW page_layout_run_span AS
SELECT r.page_id, r.first_fetch, r.last_fetch, r.layout_id,
       a.position AS first_position, coalesce(b.position, (SELECT max(position) FROM fetch)) AS last_position
FROM page_layout_run r JOIN fetch a ON a.fetch_id = r.first_fetch LEFT JOIN fetch b ON b.fetch_id = r.last_fetch;

-- The facts per fetch, as the tables of before had them: a row for each fetch a run covers.
CREATE VIEW observation AS
SELECT r.slot_id, f.fetch_id, r.content_id, r.question_id
FROM observation_run_span r JOIN fetch f ON f.position BETWEEN r.first_position AND r.last_position;

CREATE VIEW observation_note AS
SELECT r.slot_id, f.fetch_id, n.kind, n.detail
FROM observation_run_span r
JOIN note_set_item n ON n.note_set_id = r.note_set_id
JOIN fetch f ON f.position BETWEEN r.first_position AND r.last_position;

CREATE VIEW fetch_document AS
SELECT f.fetch_id, r.path_id, r.result_id
FROM document_run_span r JOIN fetch f ON f.position BETWEEN r.first_position AND r.last_position;

CREATE VIEW page_fetch_layout AS
SELECT r.page_id, f.fetched_at, f.label, f.fetch_id, r.layout_id
FROM page_layout_run_span r JOIN fetch f ON f.position BETWEEN r.first_position AND r.last_position;

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
       -- a version starts a run of its slot: the notes of what its first fetch showed
       (SELECT group_concat(n.kind || ': ' || n.detail, '; ') FROM observation_run o
         JOIN note_set_item n ON n.note_set_id = o.note_set_id
         WHERE o.slot_id = v.slot_id AND o.first_fetch = v.valid_from_fetch) AS notes
FROM version v
JOIN slot s ON s.slot_id = v.slot_id
JOIN page p ON p.page_id = s.page_id
JOIN content c ON c.content_id = v.content_id
JOIN fetch ff ON ff.fetch_id = v.valid_from_fetch
LEFT JOIN fetch ft ON ft.fetch_id = v.valid_to_fetch;

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
       (SELECT min(f.fetched_at) FROM observation_run o JOIN fetch f ON f.fetch_id = o.first_fetch
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

CREATE VIEW pages AS
SELECT p.page_key,
       p.gard_id,
       p.slug,
       p.title,
       p.synonyms,
       (SELECT min(f.fetched_at) FROM parse_result r JOIN document_run d ON d.result_id = r.result_id
         JOIN fetch f ON f.fetch_id = d.first_fetch WHERE r.page_id = p.page_id) AS first_seen,
       (SELECT max(f.fetched_at) FROM parse_result r JOIN document_run_span d ON d.result_id = r.result_id
         JOIN fetch f ON f.position = d.last_position WHERE r.page_id = p.page_id) AS last_seen,
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
JOIN fetch f ON f.position BETWEEN d.first_position AND d.last_position
JOIN document_path dp ON dp.path_id = d.path_id
WHERE r.quarantine_reason IS NOT NULL;

CREATE VIEW page_layout AS
SELECT pl.page_id, pl.fetched_at, pl.label, pl.fetch_id, l.formats, l.landmarks, l.outline
FROM page_fetch_layout pl
JOIN layout l ON l.layout_id = pl.layout_id;

-- Each page's layout beside the one of the fetch before in which the page was parsed (NULLs for its first): the
-- run before is the page's run that starts last before this fetch (the same run, when it covers both).
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
       -- 1 when the page came in another format or with another outline; unknown outlines count as the same
       coalesce(lc.formats <> lp.formats OR lc.outline <> lp.outline, 0) AS layout_changed
FROM page_layout_run_span c
JOIN fetch f ON f.position BETWEEN c.first_position AND c.last_position
JOIN layout lc ON lc.layout_id = c.layout_id
LEFT JOIN page_layout_run_span p ON p.page_id = c.page_id
     AND p.first_position = (SELECT max(p2.first_position) FROM page_layout_run_span p2
                             WHERE p2.page_id = c.page_id AND p2.first_position < f.position)
LEFT JOIN fetch pf ON pf.position = min(p.last_position, f.position - 1)
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
       -- the page came in another format or layout in this fetch than in the one before that showed it: only where
       -- a run of its layouts starts
       coalesce((SELECT coalesce(lc.formats <> lp.formats OR lc.outline <> lp.outline, 0)
                 FROM page_layout_run c
                 JOIN layout lc ON lc.layout_id = c.layout_id
                 JOIN page_layout_run_span pr ON pr.page_id = c.page_id
                      AND pr.first_position = (SELECT max(p2.first_position) FROM page_layout_run_span p2
                                               WHERE p2.page_id = c.page_id AND p2.first_position < f.position)
                 JOIN layout lp ON lp.layout_id = pr.layout_id
                 WHERE c.page_id = s.page_id AND c.first_fetch = e.fetch_id), 0) AS layout_changed
FROM change_event e
JOIN fetch f ON f.fetch_id = e.fetch_id
JOIN slot s ON s.slot_id = e.slot_id
JOIN page p ON p.page_id = s.page_id;
