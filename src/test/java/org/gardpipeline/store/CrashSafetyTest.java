package org.gardpipeline.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gardpipeline.ChildJvm;
import org.gardpipeline.FetchSeries;
import org.gardpipeline.TestDb;
import org.gardpipeline.cli.Main;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gard run} killed with SIGKILL at 20 moments spread over a run of four real fetches, each time in a
 * fresh database, then run again to completion: every database passes {@code check} and ends identical in
 * content to the one an uninterrupted run gives.
 *
 * <p>The child runs with GARD_TEST_PAUSE_MS, which sleeps after each document written inside a fetch's
 * transaction, so that many kills land in the middle of a transaction rather than in JVM start-up; each kill
 * reports where it landed (the last line the child wrote).
 *
 * <p>About 90 s on two cores (20 child JVMs), so it is tagged {@code slow}: {@code mvn test -Pslow} runs it.
 */
@Tag("slow")
class CrashSafetyTest {
    private static final int KILLS = 20;
    private static final Map<String, String> PAUSE = Map.of("GARD_TEST_PAUSE_MS", "50");

    @TempDir
    Path dir;

    private String[] run(Path db, Path out) {
        return new String[] {"run", "--raw", dir.resolve("raw").toString(), "--db", db.toString(), "--out", out.toString()};
    }

    @Test
    void aRunKilledAtAnyMomentIsFinishedByTheNextRunGivingTheDatabaseAnUninterruptedRunGives() throws Exception {
        FetchSeries.realSeries(dir.resolve("raw"));
        Path logs = dir.resolve("logs");

        Path reference = dir.resolve("reference/gard.sqlite");
        long started = System.nanoTime();
        ChildJvm whole = ChildJvm.gard(logs, PAUSE, run(reference, dir.resolve("reference/out")));
        assertEquals(0, whole.waitFor(120), whole.err());
        long runMs = (System.nanoTime() - started) / 1_000_000;
        assertTrue(whole.err().contains("fetch 2022-04-01"), whole.err());
        assertEquals(4, TestDb.count(reference, "SELECT count(*) FROM fetch"));
        assertTrue(TestDb.count(reference, "SELECT count(*) FROM answer_changes WHERE change = 'restored'") > 0,
                "the series restores a page");
        assertEquals(0, Main.execute("check", "--db", reference.toString()));
        String expected = TestDb.stableDump(reference);
        String expectedAnswers = Files.readString(dir.resolve("reference/out/answers.csv"));

        List<String> moments = new ArrayList<>();
        int killedInTransaction = 0;
        for (int i = 0; i < KILLS; i++) {
            long delay = 50 + (runMs - 50) * i / (KILLS - 1);
            Path db = dir.resolve("kill-" + i + "/gard.sqlite");
            Path out = dir.resolve("kill-" + i + "/out");
            ChildJvm child = ChildJvm.gard(logs, PAUSE, run(db, out));
            Thread.sleep(delay);
            boolean killed = child.kill();
            long fetchesAtKill = Files.exists(db) && Files.size(db) > 0 ? fetches(db) : -1;
            String where = lastLine(child.err());
            boolean inTransaction = killed && where.startsWith("GARD_TEST_PAUSE_MS");
            if (inTransaction) {
                killedInTransaction++;
            }
            moments.add(delay + " ms: " + (killed ? "killed" : "had ended") + ", " + (fetchesAtKill < 0 ? "no database"
                    : fetchesAtKill + " fetches committed") + (inTransaction ? ", inside a transaction: " + where : ""));

            if (fetchesAtKill >= 0) {
                assertEquals(0, Main.execute("check", "--db", db.toString()), "check right after the kill at " + delay + " ms");
            }
            assertEquals(0, Main.execute(run(db, out)), "rerun after the kill at " + delay + " ms");
            assertEquals(0, Main.execute("check", "--db", db.toString()), "check after the kill at " + delay + " ms");
            assertEquals(expected, TestDb.stableDump(db), "database after the kill at " + delay + " ms");
            assertEquals(expectedAnswers, Files.readString(out.resolve("answers.csv")), "answers.csv after the kill at " + delay + " ms");
        }
        System.out.println("crash test: uninterrupted run " + runMs + " ms; kills:\n  " + String.join("\n  ", moments));
        assertTrue(killedInTransaction >= KILLS / 4, "at least a quarter of the kills must land inside a fetch's "
                + "transaction: " + String.join("; ", moments));
    }

