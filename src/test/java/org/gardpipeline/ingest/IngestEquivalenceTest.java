package org.gardpipeline.ingest;

import static org.gardpipeline.FetchSeries.edit;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.gardpipeline.FetchSeries;
import org.gardpipeline.TestDb;
import org.gardpipeline.store.HistoryStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parallel parsing and reusing earlier parses change the speed, never the database: row for row, a
 * series ingested on all cores with reuse equals the same series parsed single-threaded with no reuse.
 */
class IngestEquivalenceTest {
    @TempDir
    Path dir;

    private List<Path> fetches;

    /** raw/'s 2022 pages, then one summary sentence edited, then the original bytes again, then the edit again. */
    @BeforeEach
    void series() throws IOException {
        Path first = FetchSeries.copyFolder(Path.of("raw/2022-12-20-site"), dir.resolve("raw/2022-12-20"));
        Path second = FetchSeries.copyFolder(first, dir.resolve("raw/2023-01-01"));
        Path page = second.resolve("hirschsprung-disease");
        String html = Files.readString(page, StandardCharsets.ISO_8859_1);
        Files.writeString(page, edit(html, "Hirschsprung disease is a", "Hirschsprung disease (HSCR) is a"),
                StandardCharsets.ISO_8859_1);
        Path third = FetchSeries.copyFolder(first, dir.resolve("raw/2023-02-01"));
        Path fourth = FetchSeries.copyFolder(second, dir.resolve("raw/2023-03-01"));
        fetches = List.of(first, second, third, fourth);
    }

    private Path ingest(String name, java.util.function.Function<HistoryStore, Ingester> ingester, List<Path> fetches) {
        Path db = dir.resolve(name + ".sqlite");
        try (HistoryStore store = HistoryStore.open(db)) {
            for (Path f : fetches) {
                ingester.apply(store).ingest(FetchSource.open(f, FetchSource.Overrides.NONE));
            }
            assertEquals(List.of(), store.check());
        }
        return db;
    }

    @Test
    void parallelWithReuseEqualsSingleThreadedWithoutRowForRow() {
        Path fast = fastAndPlainAlike("series", fetches);
        assertEquals(List.of("changed", "changed", "changed"), TestDb.rows(fast,
                "SELECT change FROM answer_changes WHERE page_key = 'gard-6660' AND fetched_at > '2022-12-20' ORDER BY fetched_at")
                .stream().map(r -> r.get("change")).toList());
        assertEquals(4L * 7, TestDb.count(fast, "SELECT count(*) FROM document"));
        // Only the edited page of the second fetch is parsed; the third and fourth repeat earlier bytes entirely.
        assertEquals(List.of(0L, 6L, 7L, 7L), reusedPerFetch(fast));
    }

    /**
     * Two documents of one page in one fetch: the later path's answer stands for the fetch, whether each was
     * parsed or taken from an earlier parse of its bytes (reused documents are written a batch at a time, so
     * the order among them, and between them and parsed ones, must hold).
     */
    @Test
    void theLaterOfTwoDocumentsOfOnePageStandsWhetherParsedOrReused() throws IOException {
        byte[] page = hirschsprung();
        byte[] edited = hirschsprungEdited();
        Path raw = dir.resolve("pairs");
        List<Path> series = List.of(
                FetchSeries.fetch(raw, "2022-12-20", "m", page),
                // "m" reused, then "q" (the edit) parsed: the edit stands
                pair(raw, "2023-01-01", "m", page, "q", edited),
                // the edit alone (parsed: it was only ever seen beside "m"), so that its bytes may stand for it later
                FetchSeries.fetch(raw, "2023-01-15", "q", edited),
                // both reused, in one batch: "a" (the edit) then "m": the original stands
                pair(raw, "2023-02-01", "a", edited, "m", page),
                // both reused: "a" then "z" (the edit): the edit stands
                pair(raw, "2023-03-01", "a", page, "z", edited));
        Path fast = fastAndPlainAlike("pairs", series);
        assertEquals(List.of("2023-01-01", "2023-02-01", "2023-03-01"), TestDb.rows(fast, """
                SELECT fetched_at FROM answer_changes
                WHERE page_key = 'gard-6660' AND slot_key = 'causes' AND change = 'changed' ORDER BY fetched_at""")
                .stream().map(r -> r.get("fetched_at")).toList());
        assertEquals(List.of(0L, 1L, 0L, 2L, 2L), reusedPerFetch(fast));
    }

