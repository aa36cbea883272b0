-- The structure each parse found: the landmarks of its format that the document showed (one per line; '' for a
-- format whose parser keeps none) and a hash of the tag-and-class outline of its content area. NULL in rows parsed
-- before this version: their layout is unknown, and no change is said to have come with a change of layout.
ALTER TABLE parse_result ADD COLUMN landmarks TEXT;
ALTER TABLE parse_result ADD COLUMN outline_sha256 TEXT;

-- Each distinct layout a page came in: the formats, landmarks and outlines of its documents in one fetch (the
-- least and the greatest of each). A few hundred distinct layouts serve every page of every fetch, so a fetch
-- adds a small row per page, not its landmarks again. layout_key holds the three, NULLs marked, to find one.
CREATE TABLE layout (
    layout_id  INTEGER PRIMARY KEY,
    formats    TEXT NOT NULL,
    landmarks  TEXT,              -- one landmark a line; NULL when a document's layout is unknown
    outline    TEXT,              -- likewise
    layout_key TEXT NOT NULL UNIQUE
);

-- The layout of each page in each fetch that parsed it, written with the fetch. The fetch's date and label are
-- repeated so that a page's previous layout is one seek in the primary key, whatever order the fetches were
-- ingested in.
CREATE TABLE page_fetch_layout (
    page_id    INTEGER NOT NULL REFERENCES page (page_id),
    fetched_at TEXT    NOT NULL,
    label      TEXT    NOT NULL,
    fetch_id   INTEGER NOT NULL REFERENCES fetch (fetch_id),
    layout_id  INTEGER NOT NULL REFERENCES layout (layout_id),
    PRIMARY KEY (page_id, fetched_at, label)
) WITHOUT ROWID;
CREATE INDEX page_fetch_layout_fetch ON page_fetch_layout (fetch_id);

CREATE VIEW page_layout AS
SELECT pl.page_id, pl.fetched_at, pl.label, pl.fetch_id, l.formats, l.landmarks, l.outline
FROM page_fetch_layout pl
JOIN layout l ON l.layout_id = pl.layout_id;

-- The fetches stored before this version: their pages' formats are known, their landmarks and outlines not.
INSERT OR IGNORE INTO layout (formats, landmarks, outline, layout_key)
SELECT DISTINCT formats, NULL, NULL, formats || char(30) || char(31) || char(30) || char(31)
FROM (SELECT min(r.format) || ' ' || max(r.format) AS formats
      FROM fetch_document d
      JOIN parse_result r ON r.result_id = d.result_id
      WHERE r.page_id IS NOT NULL
      GROUP BY d.fetch_id, r.page_id);

INSERT INTO page_fetch_layout (page_id, fetched_at, label, fetch_id, layout_id)
SELECT x.page_id, x.fetched_at, x.label, x.fetch_id, l.layout_id
FROM (SELECT r.page_id, f.fetched_at, f.label, f.fetch_id, min(r.format) || ' ' || max(r.format) AS formats
      FROM fetch_document d
      JOIN parse_result r ON r.result_id = d.result_id
      JOIN fetch f ON f.fetch_id = d.fetch_id
      WHERE r.page_id IS NOT NULL
      GROUP BY f.fetch_id, r.page_id) x
JOIN layout l ON l.layout_key = x.formats || char(30) || char(31) || char(30) || char(31);

-- Each page's layout beside the one of the fetch before in which the page was parsed (NULLs for its first). On the
-- tables, not on page_layout, so that a query for one fetch or page seeks rather than reads every fetch's layouts.
CREATE VIEW page_layout_changes AS
SELECT c.fetch_id,
       c.page_id,
       lc.formats,
       lc.landmarks,
       lc.outline,
       p.fetch_id   AS previous_fetch_id,
       lp.formats   AS previous_formats,
       lp.landmarks AS previous_landmarks,
       lp.outline   AS previous_outline,
       -- 1 when the page came in another format or with another outline; unknown outlines count as the same
       coalesce(lc.formats <> lp.formats OR lc.outline <> lp.outline, 0) AS layout_changed
FROM page_fetch_layout c
JOIN layout lc ON lc.layout_id = c.layout_id
LEFT JOIN page_fetch_layout p ON p.page_id = c.page_id
     AND (p.fetched_at, p.label) = (SELECT p2.fetched_at, p2.label FROM page_fetch_layout p2
                                    WHERE p2.page_id = c.page_id AND (p2.fetched_at, p2.label) < (c.fetched_at, c.label)
                                    ORDER BY p2.fetched_at DESC, p2.label DESC LIMIT 1)
LEFT JOIN layout lp ON lp.layout_id = p.layout_id;

DROP VIEW answer_changes;
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
       -- the page came in another format or layout in this fetch than in the one before that showed it
       coalesce((SELECT l.layout_changed FROM page_layout_changes l
                 WHERE l.page_id = s.page_id AND l.fetch_id = e.fetch_id), 0) AS layout_changed
FROM change_event e
JOIN fetch f ON f.fetch_id = e.fetch_id
JOIN slot s ON s.slot_id = e.slot_id
JOIN page p ON p.page_id = s.page_id;
