package org.gardpipeline.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * What must hold in every database the pipeline wrote: SQLite's own integrity, the foreign keys, and the
 * history's invariants. Each violation is one line naming the rows at fault.
 */
final class Invariants {
    private static final int MAX_REPORTED = 50;

    /**
     * Each fetch's counts of documents and of quarantined ones against its document runs, counted in one sweep over
     * the runs in fetch order (a run adds one from its first fetch through its last), not through the view
     * {@code document}, which expands every run into a row per fetch: what a run over years of fetches would read
     * whole. The runs counted are the rows of that view: runs with their path and parse result, not ending before they
     * start.
     */
    private static final String FETCH_COUNTS = """
            WITH spans AS (
                SELECT d.first_position, d.last_position, (r.quarantine_reason IS NOT NULL) AS q
                FROM document_run_span d
                JOIN document_path p ON p.path_id = d.path_id
                JOIN parse_result r ON r.result_id = d.result_id
                WHERE d.first_position <= d.last_position),
            events AS (
                SELECT first_position AS at, 0 AS phase, NULL AS fetch_id, 1 AS n, q FROM spans
                UNION ALL SELECT last_position, 2, NULL, -1, -q FROM spans
                UNION ALL SELECT position, 1, fetch_id, 0, 0 FROM fetch),
            running AS (
                SELECT fetch_id, sum(n) OVER w AS documents, sum(q) OVER w AS quarantined FROM events
                WINDOW w AS (ORDER BY at, phase ROWS UNBOUNDED PRECEDING))
            SELECT 'fetch ' || f.fetch_id FROM fetch f JOIN running c ON c.fetch_id = f.fetch_id
            WHERE f.documents <> c.documents OR f.quarantined <> c.quarantined""";

    /**
     * Where a page has documents but no layout, or a layout but no documents, from the runs of both: per page, the
     * fetches between two run boundaries share their counts of document runs and layout runs, so only the stretches
     * where one count is zero and the other not are expanded into fetches. The rows are those the views {@code
     * fetch_document} and {@code page_fetch_layout} would give: one per fetch and page without a layout, one per
     * layout run covering a fetch without the page's documents.
     */
    private static final String PAGE_LAYOUTS = """
            WITH docs AS (
                SELECT r.page_id, d.first_position AS a, d.last_position AS b
                FROM document_run_span d JOIN parse_result r ON r.result_id = d.result_id
                WHERE r.page_id IS NOT NULL AND d.first_position <= d.last_position),
            layouts AS (
                SELECT page_id, first_position AS a, last_position AS b FROM page_layout_run_span
                WHERE first_position <= last_position),
            events AS (
                SELECT page_id, a AS at, 1 AS dn, 0 AS ln FROM docs
                UNION ALL SELECT page_id, b + 1, -1, 0 FROM docs
                UNION ALL SELECT page_id, a, 0, 1 FROM layouts
                UNION ALL SELECT page_id, b + 1, 0, -1 FROM layouts),
            steps AS (SELECT page_id, at, sum(dn) AS dn, sum(ln) AS ln FROM events GROUP BY page_id, at),
            stretches AS (
                SELECT page_id, at AS a, lead(at) OVER (PARTITION BY page_id ORDER BY at) - 1 AS b,
                       sum(dn) OVER (PARTITION BY page_id ORDER BY at) AS docs,
                       sum(ln) OVER (PARTITION BY page_id ORDER BY at) AS layouts
                FROM steps)
            SELECT DISTINCT 'fetch ' || f.fetch_id || ', page ' || s.page_id || ': no layout'
            FROM stretches s JOIN fetch f ON f.position BETWEEN s.a AND s.b
            WHERE s.docs > 0 AND s.layouts = 0
            UNION ALL
            SELECT 'fetch ' || f.fetch_id || ', page ' || s.page_id || ': a layout without its fetch or documents'
            FROM stretches s JOIN fetch f ON f.position BETWEEN s.a AND s.b
            JOIN layouts l ON l.page_id = s.page_id AND f.position BETWEEN l.a AND l.b
            WHERE s.layouts > 0 AND s.docs = 0""";
    private final Connection db;

    Invariants(Connection db) {
        this.db = db;
    }