    /**
     * The series with a fifth fetch that rewrites most answers (the 2022 pages re-dated, a word changed in every
     * MedQuAD answer), which the guard holds: a run killed while it writes and rolls back that fetch, or while a
     * run with --accept-held commits it, loses nothing. After each kill the next run holds the fetch again with the
     * database as the uninterrupted held run left it, and --accept-held then gives the database the uninterrupted
     * accepting run gives.
     */
    @Test
    void aRunKilledWhileHoldingOrAcceptingAFetchLosesNothing() throws Exception {
        Path raw = dir.resolve("raw");
        FetchSeries.realSeries(raw);
        Path fifth = Files.createDirectories(raw.resolve("2022-05-01"));
        try (var files = Files.list(raw.resolve("2022-04-01"))) {
            for (Path f : (Iterable<Path>) files::iterator) {
                String text = Files.readString(f);
                Files.writeString(fifth.resolve(f.getFileName()), f.getFileName().toString().startsWith("medquad")
                        ? text.replace(" the ", " a ") : text.replace("Nov. 8, 2021", "Jan. 3, 2023"));
            }
        }
        Path logs = dir.resolve("logs");
        Path reference = dir.resolve("reference/gard.sqlite");
        long started = System.nanoTime();
        ChildJvm heldRun = ChildJvm.gard(logs, PAUSE, run(reference, dir.resolve("reference/out")));
        assertEquals(5, heldRun.waitFor(120), heldRun.err());
        long heldMs = (System.nanoTime() - started) / 1_000_000;
        assertEquals(4, TestDb.count(reference, "SELECT count(*) FROM fetch"));
        String held = TestDb.stableDump(reference);
        Path heldCopy = dir.resolve("held.sqlite");
        Files.copy(reference, heldCopy);
        started = System.nanoTime();
        ChildJvm acceptRun = ChildJvm.gard(logs, PAUSE, accepting(run(reference, dir.resolve("reference/out"))));
        assertEquals(0, acceptRun.waitFor(120), acceptRun.err());
        long acceptMs = (System.nanoTime() - started) / 1_000_000;
        assertEquals(5, TestDb.count(reference, "SELECT count(*) FROM fetch"));
        String accepted = TestDb.stableDump(reference);

        int kills = 6;
        for (int i = 0; i < kills; i++) {
            long delay = 50 + (heldMs - 50) * i / (kills - 1);
            Path db = dir.resolve("held-kill-" + i + "/gard.sqlite");
            Path out = dir.resolve("held-kill-" + i + "/out");
            ChildJvm child = ChildJvm.gard(logs, PAUSE, run(db, out));
            Thread.sleep(delay);
            child.kill();
            assertEquals(5, Main.execute(run(db, out)), "rerun after the kill at " + delay + " ms holds the fetch");
            assertEquals(held, TestDb.stableDump(db), "held database after the kill at " + delay + " ms");
            assertEquals(0, Main.execute(accepting(run(db, out))), "accepted after the kill at " + delay + " ms");
            assertEquals(accepted, TestDb.stableDump(db), "accepted database after the kill at " + delay + " ms");
        }
        for (int i = 0; i < kills; i++) {
            long delay = 50 + (acceptMs - 50) * i / (kills - 1);
            Path db = dir.resolve("accept-kill-" + i + "/gard.sqlite");
            Path out = dir.resolve("accept-kill-" + i + "/out");
            Files.createDirectories(db.getParent());
            Files.copy(heldCopy, db);
            ChildJvm child = ChildJvm.gard(logs, PAUSE, accepting(run(db, out)));
            Thread.sleep(delay);
            child.kill();
            assertEquals(0, Main.execute("check", "--db", db.toString()), "check after the kill at " + delay + " ms");
            assertEquals(0, Main.execute(accepting(run(db, out))), "accepted after the kill at " + delay + " ms");
            assertEquals(accepted, TestDb.stableDump(db), "accepted database after the kill at " + delay + " ms");
        }
    }

    private static String[] accepting(String[] run) {
        String[] args = java.util.Arrays.copyOf(run, run.length + 1);
        args[run.length] = "--accept-held";
        return args;
    }

    private static String lastLine(String text) {
        String[] lines = text.strip().split("\n");
        return lines[lines.length - 1];
    }

    private static long fetches(Path db) {
        try {
            return TestDb.count(db, "SELECT count(*) FROM fetch");
        } catch (IllegalStateException noTableYet) {
            return 0;
        }
    }
}
