package org.gardpipeline.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;

/** Opens the SQLite file, refuses files it must not touch, and brings the schema up to date with Flyway. */
final class Database {
    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    private Database() {
    }

    static Connection open(Path file, boolean create) {
        if (!create && !Files.exists(file)) {
            throw new StoreException("no database at " + file + "; run ./gard run (or ./gard ingest) first, or pass --db FILE", true);
        }
        refuseUnusable(file);
        String url = "jdbc:sqlite:" + file.toAbsolutePath();
        migrate(file, url);
        return connect(file, url);
    }

    /**
     * Opens a database that must exist, for commands that only read it. A file nobody may write (a published
     * snapshot) is read as it is, on a read-only connection: it is neither migrated nor switched to WAL.
     */
    static Connection openForReading(Path file) {
        if (!isReadOnly(file)) {
            return open(file, false); // also says when there is no database
        }
        refuseUnusable(file, false);
        String url = "jdbc:sqlite:" + file.toAbsolutePath();
        int version = schemaVersion(file, url);
        if (version > SCHEMA_VERSION) {
            throw newerSchema(file, version);
        }
        if (version < SCHEMA_VERSION) {
            throw new StoreException("database " + file + " has schema version " + version + ", older than this "
                    + "gard-pipeline's " + SCHEMA_VERSION + ", and is read-only, so it cannot be upgraded; give write "
                    + "permission and run ./gard run once", true);
        }
        org.sqlite.SQLiteConfig config = new org.sqlite.SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(10_000);
        try {
            return DriverManager.getConnection(url, config.toProperties());
        } catch (SQLException e) {
            throw cannotOpen(file, e);
        }
    }

    /** True for a database file nobody may write; false when it is missing or writable. */
    static boolean isReadOnly(Path file) {
        try {
            return Files.isRegularFile(file) && (!Files.isWritable(file) || markedReadOnly(file));
        } catch (IOException e) {
            return false;
        }
    }

    private static Connection connect(Path file, String url) {
        try {
            org.sqlite.SQLiteConfig config = new org.sqlite.SQLiteConfig();
            // every id the store needs comes back through RETURNING; left on, the driver prepares and runs a query for
            // the generated keys after each insert, a third of a record-heavy ingest's time on its one writer thread
            config.setGetGeneratedKeys(false);
            Connection connection = DriverManager.getConnection(url, config.toProperties());
            try (Statement s = connection.createStatement()) {
                s.execute("PRAGMA journal_mode = WAL");
                s.execute("PRAGMA busy_timeout = 10000");
                s.execute("PRAGMA foreign_keys = ON");
                s.execute("PRAGMA synchronous = NORMAL");
                s.execute("PRAGMA cache_size = -" + cacheKib(file));
            }
            return connection;
        } catch (SQLException e) {
            throw cannotOpen(file, e);
        }
    }

    private static StoreException cannotOpen(Path file, SQLException e) {
        SQLException damage = DatabaseDamage.sqliteSaysDamaged(e);
        return damage != null ? DatabaseDamage.refusal(file, damage)
                : new StoreException("cannot open database " + file + ": " + e.getMessage(), false, e);
    }

    /**
     * The page cache of a connection, in KiB: half the database file, at least 64 MiB, at most 512 MiB. Every
     * fetch adds a row to each answer slot's observations and to each document's parse result, rows that sit
     * with the slot's and the result's earlier ones, so a fetch touches nearly every page of those two B-trees
     * (about a sixth of the file). With SQLite's default 2 MB cache those pages spilled and were written again
     * within the transaction, and each fetch took longer than the one before (docs/performance.md has the
     * curve). SQLite allocates cache pages only as they are used, so a small database costs nothing.
     */
    static long cacheKib(Path file) {
        long fileKib;
        try {
            fileKib = Files.exists(file) ? Files.size(file) / 1024 : 0;
        } catch (IOException e) {
            fileKib = 0;
        }
        return Math.max(64 * 1024, Math.min(512 * 1024, fileKib / 2));
    }

    private static void refuseUnusable(Path file) {
        refuseUnusable(file, true);
    }

