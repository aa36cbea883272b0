package org.gardpipeline.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gardpipeline.FetchSeries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FetchSourceTest {
    @TempDir
    Path dir;

    /** The folder is listed in one walk: files in sub-folders and links to files are documents; the rest is not. */
    @Test
    void documentsAreTheFilesAndLinksToFilesUnderTheFolderInPathOrder() throws IOException {
        Path fetch = FetchSeries.fetch(dir, "2016-01-01", "b.txt", "b");
        FetchSeries.fetch(fetch, "pages", "a.html", "a");
        Files.writeString(fetch.resolve("fetch.properties"), "complete=true\n");
        Files.writeString(fetch.resolve(".partial"), "x");
        Path elsewhere = FetchSeries.fetch(dir, "elsewhere", "c.txt", "c");
        Files.createSymbolicLink(fetch.resolve("c.txt"), elsewhere.resolve("c.txt"));
        Files.createSymbolicLink(fetch.resolve("d"), elsewhere);
        Files.createSymbolicLink(fetch.resolve("gone.txt"), dir.resolve("nothing-here"));

        FetchSource source = FetchSource.open(fetch, FetchSource.Overrides.NONE);

        assertEquals(List.of("b.txt", "c.txt", "pages/a.html"), source.documents().stream().map(FetchSource.RawDocument::path).toList());
        assertEquals("c", new String(source.documents().get(1).read()));
        assertEquals(true, source.fetch("").complete());
    }

    /**
     * A folder dated by its name has its WARC files read only when its documents are asked for: a run that knows
     * the fetch by its listing never reads them. This one is no WARC at all, and says so only then.
     */
    @Test
    void aDatedFolderReadsItsWarcFilesOnlyForItsDocuments() throws IOException {
        Path fetch = FetchSeries.fetch(dir, "2022-12-20", "crawl.warc", "not a web archive");

        FetchSource source = FetchSource.open(fetch, FetchSource.Overrides.NONE);

        assertEquals("2022-12-20", source.fetch("").fetchedAt());
        UnusableFetchException e = assertThrows(UnusableFetchException.class, source::documents);
        assertTrue(e.getMessage().contains("crawl.warc"), e.getMessage());
    }

    /** An empty folder (a mount point with nothing mounted) would otherwise stand for its date as a fetch of nothing. */
    @Test
    void anEmptyFetchFolderIsAUsageError() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("2022-12-20"));
        Files.writeString(empty.resolve(".DS_Store"), "x");

        UnusableFetchException e = assertThrows(UnusableFetchException.class, () -> FetchSource.open(empty, FetchSource.Overrides.NONE));

        assertEquals("fetch folder " + empty + " is empty: a disk not mounted, or a copy not made? Fill it or remove it",
                e.getMessage());
    }
}
