package org.gardpipeline.store;

import java.sql.SQLException;

/**
 * The layout of each page in each fetch (runs of {@code page_layout_run}, each distinct layout stored once in
 * {@code layout}): staged once a fetch's documents are, from the parse results of its documents, so that a page's
 * documents taken from an earlier parse carry their layout too.
 */
final class PageLayouts {
    private final StatementCache sql;

    PageLayouts(StatementCache sql) {
        this.sql = sql;
    }

    /**
     * Stages the layout of every page the fetch parsed, from its staged documents, each new layout stored once. A
     * document parsed before the store kept layouts has none (NULL), and then neither has its page in this fetch.
     */
    void stage() throws SQLException {
        sql.update("INSERT OR IGNORE INTO layout (formats, landmarks, outline, layout_key) "
                + "SELECT DISTINCT formats, landmarks, outline, layout_key FROM (" + PAGES_OF_FETCH + ")");
        sql.update("INSERT INTO temp.staged_page_layout (page_id, layout_id) SELECT x.page_id, l.layout_id FROM ("
                + PAGES_OF_FETCH + ") x JOIN layout l ON l.layout_key = x.layout_key");
    }

    /** Each page the fetch parsed, with the layout of its staged documents and that layout's key. */
    private static final String PAGES_OF_FETCH = """
            SELECT page_id, formats, landmarks, outline,
                   formats || char(30) || coalesce(landmarks, char(31)) || char(30) || coalesce(outline, char(31))
                       AS layout_key
            FROM (SELECT r.page_id, min(r.format) || ' ' || max(r.format) AS formats,
                         -- one landmark a line: the least list's, then the greatest's
                         CASE WHEN count(r.landmarks) = count(*) THEN min(r.landmarks) || char(10) || max(r.landmarks) END
                             AS landmarks,
                         CASE WHEN count(r.landmarks) = count(*)
                              THEN min(coalesce(r.outline_sha256, '')) || ' ' || max(coalesce(r.outline_sha256, '')) END
                             AS outline
                  FROM temp.staged_document d
                  JOIN parse_result r ON r.result_id = d.result_id
                  WHERE r.page_id IS NOT NULL
                  GROUP BY r.page_id)""";

    /**
     * How many pages of the fetch came in another format or layout than in the fetch before that showed them: a
     * change of layout starts a run of the page's layouts, and is told by the run before.
     */
    int changedPages(long fetchId) throws SQLException {
        return sql.single("""
                SELECT count(*) FROM page_layout_run c
                JOIN fetch f ON f.fetch_id = c.first_fetch
                JOIN layout lc ON lc.layout_id = c.layout_id
                JOIN page_layout_run_span p ON p.page_id = c.page_id
                     AND p.first_position = (SELECT max(p2.first_position) FROM page_layout_run_span p2
                                             WHERE p2.page_id = c.page_id AND p2.first_position < f.position)
                JOIN layout lp ON lp.layout_id = p.layout_id
                WHERE c.first_fetch = ? AND (lc.formats <> lp.formats OR lc.outline <> lp.outline)""", fetchId).intValue();
    }
}
