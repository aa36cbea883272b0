package org.gardpipeline.publish;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.gardpipeline.store.HistoryStore;
import org.gardpipeline.store.MirrorSnapshot;
import org.gardpipeline.store.TestPause;

/**
 * Mirrors the history into a PostgreSQL schema: migrates the schema, then in one transaction deletes the rows the
 * database no longer has and copies in those it has that the schema lacks. A reader sees the history as it was or as
 * it is, never half of it; a publish killed at any point leaves the schema as it was (the server rolls back the
 * transaction of a connection that dies), and the next publish finds the same differences again.
 */
public final class Publisher {
    /** Tables with more changed rows than this get fresh planner statistics after the publish. */
    private static final int ANALYZE_AFTER_ROWS = 1_000;

    private final PostgresUrl url;
    private final String schema;
    private final String password;
    private final String version;

    /**
     * @param environment where PGPASSWORD is read (the process environment; tests pass their own)
     * @param version     the gard-pipeline version, kept in mirror_state
     */
    public Publisher(PostgresUrl url, String schema, Map<String, String> environment, String version) {
        this.url = url;
        this.schema = Identifiers.schema("--schema", schema);
        String pgPassword = environment.get("PGPASSWORD");
        this.password = pgPassword == null || pgPassword.isEmpty() ? null : pgPassword;
        this.version = version;
    }

    /**
     * Publishes the store's history. Refuses a schema that mirrors another database, or a later state of this one,
     * unless {@code replace}: then the schema is made to mirror this database whatever it held.
     */
    public PublishResult publish(HistoryStore store, boolean replace) {
        long start = System.nanoTime();
        try (MirrorSnapshot sqlite = store.mirrorSnapshot()) {
            List<String> fetches = fetchKeys(sqlite);
            if (fetches.isEmpty()) {
                throw new PublishException("nothing to publish: " + store.file() + " holds no fetch; run ./gard run first", true);
            }
            String databaseId = identity(fetches);
            try (Connection pg = connect()) {
                if (pg.getMetaData().getDatabaseMajorVersion() < 13) {
                    throw new PublishException("--to " + url.display() + " is PostgreSQL " + pg.getMetaData()
                            .getDatabaseProductVersion() + "; gard publish needs 13 or later", true);
                }
                MirrorSchema.refuseForeign(pg, schema);
                MirrorSchema.migrate(url, password, schema);
                pg.setAutoCommit(false);
                try (Statement s = pg.createStatement()) {
                    // one publish into a schema at a time; the second waits, then sees what the first wrote
                    s.execute("SELECT pg_advisory_xact_lock(hashtextextended('gard publish " + schema.replace("'", "") + "', 0))");
                }
                refuseOtherDatabase(pg, databaseId, new HashSet<>(fetches), store, replace);
                List<TableDiff> diffs = new ArrayList<>();
                for (MirroredTable table : MirroredTable.ALL) {
                    List<String> columns = MirrorSchema.columns(pg, schema, table, sqlite.columns(table.name()));
                    diffs.add(TableDiff.of(pg, schema, table, columns, sqlite));
                }
                boolean sameDatabase = databaseId.equals(mirroredId(pg));
                List<PublishResult.TableChange> changes = new ArrayList<>();
                if (sameDatabase && diffs.stream().allMatch(TableDiff::isEmpty)) {
                    pg.rollback();
                    return result(store, databaseId, true, changes, start);
                }
                for (TableDiff d : diffs) {
                    d.delete(pg, schema);
                }
                for (TableDiff d : diffs) {
                    d.insert(pg, schema);
                    TestPause.at("publish: " + d.table().name() + " sent");
                    if (!d.isEmpty()) {
                        changes.add(new PublishResult.TableChange(d.table().name(), d.inserted(), d.deleted().size()));
                    }
                }
                recordState(pg, databaseId, store);
                TestPause.at("publish: all sent, not committed");
                pg.commit();
                analyze(pg, changes);
                return result(store, databaseId, false, changes, start);
            }
        } catch (SQLException e) {
            throw new PublishException("cannot publish to " + url.display() + " (nothing changed there): "
                    + e.getMessage().lines().findFirst().orElse("") + hint(e), false, e);
        }
    }

    private PublishResult result(HistoryStore store, String databaseId, boolean nothingNew,
            List<PublishResult.TableChange> changes, long start) {
        return new PublishResult(store.file(), url.display(), schema, databaseId, nothingNew, changes,
                (System.nanoTime() - start) / 1e9);
    }

