package org.gardpipeline.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.gardpipeline.SiteEdits;
import org.gardpipeline.TestDb;
import org.gardpipeline.ingest.FetchSource;
import org.gardpipeline.ingest.Ingester;
import org.gardpipeline.review.ChangeGuard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What each fetch showed is kept as runs, and fetches come in any date order (backfills): whatever the order, the
 * runs are the same maximal ones, each fetch reads back exactly what it showed, and the history is the same.
 * Ten fetches of the 24 real series pages, edited, dated, dropped, partial and doubled at random (a fixed seed),
 * are ingested in date order, in reverse, and in three shuffled orders.
 */
class RunsOrderTest {
    private static final int FETCHES = 10;

    @TempDir
    Path dir;

    @Test
    void everyOrderOfIngestGivesTheSameRunsAndTheSameFacts() {
        List<Path> fetches = series(new Random(18));
        String inOrder = facts(ingest("in-order", fetches, IntStream.range(0, FETCHES).boxed().toList()));
        List<List<Integer>> orders = new ArrayList<>();
        orders.add(IntStream.range(0, FETCHES).map(i -> FETCHES - 1 - i).boxed().toList());
        Random shuffle = new Random(7);
        for (int k = 0; k < 3; k++) {
            List<Integer> order = new ArrayList<>(IntStream.range(0, FETCHES).boxed().toList());
            Collections.shuffle(order, shuffle);
            orders.add(order);
        }
        for (List<Integer> order : orders) {
            assertEquals(inOrder, facts(ingest("order-" + order, fetches, order)), "ingested in the order " + order);
        }
    }

    @Test
    void eachFetchReadsBackWhatItShowedAlone() {
        List<Path> fetches = series(new Random(18));
        Path all = ingest("all", fetches, List.of(4, 0, 9, 2, 7, 1, 8, 3, 6, 5));
        for (int i = 0; i < FETCHES; i++) {
            Path alone = ingest("alone-" + i, fetches, List.of(i));
            String date = fetches.get(i).getFileName().toString();
            assertEquals(shown(alone, date), shown(all, date), "what fetch " + date + " showed");
        }
    }

    /** A fetch's documents and observations, named by path, page, slot and hash: the same in any database. */
    private static String shown(Path db, String date) {
        return TestDb.rows(db, """
                SELECT d.path, d.sha256 FROM document d JOIN fetch f ON f.fetch_id = d.fetch_id
                WHERE f.fetched_at = '%s' ORDER BY 1, 2""".formatted(date)) + "\n" + TestDb.rows(db, """
                SELECT p.page_key, s.slot_key, c.sha256, q.text, q.format FROM observation o
                JOIN fetch f ON f.fetch_id = o.fetch_id JOIN slot s ON s.slot_id = o.slot_id JOIN page p ON p.page_id = s.page_id
                JOIN content c ON c.content_id = o.content_id JOIN question q ON q.question_id = o.question_id
                WHERE f.fetched_at = '%s' ORDER BY 1, 2""".formatted(date)) + "\n" + TestDb.rows(db, """
                SELECT p.page_key, s.slot_key, n.kind, n.detail FROM observation_note n
                JOIN fetch f ON f.fetch_id = n.fetch_id JOIN slot s ON s.slot_id = n.slot_id JOIN page p ON p.page_id = s.page_id
                WHERE f.fetched_at = '%s' ORDER BY 1, 2, 3, 4""".formatted(date));
    }

