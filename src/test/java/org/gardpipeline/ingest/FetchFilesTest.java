package org.gardpipeline.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.gardpipeline.FetchSeries;
import org.gardpipeline.archive.ArchiveIndex;
import org.gardpipeline.archive.PackedWarcWriter;
import org.gardpipeline.files.FileFingerprint;
import org.gardpipeline.store.FetchListing;
import org.gardpipeline.store.HistoryStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A packed folder's listing takes in the packed files its revisits refer to. Checked with those kept beside an
 * earlier listing, it is the listing of the files as they are, without its WARC file opened to find them; a
 * change to either file still shows.
 */
class FetchFilesTest {
    @TempDir
    Path dir;

    private Path raw;
    private Path second;

    @BeforeEach
    void twoPackedFetchesTheSecondReferringToTheFirst() throws IOException, InterruptedException {
        raw = dir.resolve("raw");
        String answer = FetchSeries.answerText();
        FetchSeries.fetch(raw, "2016-01-01", "a.txt", answer);
        second = FetchSeries.fetch(raw, "2016-02-01", "a.txt", answer);
        FetchSeries.fetch(second, ".", "b.txt", FetchSeries.edit(answer, "poorly managed", "poorly controlled"));
        try (HistoryStore store = HistoryStore.open(dir.resolve("h.sqlite"))) {
            List<FetchSource> sources = List.of(open(raw.resolve("2016-01-01")), open(second));
            new Ingester(store).ingestAll(sources, s -> { });
            new FetchPacker(store, raw, new ArchiveIndex()).packAll(sources, true, r -> { });
        }
        Thread.sleep(3_100); // FileFingerprint.SETTLING, and a little more: a listing is taken of settled files only
    }

    private static FetchSource open(Path folder) {
        return FetchSource.open(folder, FetchSource.Overrides.NONE);
    }

    @Test
    void aKeptListingCheckedWithItsFilesBeyondTheFolderIsTheListingOfTheFilesAsTheyAreAndAChangeToThemShows()
            throws IOException {
        FetchListing real = open(second).listing();
        assertNotNull(real);
        assertEquals(List.of("../2016-01-01/" + PackedWarcWriter.FILE), real.dependencies());
        assertEquals(List.of(), open(raw.resolve("2016-01-01")).listing().dependencies());
        assertEquals(real, open(second).listing(real, new ConcurrentHashMap<>()));

        // the kept files are what the check takes in: with none kept beside its own listing, none is looked for
        FetchListing keptWithout = new FetchListing(FileFingerprint.ofFolder(second).sha256(), List.of());
        assertEquals(keptWithout, open(second).listing(keptWithout, new ConcurrentHashMap<>()));
        assertNotEquals(keptWithout, open(second).listing(), "its WARC file names the first fetch's");

        Path first = raw.resolve("2016-01-01").resolve(PackedWarcWriter.FILE);
        Files.setLastModifiedTime(first, Files.getLastModifiedTime(first)); // its change time moves
        assertNotEquals(real, open(second).listing(real, new ConcurrentHashMap<>()));
    }

    @Test
    void aChangeToItsOwnFileShows() throws IOException {
        FetchListing real = open(second).listing();
        Path own = second.resolve(PackedWarcWriter.FILE);
        Files.setLastModifiedTime(own, Files.getLastModifiedTime(own)); // its change time moves
        assertNotEquals(real, open(second).listing(real, new ConcurrentHashMap<>()));
    }
}