    private Connection connect() throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", url.user());
        if (password != null) {
            p.setProperty("password", password);
        }
        p.setProperty("ApplicationName", "gard publish");
        try {
            return DriverManager.getConnection(url.jdbcUrl(), p);
        } catch (SQLException e) {
            throw new PublishException("cannot connect to " + url.display() + ": "
                    + e.getMessage().lines().findFirst().orElse("") + hint(e), false, e);
        }
    }

    /** Where a missing or wrong password belongs, when the server asked for one. */
    private static String hint(SQLException e) {
        String m = String.valueOf(e.getMessage());
        return m.contains("password") ? " (the password comes from PGPASSWORD or ~/.pgpass)" : "";
    }

    /** Each fetch as its id, content and time of ingest: what no other database has alike. */
    private static List<String> fetchKeys(MirrorSnapshot sqlite) {
        List<String> keys = new ArrayList<>();
        sqlite.rows("fetch", List.of("fetch_id", "content_sha256", "ingested_at"), v -> keys.add(v[0] + " " + v[1] + " " + v[2]));
        keys.sort(java.util.Comparator.comparingLong(k -> Long.parseLong(k.substring(0, k.indexOf(' ')))));
        return keys;
    }

    /**
     * The identity of a SQLite database: its first fetch's id, content and time of ingest. Fetch ids are never
     * reused or renumbered (a backfill renumbers positions), and a database built again elsewhere ingests its first
     * fetch at another time; nothing is written into the SQLite database for it.
     */
    static String identity(List<String> fetchKeysById) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(fetchKeysById.get(0).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private String mirroredId(Connection pg) throws SQLException {
        try (Statement s = pg.createStatement();
             ResultSet rs = s.executeQuery("SELECT database_id FROM " + Identifiers.quote(schema) + ".mirror_state")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /**
     * Refuses, unless {@code replace}, a schema that mirrors another database, or fetches this one lacks (a copy
     * restored from an older backup): publishing would silently take history from its readers.
     */
    private void refuseOtherDatabase(Connection pg, String databaseId, Set<String> fetches, HistoryStore store, boolean replace)
            throws SQLException {
        if (replace) {
            return;
        }
        String mirrored = mirroredId(pg);
        if (mirrored != null && !mirrored.equals(databaseId)) {
            throw new PublishException("schema " + schema + " of " + url.display() + " mirrors another database than "
                    + store.file() + " (built or restored elsewhere); pass --replace to make it mirror this one", true);
        }
        try (Statement s = pg.createStatement();
             ResultSet rs = s.executeQuery("SELECT fetch_id, content_sha256, ingested_at, fetched_at FROM "
                     + Identifiers.quote(schema) + ".\"fetch\" ORDER BY fetch_id")) {
            while (rs.next()) {
                if (!fetches.contains(rs.getLong(1) + " " + rs.getString(2) + " " + rs.getString(3))) {
                    throw new PublishException("schema " + schema + " of " + url.display() + " holds fetch " + rs.getLong(1)
                            + " (" + rs.getString(4) + ") as " + store.file() + " does not (an older copy of the "
                            + "database?); pass --replace to make it mirror this database as it is", true);
                }
            }
        }
    }

    private void recordState(Connection pg, String databaseId, HistoryStore store) throws SQLException {
        String table = Identifiers.quote(schema) + ".mirror_state";
        try (Statement s = pg.createStatement()) {
            s.executeUpdate("DELETE FROM " + table);
        }
        try (PreparedStatement ps = pg.prepareStatement("INSERT INTO " + table
                + " (database_id, sqlite_file, published_at, published_by) VALUES (?, ?, now(), ?)")) {
            ps.setString(1, databaseId);
            ps.setString(2, store.file().toAbsolutePath().toString());
            ps.setString(3, "gard-pipeline " + version);
            ps.executeUpdate();
        }
    }

    /** Fresh statistics for the tables that changed much, so that the views' first queries are planned on them. */
    private void analyze(Connection pg, List<PublishResult.TableChange> changes) throws SQLException {
        pg.setAutoCommit(true);
        try (Statement s = pg.createStatement()) {
            for (PublishResult.TableChange c : changes) {
                if (c.added() + c.deleted() > ANALYZE_AFTER_ROWS) {
                    s.execute("ANALYZE " + Identifiers.quote(schema) + "." + Identifiers.quote(c.table()));
                }
            }
        }
    }
}
