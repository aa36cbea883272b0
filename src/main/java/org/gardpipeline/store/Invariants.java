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
        rows(found, "fetch counts disagree with its documents", """
                SELECT 'fetch ' || f.fetch_id FROM fetch f
                WHERE f.documents <> (SELECT count(*) FROM document d WHERE d.fetch_id = f.fetch_id)
                   OR f.quarantined <> (SELECT count(*) FROM document d WHERE d.fetch_id = f.fetch_id AND d.quarantine_reason IS NOT NULL)""");
        rows(found, "page layout disagrees with the fetch's documents", """
                SELECT DISTINCT 'fetch ' || d.fetch_id || ', page ' || r.page_id || ': no layout'
                FROM fetch_document d JOIN parse_result r ON r.result_id = d.result_id
                WHERE r.page_id IS NOT NULL
                  AND NOT EXISTS (SELECT 1 FROM page_fetch_layout l WHERE l.page_id = r.page_id AND l.fetch_id = d.fetch_id)
                UNION ALL
                SELECT 'fetch ' || l.fetch_id || ', page ' || l.page_id || ': a layout without its fetch or documents'
                FROM page_fetch_layout l LEFT JOIN fetch f ON f.fetch_id = l.fetch_id
                WHERE f.fetched_at IS NOT l.fetched_at OR f.label IS NOT l.label
                   OR NOT EXISTS (SELECT 1 FROM fetch_document d JOIN parse_result r ON r.result_id = d.result_id
                                  WHERE d.fetch_id = l.fetch_id AND r.page_id = l.page_id)""");
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
