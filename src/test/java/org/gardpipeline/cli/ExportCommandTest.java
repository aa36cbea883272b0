package org.gardpipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.gardpipeline.store.HistoryStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** gard export: the files from the database, as of a date; while a run holds the lock; a bad date refused. */
class ExportCommandTest {
    @TempDir
    Path dir;

    private Path db;

    @BeforeEach
    void twoFetches() {
        db = CommandLineRun.answerTextAndOneEditDatabase(dir);
    }

    private CommandLineRun export(Path out, String... more) {
        String[] args = new String[4 + more.length];
        System.arraycopy(new String[] {"export", "--db", db.toString(), "--out=" + out}, 0, args, 0, 4);
        System.arraycopy(more, 0, args, 4, more.length);
        return CommandLineRun.of(args);
    }

    @Test
    void writesTheSameFilesAsTheRunAndAnswersAsOfADate() throws Exception {
        CommandLineRun r = export(dir.resolve("out"));
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("exported "), r.out());
        for (String file : new String[] {"answers.csv", "answer_versions.csv", "fetches.csv"}) {
            assertEquals(Files.readString(dir.resolve("run-out").resolve(file)), Files.readString(dir.resolve("out").resolve(file)), file);
        }
        assertEquals(0, export(dir.resolve("then"), "--as-of", "2016-01-15").exitCode());
        String then = Files.readString(dir.resolve("then/answers.csv"));
        assertTrue(then.contains("poorly managed"), then);
        assertFalse(then.contains("poorly controlled"), then);
    }

    @Test
    void exportsWhileARunHoldsTheLock() throws Exception {
        try (HistoryStore running = HistoryStore.open(db)) {
            CommandLineRun r = export(dir.resolve("out"));
            assertEquals(0, r.exitCode(), r.err());
        }
        assertEquals(Files.readString(dir.resolve("run-out/answers.csv")), Files.readString(dir.resolve("out/answers.csv")));
    }

    @Test
    void aDateThatIsNotOneIsAUsageErrorAndWritesNothing() {
        CommandLineRun r = export(dir.resolve("out"), "--as-of", "2016-13-01");
        assertEquals(2, r.exitCode(), r.err());
        assertEquals("gard export: --as-of '2016-13-01' is not a date (YYYY-MM-DD)", r.err().strip());
        assertFalse(Files.exists(dir.resolve("out")));
        CommandLineRun before = export(dir.resolve("out"), "--as-of", "2015-01-01");
        assertEquals(2, before.exitCode(), before.err());
        assertTrue(before.err().contains("--as-of 2015-01-01 is before the first fetch (2016-01-01)"), before.err());
    }
}
