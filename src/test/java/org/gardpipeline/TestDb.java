package org.gardpipeline;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a real SQLite file the way an analyst would, to check what the pipeline wrote. */
public final class TestDb {
    private TestDb() {
    }

    /** Every row of a query, each as column name to value. */
    public static List<Map<String, Object>> rows(Path db, String sql) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData meta = rs.getMetaData();
            List<Map<String, Object>> rows = new ArrayList<>();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    Object value = rs.getObject(i);
                    row.put(meta.getColumnLabel(i), value instanceof byte[] b ? java.util.HexFormat.of().formatHex(b) : value);
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** The newest schema version in migrations/ (the highest {@code V<n>__}): what a database is migrated to. */
    public static int newestSchemaVersion() {
        java.util.regex.Pattern name = java.util.regex.Pattern.compile("V(\\d+)__.*\\.sql");
        int newest = 0;
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(Path.of("migrations"))) {
            for (Path f : (Iterable<Path>) files::iterator) {
                java.util.regex.Matcher m = name.matcher(f.getFileName().toString());
                if (m.matches()) {
                    newest = Math.max(newest, Integer.parseInt(m.group(1)));
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return newest;
    }

    public static long count(Path db, String sql) {
        return ((Number) rows(db, sql).get(0).values().iterator().next()).longValue();
    }

    public static void execute(Path db, String sql) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** Every row of every table, as text: equal dumps mean equal databases. */
    public static String dump(Path db) {
        StringBuilder sb = new StringBuilder();
        for (Map<String, Object> t : rows(db, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")) {
            String table = (String) t.get("name");
            sb.append("== ").append(table).append('\n');
            for (Map<String, Object> row : rows(db, "SELECT * FROM \"" + table + "\" ORDER BY 1, 2")) {
                sb.append(row).append('\n');
            }
        }
        return sb.toString();
    }

    /**
     * {@link #dump} without the columns that differ between two runs over the same input: when each fetch was
     * ingested and how long it took, when Flyway migrated, and the listing of a fetch's files (their change
     * times; none is kept for files written moments before, so a later run may add it).
     */
    public static String stableDump(Path db) {
        java.util.Set<String> volatileColumns = java.util.Set.of("ingested_at", "seconds", "installed_on", "execution_time",
                "listing_sha256", "listing_dependencies");
        StringBuilder sb = new StringBuilder();
        for (Map<String, Object> t : rows(db, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")) {
            String table = (String) t.get("name");
            sb.append("== ").append(table).append('\n');
            for (Map<String, Object> row : rows(db, "SELECT * FROM \"" + table + "\" ORDER BY 1, 2")) {
                row.keySet().removeAll(volatileColumns);
                sb.append(row).append('\n');
            }
        }
        return sb.toString();
    }
}
