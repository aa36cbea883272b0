package org.gardpipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.gardpipeline.ChildJvm;
import org.gardpipeline.FetchSeries;
import org.gardpipeline.TestDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One run at a time on a database: the second exits 4 naming the holder, and a lock left by a killed run is taken over. */
class ConcurrentRunTest {
    /** Long enough that the first run still holds the lock when the second one, started with it, asks for it. */
    private static final Map<String, String> SLOW_WRITES = Map.of("GARD_TEST_PAUSE_MS", "50");

    @TempDir
    Path dir;

    private String[] run() {
        return new String[] {"run", "--raw", dir.resolve("raw").toString(), "--db", db().toString(),
            "--out", dir.resolve("out").toString()};
    }

    private Path db() {
        return dir.resolve("out/gard.sqlite");
    }

    @Test
    void twoRunsStartedTogetherOneCompletesTheOtherExits4NamingTheHolderAndNoFetchIsLost() {
        FetchSeries.realSeries(dir.resolve("raw"));
        ChildJvm a = ChildJvm.gard(dir.resolve("logs"), SLOW_WRITES, run());
        ChildJvm b = ChildJvm.gard(dir.resolve("logs"), SLOW_WRITES, run());
        int codeA = a.waitFor(120);
        int codeB = b.waitFor(120);
        assertEquals(List.of(0, 4), Stream.of(codeA, codeB).sorted().toList(), "a: " + a.err() + "\nb: " + b.err());
        ChildJvm winner = codeA == 0 ? a : b;
        ChildJvm loser = codeA == 0 ? b : a;
        String message = loser.err().strip();
        assertEquals(1, message.lines().count(), "one line: " + message);
        assertTrue(message.startsWith("gard run: another gard run holds the lock on "), message);
        assertTrue(message.contains("(pid " + winner.pid() + ", started 20"), "names the holder's pid and start: " + message);
        assertTrue(message.contains("try again when it has finished"), message);

        CommandLineRun third = CommandLineRun.of(run());
        assertEquals(0, third.exitCode(), third.err());
        assertTrue(third.err().contains("nothing new under"), third.err());
        assertEquals(4, TestDb.count(db(), "SELECT count(*) FROM fetch"));
        CommandLineRun check = CommandLineRun.of("check", "--db", db().toString());
        assertEquals(0, check.exitCode(), check.err());
    }

    @Test
    void aLockLeftByAKilledRunIsTakenOver() throws Exception {
        FetchSeries.realSeries(dir.resolve("raw"));
        // A holder that sleeps a long time inside its first transaction, so it surely holds the lock when killed.
        ChildJvm holder = ChildJvm.gard(dir.resolve("logs"), Map.of("GARD_TEST_PAUSE_MS", "5000"), run());
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!holder.err().contains("GARD_TEST_PAUSE_MS") && System.nanoTime() < deadline && holder.process().isAlive()) {
            Thread.sleep(20);
        }
        assertTrue(holder.err().contains("GARD_TEST_PAUSE_MS"), "the holder is writing its first fetch: " + holder.err());

        CommandLineRun refused = CommandLineRun.of(run());
        assertEquals(4, refused.exitCode(), refused.err());
        assertTrue(refused.err().contains("pid " + holder.pid()), refused.err());

        assertTrue(holder.kill(), "SIGKILLed while holding the lock");
        Path lockFile = dir.resolve("out/gard.sqlite.lock");
        assertTrue(Files.readString(lockFile, StandardCharsets.UTF_8).contains("pid " + holder.pid()),
                "the killed run's lock file is left behind, naming it");

        CommandLineRun next = CommandLineRun.of(run());
        assertEquals(0, next.exitCode(), next.err());
        assertTrue(next.err().contains("fetch 2022-01-01 (") || next.err().contains("fetch 2022-01-01:"), next.err());
        assertEquals(4, TestDb.count(db(), "SELECT count(*) FROM fetch"));
        CommandLineRun check = CommandLineRun.of("check", "--db", db().toString());
        assertEquals(0, check.exitCode(), check.err());
    }
}