    private static byte[] hirschsprung() throws IOException {
        return Files.readAllBytes(Path.of("raw/2022-12-20-site/hirschsprung-disease"));
    }

    /** The page's bytes with one edit (read as ISO-8859-1, so every other byte stays as it was). */
    /** The page with its summary's first words edited, as the second fetch of the series has it. */
    private static byte[] hirschsprungEdited() throws IOException {
        return withEdit(hirschsprung(), "Hirschsprung disease is a", "Hirschsprung disease (HSCR) is a");
    }

    private static byte[] withEdit(byte[] page, String from, String to) {
        return FetchSeries.edit(new String(page, StandardCharsets.ISO_8859_1), from, to).getBytes(StandardCharsets.ISO_8859_1);
    }

    /**
     * The series ingested on four threads reusing earlier parses, and single-threaded parsing everything: row for
     * row the same but for how the work was done (timings, and how many documents an earlier parse stood for).
     * Returns the first database.
     */
    private Path fastAndPlainAlike(String name, List<Path> series) {
        Path fast = ingest(name + "-fast", store -> Ingesters.reusingParses(store, 4), series);
        Path plain = ingest(name + "-plain", store -> Ingesters.parsingEverything(store, 1), series);
        String volatileColumns = "(ingested_at|seconds|installed_on|execution_time|reused|listing_sha256)=[^,}]*";
        assertEquals(TestDb.dump(plain).replaceAll(volatileColumns, ""), TestDb.dump(fast).replaceAll(volatileColumns, ""));
        assertEquals(0, TestDb.count(plain, "SELECT coalesce(sum(reused), 0) FROM fetches"));
        return fast;
    }

    private static List<Long> reusedPerFetch(Path db) {
        return TestDb.rows(db, "SELECT reused FROM fetches ORDER BY fetched_at").stream()
                .map(r -> ((Number) r.get("reused")).longValue()).toList();
    }

    /**
     * Reused documents under new paths before and after a parsed document of another page: paths are numbered
     * in fetch order, as a fetch read without reuse numbers them, and a reused document of the parsed one's
     * page that comes after it stands for the fetch.
     */
    @Test
    void aParsedDocumentAmidReusedOnesKeepsPathNumbersAndTheLaterDocumentStanding() throws IOException {
        Path site = Path.of("raw/2022-12-20-site");
        List<String> names;
        try (java.util.stream.Stream<Path> files = Files.list(site)) {
            names = files.map(f -> f.getFileName().toString()).filter(n -> !n.contains(".")).sorted().toList();
        }
        Path raw = dir.resolve("renumbered");
        Path first = null;
        for (String n : names) {
            first = FetchSeries.fetch(raw, "2022-12-20", "b-" + n, Files.readAllBytes(site.resolve(n)));
        }
        Path second = null;
        for (String n : names) {
            if (!n.equals("hirschsprung-disease")) { // reused, under new paths before the parsed document
                second = FetchSeries.fetch(raw, "2023-01-01", "a-" + n, Files.readAllBytes(site.resolve(n)));
            }
        }
        byte[] page = hirschsprung();
        FetchSeries.fetch(raw, "2023-01-01", "c-hirschsprung", hirschsprungEdited()); // parsed
        FetchSeries.fetch(raw, "2023-01-01", "d-hirschsprung", page); // reused, later: the original stands
        List<Path> series = List.of(first, second);
        Path fast = fastAndPlainAlike("renumbered", series);
        assertEquals(List.of(0L, 7L), reusedPerFetch(fast));
        assertEquals(0, TestDb.count(fast, "SELECT count(*) FROM answer_changes WHERE fetched_at = '2023-01-01'"));
        assertEquals(names.size() * 2L + 1, TestDb.count(fast, "SELECT max(path_id) FROM document_path"));
    }

