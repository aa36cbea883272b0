package org.gardpipeline.cli;

import static org.gardpipeline.FetchSeries.answerText;
import static org.gardpipeline.FetchSeries.fetch;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.gardpipeline.FetchSeries;
import org.gardpipeline.TestDb;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database the pipeline must not write to (read-only, from a newer schema, not SQLite, damaged) is refused with
 * one line on stderr and exit 2 before anything is written to it.
 */
class DatabaseRefusalTest {
    @TempDir
    Path dir;

    private Path db() {
        return dir.resolve("out/gard.sqlite");
    }

    private CommandLineRun run() {
        return CommandLineRun.of("run", "--raw", dir.resolve("raw").toString(), "--db", db().toString(),
                "--out", dir.resolve("out").toString());
    }

    @BeforeEach
    void aRealDatabaseAndANewFetchForIt() {
        fetch(dir.resolve("raw"), "2016-01-01", "a.txt", answerText());
        assertEquals(0, run().exitCode());
        TestDb.execute(db(), "PRAGMA wal_checkpoint(TRUNCATE)");
        fetch(dir.resolve("raw"), "2016-02-01", "a.txt", FetchSeries.edit(answerText(), "Caudal regression", "Caudal Regression"));
    }

    /** Runs the checks with the database file made read-only for everyone, then writable again. */
    private void withReadOnlyDatabase(Checks checks) throws Exception {
        Files.setPosixFilePermissions(db(), PosixFilePermissions.fromString("r--r--r--"));
        try {
            checks.run();
        } finally {
            Files.setPosixFilePermissions(db(), PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    private interface Checks {
        void run() throws Exception;
    }

    private static void assertOneLineRefusal(CommandLineRun r, String expected) {
        assertEquals(2, r.exitCode(), r.err());
        assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
        assertTrue(r.err().contains(expected), r.err());
    }

    @Test
    void aReadOnlyDatabaseIsRefusedUntouched() throws Exception {
        byte[] before = Files.readAllBytes(db());
        withReadOnlyDatabase(() -> {
            assertOneLineRefusal(run(), "is read-only; give write permission or use --db");
            assertOneLineRefusal(CommandLineRun.of("ingest", dir.resolve("raw/2016-02-01").toString(), "--db", db().toString()),
                    "is read-only");
        });
        assertArrayEquals(before, Files.readAllBytes(db()), "the database file is as it was");
        assertEquals(1, TestDb.count(db(), "SELECT count(*) FROM fetch"));
    }

    /**
     * The commands that only read work on a database nobody may write (a published snapshot) and leave it as
     * it was; one that would need upgrading first is refused with what to do.
     */
    @Test
    void aReadOnlyDatabaseIsReadAsItIs() throws Exception {
        byte[] before = Files.readAllBytes(db());
        withReadOnlyDatabase(() -> {
            String file = db().toString();
            for (String[] command : new String[][] {{"history", "caudal regression sequence"}, {"search", "diabetes"},
                    {"runs"}, {"check"}, {"diff", "caudal regression sequence", "--topic", "causes"},
                    {"export", "--out", dir.resolve("export").toString()}, {"backup", dir.resolve("copy.sqlite").toString()}}) {
                String[] args = java.util.Arrays.copyOf(command, command.length + 2);
                args[command.length] = "--db";
                args[command.length + 1] = file;
                CommandLineRun r = CommandLineRun.of(args);
                assertEquals(0, r.exitCode(), command[0] + ": " + r.err());
            }
            assertTrue(Files.readString(dir.resolve("export/answers.csv")).contains("caudal"));
            assertEquals(1, TestDb.count(dir.resolve("copy.sqlite"), "SELECT count(*) FROM fetch"));
        });
        assertArrayEquals(before, Files.readAllBytes(db()), "the database file is as it was");
    }

    @Test
    void aReadOnlyDatabaseOfAnOlderSchemaIsRefusedWithWhatToDo() throws Exception {
        TestDb.execute(db(), "DELETE FROM flyway_schema_history WHERE CAST(version AS INTEGER) = "
                + "(SELECT max(CAST(version AS INTEGER)) FROM flyway_schema_history)");
        TestDb.execute(db(), "PRAGMA wal_checkpoint(TRUNCATE)");
        byte[] before = Files.readAllBytes(db());
        withReadOnlyDatabase(() -> assertOneLineRefusal(CommandLineRun.of("runs", "--db", db().toString()),
                "and is read-only, so it cannot be upgraded; give write permission and run ./gard run once"));
        assertArrayEquals(before, Files.readAllBytes(db()), "the database file is as it was");
    }

    @Test
    void aDatabaseFromANewerSchemaVersionIsRefusedUntouched() throws Exception {
        TestDb.execute(db(), "INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, "
                + "checksum, installed_by, execution_time, success) VALUES (99, '99', 'from the future', 'SQL', "
                + "'V99__future.sql', 0, '', 0, 1)");
        TestDb.execute(db(), "PRAGMA wal_checkpoint(TRUNCATE)");
        byte[] before = Files.readAllBytes(db());
        assertOneLineRefusal(run(), "has schema version 99, newer than this gard-pipeline knows; use a newer gard-pipeline");
        assertOneLineRefusal(CommandLineRun.of("check", "--db", db().toString()), "has schema version 99");
        withReadOnlyDatabase(() -> assertOneLineRefusal(CommandLineRun.of("runs", "--db", db().toString()),
                "has schema version 99, newer than this gard-pipeline knows; use a newer gard-pipeline"));
        assertArrayEquals(before, Files.readAllBytes(db()), "the database file is as it was");
        assertFalse(Files.exists(dir.resolve("out/answers.csv.tmp")));
        assertEquals(1, TestDb.count(db(), "SELECT count(*) FROM fetch"));
    }

    @Test
    void aFileThatIsNotSqliteIsRefusedUntouched() throws Exception {
        Path notDb = dir.resolve("notes.txt");
        Files.writeString(notDb, "SQLite format 2 is not this\n".repeat(10));
        byte[] before = Files.readAllBytes(notDb);
        assertOneLineRefusal(CommandLineRun.of("run", "--raw", dir.resolve("raw").toString(), "--db", notDb.toString(),
                "--out", dir.resolve("out2").toString()), "is not a SQLite database; refusing to touch it");
        assertArrayEquals(before, Files.readAllBytes(notDb));
        assertFalse(Files.exists(dir.resolve("notes.txt-wal")));
    }

    /** Every command that opens a database, each given {@code file} with --db. */
    private String[][] everyDatabaseCommand(Path file) {
        String db = file.toString();
        String raw = dir.resolve("raw").toString();
        String out = dir.resolve("out-damaged").toString();
        return new String[][] {
            {"run", "--raw", raw, "--out", out, "--db", db},
            {"ingest", dir.resolve("raw/2016-02-01").toString(), "--db", db},
            {"export", "--out", out, "--db", db},
            {"report", "--out", out, "--db", db},
            {"runs", "--db", db},
            {"history", "caudal regression sequence", "--db", db},
            {"diff", "caudal regression sequence", "--topic", "causes", "--db", db},
            {"search", "diabetes", "--db", db},
            {"check", "--db", db},
            {"backup", dir.resolve("copy.sqlite").toString(), "--db", db},
            {"pack", "--raw", raw, "--db", db},
        };
    }

    /**
     * Each command refuses the damaged file in one line naming it, saying it is damaged and what to do, exits 2,
     * and leaves the file's bytes as they were, with no journal beside it.
     */
    private void assertRefusedAsDamaged(Path damaged) throws Exception {
        byte[] before = Files.readAllBytes(damaged);
        for (String[] command : everyDatabaseCommand(damaged)) {
            CommandLineRun r = CommandLineRun.of(command);
            assertEquals(2, r.exitCode(), command[0] + ": " + r.err());
            assertEquals(1, r.err().strip().lines().count(), command[0] + ", one line: " + r.err());
            assertTrue(r.err().startsWith("gard " + command[0] + ": database " + damaged + " is damaged ("), command[0] + ": " + r.err());
            assertTrue(r.err().contains("./gard check") && r.err().contains("docs/operations.md"), command[0] + ": " + r.err());
            assertArrayEquals(before, Files.readAllBytes(damaged), command[0] + " left the file as it was");
            assertFalse(Files.exists(Path.of(damaged + "-wal")), command[0] + " wrote no journal");
            assertFalse(Files.exists(Path.of(damaged + "-journal")), command[0] + " wrote no journal");
        }
        assertFalse(Files.exists(dir.resolve("out-damaged/answers.csv")));
        assertFalse(Files.exists(dir.resolve("copy.sqlite")));
    }

    /** A database cut short (a full disk, a copy interrupted): today's Flyway stack dump becomes one line. */
    @Test
    void aTruncatedDatabaseIsRefusedAsDamagedByEveryCommand() throws Exception {
        byte[] whole = Files.readAllBytes(db());
        Path damaged = dir.resolve("truncated.sqlite");
        Files.write(damaged, java.util.Arrays.copyOf(whole, whole.length / 2));
        assertRefusedAsDamaged(damaged);
        Path cutInPage = dir.resolve("cut-in-a-page.sqlite");
        Files.write(cutInPage, java.util.Arrays.copyOf(whole, whole.length - 100));
        assertRefusedAsDamaged(cutInPage);
        Path cutInHeader = dir.resolve("cut-in-the-header.sqlite");
        Files.write(cutInHeader, java.util.Arrays.copyOf(whole, 60));
        assertRefusedAsDamaged(cutInHeader);
    }

    /** A whole-length file whose schema page was overwritten: SQLite itself finds the damage when it reads it. */
    @Test
    void aDatabaseWithAnOverwrittenSchemaPageIsRefusedAsDamaged() throws Exception {
        byte[] bytes = Files.readAllBytes(db());
        byte[] noise = new byte[1000];
        new java.util.Random(23).nextBytes(noise);
        System.arraycopy(noise, 0, bytes, 100, noise.length); // page 1 after the header: the first of sqlite_schema
        Path damaged = dir.resolve("overwritten.sqlite");
        Files.write(damaged, bytes);
        assertRefusedAsDamaged(damaged);
    }

    /** Random bytes behind SQLite's magic string: a header that gives no page size SQLite can read. */
    @Test
    void randomBytesAfterTheSqliteHeaderAreRefusedAsDamaged() throws Exception {
        byte[] bytes = new byte[8192];
        new java.util.Random(24).nextBytes(bytes);
        System.arraycopy("SQLite format 3\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, bytes, 0, 16);
        bytes[16] = 0x03; // a page size of 0x03xx is no power of two
        Path damaged = dir.resolve("random.sqlite");
        Files.write(damaged, bytes);
        assertRefusedAsDamaged(damaged);
    }

    /** A file of random bytes is no SQLite file at all: refused as such by every command, untouched. */
    @Test
    void aFileOfRandomBytesIsRefusedByEveryCommand() throws Exception {
        byte[] bytes = new byte[8192];
        new java.util.Random(25).nextBytes(bytes);
        Path random = dir.resolve("random.bin");
        Files.write(random, bytes);
        for (String[] command : everyDatabaseCommand(random)) {
            assertOneLineRefusal(CommandLineRun.of(command), "database " + random + " is not a SQLite database");
            assertArrayEquals(bytes, Files.readAllBytes(random), command[0] + " left the file as it was");
        }
    }
}
