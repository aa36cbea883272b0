package org.gardpipeline.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.gardpipeline.ChildJvm;
import org.gardpipeline.FetchSeries;
import org.gardpipeline.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 50 MB document and deeply nested ones, ingested by {@code gard run} in a child JVM whose heap is 128 MB
 * (the 50 MB file itself must fit once): the run completes, each document is parsed or quarantined with a
 * reason, and no OutOfMemoryError or StackOverflowError occurs.
 */
class BoundedHeapTest {
    private static final List<String> SMALL_HEAP = List.of("-Xmx128m", "-Xss512k", "-XX:TieredStopAtLevel=1");

    @TempDir
    Path dir;

    @Test
    void fiftyMegabytesAndDeepNestingAreIngestedWithinA128MbHeap() throws Exception {
        Path fetch = dir.resolve("raw/2022-01-01");
        Files.createDirectories(fetch);
        byte[] page = Fixtures.bytes("gard-2022/caudal-regression-sequence");
        Files.write(fetch.resolve("fifty-mb.html"), Mutations.repeatTo(page, 50 * 1024 * 1024));
        Files.write(fetch.resolve("nested-divs.html"), Mutations.mutate("deep-nesting-100000", page, new Random(1)));
        Files.write(fetch.resolve("nested-medquad.xml"),
                Mutations.mutate("deep-nesting-100000", Fixtures.bytes("medquad/0000006.xml"), new Random(1)));
        Files.write(fetch.resolve("nested-answer.html"), Mutations.insert(Fixtures.bytes("qa-html/caudal-regression-sequence.html"),
                2000, Mutations.nesting("div", 100_000, true)));
        Files.write(fetch.resolve("real.txt"), Fixtures.bytes(FetchSeries.ANSWER));

        ChildJvm run = ChildJvm.start(dir.resolve("logs"), SMALL_HEAP, Map.of(), "org.gardpipeline.cli.Main",
                "run", "--raw", dir.resolve("raw").toString(), "--db", dir.resolve("out/gard.sqlite").toString(),
                "--out", dir.resolve("out").toString());
        int code = run.waitFor(180);
        String err = run.err();
        assertFalse(err.contains("OutOfMemoryError") || err.contains("StackOverflowError"), err);
        assertEquals(3, code, "done, with quarantined documents: " + err);
        assertTrue(err.contains("fifty-mb.html: document of 50.0 MB exceeds the limit of 8 MB"), err);
        assertTrue(err.contains("nested-medquad.xml: medquad-xml nests elements more than 100 deep"), err);
        assertTrue(err.contains("fetch 2022-01-01: 5 documents"), err);
    }
}
