package org.gardpipeline.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps one kind of fact as runs: what a key (a slot, a document path, a page) showed from one fetch through
 * another in date order. A fetch's facts are staged in a temporary table while it is written, then merged here:
 * a key that shows what it showed in the fetch before costs nothing, so a fetch that changes 1% of pages writes
 * about 1% of the rows. Fetches may come in any date order; the runs are always the same maximal ones.
 */
enum RunTables {
    OBSERVATIONS("observation_run", "staged_observation", "slot_id", List.of("content_id", "question_id", "note_set_id")),
    DOCUMENTS("document_run", "staged_document", "path_id", List.of("result_id")),
    LAYOUTS("page_layout_run", "staged_page_layout", "page_id", List.of("layout_id")),
    PHENOTYPES("page_phenotype_run", "staged_page_phenotype", "page_id", List.of("phenotype_list_id"));

    private final String table;
    private final String staged;
    private final String key;
    private final List<String> values;

    RunTables(String table, String staged, String key, List<String> values) {
        this.table = table;
        this.staged = staged;
        this.key = key;
        this.values = values;
    }

    /** The fetch being written and its neighbours in date order (null where it has none). */
    record Place(long fetchId, long position, Long previous, Long next) {
        static Place of(StatementCache sql, long fetchId) throws SQLException {
            long position = sql.single("SELECT position FROM fetch WHERE fetch_id = ?", fetchId);
            return new Place(fetchId, position, sql.single("SELECT fetch_id FROM fetch WHERE position = ?", position - 1),
                    sql.single("SELECT fetch_id FROM fetch WHERE position = ?", position + 1));
        }

        boolean newest() {
            return next == null;
        }
    }

    /** Empties (creating when absent) the connection's staging tables, for a fetch about to be written. */
    static void stageAnew(StatementCache sql) throws SQLException {
        sql.update("CREATE TEMP TABLE IF NOT EXISTS staged_observation (slot_id INTEGER PRIMARY KEY, content_id INTEGER NOT NULL, "
                + "question_id INTEGER NOT NULL, note_set_id INTEGER)");
        sql.update("CREATE TEMP TABLE IF NOT EXISTS staged_note (slot_id INTEGER NOT NULL, kind TEXT NOT NULL, "
                + "detail TEXT NOT NULL, PRIMARY KEY (slot_id, kind, detail)) WITHOUT ROWID");
        sql.update("CREATE TEMP TABLE IF NOT EXISTS staged_document (path_id INTEGER PRIMARY KEY, result_id INTEGER NOT NULL)");
        sql.update("CREATE TEMP TABLE IF NOT EXISTS staged_page_layout (page_id INTEGER PRIMARY KEY, layout_id INTEGER NOT NULL)");
        sql.update("CREATE TEMP TABLE IF NOT EXISTS staged_page_phenotype (page_id INTEGER PRIMARY KEY, "
                + "phenotype_list_id INTEGER NOT NULL)");
        for (String t : List.of("staged_observation", "staged_note", "staged_document", "staged_page_layout",
                "staged_page_phenotype")) {
            sql.update("DELETE FROM temp." + t);
        }
    }

    /**
     * Gives each staged observation the set of its staged notes, each distinct set stored once. Notes are
     * ordered by SQLite, so that a set has one key whoever wrote it.
     */
    static void storeNoteSets(StatementCache sql) throws SQLException {
        sql.update("CREATE TEMP TABLE IF NOT EXISTS staged_note_key (slot_id INTEGER PRIMARY KEY, note_key TEXT NOT NULL)");
        sql.update("DELETE FROM temp.staged_note_key");
        sql.update("INSERT INTO temp.staged_note_key (slot_id, note_key) SELECT slot_id, "
                + "group_concat(kind || char(31) || detail, char(30) ORDER BY kind, detail) FROM temp.staged_note GROUP BY slot_id");
        sql.update("INSERT OR IGNORE INTO note_set (note_key) SELECT DISTINCT note_key FROM temp.staged_note_key ORDER BY note_key");
        sql.update("INSERT OR IGNORE INTO note_set_item (note_set_id, kind, detail) SELECT s.note_set_id, n.kind, n.detail "
                + "FROM temp.staged_note_key k JOIN note_set s ON s.note_key = k.note_key JOIN temp.staged_note n ON n.slot_id = k.slot_id");
        sql.update("UPDATE temp.staged_observation SET note_set_id = (SELECT s.note_set_id FROM temp.staged_note_key k "
                + "JOIN note_set s ON s.note_key = k.note_key WHERE k.slot_id = staged_observation.slot_id) "
                + "WHERE slot_id IN (SELECT slot_id FROM temp.staged_note_key)");
    }

    /** Merges the staged facts of the fetch into the runs, and empties the stage. */
    void record(StatementCache sql, Place at) throws SQLException {
        if (at.previous() != null) {
            splitWhatChanged(sql, at);
        }
        if (at.newest()) {
            sql.update("INSERT INTO " + table + " (" + key + ", first_fetch, last_fetch, " + columns("") + ") SELECT "
                    + key + ", ?, NULL, " + columns("") + " FROM temp." + staged, at.fetchId());
        } else {
            joinNeighbours(sql, at);
        }
        sql.update("DELETE FROM temp." + staged);
    }

