package org.gardpipeline.store;

import java.sql.SQLException;

/**
 * The layout of each page in each fetch ({@code page_layout}): written once a fetch's documents are, from the
 * parse results of its documents, so that a page's documents taken from an earlier parse carry their layout too.
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
        sql.update("""
                INSERT INTO page_layout (page_id, fetched_at, label, fetch_id, formats, landmarks, outline)
                SELECT r.page_id, f.fetched_at, f.label, f.fetch_id, min(r.format) || ' ' || max(r.format),
                       -- one landmark a line: the least list's, then the greatest's
                       CASE WHEN count(r.landmarks) = count(*) THEN min(r.landmarks) || char(10) || max(r.landmarks) END,
                       CASE WHEN count(r.landmarks) = count(*)
                            THEN min(coalesce(r.outline_sha256, '')) || ' ' || max(coalesce(r.outline_sha256, '')) END
                FROM fetch f
                JOIN fetch_document d ON d.fetch_id = f.fetch_id
                JOIN parse_result r ON r.result_id = d.result_id
                WHERE f.fetch_id = ? AND r.page_id IS NOT NULL
                GROUP BY r.page_id""", fetchId);
    }

    /** How many pages of the fetch came in another format or layout than in the fetch before that showed them. */
    int changedPages(long fetchId) throws SQLException {
        return sql.single("SELECT count(*) FROM page_layout_changes WHERE fetch_id = ? AND layout_changed = 1",
                fetchId).intValue();
    }
}
