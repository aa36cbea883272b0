package org.gardpipeline.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /**
     * The listing is made of what the walk read, so a file is settled by the walk's time, not by when the listing
     * is asked for: a file written just before the walk has no listing even once it has aged.
     */
    @Test
    void aFileWrittenJustBeforeTheWalkHasNoListingLaterEither() throws Exception {
        Path fetch = FetchSeries.fetch(dir, "2016-01-01", "a.txt", FetchSeries.answerText());
        FileFingerprint walked = FileFingerprint.ofFolder(fetch);
        Thread.sleep(FileFingerprint.SETTLING.toMillis() + 500);

        assertNull(walked.sha256());
        assertNotNull(FileFingerprint.ofFolder(fetch).sha256());
    }

    /** A file system without the Unix attributes (here a zip file's) is walked all the same, and has no listing. */
    @Test
    void aFolderWithoutUnixAttributesIsListedWithoutAListing() throws Exception {
        Path zip = dir.resolve("fetches.zip");
        try (FileSystem fs = FileSystems.newFileSystem(zip, Map.of("create", "true"))) {
            Path fetch = Files.createDirectories(fs.getPath("/2016-01-01/pages"));
            Files.writeString(fetch.resolve("b.html"), "b");
            Files.writeString(fetch.getParent().resolve("a.txt"), "a");

            FileFingerprint listing = FileFingerprint.ofFolder(fetch.getParent());

            assertEquals(List.of("a.txt", "pages/b.html"), listing.files().stream().map(listing::relative).toList());
            assertNull(listing.walked());
            assertNull(listing.sha256(new HashMap<>(), Long.MAX_VALUE));
        }
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
     * A folder's listing is made of the status its walk read of each file: the same listing as the same files
     * named and their status read when listed (the listing a database of an earlier release kept), so that an
     * upgrade hashes no fetch again.
     */
    @Test
    void theWalkedListingIsTheListingOfTheFilesReadWhenListed() throws IOException {
        Path fetch = FetchSeries.fetch(dir, "2016-01-01", "b.txt", "b");
        FetchSeries.fetch(fetch, "a", "z.html", "z");
        Files.writeString(fetch.resolve("a.txt"), "a");
        boolean utf8Names = "UTF-8".equalsIgnoreCase(System.getProperty("sun.jnu.encoding"));
        if (utf8Names) { // a name the platform can spell: after every ASCII name, in bytes as in characters
            Files.writeString(fetch.resolve("\u00e4.txt"), "umlaut");
        }
        Files.createSymbolicLink(fetch.resolve("c.txt"), fetch.resolve("b.txt"));

        FileFingerprint walked = FileFingerprint.ofFolder(fetch);
        List<Path> byBytes = new ArrayList<>(walked.files());
        byBytes.sort(null);
        FileFingerprint named = new FileFingerprint(fetch, byBytes);

        List<String> expected = new ArrayList<>(List.of("a.txt", "a/z.html", "b.txt", "c.txt"));
        if (utf8Names) {
            expected.add("\u00e4.txt");
        }
        assertEquals(expected, walked.files().stream().map(walked::relative).toList());
        assertEquals(named.files(), walked.files());
        assertEquals(named.sha256(new HashMap<>(), Long.MAX_VALUE), walked.sha256(new HashMap<>(), Long.MAX_VALUE));
        assertEquals(named.statusSha256(), walked.statusSha256());
    }

    /**
     * The output stamp lists some entries of the output folder (files and a folder) in one walk: the files and the
     * listing of what it walked are those of the same files named, as the stamp listed them before; an entry that
     * is not there is left out, and files beside the entries are not listed.
     */
    @Test
    void entriesWalkedAreListedAsTheSameFilesNamed() throws IOException {
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.writeString(out.resolve("pages.csv"), "p");
        Files.writeString(out.resolve("changes.atom"), "feed");
        Files.writeString(out.resolve("notes.txt"), "not an output");
        Path report = Files.createDirectories(out.resolve("report/pages"));
        Files.writeString(out.resolve("report/index.html"), "index");
        Files.writeString(report.resolve("6007.html"), "page");
        Files.createSymbolicLink(report.resolve("6008.html"), report.resolve("6007.html"));

        FileFingerprint walked = FileFingerprint.ofEntries(out,
                List.of(out.resolve("pages.csv"), out.resolve("missing.csv"), out.resolve("report"), out.resolve("changes.atom")));
        FileFingerprint named = new FileFingerprint(out, List.of(out.resolve("changes.atom"), out.resolve("pages.csv"),
                out.resolve("report/index.html"), report.resolve("6007.html"), report.resolve("6008.html")));

        assertEquals(List.of("changes.atom", "pages.csv", "report/index.html", "report/pages/6007.html", "report/pages/6008.html"),
                walked.files().stream().map(walked::relative).toList());
        assertEquals(named.files(), walked.files());
        assertEquals(named.sha256(new HashMap<>(), Long.MAX_VALUE), walked.sha256(new HashMap<>(), Long.MAX_VALUE));
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
        Map<Path, FileFingerprint.Status> once = new HashMap<>();

        assertEquals(la.statusSha256(), la.sha256(once, Long.MAX_VALUE));
        assertEquals(lb.statusSha256(), lb.sha256(once, Long.MAX_VALUE));
        assertEquals(1, once.size());

        String before = la.statusSha256();
        Files.writeString(shared.resolve("packed.warc.gz"), "other captures");
        org.junit.jupiter.api.Assertions.assertNotEquals(before, la.statusSha256());
        org.junit.jupiter.api.Assertions.assertNotEquals(before, la.sha256(new HashMap<>(), Long.MAX_VALUE));
    }
}
