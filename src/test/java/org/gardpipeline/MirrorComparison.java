package org.gardpipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares a SQLite history with its PostgreSQL mirror the way an analyst would see them: every view of the SQLite
 * schema, and every query of docs/data.md (in its PostgreSQL form where it has one), as sorted rows of text.
 */
public final class MirrorComparison {
    /** The PostgreSQL forms in docs/data.md: a block fenced {@code ```sql postgresql}, numbered as its SQLite query. */
    private static final Pattern PG_BLOCK = Pattern.compile("```sql postgresql\\n(.*?)```", Pattern.DOTALL);
    /** Columns each engine writes its own way (the search snippet), left out of the comparison of a query. */
    private static final List<String> ENGINE_OWN = List.of("hit");

    private MirrorComparison() {
    }

    /** The views of the SQLite database, every one of which the mirror must have. */
    public static List<String> views(Path db) {
        List<String> views = new ArrayList<>();
        for (Map<String, Object> r : TestDb.rows(db, "SELECT name FROM sqlite_master WHERE type = 'view' ORDER BY name")) {
            views.add((String) r.get("name"));
        }
        return views;
    }

    /** Every view gives the same rows in both, compared sorted; returns the rows compared. */
    public static long assertViewsEqual(Path db, PostgresServer server, String schema) throws SQLException {
        long rows = 0;
        try (Connection pg = mirror(server, schema)) {
            for (String view : views(db)) {
                List<String> sqlite = sqliteRows(db, "SELECT * FROM " + view, List.of());
                assertEquals(sqlite, pgRows(pg, "SELECT * FROM " + view, List.of()), "view " + view);
                rows += sqlite.size();
            }
        }
        return rows;
    }

    /** Every documented query gives the same rows in both (its PostgreSQL form where docs/data.md gives one). */
    public static void assertQueriesEqual(Path db, PostgresServer server, String schema) throws SQLException, IOException {
        Map<String, String> pgForms = postgresForms();
        try (Connection pg = mirror(server, schema)) {
            for (String q : DataDocumentationTest.documentedQueries()) {
                String title = q.lines().findFirst().orElse("");
                String pgQuery = pgForms.getOrDefault(number(title), q);
                assertEquals(sqliteRows(db, q, ENGINE_OWN), pgRows(pg, pgQuery, ENGINE_OWN), title);
            }
        }
    }

    /** The PostgreSQL forms of docs/data.md, by the number of the query they stand for. */
    public static Map<String, String> postgresForms() throws IOException {
        Map<String, String> forms = new LinkedHashMap<>();
        Matcher m = PG_BLOCK.matcher(Files.readString(Path.of("docs/data.md")));
        while (m.find()) {
            String q = m.group(1).strip();
            forms.put(number(q.lines().findFirst().orElse("")), q);
        }
        return forms;
    }

    private static String number(String title) {
        Matcher m = Pattern.compile("^-- (\\d+)\\.").matcher(title);
        return m.find() ? m.group(1) : title;
    }

    /** A connection reading the schema by unqualified names, as an analyst's search_path would. */
    public static Connection mirror(PostgresServer server, String schema) throws SQLException {
        Connection c = server.connect("gard");
        try (Statement s = c.createStatement()) {
            s.execute("SET search_path TO " + schema);
        }
        return c;
    }

    public static List<String> sqliteRows(Path db, String sql, List<String> without) {
        List<String> lines = new ArrayList<>();
        for (Map<String, Object> row : TestDb.rows(db, sql)) {
            List<String> cells = new ArrayList<>();
            row.forEach((k, v) -> {
                if (!without.contains(k)) {
                    cells.add(k + "=" + v);
                }
            });
            lines.add(String.join(" | ", cells));
        }
        lines.sort(null);
        return lines;
    }

    public static List<String> pgRows(Connection pg, String sql, List<String> without) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Statement s = pg.createStatement(); java.sql.ResultSet rs = s.executeQuery(sql)) {
            java.sql.ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                List<String> cells = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    if (!without.contains(meta.getColumnLabel(i))) {
                        cells.add(meta.getColumnLabel(i) + "=" + rs.getObject(i));
                    }
                }
                lines.add(String.join(" | ", cells));
            }
        }
        lines.sort(null);
        return lines;
    }

    /** Every row of every table of the schema but Flyway's, sorted: equal dumps mean equal mirrors. */
    public static String dump(PostgresServer server, String schema, boolean withState) throws SQLException {
        StringBuilder sb = new StringBuilder();
        try (Connection pg = mirror(server, schema)) {
            List<List<String>> tables = PostgresServer.rows(pg, "SELECT table_name FROM information_schema.tables WHERE "
                    + "table_schema = '" + schema + "' AND table_type = 'BASE TABLE' AND table_name <> 'flyway_schema_history' "
                    + (withState ? "" : "AND table_name <> 'mirror_state' ") + "ORDER BY 1");
            for (List<String> t : tables) {
                sb.append("== ").append(t.get(0)).append('\n');
                for (String line : pgRows(pg, "SELECT * FROM \"" + t.get(0) + "\"", List.of())) {
                    sb.append(line).append('\n');
                }
            }
        }
        return sb.toString();
    }
}
