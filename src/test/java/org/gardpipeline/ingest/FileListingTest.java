package org.gardpipeline.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gardpipeline.FetchSeries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The files of a fetch folder and their listing; a listing of settled files is tested in FetchListingTest. */
class FileListingTest {
    @TempDir
    Path dir;

    /** A file written moments ago may change again within the file system's clock: its bytes must be hashed. */
    @Test
    void filesWrittenMomentsAgoHaveNoListing() throws IOException {
        Path fetch = FetchSeries.fetch(dir, "2016-01-01", "a.txt", FetchSeries.answerText());

        assertNull(FileListing.ofFolder(fetch).sha256());
        assertNull(FileListing.ofFile(fetch.resolve("a.txt")).sha256());
    }

    @Test
    void filesAreNamedRelativeToTheFolderWithSlashes() throws IOException {
        Path fetch = FetchSeries.fetch(dir, "2016-01-01", "b.txt", "b");
        FetchSeries.fetch(fetch, "pages/deep", "a.html", "a");
        Files.createDirectories(fetch.resolve("empty"));

        FileListing listing = FileListing.ofFolder(fetch);

        assertEquals(List.of("b.txt", "pages/deep/a.html"), listing.files().stream().map(listing::relative).toList());
    }
}
