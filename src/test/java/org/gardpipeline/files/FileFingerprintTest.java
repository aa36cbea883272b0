package org.gardpipeline.files;

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
class FileFingerprintTest {
    @TempDir
    Path dir;

    /** A file written moments ago may change again within the file system's clock: its bytes must be hashed. */
    @Test
    void filesWrittenMomentsAgoHaveNoListing() throws IOException {
        Path fetch = FetchSeries.fetch(dir, "2016-01-01", "a.txt", FetchSeries.answerText());

        assertNull(FileFingerprint.ofFolder(fetch).sha256());
        assertNull(FileFingerprint.ofFile(fetch.resolve("a.txt")).sha256());
    }

    @Test
    void filesAreNamedRelativeToTheFolderWithSlashes() throws IOException {
        Path fetch = FetchSeries.fetch(dir, "2016-01-01", "b.txt", "b");
        FetchSeries.fetch(fetch, "pages/deep", "a.html", "a");
        Files.createDirectories(fetch.resolve("empty"));

        FileFingerprint listing = FileFingerprint.ofFolder(fetch);

        assertEquals(List.of("b.txt", "pages/deep/a.html"), listing.files().stream().map(listing::relative).toList());
    }

    /**
     * Two folders that depend on the same file, listed in one pass sharing what is read of it, have the listings
     * they have alone; and a change to that file changes both.
     */
    @Test
    void aDependencyReadOnceForSeveralListingsGivesTheListingsOfEach() throws IOException {
        Path shared = FetchSeries.fetch(dir, "2016-01-01", "packed.warc.gz", "captures");
        Path a = FetchSeries.fetch(dir, "2016-02-01", "a.txt", "a");
        Path b = FetchSeries.fetch(dir, "2016-03-01", "b.txt", "b");
        FileFingerprint la = FileFingerprint.ofFolder(a).dependingOn(List.of(shared.resolve("packed.warc.gz")));
        FileFingerprint lb = FileFingerprint.ofFolder(b).dependingOn(List.of(shared.resolve("packed.warc.gz")));
        java.util.Map<Path, java.util.Map<String, Object>> once = new java.util.HashMap<>();

        assertEquals(la.statusSha256(), la.sha256(once, Long.MAX_VALUE));
        assertEquals(lb.statusSha256(), lb.sha256(once, Long.MAX_VALUE));
        assertEquals(1, once.size());

        String before = la.statusSha256();
        Files.writeString(shared.resolve("packed.warc.gz"), "other captures");
        org.junit.jupiter.api.Assertions.assertNotEquals(before, la.statusSha256());
        org.junit.jupiter.api.Assertions.assertNotEquals(before, la.sha256(new java.util.HashMap<>(), Long.MAX_VALUE));
    }
}
