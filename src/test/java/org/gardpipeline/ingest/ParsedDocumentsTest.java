package org.gardpipeline.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.IntSupplier;
import org.gardpipeline.model.Document;
import org.gardpipeline.model.Sha256;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The threads read and hash far ahead of the writer, but parse only a few documents ahead of it, so that a
 * fetch that changed little keeps every core busy and a fetch of new pages holds few parsed pages at once.
 */
class ParsedDocumentsTest {
    private static final int THREADS = 2;
    @TempDir
    Path dir;

    /** With a budget of one page, a document to parse waits until the writer comes within reach of it. */
    @Test
    void pastTheBudgetDocumentsToParseWaitForTheWriterToComeWithinReach() throws Exception {
        List<FetchSource.RawDocument> raw = pages(200);
        try (ParsedDocuments documents = new ParsedDocuments(raw, Set.of(), THREADS, Files.size(dir.resolve("page-000.txt")))) {
            Iterator<Document> writer = documents.iterator();
            Document first = writer.next();
            assertEquals(raw.get(0).path(), first.path());
            // taken: document 0; may be parsed: documents up to 0 + 2 threads x 16
            long reach = 1 + (long) THREADS * ParsedDocuments.PARSE_AHEAD;
            waitFor(() -> (int) documents.parsesBegun(), (int) reach);
            Thread.sleep(300);
            assertEquals(reach, documents.parsesBegun(), "parsed beyond the writer's reach");

            List<String> order = new ArrayList<>(List.of(first.path()));
            writer.forEachRemaining(d -> order.add(d.path()));
            assertEquals(raw.stream().map(FetchSource.RawDocument::path).toList(), order);
            assertEquals(200, documents.parsesBegun());
        }
    }

    /** Within the budget, documents are parsed as far ahead of the writer as they are read. */
    @Test
    void withinTheBudgetDocumentsAreParsedAsFarAheadAsTheyAreRead() throws Exception {
        List<FetchSource.RawDocument> raw = pages(300);
        try (ParsedDocuments documents = new ParsedDocuments(raw, Set.of(), THREADS)) {
            waitFor(documents::readAndWaiting, 300); // the writer has taken none
            assertEquals(300, documents.parsesBegun());
            List<Document> all = new ArrayList<>();
            documents.forEach(all::add);
            assertTrue(all.stream().noneMatch(d -> d.reused() || d.isQuarantined()));
        }
    }

    @Test
    void documentsParsedBeforeAreReadFarAheadOfTheWriter() throws Exception {
        List<FetchSource.RawDocument> raw = pages(300);
        Set<String> parsedBefore = new HashSet<>();
        for (FetchSource.RawDocument d : raw) {
            parsedBefore.add(Sha256.hex(d.read()));
        }
        try (ParsedDocuments documents = new ParsedDocuments(raw, parsedBefore, THREADS)) {
            waitFor(documents::readAndWaiting, 300); // the writer has taken none
            assertEquals(0, documents.parsesBegun());
            List<Document> all = new ArrayList<>();
            documents.forEach(all::add);
            assertTrue(all.stream().allMatch(Document::reused));
            assertEquals(300, all.size());
        }
    }

    /** Copies of a real answer page, each a little different, so that each has its own hash. */
    private List<FetchSource.RawDocument> pages(int n) throws IOException {
        String page = Files.readString(Path.of("src/test/resources/answer-text/caudal-regression-sequence.txt"));
        List<FetchSource.RawDocument> raw = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String name = String.format("page-%03d.txt", i);
            Path f = Files.writeString(dir.resolve(name), page + "\n".repeat(i + 1), StandardCharsets.UTF_8);
            raw.add(FetchSource.RawDocument.file(name, f));
        }
        return raw;
    }

    private static void waitFor(IntSupplier value, int expected) throws InterruptedException {
        for (int i = 0; i < 1000 && value.getAsInt() < expected; i++) {
            Thread.sleep(10);
        }
        assertEquals(expected, value.getAsInt());
    }
}
