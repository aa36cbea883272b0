package org.gardpipeline.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The base tables of the history read row by row from one state of the database, for a mirror of it elsewhere
 * ({@code gard publish}): one read transaction from the first table read to {@link #close()}, so that the tables
 * read agree with each other even while another process commits a fetch.
 */
public final class MirrorSnapshot implements AutoCloseable {
    /**
     * The FTS5 index keeps its key as the rowid, which {@code SELECT *} and the table's columns leave out: it is
     * the slot (migrations/V1), and the mirror names it so.
     */
    private static final Map<String, String> ROWID_COLUMNS = Map.of("answer_search", "slot_id");

    private final Path file;
    private final Connection db;
    private final boolean autoCommitBefore;

    /** Receives one row's values in the order of the columns asked for: Long, Double, String, byte[] or null. */
    public interface RowConsumer {
        void row(Object[] values) throws Exception;
    }

    MirrorSnapshot(Path file, Connection db) {
        this.file = file;
        this.db = db;
        try {
            this.autoCommitBefore = db.getAutoCommit();
            db.setAutoCommit(false);
            try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM fetch")) {
                rs.next(); // the first read fixes the state every later read of this transaction sees
            }
        } catch (SQLException e) {
            throw StoreException.cannot("start reading", file, e);
        }
    }

    public Path file() {
        return file;
    }

    /** The columns of a table of the history, in their order; the key of the search index first. */
    public List<String> columns(String table) {
        try {
            if (Jdbc.single(db, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?", table) == 0) {
                throw new StoreException("database " + file + " has no table " + table, false);
            }
            List<String> columns = new ArrayList<>();
            if (ROWID_COLUMNS.containsKey(table)) {
                columns.add(ROWID_COLUMNS.get(table));
            }
            try (PreparedStatement ps = Jdbc.prepare(db, "SELECT name FROM pragma_table_info(?) ORDER BY cid", table);
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    columns.add(rs.getString(1));
                }
            }
            return columns;
        } catch (SQLException e) {
            throw StoreException.cannot("read the columns of " + table, file, e);
        }
    }

    /** Streams every row of a table, with the given columns (names {@link #columns} gave), in no particular order. */
    public void rows(String table, List<String> columns, RowConsumer consumer) {
        List<String> known = columns(table);
        StringBuilder select = new StringBuilder("SELECT ");
        for (int i = 0; i < columns.size(); i++) {
            String c = columns.get(i);
            if (!known.contains(c)) {
                throw new StoreException("table " + table + " of " + file + " has no column " + c, false);
            }
            select.append(i == 0 ? "" : ", ").append(c.equals(ROWID_COLUMNS.get(table)) ? "rowid" : quote(c));
        }
        select.append(" FROM ").append(quote(table));
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(select.toString())) {
            Object[] values = new Object[columns.size()];
            while (rs.next()) {
                for (int i = 0; i < values.length; i++) {
                    Object v = rs.getObject(i + 1);
                    values[i] = v instanceof Integer n ? Long.valueOf(n) : v;
                }
                consumer.row(values.clone());
            }
        } catch (SQLException e) {
            throw StoreException.cannot("read " + table, file, e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new StoreException("cannot mirror " + table + " of " + file + ": " + e.getMessage(), false, e);
        }
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    /** Ends the read transaction: nothing was written in it. */
    @Override
    public void close() {
        try {
            db.commit();
            db.setAutoCommit(autoCommitBefore);
        } catch (SQLException e) {
            throw StoreException.cannot("finish reading", file, e);
        }
    }
}
