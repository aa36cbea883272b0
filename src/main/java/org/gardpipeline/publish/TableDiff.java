package org.gardpipeline.publish;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.gardpipeline.store.MirrorSnapshot;
import org.postgresql.PGConnection;

/**
 * What one table's copy in PostgreSQL lacks and holds too much: the SQLite rows whose digest it does not hold, as
 * COPY text, and the digests it holds that no SQLite row has. A row changed in place (a run's last fetch set, a slot's
 * current version moved, fetches renumbered by a backfill) is one of each; a row unchanged is neither, so a publish
 * after one small fetch sends a few rows whatever the size of the history.
 *
 * @param inserts the rows to add, COPY text lines ending in their digest
 */
record TableDiff(MirroredTable table, List<String> columns, List<UUID> deleted, byte[] inserts, int inserted) {
    static TableDiff of(Connection pg, String schema, MirroredTable table, List<String> columns, MirrorSnapshot sqlite)
            throws SQLException {
        Set<UUID> held = new HashSet<>();
        try (Statement s = pg.createStatement()) {
            s.setFetchSize(50_000);
            try (ResultSet rs = s.executeQuery("SELECT mirror_row FROM " + table.qualified(schema))) {
                while (rs.next()) {
                    held.add((UUID) rs.getObject(1));
                }
            }
        }
        CopyRows rows = new CopyRows();
        ByteArrayOutputStream inserts = new ByteArrayOutputStream();
        int[] inserted = {0};
        sqlite.rows(table.name(), columns, values -> {
            String line = rows.line(values);
            UUID digest = rows.digest(line);
            if (!held.remove(digest)) {
                CopyRows.append(inserts, line, digest);
                inserted[0]++;
            }
        });
        return new TableDiff(table, List.copyOf(columns), List.copyOf(held), inserts.toByteArray(), inserted[0]);
    }

    boolean isEmpty() {
        return deleted.isEmpty() && inserted == 0;
    }

    /** Deletes the rows no SQLite row has any more; first, so that a changed row's new line meets no key of its old. */
    void delete(Connection pg, String schema) throws SQLException {
        if (deleted.isEmpty()) {
            return;
        }
        Array digests = pg.createArrayOf("uuid", deleted.toArray());
        try (PreparedStatement ps = pg.prepareStatement("DELETE FROM " + table.qualified(schema) + " WHERE mirror_row = ANY (?)")) {
            ps.setArray(1, digests);
            ps.executeUpdate();
        } finally {
            digests.free();
        }
    }

    /** Adds the new rows through COPY. */
    void insert(Connection pg, String schema) throws SQLException {
        if (inserted == 0) {
            return;
        }
        StringBuilder copy = new StringBuilder("COPY ").append(table.qualified(schema)).append(" (");
        for (String c : columns) {
            copy.append(Identifiers.quote(c)).append(", ");
        }
        copy.append("mirror_row) FROM STDIN");
        try {
            pg.unwrap(PGConnection.class).getCopyAPI().copyIn(copy.toString(), new ByteArrayInputStream(inserts));
        } catch (IOException e) {
            throw new SQLException("COPY into " + table.name() + " failed: " + e.getMessage(), e);
        }
    }
}
