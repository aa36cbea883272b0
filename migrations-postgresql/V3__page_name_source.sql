-- SQLite's V9 in the mirror: each name a page is known by with its source ('page' or 'site-list', GARD's list of its
-- pages) and, for the list's, the name as the list writes it.

ALTER TABLE page_name ADD COLUMN source text COLLATE "C" NOT NULL DEFAULT 'page';
ALTER TABLE page_name ADD COLUMN name text COLLATE "C";
ALTER TABLE page_name DROP CONSTRAINT page_name_pkey;
ALTER TABLE page_name ADD PRIMARY KEY (name_key, page_id, source);
