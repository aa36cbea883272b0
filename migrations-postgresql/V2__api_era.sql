-- SQLite's V6 to V8 in the mirror: the parser version of each parse result (V6); the question-and-answer era read
-- from GARD's API records (V7): phenotype lists kept as runs per page, the parts of structured references by
-- citation, and stale dates that a rewrite dated before the old text was last seen reveals. V8 constrains
-- fetch.position in SQLite and adds no column.

ALTER TABLE parse_result ADD COLUMN parser_version bigint;

CREATE TABLE phenotype_list (
    list_id    bigint PRIMARY KEY,
    sha256     text COLLATE "C" NOT NULL,
    mirror_row uuid NOT NULL UNIQUE
);

CREATE TABLE phenotype_list_item (
    list_id    bigint NOT NULL,
    position   bigint NOT NULL,
    term       text COLLATE "C" NOT NULL,
    frequency  text COLLATE "C",
    mirror_row uuid NOT NULL UNIQUE,
    PRIMARY KEY (list_id, position)
);

ALTER TABLE parse_result ADD COLUMN phenotype_list_id bigint;
ALTER TABLE parse_result ADD COLUMN answers bigint;

CREATE TABLE page_phenotype_run (
    page_id           bigint NOT NULL,
    first_fetch       bigint NOT NULL,
    last_fetch        bigint,
    phenotype_list_id bigint NOT NULL,
    mirror_row        uuid NOT NULL UNIQUE,
    PRIMARY KEY (page_id, first_fetch)
);
CREATE INDEX page_phenotype_run_first ON page_phenotype_run (first_fetch);
CREATE INDEX page_phenotype_run_last ON page_phenotype_run (last_fetch);

CREATE TABLE reference_parts (
    citation   text COLLATE "C" PRIMARY KEY,
    authors    text COLLATE "C",
    title      text COLLATE "C",
    container  text COLLATE "C",
    published  text COLLATE "C",
    volume     text COLLATE "C",
    pages      text COLLATE "C",
    mirror_row uuid NOT NULL UNIQUE
);

CREATE VIEW page_phenotype_run_span AS
SELECT r.page_id, r.first_fetch, r.last_fetch, r.phenotype_list_id,
       a.position AS first_position, coalesce(b.position, (SELECT max(position) FROM "fetch")) AS last_position
FROM page_phenotype_run r JOIN "fetch" a ON a.fetch_id = r.first_fetch LEFT JOIN "fetch" b ON b.fetch_id = r.last_fetch;

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
JOIN "fetch" ff ON ff.fetch_id = r.first_fetch
JOIN "fetch" fl ON fl.position = r.last_position;

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

-- the last fetch before this one in which the slot was observed: SQLite's max(min(last, here - 1)) over the runs
-- that began before it (both positions are never NULL here, so LEAST is SQLite's two-argument min)
DROP VIEW stale_dates;
CREATE VIEW stale_dates AS
SELECT t.fetch_id, t.fetched_at, t.page_key, t.page_title, t.slot_key, t.topic, t.last_updated, t.from_version,
       t.to_version,
       seen.fetched_at AS previous_text_last_seen,
       CASE WHEN t.last_updated = t.previous_last_updated THEN 'date unchanged'
            ELSE 'date before the previous text was last seen' END AS stale_because
FROM version_transitions t
JOIN version v ON v.version_id = t.to_version
JOIN "fetch" here ON here.fetch_id = t.fetch_id
JOIN "fetch" seen ON seen.position = (SELECT max(least(o.last_position, here.position - 1)) FROM observation_run_span o
                                      WHERE o.slot_id = v.slot_id AND o.first_position < here.position)
WHERE t.text_changed = 1 AND t.last_updated IS NOT NULL
  AND (t.last_updated = t.previous_last_updated OR t.last_updated < substr(seen.fetched_at, 1, 10));
