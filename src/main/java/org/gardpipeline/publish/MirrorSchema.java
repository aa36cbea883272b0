package org.gardpipeline.publish;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.flywaydb.core.Flyway;

/**
 * The schema a publish writes into: refused when it holds another application's tables, brought up to date by the
 * Flyway migrations of migrations-postgresql/ (packaged as db/migration-postgresql), and checked to have a column for
 * every column of the SQLite tables it mirrors.
 */
final class MirrorSchema {
    /** The description Flyway keeps for V1__mirror.sql: a schema whose history starts with it is ours. */
    private static final String FIRST_MIGRATION = "mirror";
    private static final Set<String> CONTROL_TABLES = Set.of("flyway_schema_history", "mirror_state");

    private MirrorSchema() {
    }

    /**
     * Refuses a schema that holds tables, views or sequences gard publish did not make: a schema of the same name that
     * another application uses must not be written into, nor have its tables mistaken for ours.
     */
    static void refuseForeign(Connection pg, String schema) throws SQLException {
        Set<String> relations = new HashSet<>();
        try (PreparedStatement ps = pg.prepareStatement("SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = "
                + "c.relnamespace WHERE n.nspname = ? AND c.relkind IN ('r', 'p', 'f', 'm')")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    relations.add(rs.getString(1));
                }
            }
        }
        if (relations.isEmpty() || relations.equals(Set.of("flyway_schema_history")) && historyIsEmpty(pg, schema)) {
            return; // new, or a first migration killed before it committed
        }
        if (!relations.containsAll(CONTROL_TABLES) || !firstMigrationIsOurs(pg, schema)) {
            throw new PublishException("--schema " + schema + " holds tables of another application ("
                    + String.join(", ", new java.util.TreeSet<>(relations).stream().limit(5).toList())
                    + "); name a schema of its own for gard publish", true);
        }
        Set<String> ours = new HashSet<>(CONTROL_TABLES);
        MirroredTable.ALL.forEach(t -> ours.add(t.name()));
        relations.removeAll(ours);
        if (!relations.isEmpty()) {
            throw new PublishException("--schema " + schema + " holds tables gard publish did not make ("
                    + String.join(", ", new java.util.TreeSet<>(relations)) + "); move them to another schema", true);
        }
    }

    private static boolean historyIsEmpty(Connection pg, String schema) throws SQLException {
        try (PreparedStatement ps = pg.prepareStatement("SELECT count(*) FROM " + Identifiers.quote(schema)
                + ".flyway_schema_history");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() && rs.getLong(1) == 0;
        }
    }

    private static boolean firstMigrationIsOurs(Connection pg, String schema) throws SQLException {
        try (PreparedStatement ps = pg.prepareStatement("SELECT description FROM " + Identifiers.quote(schema)
                + ".flyway_schema_history WHERE version = '1'");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() && FIRST_MIGRATION.equals(rs.getString(1));
        }
    }

    /** Applies the migrations the schema lacks (creating it when absent), each in its own transaction. */
    static void migrate(PostgresUrl url, String password, String schema) {
        Flyway flyway = Flyway.configure()
                .dataSource(url.jdbcUrl(), url.user(), password)
                .schemas(schema)
                .defaultSchema(schema)
                .createSchemas(true)
                .locations("classpath:db/migration-postgresql")
                .load();
        try {
            flyway.migrate();
        } catch (RuntimeException e) {
            throw new PublishException("cannot migrate schema " + schema + " of " + url.display() + ": "
                    + e.getMessage().lines().findFirst().orElse(""), false, e);
        }
    }

    /**
     * The columns a publish sends into a table: the SQLite table's, less those skipped, which PostgreSQL's copy must
     * have every one of (and no other it would leave empty).
     */
    static List<String> columns(Connection pg, String schema, MirroredTable table, List<String> sqliteColumns)
            throws SQLException {
        Set<String> pgColumns = new HashSet<>();
        try (PreparedStatement ps = pg.prepareStatement("SELECT column_name FROM information_schema.columns WHERE "
                + "table_schema = ? AND table_name = ? AND is_generated = 'NEVER' AND column_name <> 'mirror_row'")) {
            ps.setString(1, schema);
            ps.setString(2, table.name());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    pgColumns.add(rs.getString(1));
                }
            }
        }
        List<String> sent = new ArrayList<>();
        for (String c : sqliteColumns) {
            if (table.skipped().contains(c)) {
                continue;
            }
            if (!pgColumns.remove(c)) {
                throw new PublishException("schema " + schema + " has no column " + table.name() + "." + c + " for the "
                        + "SQLite column of that name; this gard-pipeline lacks the migrations-postgresql/ migration for it",
                        false);
            }
            sent.add(c);
        }
        if (!pgColumns.isEmpty()) {
            throw new PublishException("schema " + schema + " has columns " + table.name() + "." + pgColumns
                    + " that the SQLite table lacks; publish with the gard-pipeline that migrated the schema", false);
        }
        return sent;
    }
}
