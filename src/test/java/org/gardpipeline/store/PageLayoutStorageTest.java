package org.gardpipeline.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.gardpipeline.SiteEdits;
import org.gardpipeline.TestDb;
import org.gardpipeline.ingest.FetchSource;
import org.gardpipeline.ingest.Ingester;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The layout of every page is known for every fetch, so what it costs must not grow with what is stored:
 * a layout seen before is not stored again, a page that keeps its layout adds no row, and a fetch's layout
 * changes are read by key, never by reading every fetch's layouts.
 */
class PageLayoutStorageTest {
    @TempDir
    Path dir;

    @Test
    void aFetchOfLayoutsSeenBeforeStoresNoLayoutAgainAndNoRow() {
        Path db = ingestSeriesTwice();
        long layouts = TestDb.count(db, "SELECT count(*) FROM layout");
        assertEquals(layouts, TestDb.count(db, "SELECT count(DISTINCT layout_id) FROM page_fetch_layout WHERE fetch_id = 1"),
                "the first fetch's layouts are all there is");
        assertEquals(24, TestDb.count(db, "SELECT count(*) FROM page_fetch_layout WHERE fetch_id = 2"));
        assertEquals(24, TestDb.count(db, "SELECT count(*) FROM page_layout_run WHERE first_fetch = 1 AND last_fetch IS NULL"));
        assertEquals(24, TestDb.count(db, "SELECT count(*) FROM page_layout_run"), "a page that kept its layout adds no row");
        assertEquals(0, TestDb.count(db, "SELECT count(*) FROM page_layout_changes WHERE fetch_id = 2 AND layout_changed = 1"));
        assertEquals(48, TestDb.count(db, "SELECT count(*) FROM page_layout WHERE landmarks IS NOT NULL"));
    }

    @Test
    void theLayoutChangesOfOneFetchAreSoughtByKey() {
        Path db = ingestSeriesTwice();
        for (String query : List.of(
                "SELECT layout_changed FROM answer_changes WHERE fetch_id = 2")) {
            String plan = TestDb.rows(db, "EXPLAIN QUERY PLAN " + query).stream().map(r -> String.valueOf(r.get("detail")))
                    .collect(Collectors.joining("\n"));
            assertFalse(plan.contains("MATERIALIZE") || plan.matches("(?s).*SCAN (c|p|pl|p2|pr|l)\\b.*"),
                    "reads every fetch's layouts:\n" + query + "\n" + plan);
        }
    }

    /** The 24 real pages ingested as two fetches with the same bytes. */
    private Path ingestSeriesTwice() {
        List<Path> pages = SiteEdits.seriesPages();
        Path db = dir.resolve("gard.sqlite");
        try (HistoryStore store = HistoryStore.open(db)) {
            for (String date : List.of("2023-01-01", "2023-02-01")) {
                new Ingester(store).ingest(FetchSource.open(SiteEdits.fetch(dir.resolve("raw"), date, pages, (i, html) -> html),
                        FetchSource.Overrides.NONE));
            }
            assertEquals(List.of(), store.check());
        }
        return db;
    }
}