    private static void refuseUnusable(Path file, boolean forWriting) {
        try {
            if (Files.exists(file)) {
                if (Files.isDirectory(file)) {
                    throw new StoreException("database " + file + " is a directory, not a SQLite file", true);
                }
                if (Files.size(file) > 0 && !hasSqliteHeader(file)) {
                    throw new StoreException("database " + file + " is not a SQLite database; refusing to touch it", true);
                }
                String damage = Files.size(file) > 0 ? DatabaseDamage.fromHeader(file) : null;
                if (damage != null) {
                    throw DatabaseDamage.refusal(file, damage, null);
                }
                if (forWriting && isReadOnly(file)) {
                    throw new StoreException("database " + file + " is read-only; give write permission or use --db", true);
                }
            } else {
                Path parent = file.toAbsolutePath().getParent();
                Files.createDirectories(parent);
                if (!Files.isWritable(parent)) {
                    throw new StoreException("cannot create database " + file + ": folder " + parent + " is read-only", true);
                }
            }
        } catch (IOException e) {
            throw new StoreException("cannot use database " + file + ": " + e.getMessage(), true, e);
        }
    }

    /**
     * A file nobody may write (mode r--r--r--) was made read-only on purpose. The superuser may write it
     * anyway, so {@link Files#isWritable} alone would let a run as root change it.
     */
    private static boolean markedReadOnly(Path file) throws IOException {
        if (!Files.getFileStore(file).supportsFileAttributeView(java.nio.file.attribute.PosixFileAttributeView.class)) {
            return false;
        }
        java.util.Set<java.nio.file.attribute.PosixFilePermission> p = Files.getPosixFilePermissions(file);
        return !p.contains(java.nio.file.attribute.PosixFilePermission.OWNER_WRITE)
                && !p.contains(java.nio.file.attribute.PosixFilePermission.GROUP_WRITE)
                && !p.contains(java.nio.file.attribute.PosixFilePermission.OTHERS_WRITE);
    }

    /** The newest version Flyway recorded as applied, or -1 for a new database. */
    private static int schemaVersion(Path file, String url) {
        try (Connection c = DriverManager.getConnection(url);
             Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE name = 'flyway_schema_history'")) {
            if (!rs.next()) {
                return -1;
            }
            try (java.sql.ResultSet v = s.executeQuery(
                    "SELECT max(CAST(version AS INTEGER)) FROM flyway_schema_history WHERE success = 1")) {
                return v.next() ? v.getInt(1) : -1;
            }
        } catch (SQLException e) {
            SQLException damage = DatabaseDamage.sqliteSaysDamaged(e);
            if (damage != null) {
                throw DatabaseDamage.refusal(file, damage);
            }
            return -1; // let Flyway look at it and say what is wrong
        }
    }

    private static boolean hasSqliteHeader(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(SQLITE_HEADER.length), SQLITE_HEADER);
        }
    }

    /**
     * The newest schema version this build carries (the highest {@code V<n>__} in migrations/; a test keeps
     * the two equal). A database already at it needs no Flyway run, which saves the half second Flyway takes
     * to scan and validate on every command.
     */
    static final int SCHEMA_VERSION = 10;

    private static StoreException newerSchema(Path file, Object version) {
        return new StoreException("database " + file + " has schema version " + version
                + ", newer than this gard-pipeline knows; use a newer gard-pipeline", true);
    }

    private static void migrate(Path file, String url) {
        if (schemaVersion(file, url) == SCHEMA_VERSION) {
            return;
        }
        // every pending migration in one transaction (SQLite's DDL is transactional): an upgrade across several
        // versions that fails at one leaves the database exactly as it was, not half upgraded
        Flyway flyway = Flyway.configure()
                .dataSource(url, null, null)
                .locations("classpath:db/migration")
                .group(true)
                .load();
        try {
            for (MigrationInfo m : flyway.info().all()) {
                if (m.getState() == MigrationState.FUTURE_SUCCESS || m.getState() == MigrationState.FUTURE_FAILED) {
                    throw newerSchema(file, m.getVersion());
                }
            }
            flyway.migrate();
        } catch (StoreException e) {
            throw e;
        } catch (RuntimeException e) {
            SQLException damage = DatabaseDamage.sqliteSaysDamaged(e);
            if (damage != null) {
                throw DatabaseDamage.refusal(file, damage);
            }
            // Flyway's messages run over several lines: its first says which script failed, SQLite's says why
            String detail = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
                if (t instanceof SQLException sql) {
                    detail += ": " + sql.getMessage();
                    break;
                }
            }
            throw new StoreException("cannot migrate database " + file + ": " + detail, false, e);
        }
    }
}
