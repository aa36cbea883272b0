package org.gardpipeline.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.gardpipeline.SiteEdits;
import org.gardpipeline.TestDb;
import org.gardpipeline.ingest.FetchSource;
import org.gardpipeline.ingest.Ingester;
import org.gardpipeline.review.ChangeGuard;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fetch series of 24 real 2022 pages with a summary, symptoms and causes (src/test/resources/gard-2022-series),
 * edited the way the site would be: backfill gives the timeline of the fetch dates, and only complete
 * fetches remove pages.
 */
class SiteSeriesTest {

    private static final ChangeGuard ACCEPT_HELD = new ChangeGuard(ChangeGuard.DEFAULT_MAX_CHANGE_SHARE, true);

    @TempDir
    Path dir;

    private List<Path> pages;

    @BeforeEach
    void listPages() throws IOException {
        pages = SiteEdits.seriesPages();
    }

    /** A fetch folder of the pages, each passed through {@code edit} (index, html). */
    private Path fetch(String name, List<Path> which, java.util.function.BiFunction<Integer, String, String> edit) {
        return SiteEdits.fetch(dir.resolve("raw"), name, which, edit);
    }

    private Path ingestInOrder(String name, List<Path> fetches, Boolean... complete) {
        Path db = dir.resolve(name + ".sqlite");
        try (HistoryStore store = HistoryStore.open(db)) {
            for (int i = 0; i < fetches.size(); i++) {
                // a complete fetch that lacks half the pages is held for review by default (HeldFetchTest); here
                // it is accepted, to test what it does to the history
                new Ingester(store, ACCEPT_HELD).ingest(FetchSource.open(fetches.get(i),
                        new FetchSource.Overrides(null, complete.length > i ? complete[i] : null)));
            }
            assertEquals(List.of(), store.check());
        }
        return db;
    }

    private static List<Map<String, Object>> timeline(Path db) {
        return TestDb.rows(db, """
                SELECT e.fetched_at, e.page_key, e.slot_key, e.change, e.text_changed, e.date_changed,
                       vf.valid_from AS from_valid_from, vt.valid_from AS to_valid_from, vt.valid_to AS to_valid_to,
                       vt.last_updated
                FROM answer_changes e
                LEFT JOIN answer_versions vf ON vf.version_id = e.from_version
                LEFT JOIN answer_versions vt ON vt.version_id = e.to_version
                ORDER BY e.fetched_at, e.page_key, e.slot_key""");
    }

    @Test
    void threeFetchesIngestedAsThreeOneTwoGiveTheTimelineOfOneTwoThree() {
        Path one = fetch("2023-01-01", pages, (i, html) -> html);
        Path two = fetch("2023-02-01", pages, (i, html) -> i % 10 == 0 ? SiteEdits.editSummary(html) : html);
        Path three = fetch("2023-03-01", pages, (i, html) -> {
            String edited = i % 10 == 0 ? SiteEdits.editSummary(html) : html;
            return i % 7 == 0 ? SiteEdits.moveDate(edited) : edited;
        });
        Path inOrder = ingestInOrder("in-order", List.of(one, two, three));
        Path backfilled = ingestInOrder("backfilled", List.of(three, one, two));
        assertEquals(timeline(inOrder), timeline(backfilled));
        assertEquals(TestDb.rows(inOrder, "SELECT * FROM current_answers"), TestDb.rows(backfilled, "SELECT * FROM current_answers"));
        assertEquals(3, TestDb.count(inOrder, "SELECT count(*) FROM answer_changes WHERE change = 'changed' AND fetched_at = '2023-02-01'"));
        assertTrue(TestDb.count(inOrder, "SELECT count(*) FROM date_only_changes WHERE fetched_at = '2023-03-01'") > 0);
    }

    @Test
    void aPartialFetchRemovesNothingACompleteOneRemovesTheMissingPagesALaterOneRestoresThem() {
        List<Path> half = pages.subList(0, 12);
        Path all = fetch("2023-01-01", pages, (i, html) -> html);
        Path partial = fetch("2023-02-01-partial", half, (i, html) -> html);
        Path complete = fetch("2023-03-01-complete", half, (i, html) -> html);
        Path back = fetch("2023-04-01", pages, (i, html) -> html);
        Path db = ingestInOrder("gard", List.of(all, partial, complete, back), null, false, true, null);
        long slotsOfMissingPages = TestDb.count(db, """
                SELECT count(*) FROM answer_changes WHERE fetched_at = '2023-01-01'""")
                - TestDb.count(db, "SELECT count(*) FROM answer_changes WHERE fetched_at = '2023-01-01' AND page_key IN "
                + "(SELECT page_key FROM pages WHERE slug IN (" + slugs(half) + "))");
        assertEquals(0, TestDb.count(db, "SELECT count(*) FROM answer_changes WHERE fetched_at = '2023-02-01'"));
        assertEquals(slotsOfMissingPages, TestDb.count(db,
                "SELECT count(*) FROM answer_changes WHERE fetched_at = '2023-03-01' AND change = 'removed'"));
        assertEquals(0, TestDb.count(db, "SELECT count(*) FROM answer_changes WHERE fetched_at = '2023-03-01' AND page_key IN "
                + "(SELECT page_key FROM pages WHERE slug IN (" + slugs(half) + "))"));
        assertEquals(slotsOfMissingPages, TestDb.count(db,
                "SELECT count(*) FROM answer_changes WHERE fetched_at = '2023-04-01' AND change = 'restored'"));
        assertTrue(slotsOfMissingPages > 0);
    }

    private static String slugs(List<Path> pages) {
        StringBuilder sb = new StringBuilder();
        for (Path p : pages) {
            sb.append(sb.length() == 0 ? "" : ", ").append('\'').append(p.getFileName().toString().toString()).append('\'');
        }
        return sb.toString();
    }
}