    /**
     * The runs that covered the fetches on both sides of this one: each that this fetch continues takes its staged
     * fact away; each other one ends before this fetch (and goes on after it, as a run of its own, when there is an
     * after).
     */
    private void splitWhatChanged(StatementCache sql, Place at) throws SQLException {
        String spanning = at.newest() ? "r.last_fetch IS NULL"
                : "(SELECT position FROM fetch WHERE fetch_id = r.first_fetch) < " + at.position()
                  + " AND (r.last_fetch IS NULL OR (SELECT position FROM fetch WHERE fetch_id = r.last_fetch) > " + at.position() + ")";
        String continued = "EXISTS (SELECT 1 FROM temp." + staged + " s WHERE s." + key + " = r." + key + " AND " + same("s", "r") + ")";
        if (!at.newest()) {
            sql.update("INSERT INTO " + table + " (" + key + ", first_fetch, last_fetch, " + columns("") + ") SELECT r." + key
                    + ", ?, r.last_fetch, " + columns("r.") + " FROM " + table + " r WHERE " + spanning + " AND NOT " + continued,
                    at.next());
        }
        sql.update("UPDATE " + table + " AS r SET last_fetch = ? WHERE " + spanning + " AND NOT " + continued, at.previous());
        sql.update("DELETE FROM temp." + staged + " AS s WHERE EXISTS (SELECT 1 FROM " + table + " r WHERE r." + key + " = s." + key
                + " AND " + spanning + " AND " + same("s", "r") + ")");
    }

    /**
     * A fetch written before a later one (a backfill): each fact left joins the run that ends just before it or the
     * one that starts just after it; else it is a run of its own. (It cannot join both: two runs that met alike
     * would have been one, spanning this fetch's place.)
     */
    private void joinNeighbours(StatementCache sql, Place at) throws SQLException {
        List<Object[]> facts = new ArrayList<>();
        try (ResultSet rs = sql.query("SELECT " + key + ", " + columns("") + " FROM temp." + staged)) {
            while (rs.next()) {
                Object[] row = new Object[1 + values.size()];
                for (int i = 0; i < row.length; i++) {
                    row[i] = rs.getObject(i + 1);
                }
                facts.add(row);
            }
        }
        String sameAsGiven = String.join(" AND ", values.stream().map(v -> v + " IS ?").toList());
        for (Object[] fact : facts) {
            Long before = at.previous() == null ? null : sql.single("SELECT first_fetch FROM " + table + " WHERE " + key
                    + " = ? AND last_fetch = ? AND " + sameAsGiven, args(fact[0], at.previous(), fact));
            Long after = sql.single("SELECT first_fetch FROM " + table + " WHERE " + key + " = ? AND first_fetch = ? AND "
                    + sameAsGiven, args(fact[0], at.next(), fact));
            if (before != null) {
                sql.update("UPDATE " + table + " SET last_fetch = ? WHERE " + key + " = ? AND first_fetch = ?",
                        at.fetchId(), fact[0], before);
            } else if (after != null) {
                sql.update("UPDATE " + table + " SET first_fetch = ? WHERE " + key + " = ? AND first_fetch = ?",
                        at.fetchId(), fact[0], at.next());
            } else {
                Object[] row = new Object[values.size() + 3];
                row[0] = fact[0];
                row[1] = at.fetchId();
                row[2] = at.fetchId();
                System.arraycopy(fact, 1, row, 3, values.size());
                sql.update("INSERT INTO " + table + " (" + key + ", first_fetch, last_fetch, " + columns("") + ") VALUES (?, ?, ?"
                        + ", ?".repeat(values.size()) + ")", row);
            }
        }
    }

    /**
     * A query for the runs that break the rules of runs, one line each: two runs of a key that overlap, or meet and
     * show the same value; a run that ends before it starts; a run that reaches the newest fetch not kept open.
     */
    String violations() {
        String span = table.replace("_run", "_run_span");
        return "SELECT '" + table + " " + key + " ' || a." + key + " || ': the runs from fetch ' || a.first_fetch || ' and ' "
                + "|| b.first_fetch || ' overlap or meet with the same value' FROM " + span + " a JOIN " + span + " b ON b." + key
                + " = a." + key + " AND b.first_position > a.first_position WHERE b.first_position <= a.last_position "
                + "OR (b.first_position = a.last_position + 1 AND " + same("a", "b") + ") "
                + "UNION ALL SELECT '" + table + " " + key + " ' || " + key + " || ': the run from fetch ' || first_fetch "
                + "|| ' ends before it starts, or reaches the newest fetch without being kept open' FROM " + span
                + " WHERE last_position < first_position OR last_fetch = (SELECT fetch_id FROM fetch ORDER BY position DESC LIMIT 1)";
    }

    /** The arguments of a lookup by key and fetch followed by the fact's values ({@code fact} is key, values). */
    private static Object[] args(Object key, Object fetch, Object[] fact) {
        Object[] args = new Object[fact.length + 1];
        args[0] = key;
        args[1] = fetch;
        System.arraycopy(fact, 1, args, 2, fact.length - 1);
        return args;
    }

    private String columns(String prefix) {
        return String.join(", ", values.stream().map(v -> prefix + v).toList());
    }

    private String same(String a, String b) {
        return String.join(" AND ", values.stream().map(v -> a + "." + v + " IS " + b + "." + v).toList());
    }
}