    List<String> violations() throws SQLException {
        List<String> found = new ArrayList<>();
        for (String row : column("PRAGMA integrity_check")) {
            if (!row.equals("ok")) {
                found.add("integrity: " + row);
            }
        }
        rows(found, "foreign key", "SELECT \"table\" || ' row ' || rowid || ' -> ' || parent FROM pragma_foreign_key_check");
        rows(found, "versions do not tile time", """
                SELECT 'slot ' || v.slot_id || ': version ' || v.version_id || ' ends at fetch ' || coalesce(v.valid_to_fetch, 'none')
                       || ' but the next version starts at fetch ' || coalesce(n.valid_from_fetch, 'none')
                FROM version v
                LEFT JOIN version n ON n.version_id = (
                    SELECT n2.version_id FROM version n2 JOIN fetch f2 ON f2.fetch_id = n2.valid_from_fetch
                    JOIN fetch f ON f.fetch_id = v.valid_from_fetch
                    WHERE n2.slot_id = v.slot_id AND (f2.fetched_at > f.fetched_at OR (f2.fetched_at = f.fetched_at AND f2.label > f.label))
                    ORDER BY f2.fetched_at, f2.label LIMIT 1)
                WHERE v.valid_to_fetch IS NOT n.valid_from_fetch""");
        rows(found, "change event points at another slot's version", """
                SELECT 'slot ' || e.slot_id || ', fetch ' || e.fetch_id FROM change_event e
                LEFT JOIN version vf ON vf.version_id = e.from_version
                LEFT JOIN version vt ON vt.version_id = e.to_version
                WHERE (e.from_version IS NOT NULL AND (vf.slot_id IS NULL OR vf.slot_id <> e.slot_id))
                   OR (e.to_version IS NOT NULL AND (vt.slot_id IS NULL OR vt.slot_id <> e.slot_id))
                   OR (e.change = 'added' AND (e.from_version IS NOT NULL OR e.to_version IS NULL))
                   OR (e.change = 'removed' AND e.to_version IS NOT NULL)""");
        rows(found, "current answer is not the newest version", """
                SELECT 'slot ' || s.slot_id FROM slot s
                WHERE s.current_version_id IS NOT (SELECT v.version_id FROM version v
                                                   WHERE v.slot_id = s.slot_id AND v.valid_to_fetch IS NULL)""");
        rows(found, "fetch counts disagree with its documents", FETCH_COUNTS);
        rows(found, "page layout disagrees with the fetch's documents", PAGE_LAYOUTS);
        for (RunTables tables : RunTables.values()) {
            rows(found, "runs", tables.violations());
        }
        rows(found, "parse result stands for a fetch where it was not its page's only document", """
                SELECT 'parse result ' || r.result_id || ', fetch ' || r.alone_in FROM parse_result r
                JOIN fetch f ON f.fetch_id = r.alone_in
                WHERE NOT EXISTS (SELECT 1 FROM document_run_span d WHERE d.result_id = r.result_id
                                    AND f.position BETWEEN d.first_position AND d.last_position)
                   OR (SELECT count(*) FROM parse_result r2 JOIN document_run_span d2 ON d2.result_id = r2.result_id
                       WHERE r2.page_id = r.page_id AND f.position BETWEEN d2.first_position AND d2.last_position) <> 1""");
        rows(found, "fetches out of date order", """
                SELECT 'fetch ' || f.fetch_id || ' is at place ' || f.position || ', not ' || (SELECT count(*) FROM fetch f2
                       WHERE f2.fetched_at < f.fetched_at OR (f2.fetched_at = f.fetched_at AND f2.label <= f.label))
                FROM fetch f
                WHERE f.position IS NOT (SELECT count(*) FROM fetch f2
                                         WHERE f2.fetched_at < f.fetched_at OR (f2.fetched_at = f.fetched_at AND f2.label <= f.label))""");
        derivedRowsMatchTheFacts(found);
        return found;
    }

    /** The strongest check: deriving every slot's timeline again from the observations gives the stored rows. */
    private void derivedRowsMatchTheFacts(List<String> found) throws SQLException {
        try (StatementCache sql = new StatementCache(db)) {
            SlotHistory history = new SlotHistory(sql);
            for (String slot : column("SELECT slot_id FROM slot ORDER BY slot_id")) {
                if (!history.isUpToDate(Long.parseLong(slot))) {
                    add(found, "versions or events differ from what the observations give: slot " + slot);
                }
            }
        }
    }

    private void rows(List<String> found, String label, String sql) throws SQLException {
        for (String row : column(sql)) {
            add(found, label + ": " + row);
        }
    }

    private static void add(List<String> found, String violation) {
        if (found.size() < MAX_REPORTED) {
            found.add(violation);
        }
    }

    private List<String> column(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (PreparedStatement ps = db.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
