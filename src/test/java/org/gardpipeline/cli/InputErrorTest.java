package org.gardpipeline.cli;

import static org.gardpipeline.FetchSeries.answerText;
import static org.gardpipeline.FetchSeries.fetch;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.gardpipeline.TestDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fetch that cannot be read is a one-line usage error, and costs nothing: ingest and run open an existing
 * database while they list their input, so the database must come out as it was and its lock free, and a
 * database that did not exist must not be created.
 */
class InputErrorTest {
    @TempDir
    Path dir;

    private static void assertUsageError(CommandLineRun r, String expected) {
        assertEquals(2, r.exitCode(), r.err());
        assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
        assertTrue(r.err().contains(expected), r.err());
    }

    @Test
    void noDatabaseIsCreatedForAFetchThatIsNotThere() {
        Path db = dir.resolve("out/gard.sqlite");
        assertUsageError(CommandLineRun.of("ingest", dir.resolve("2016-01-01").toString(), "--db", db.toString()),
                "no such file or folder: " + dir.resolve("2016-01-01"));
        assertUsageError(CommandLineRun.of("run", "--raw", dir.resolve("raw").toString(), "--db", db.toString(),
                "--out", dir.resolve("out").toString()), "raw folder " + dir.resolve("raw") + " does not exist");
        assertFalse(Files.exists(db));
        assertFalse(Files.exists(dir.resolve("out/gard.sqlite.lock")));
    }

    @Test
    void anExistingDatabaseIsLeftAsItWasAndFreeForTheNextRun() throws Exception {
        Path db = dir.resolve("gard.sqlite");
        Path first = fetch(dir.resolve("raw"), "2016-01-01", "a.txt", answerText());
        assertEquals(0, CommandLineRun.of("ingest", first.toString(), "--db", db.toString()).exitCode());
        TestDb.execute(db, "PRAGMA wal_checkpoint(TRUNCATE)");
        byte[] before = Files.readAllBytes(db);

        assertUsageError(CommandLineRun.of("ingest", dir.resolve("2016-02-01").toString(), "--db", db.toString()),
                "no such file or folder");
        assertUsageError(CommandLineRun.of("ingest", dir.resolve("raw/nodate").toString(), "--db", db.toString()),
                "no such file or folder");
        assertArrayEquals(before, Files.readAllBytes(db), "the database file is as it was");

        Path second = fetch(dir.resolve("raw"), "2016-02-01", "a.txt", answerText());
        CommandLineRun next = CommandLineRun.of("ingest", second.toString(), "--db", db.toString());
        assertEquals(0, next.exitCode(), "the lock was released: " + next.err());
        assertEquals(2, TestDb.count(db, "SELECT count(*) FROM fetch"));
    }
}
