-- The names a page is known by, each with its source: 'page', the document's own title and other names (every name
-- kept before schema 9); 'site-list', the names and synonyms that GARD's list of its pages
-- (assets/diseases.trimmed.json, kept in the WARC of a fetch made by it) gives the page's GARD id. A name that
-- both give is kept once for each. The list's names are the page's other names, never its title, and no answers:
-- they make no version and no change event. name is the name as the list writes it (the page's own names are in
-- page.title and page.synonyms; NULL there). Rebuilt, as SQLite cannot change a primary key in place.
CREATE TABLE page_name_by_source (
    name_key TEXT    NOT NULL,
    page_id  INTEGER NOT NULL REFERENCES page (page_id),
    source   TEXT    NOT NULL DEFAULT 'page' CHECK (source IN ('page', 'site-list')),
    name     TEXT,
    PRIMARY KEY (name_key, page_id, source)
) WITHOUT ROWID;
INSERT INTO page_name_by_source (name_key, page_id, source) SELECT name_key, page_id, 'page' FROM page_name;
DROP TABLE page_name;
ALTER TABLE page_name_by_source RENAME TO page_name;
