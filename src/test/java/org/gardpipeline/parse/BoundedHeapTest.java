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
 * A 50 MB document, a 300 MB one and deeply nested ones, ingested by {@code gard run} and read by
 * {@code gard parse} in child JVMs whose heap is 128 MB (the 50 MB file must fit once for {@code parse}):
 * each completes, each document is parsed or quarantined with a reason, and no OutOfMemoryError or
 * StackOverflowError occurs.
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
        try (java.io.RandomAccessFile sparse = new java.io.RandomAccessFile(fetch.resolve("bigger-than-the-heap.html").toFile(), "rw")) {
            sparse.setLength(300L * 1024 * 1024); // more than the heap: must be quarantined without being read
        }

        ChildJvm run = ChildJvm.start(dir.resolve("logs"), SMALL_HEAP, Map.of(), "org.gardpipeline.cli.Main",
                "run", "--raw", dir.resolve("raw").toString(), "--db", dir.resolve("out/gard.sqlite").toString(),
                "--out", dir.resolve("out").toString());
        int code = run.waitFor(180);
        String err = run.err();
        assertFalse(err.contains("OutOfMemoryError") || err.contains("StackOverflowError"), err);
        assertEquals(3, code, "done, with quarantined documents: " + err);
        assertTrue(err.contains("fifty-mb.html: document of 50.0 MB exceeds the limit of 8 MB"), err);
        assertTrue(err.contains("nested-medquad.xml: medquad-xml nests elements more than 100 deep"), err);
        assertTrue(err.contains("bigger-than-the-heap.html: document of 300.0 MB exceeds the limit of 8 MB"), err);
        assertTrue(err.contains("fetch 2022-01-01: 6 documents"), err);

        // gard parse reads the whole file and hands it to Parsers.parse, whose own limit must hold in the small heap.
        for (String file : List.of("fifty-mb.html", "nested-divs.html")) {
            ChildJvm parse = ChildJvm.start(dir.resolve("logs"), SMALL_HEAP, Map.of(), "org.gardpipeline.cli.Main",
                    "parse", fetch.resolve(file).toString());
            int parsed = parse.waitFor(120);
            assertFalse(parse.err().contains("OutOfMemoryError") || parse.err().contains("StackOverflowError"), parse.err());
            assertTrue(parsed == 0 || parsed == 3 && parse.err().startsWith("quarantined: "), file + ": " + parsed + " " + parse.err());
        }
    }
}
