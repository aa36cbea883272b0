-- The question-and-answer era read from GARD's own API records (2010-2020): phenotype lists kept apart from
-- the answers, the parts of structured references, and stale dates that a rewrite dated before the old text was
-- last seen reveals.

-- A page's list of signs and symptoms (Human Phenotype Ontology terms) as one document showed it, stored once
-- however many documents show it; sha256 is over the terms and frequencies in order.
CREATE TABLE phenotype_list (
    list_id INTEGER PRIMARY KEY,
    sha256  TEXT NOT NULL UNIQUE
);
CREATE TABLE phenotype_list_item (
    list_id   INTEGER NOT NULL REFERENCES phenotype_list (list_id),
    position  INTEGER NOT NULL,  -- 1 for the first term as the page lists them
    term      TEXT    NOT NULL,
    frequency TEXT,              -- as the page states it; NULL: none stated
    PRIMARY KEY (list_id, position)
) WITHOUT ROWID;

-- The list the bytes of a document gave when parsed (NULL: none, or parsed before lists were kept).
ALTER TABLE parse_result ADD COLUMN phenotype_list_id INTEGER REFERENCES phenotype_list (list_id);

-- How many answers the parse gave (NULL: parsed before this was kept). A document that showed none (a record of
-- GARD's API without an answered question) says nothing of any slot, so it removes none.
ALTER TABLE parse_result ADD COLUMN answers INTEGER;

-- Which list each page showed from one fetch through another, as runs like the other facts (V5): a fetch in which
-- the page shows no list ends the run.
CREATE TABLE page_phenotype_run (
    page_id           INTEGER NOT NULL REFERENCES page (page_id),
    first_fetch       INTEGER NOT NULL REFERENCES fetch (fetch_id),
    last_fetch        INTEGER REFERENCES fetch (fetch_id),  -- NULL: through the newest fetch
    phenotype_list_id INTEGER NOT NULL REFERENCES phenotype_list (list_id),
    PRIMARY KEY (page_id, first_fetch)
) WITHOUT ROWID;
CREATE INDEX page_phenotype_run_first ON page_phenotype_run (first_fetch);
CREATE INDEX page_phenotype_run_last ON page_phenotype_run (last_fetch);

CREATE VIEW page_phenotype_run_span AS
SELECT r.page_id, r.first_fetch, r.last_fetch, r.phenotype_list_id,
       a.position AS first_position, coalesce(b.position, (SELECT max(position) FROM fetch)) AS last_position
FROM page_phenotype_run r JOIN fetch a ON a.fetch_id = r.first_fetch LEFT JOIN fetch b ON b.fetch_id = r.last_fetch;

-- One row per term of each list a page showed, with the first and last fetch of the run that showed it.
CREATE VIEW phenotypes AS
SELECT p.page_key,
       p.gard_id,
       p.title AS page_title,
       i.position,
       i.term,
       i.frequency,
       ff.fetched_at AS listed_from,
       fl.fetched_at AS listed_to,
       r.last_position - r.first_position + 1 AS fetches
FROM page_phenotype_run_span r
JOIN page p ON p.page_id = r.page_id
JOIN phenotype_list_item i ON i.list_id = r.phenotype_list_id
JOIN fetch ff ON ff.fetch_id = r.first_fetch
JOIN fetch fl ON fl.position = r.last_position;

-- The parts of a reference that a source keeps apart (GARD's API), by the citation text they print as. Kept beside
-- the reference lists rather than in them: a citation reads the same whether its source kept its parts or not,
-- so its parts must not make two versions of an answer.
CREATE TABLE reference_parts (
    citation  TEXT PRIMARY KEY,
    authors   TEXT,
    title     TEXT,
    container TEXT,   -- the journal, book or website
    published TEXT,   -- the date as written
    volume    TEXT,
    pages     TEXT
) WITHOUT ROWID;

DROP VIEW version_references;
CREATE VIEW version_references AS
SELECT v.version_id,
       i.number,
       i.citation,
       i.url,
       i.pmid,
       i.doi,
       rp.authors,
       rp.title,
       rp.container,
       rp.published,
       rp.volume,
       rp.pages
FROM version v
JOIN content c ON c.content_id = v.content_id
JOIN reference_list_item i ON i.list_id = c.reference_list_id
LEFT JOIN reference_parts rp ON rp.citation = i.citation;

-- A text that changed is stale-dated when its stated date stayed the same, or when the new text states a date
-- older than the last fetch that showed the old text: GARD rewrote it after that fetch but left an earlier date on
-- it (a source that stated no date for the old text, as MedQuAD, can only show the second).
DROP VIEW stale_dates;
CREATE VIEW stale_dates AS
SELECT t.fetch_id, t.fetched_at, t.page_key, t.page_title, t.slot_key, t.topic, t.last_updated, t.from_version,
       t.to_version,
       seen.fetched_at AS previous_text_last_seen,
       CASE WHEN t.last_updated = t.previous_last_updated THEN 'date unchanged'
            ELSE 'date before the previous text was last seen' END AS stale_because
FROM version_transitions t
JOIN version v ON v.version_id = t.to_version
JOIN fetch here ON here.fetch_id = t.fetch_id
JOIN fetch seen ON seen.position = (SELECT max(min(o.last_position, here.position - 1)) FROM observation_run_span o
                                    WHERE o.slot_id = v.slot_id AND o.first_position < here.position)
WHERE t.text_changed = 1 AND t.last_updated IS NOT NULL
  AND (t.last_updated = t.previous_last_updated OR t.last_updated < substr(seen.fetched_at, 1, 10));
