package org.gardpipeline.store;

import java.sql.SQLException;

/**
 * The layout of each page in each fetch ({@code page_fetch_layout}, each distinct layout stored once in
 * {@code layout}): written once a fetch's documents are, from the parse results of its documents, so that a page's
 * documents taken from an earlier parse carry their layout too.
 */
final class PageLayouts {
    private final Statements sql;

    PageLayouts(Statements sql) {
        this.sql = sql;
    }

    /**
     * Writes the layout of every page the fetch parsed. A document parsed before the store kept layouts has none
     * (NULL), and then neither has its page in this fetch.
     */
    void write(long fetchId) throws SQLException {
        // a new layout is stored once; each page of the fetch then names its layout
        sql.update("INSERT OR IGNORE INTO layout (formats, landmarks, outline, layout_key) "
                + "SELECT DISTINCT formats, landmarks, outline, layout_key FROM (" + PAGES_OF_FETCH + ")", fetchId);
        sql.update("INSERT INTO page_fetch_layout (page_id, fetched_at, label, fetch_id, layout_id) "
                + "SELECT x.page_id, x.fetched_at, x.label, x.fetch_id, l.layout_id FROM (" + PAGES_OF_FETCH + ") x "
                + "JOIN layout l ON l.layout_key = x.layout_key", fetchId);
    }

    /** Each page the fetch parsed, with the layout of its documents there and that layout's key. */
    private static final String PAGES_OF_FETCH = """
            SELECT page_id, fetched_at, label, fetch_id, formats, landmarks, outline,
                   formats || char(30) || coalesce(landmarks, char(31)) || char(30) || coalesce(outline, char(31))
                       AS layout_key
            FROM (SELECT r.page_id, f.fetched_at, f.label, f.fetch_id, min(r.format) || ' ' || max(r.format) AS formats,
                         -- one landmark a line: the least list's, then the greatest's
                         CASE WHEN count(r.landmarks) = count(*) THEN min(r.landmarks) || char(10) || max(r.landmarks) END
                             AS landmarks,
                         CASE WHEN count(r.landmarks) = count(*)
                              THEN min(coalesce(r.outline_sha256, '')) || ' ' || max(coalesce(r.outline_sha256, '')) END
                             AS outline
                  FROM fetch f
                  JOIN fetch_document d ON d.fetch_id = f.fetch_id
                  JOIN parse_result r ON r.result_id = d.result_id
                  WHERE f.fetch_id = ? AND r.page_id IS NOT NULL
                  GROUP BY r.page_id)""";

    /** How many pages of the fetch came in another format or layout than in the fetch before that showed them. */
    int changedPages(long fetchId) throws SQLException {
        return sql.single("SELECT count(*) FROM page_layout_changes WHERE fetch_id = ? AND layout_changed = 1",
                fetchId).intValue();
    }
}