    private static Path pair(Path raw, String date, String first, byte[] firstBytes, String second, byte[] secondBytes) {
        FetchSeries.fetch(raw, date, first, firstBytes);
        return FetchSeries.fetch(raw, date, second, secondBytes);
    }

    /**
     * Regression: bytes first seen beside a later document of the same page (whose answers stood for that
     * fetch) are seen alone in the next fetch. Taking that earlier fetch's observations would give the other
     * document's answers; the page must read as the bytes themselves show it.
     */
    @Test
    void bytesFirstSeenBesideAnotherDocumentOfTheirPageShowTheirOwnAnswers() throws IOException {
        byte[] page = hirschsprung();
        byte[] edited = hirschsprungEdited();
        Path raw = dir.resolve("shadowed");
        List<Path> series = List.of(
                pair(raw, "2022-12-20", "a", page, "z", edited), // "z" (the edit) stands for this fetch
                FetchSeries.fetch(raw, "2023-01-01", "a", page), // the original bytes alone: the original stands
                FetchSeries.fetch(raw, "2023-02-01", "a", page));
        Path fast = fastAndPlainAlike("shadowed", series);
        assertEquals(List.of("2023-01-01"), TestDb.rows(fast, """
                SELECT fetched_at FROM answer_changes
                WHERE page_key = 'gard-6660' AND slot_key = 'causes' AND change = 'changed' ORDER BY fetched_at""")
                .stream().map(r -> r.get("fetched_at")).toList());
        // the second fetch parses "a" again (its first fetch shows another document's answers); the third reuses it
        assertEquals(List.of(0L, 0L, 1L), reusedPerFetch(fast));
    }

    /**
     * Regression: a page's title, slug and other names are as its newest sighting shows them, also when that
     * sighting is a document taken from an earlier parse (the page was renamed, then the old bytes came back).
     */
    @Test
    void aPageIsNamedAsItsNewestDocumentNamesItWhenThatDocumentIsReused() throws IOException {
        byte[] page = hirschsprung();
        byte[] renamed = withEdit(page, "<h1 class=\"title fw-800 fs-2 fs-md-0\">Hirschsprung disease</h1>",
                "<h1 class=\"title fw-800 fs-2 fs-md-0\">Hirschsprung's disease</h1>");
        Path raw = dir.resolve("renamed");
        List<Path> series = List.of(
                FetchSeries.fetch(raw, "2022-12-20", "p", page),
                FetchSeries.fetch(raw, "2023-01-01", "p", renamed),
                FetchSeries.fetch(raw, "2023-02-01", "p", page));
        Path fast = fastAndPlainAlike("renamed", series);
        assertEquals(List.of("Hirschsprung disease"), TestDb.rows(fast, "SELECT title FROM page WHERE page_key = 'gard-6660'")
                .stream().map(r -> r.get("title")).toList());
        assertEquals(List.of(0L, 0L, 1L), reusedPerFetch(fast));
    }

    /**
     * A database from before parses kept the page's names (schema 1, migrated) has parse results without them:
     * their bytes are parsed once more, which fills the names in, and are taken from that parse afterwards.
     */
    @Test
    void parseResultsWithoutNamesAreParsedOnceMoreThenReused() {
        Path db = dir.resolve("migrated.sqlite");
        try (HistoryStore store = HistoryStore.open(db)) {
            new Ingester(store).ingest(FetchSource.open(fetches.get(0), FetchSource.Overrides.NONE));
        }
        TestDb.execute(db, "UPDATE parse_result SET title = NULL, slug = NULL, synonyms = NULL");
        try (HistoryStore store = HistoryStore.open(db)) {
            for (Path f : List.of(fetches.get(2), FetchSeries.copyFolder(fetches.get(0), dir.resolve("raw/2023-04-01")))) {
                new Ingester(store).ingest(FetchSource.open(f, FetchSource.Overrides.NONE));
            }
            assertEquals(List.of(), store.check());
        }
        assertEquals(List.of(0L, 0L, 7L), reusedPerFetch(db));
        assertEquals(0, TestDb.count(db, "SELECT count(*) FROM parse_result WHERE title IS NULL"));
    }
}
