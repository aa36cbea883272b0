package org.gardpipeline.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gardpipeline.FetchSeries;
import org.gardpipeline.archive.ArchiveIndex;
import org.gardpipeline.archive.PackedWarcWriter;
import org.gardpipeline.TestDb;
import org.gardpipeline.store.HistoryStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A packed folder yields the documents of the folder it replaced, paths and bytes, whatever their names: in
 * sub-folders, with spaces, colons, percent signs or letters beyond ASCII, a {@code manifest.json} that was a
 * document, and two documents of the same bytes (the second a revisit within the file); files that are no
 * document stay beside the WARC file as they were.
 */
class PackedFolderTest {
    @TempDir
    Path dir;

    @Test
    void aPackedFolderGivesTheSameDocumentsPathsAndBytesAndKeepsWhatIsNoDocument() throws IOException {
        Path raw = dir.resolve("raw");
        String answer = FetchSeries.answerText();
        Path fetch = FetchSeries.fetch(raw, "2016-01-01-odd", "a.txt", answer);
        FetchSeries.fetch(fetch, "sub dir", "b: 100% caf\u00e9.txt", answer);
        FetchSeries.fetch(fetch, ".", "manifest.json", "{\"not\": \"a gard fetch\"}");
        FetchSeries.fetch(fetch, ".", ".hidden", "kept");
        FetchSeries.fetch(fetch, ".", "fetch.properties", "source=hand\n");
        List<String> paths = new ArrayList<>();
        List<byte[]> bytes = new ArrayList<>();
        for (FetchSource.RawDocument d : FetchSource.open(fetch, FetchSource.Overrides.NONE).documents()) {
            paths.add(d.path());
            bytes.add(d.read());
        }
        assertEquals(List.of("a.txt", "manifest.json", "sub dir/b: 100% caf\u00e9.txt"), paths);

        Path html = dir.resolve("html.sqlite");
        try (HistoryStore store = HistoryStore.open(html)) {
            new Ingester(store).ingest(FetchSource.open(fetch, FetchSource.Overrides.NONE));
            List<FetchPacker.Result> results = new FetchPacker(store, raw, new ArchiveIndex()).packAll(
                    List.of(FetchSource.open(fetch, FetchSource.Overrides.NONE)), true, r -> { });
            assertNull(results.get(0).skipped());
            assertEquals(1, results.get(0).revisits(), "the second document of the same bytes is a revisit");
        }

        assertEquals(List.of(".hidden", "fetch.properties", PackedWarcWriter.FILE), names(fetch));
        assertEquals("kept", Files.readString(fetch.resolve(".hidden"), StandardCharsets.UTF_8));
        List<FetchSource.RawDocument> packed = FetchSource.open(fetch, FetchSource.Overrides.NONE).documents();
        assertEquals(paths, packed.stream().map(FetchSource.RawDocument::path).toList());
        for (int i = 0; i < packed.size(); i++) {
            assertEquals(org.gardpipeline.model.Sha256.hex(bytes.get(i)), packed.get(i).content().knownSha256(),
                    "checked as the file was scanned, so hashed without a second read: " + paths.get(i));
            assertArrayEquals(bytes.get(i), packed.get(i).read(), paths.get(i));
        }
        Path fresh = dir.resolve("fresh.sqlite");
        try (HistoryStore store = HistoryStore.open(fresh)) {
            new Ingester(store).ingest(FetchSource.open(fetch, FetchSource.Overrides.NONE));
        }
        assertEquals(TestDb.stableDump(html), TestDb.stableDump(fresh));
    }

    private static List<String> names(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