    /** The runs and the history, with fetches named by date and rows by what they are, not by their ids. */
    private static String facts(Path db) {
        StringBuilder sb = new StringBuilder();
        for (String query : List.of("""
                SELECT p.page_key, s.slot_key, ff.fetched_at AS first, fl.fetched_at AS last, c.sha256, q.text, r.note_set_id IS NULL
                FROM observation_run r JOIN slot s ON s.slot_id = r.slot_id JOIN page p ON p.page_id = s.page_id
                JOIN fetch ff ON ff.fetch_id = r.first_fetch LEFT JOIN fetch fl ON fl.fetch_id = r.last_fetch
                JOIN content c ON c.content_id = r.content_id JOIN question q ON q.question_id = r.question_id
                ORDER BY 1, 2, 3""", """
                SELECT dp.path, ff.fetched_at AS first, fl.fetched_at AS last, pr.sha256
                FROM document_run r JOIN document_path dp ON dp.path_id = r.path_id JOIN parse_result pr ON pr.result_id = r.result_id
                JOIN fetch ff ON ff.fetch_id = r.first_fetch LEFT JOIN fetch fl ON fl.fetch_id = r.last_fetch
                ORDER BY 1, 2""", """
                SELECT p.page_key, ff.fetched_at AS first, fl.fetched_at AS last, l.layout_key
                FROM page_layout_run r JOIN page p ON p.page_id = r.page_id JOIN layout l ON l.layout_id = r.layout_id
                JOIN fetch ff ON ff.fetch_id = r.first_fetch LEFT JOIN fetch fl ON fl.fetch_id = r.last_fetch
                ORDER BY 1, 2""", """
                SELECT fetched_at, position, formats, documents, quarantined FROM fetch ORDER BY position""", """
                SELECT page_key, slot_key, topic, question, answer_text, last_updated, valid_from, valid_to, notes
                FROM answer_versions ORDER BY 1, 2, 7""", """
                SELECT fetched_at, page_key, slot_key, change, text_changed, date_changed, references_changed, layout_changed
                FROM answer_changes ORDER BY 1, 2, 3""", """
                SELECT * FROM current_answers ORDER BY page_key, slot_key""", """
                SELECT * FROM pages ORDER BY page_key""", """
                SELECT f.fetched_at, pg.page_key, l.formats, l.layout_changed, l.previous_formats
                FROM page_layout_changes l JOIN fetch f ON f.fetch_id = l.fetch_id JOIN page pg ON pg.page_id = l.page_id
                ORDER BY 1, 2""")) {
            sb.append(TestDb.rows(db, query)).append('\n');
        }
        try (HistoryStore store = HistoryStore.open(db)) {
            sb.append(store.check());
        }
        return sb.toString();
    }

    private Path ingest(String name, List<Path> fetches, List<Integer> order) {
        Path db = dir.resolve(name + ".sqlite");
        try (HistoryStore store = HistoryStore.open(db)) {
            for (int i : order) {
                new Ingester(store, new ChangeGuard(ChangeGuard.DEFAULT_MAX_CHANGE_SHARE, true)) // commits every fetch
                        .ingest(FetchSource.open(fetches.get(i), FetchSource.Overrides.NONE));
            }
        }
        return db;
    }

    /**
     * Ten weekly fetches: each page's summary edited or its date moved now and then (so answers change, change
     * back and change again), a page missing from a complete fetch now and then, one partial fetch of five pages,
     * and one fetch that holds a page twice.
     */
    private List<Path> series(Random random) {
        List<Path> pages = SiteEdits.seriesPages();
        List<Path> fetches = new ArrayList<>();
        for (int k = 0; k < FETCHES; k++) {
            Path folder = dir.resolve("raw").resolve("2023-%02d-%02d".formatted(1 + k / 4, 1 + 7 * (k % 4)));
            boolean partial = k == 6;
            try {
                Files.createDirectories(folder);
                for (int i = 0; i < pages.size(); i++) {
                    if ((partial && i >= 5) || (!partial && k > 0 && random.nextInt(20) == 0)) {
                        continue;
                    }
                    String html = Files.readString(pages.get(i), StandardCharsets.UTF_8);
                    if (random.nextInt(4) == 0) {
                        html = SiteEdits.editSummary(html);
                    }
                    if (random.nextInt(5) == 0) {
                        html = SiteEdits.moveDate(html);
                    }
                    Files.writeString(folder.resolve(pages.get(i).getFileName()), html, StandardCharsets.UTF_8);
                    if (k == 3 && i == 2) {
                        Files.writeString(folder.resolve("zz-" + pages.get(i).getFileName()), SiteEdits.editSummary(html),
                                StandardCharsets.UTF_8);
                    }
                }
                Files.writeString(folder.resolve("fetch.properties"), "complete=" + !partial + "\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            fetches.add(folder);
        }
        return fetches;
    }
}
