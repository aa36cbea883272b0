package org.gardpipeline.cli;

import static org.gardpipeline.cli.PackCommandTest.awaitThenKill;
import static org.gardpipeline.cli.PackCommandTest.names;
import static org.gardpipeline.cli.PackCommandTest.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.gardpipeline.ChildJvm;
import org.gardpipeline.FetchSeries;
import org.gardpipeline.TestDb;
import org.gardpipeline.TestSite;
import org.gardpipeline.archive.FetchWarcPacker;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gard pack} in a child JVM killed with SIGKILL at each step (GARD_TEST_PAUSE_MS says where it is): the
 * fetch folder is the old one, byte for byte, until the packed one has taken its name whole; a run meanwhile
 * passes the hidden leftovers by, and the next pack removes them and packs, the history unchanged.
 */
@Tag("slow")
class PackCrashTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"1 records written", "7 records written", "14 records written", "packed and checked, not swapped in",
        "swapped in, the old folder not yet deleted"})
    void aPackKilledAtAnyStepLeavesTheFolderAsItWasOrPackedWhole(String moment) throws IOException {
        Path raw = dir.resolve("raw");
        FetchSeries.realSeries(raw);
        Path db = dir.resolve("gard.sqlite");
        String[] run = {"run", "--raw", raw.toString(), "--db", db.toString(), "--out", dir.resolve("out").toString()};
        assertEquals(0, CommandLineRun.of(run).exitCode());
        Path folder = raw.resolve("2022-01-01");
        Map<String, String> before = tree(folder);

        ChildJvm pack = ChildJvm.gard(dir.resolve("logs"), Map.of("GARD_TEST_PAUSE_MS", "100"),
                "pack", "--raw", raw.toString(), "--db", db.toString(), "2022-01-01");
        awaitThenKill(pack, moment);
        if (moment.startsWith("swapped in")) {
            assertEquals(List.of("packed.warc.gz"), names(folder), "killed after the swap: the folder is packed whole");
        } else {
            assertEquals(before, tree(folder), "killed before the swap: the folder is as it was");
        }
        CommandLineRun meanwhile = CommandLineRun.of(run);
        assertEquals(0, meanwhile.exitCode(), meanwhile.err());
        assertTrue(meanwhile.err().contains("nothing new under"), "a run passes the hidden leftover by: " + meanwhile.err());

        CommandLineRun again = CommandLineRun.of("pack", "--raw", raw.toString(), "--db", db.toString());
        assertEquals(0, again.exitCode(), again.err());
        try (Stream<Path> hidden = Files.list(raw)) {
            assertEquals(List.of(), hidden.filter(p -> p.getFileName().toString().startsWith(".")).toList(), "leftovers removed");
        }
        Path fresh = dir.resolve("fresh.sqlite");
        assertEquals(0, CommandLineRun.of("run", "--raw", raw.toString(), "--db", fresh.toString(), "--out",
                dir.resolve("fresh-out").toString()).exitCode());
        assertEquals(TestDb.stableDump(db), TestDb.stableDump(fresh));
    }

    /**
     * The same for a folder {@code gard fetch} wrote before revisits of identical payloads, whose WARC file a pack
     * rewrites: killed before the swap it is byte for byte as it was, after it its WARC file is the packed one whole.
     */
    @ParameterizedTest
    @ValueSource(strings = {"1 records written", "5 records written", "packed and checked, not swapped in",
        "swapped in, the old folder not yet deleted"})
    void aPackOfAFetchedFolderKilledAtAnyStepLeavesItAsItWasOrPackedWhole(String moment) throws Exception {
        Path raw = dir.resolve("raw");
        Map<String, byte[]> bodies = FetchedFolderPackTest.pages();
        try (TestSite site = new TestSite()) {
            bodies.forEach((path, body) -> site.on(path, (ex, n) -> site.send(ex, 200, "text/html; charset=utf-8", body)));
            FetchedFolderPackTest.fetchAlone(dir, raw, site, bodies, "2024-03-01-fetch");
            FetchedFolderPackTest.fetchAlone(dir, raw, site, bodies, "2024-03-02-fetch");
        }
        Path db = dir.resolve("gard.sqlite");
        String[] run = {"run", "--raw", raw.toString(), "--db", db.toString(), "--out", dir.resolve("out").toString()};
        assertEquals(0, CommandLineRun.of(run).exitCode());
        assertEquals(0, CommandLineRun.of("pack", "--raw", raw.toString(), "--db", db.toString(), "2024-03-01-fetch").exitCode());
        Path folder = raw.resolve("2024-03-02-fetch");
        Map<String, String> before = tree(folder);

        ChildJvm pack = ChildJvm.gard(dir.resolve("logs"), Map.of("GARD_TEST_PAUSE_MS", "100"),
                "pack", "--raw", raw.toString(), "--db", db.toString(), "2024-03-02-fetch");
        awaitThenKill(pack, moment);
        if (moment.startsWith("swapped in")) {
            assertEquals(List.of("fetch.properties", "manifest.json", "pages.warc.gz"), names(folder));
            assertTrue(FetchWarcPacker.isPacked(folder.resolve("pages.warc.gz")), "killed after the swap: packed whole");
        } else {
            assertEquals(before, tree(folder), "killed before the swap: the folder is as it was");
        }
        CommandLineRun meanwhile = CommandLineRun.of(run);
        assertEquals(0, meanwhile.exitCode(), meanwhile.err());
        assertTrue(meanwhile.err().contains("nothing new under"), "a run passes the hidden leftover by: " + meanwhile.err());

        CommandLineRun again = CommandLineRun.of("pack", "--raw", raw.toString(), "--db", db.toString());
        assertEquals(0, again.exitCode(), again.err());
        assertTrue(FetchWarcPacker.isPacked(folder.resolve("pages.warc.gz")));
        try (Stream<Path> hidden = Files.list(raw)) {
            assertEquals(List.of(), hidden.filter(p -> p.getFileName().toString().startsWith(".")).toList(), "leftovers removed");
        }
        Path fresh = dir.resolve("fresh.sqlite");
        assertEquals(0, CommandLineRun.of("run", "--raw", raw.toString(), "--db", fresh.toString(), "--out",
                dir.resolve("fresh-out").toString()).exitCode());
        assertEquals(TestDb.stableDump(db), TestDb.stableDump(fresh));
    }
}
