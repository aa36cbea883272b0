package org.gardpipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import org.gardpipeline.ChildJvm;
import org.gardpipeline.FetchSeries;
import org.gardpipeline.Fixtures;
import org.gardpipeline.TestDb;
import org.gardpipeline.files.FileFingerprint;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fetch folder ingested before is known by the listing of its files (names, sizes, change times, inodes)
 * while they stay unchanged, and is then not read again; any write to a file, whatever it keeps of its size
 * and modification time, sends the run back to the bytes.
 */
class FetchListingTest {
    private static final String NOT_READ = "ingested before, and its files are unchanged since: not read";
    private static final String HASHED = "ingested before, comparing hashes only";
    private static final List<String> LATER = List.of("2022-12-21", "2022-12-22", "2022-12-23", "2022-12-24");

    /** Fetch folders written once for the class and left to settle: a listing is kept only of settled files. */
    @TempDir
    static Path settled;

    @TempDir
    Path dir;

    @BeforeAll
    static void writeFetchesAndLetThemSettle() throws InterruptedException {
        for (String raw : new String[] {"unchanged", "rewritten"}) {
            FetchSeries.fetch(settled.resolve(raw), "2022-12-20", "caudal-regression-sequence",
                    Fixtures.bytes("gard-2022/caudal-regression-sequence"));
            FetchSeries.fetch(settled.resolve(raw), "2022-12-20", "answer.txt", FetchSeries.answerText());
        }
        // more fetches seen again at once: their listings are taken on several threads, and each must be kept
        // for its own fetch (a listing kept for another would let a rewritten fetch pass unread)
        for (String raw : new String[] {"unchanged", "rewritten"}) {
            for (String date : LATER) {
                FetchSeries.fetch(settled.resolve(raw), date, "answer.txt", FetchSeries.answerText());
            }
        }
        Thread.sleep(3_100); // FileFingerprint.SETTLING, and a little more
    }

    /** What a run printed: in a child JVM, as the log of --verbose goes to the process's own stderr. */
    private record Run(int exitCode, String err) {
    }

    private Run run(Path raw) {
        ChildJvm child = ChildJvm.gard(dir.resolve("logs"), Map.of(), "run", "--raw", raw.toString(),
                "--db", dir.resolve("gard.sqlite").toString(), "--out", dir.resolve("out").toString(), "--verbose");
        return new Run(child.waitFor(120), child.err());
    }

    private String listing() {
        return (String) TestDb.rows(dir.resolve("gard.sqlite"), "SELECT listing_sha256 FROM fetch").get(0).get("listing_sha256");
    }

    /**
     * A new fetch keeps no listing (taking one would slow every ingest); the first run that meets it again hashes
     * its files and keeps their listing, and later runs do not read them.
     */
    @Test
    void aFetchWhoseFilesAreUnchangedIsNotReadAgain() {
        Path raw = settled.resolve("unchanged");
        Run first = run(raw);
        assertEquals(0, first.exitCode(), first.err());
        assertNull(listing());

        Run second = run(raw);
        assertEquals(0, second.exitCode(), second.err());
        assertTrue(second.err().contains("fetch 2022-12-20: " + HASHED), second.err());
        assertNotNull(listing(), "the files had settled: their listing is kept");

        List<Object> listings = TestDb.rows(dir.resolve("gard.sqlite"), "SELECT listing_sha256 FROM fetch").stream()
                .map(row -> row.get("listing_sha256")).toList();
        assertEquals(1 + LATER.size(), listings.size());
        assertEquals(listings.size(), new java.util.HashSet<>(listings).size(), "each fetch its own listing: " + listings);

        Run third = run(raw);
        assertEquals(0, third.exitCode(), third.err());
        assertTrue(third.err().contains("fetch 2022-12-20: " + NOT_READ), third.err());
        for (String date : LATER) {
            assertTrue(third.err().contains("fetch " + date + ": " + NOT_READ), third.err());
        }
        assertFalse(third.err().contains(HASHED), third.err());
        assertTrue(third.err().contains("already ingested, nothing changed"), third.err());
    }

    /** Same size, same modification time, other bytes: the change time gives the write away. */
    @Test
    void aFileRewrittenWithItsSizeAndModificationTimeKeptIsReadAndRefused() throws IOException, InterruptedException {
        Path raw = settled.resolve("rewritten");
        assertEquals(0, run(raw).exitCode());
        assertEquals(0, run(raw).exitCode());
        assertNotNull(listing());
        Path answer = raw.resolve("2022-12-20/answer.txt");
        FileTime modified = Files.getLastModifiedTime(answer);
        long size = Files.size(answer);
        Files.writeString(answer, FetchSeries.answerText().replace("Warm regards", "Kind regards"), StandardCharsets.UTF_8);
        Files.setLastModifiedTime(answer, modified);
        assertEquals(size, Files.size(answer));
        Thread.sleep(3_100); // settled again: only the change time and the listing can give the write away

        Run again = run(raw);

        assertEquals(2, again.exitCode(), again.err());
        assertTrue(again.err().contains(HASHED), again.err());
        assertTrue(again.err().contains("differs from the fetch of that date already ingested"), again.err());
    }
}
