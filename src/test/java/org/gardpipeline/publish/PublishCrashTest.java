package org.gardpipeline.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.gardpipeline.ChildJvm;
import org.gardpipeline.FetchSeries;
import org.gardpipeline.MirrorComparison;
import org.gardpipeline.PostgresServer;
import org.gardpipeline.cli.CommandLineRun;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code gard publish} in a child JVM killed with SIGKILL at points of its transaction chosen at random (seeded; the
 * store's GARD_TEST_PAUSE_MS says where it is): the schema is as it was before, row for row, and the next publish
 * gives the rows of a publish that was never interrupted.
 */
@Tag("slow")
class PublishCrashTest {
    @TempDir
    static Path serverDir;

    @TempDir
    Path dir;

    private static PostgresServer server;

    @BeforeAll
    static void start() {
        server = PostgresServer.start(serverDir);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** Four tables picked at random, and the moment after all is sent, before the commit. */
    static Stream<String> moments() {
        List<MirroredTable> tables = new ArrayList<>(MirroredTable.ALL);
        java.util.Collections.shuffle(tables, new Random(25));
        List<String> moments = new ArrayList<>();
        tables.subList(0, 4).forEach(t -> moments.add("publish: " + t.name() + " sent"));
        moments.add("publish: all sent, not committed");
        return moments.stream();
    }

    @ParameterizedTest
    @MethodSource("moments")
    void aPublishKilledAnywhereLeavesTheSchemaAsItWasAndTheNextCompletesIt(String moment) throws Exception {
        Path series = dir.resolve("series");
        FetchSeries.realSeries(series);
        Path raw = dir.resolve("raw");
        for (String f : List.of("2022-01-01", "2022-02-01", "2022-03-01")) {
            FetchSeries.copyFolder(series.resolve(f), raw.resolve(f));
        }
        Path db = dir.resolve("gard.sqlite");
        String schema = "crash_" + Math.abs(moment.hashCode());
        String[] run = {"run", "--raw", raw.toString(), "--db", db.toString(), "--out", dir.resolve("out").toString(), "--quiet"};
        assertEquals(0, CommandLineRun.of(run).exitCode());
        assertEquals(0, CommandLineRun.of("publish", "--db", db.toString(), "--to", server.uri("gard"), "--schema", schema).exitCode());
        FetchSeries.copyFolder(series.resolve("2022-04-01"), raw.resolve("2022-04-01"));
        assertEquals(0, CommandLineRun.of(run).exitCode());
        String before = MirrorComparison.dump(server, schema, true);

        ChildJvm publish = ChildJvm.gard(dir.resolve("logs"), Map.of("GARD_TEST_PAUSE_MS", "150"),
                "publish", "--db", db.toString(), "--to", server.uri("gard"), "--schema", schema);
        long deadline = System.nanoTime() + 90_000_000_000L;
        while (!publish.err().contains(moment) && publish.process().isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertTrue(publish.kill(), "killed while still running: " + publish.err());
        assertTrue(publish.err().contains(moment), publish.err());
        assertEquals(before, MirrorComparison.dump(server, schema, true), "killed at " + moment + ": the schema as it was");

        CommandLineRun again = CommandLineRun.of("publish", "--db", db.toString(), "--to", server.uri("gard"), "--schema", schema);
        assertEquals(0, again.exitCode(), again.err());
        assertEquals(0, CommandLineRun.of("publish", "--db", db.toString(), "--to", server.uri("gard"), "--schema",
                schema + "_whole").exitCode());
        assertEquals(MirrorComparison.dump(server, schema + "_whole", false), MirrorComparison.dump(server, schema, false));
        MirrorComparison.assertViewsEqual(db, server, schema);
    }
}
