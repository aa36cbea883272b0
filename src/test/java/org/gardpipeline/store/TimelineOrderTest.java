package org.gardpipeline.store;

import static org.gardpipeline.FetchSeries.answerText;
import static org.gardpipeline.FetchSeries.edit;
import static org.gardpipeline.FetchSeries.fetch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.gardpipeline.TestDb;
import org.gardpipeline.ingest.FetchSource;
import org.gardpipeline.ingest.Ingester;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Backfill and partial/complete fetches: the timeline is that of the fetch dates, whatever the arrival order. */
class TimelineOrderTest {
    @TempDir
    Path dir;

    /** Three fetches: an edit of the causes answer, then the ciprofloxacin answer dropped and its date moved. */
    private List<Path> series(Path raw) {
        String v1 = answerText();
        String v2 = edit(v1, "poorly managed", "poorly controlled");
        String v3 = edit(edit(v2, "Last updated: 9/10/2015", "Last updated: 3/1/2016"),
                "Sporadic, inconclusive studies", "Some inconclusive studies");
        return List.of(fetch(raw, "2016-01-01", "a.txt", v1), fetch(raw, "2016-02-01", "a.txt", v2),
                fetch(raw, "2016-03-01", "a.txt", v3));
    }

    private Path ingestInOrder(String name, List<Path> fetches, int... order) {
        Path db = dir.resolve(name + ".sqlite");
        try (HistoryStore store = HistoryStore.open(db)) {
            for (int i : order) {
                new Ingester(store).ingest(FetchSource.open(fetches.get(i), FetchSource.Overrides.NONE));
            }
        }
        return db;
    }

    private static List<Map<String, Object>> withoutIds(Path db, String sql) {
        List<Map<String, Object>> rows = TestDb.rows(db, sql);
        rows.forEach(r -> {
            r.remove("version_id");
            r.remove("fetch_id");
            r.remove("from_version");
            r.remove("to_version");
        });
        return rows;
    }

    @Test
    void backfilledFetchesGiveTheSameTimelineAsInOrder() {
        List<Path> fetches = series(dir.resolve("raw"));
        Path inOrder = ingestInOrder("in-order", fetches, 0, 1, 2);
        Path shuffled = ingestInOrder("shuffled", fetches, 2, 0, 1);
        String versions = "SELECT * FROM answer_versions ORDER BY slot_key, valid_from";
        String changes = "SELECT * FROM answer_changes ORDER BY fetched_at, slot_key";
        String chain = """
                SELECT e.fetched_at, e.slot_key, e.change, vf.valid_from AS from_valid_from, vt.valid_from AS to_valid_from
                FROM answer_changes e LEFT JOIN answer_versions vf ON vf.version_id = e.from_version
                LEFT JOIN answer_versions vt ON vt.version_id = e.to_version ORDER BY e.fetched_at, e.slot_key""";
        assertEquals(withoutIds(inOrder, versions), withoutIds(shuffled, versions));
        assertEquals(withoutIds(inOrder, changes), withoutIds(shuffled, changes));
        assertEquals(TestDb.rows(inOrder, chain), TestDb.rows(shuffled, chain));
        assertEquals(TestDb.rows(inOrder, "SELECT * FROM current_answers"), TestDb.rows(shuffled, "SELECT * FROM current_answers"));
        assertEquals(List.of("added", "added", "added", "changed", "changed", "changed"),
                TestDb.rows(inOrder, changes).stream().map(r -> r.get("change")).toList());
    }

    @Test
    void aPartialFetchRemovesNothingACompleteOneRemovesTheMissingPageALaterOneRestoresIt() {
        Path raw = dir.resolve("raw");
        String other = edit(answerText(), "Caudal regression sequence", "Sirenomelia");
        fetch(raw, "2016-01-01", "crs.txt", answerText());
        fetch(raw, "2016-01-01", "sirenomelia.txt", other);
        Path partial = fetch(raw, "2016-02-01-partial", "crs.txt", answerText());
        Path complete = fetch(raw, "2016-03-01-complete", "crs.txt", answerText());
        Path back = fetch(raw, "2016-04-01", "crs.txt", answerText());
        fetch(raw, "2016-04-01", "sirenomelia.txt", other);
        Path db = dir.resolve("gard.sqlite");
        try (HistoryStore store = HistoryStore.open(db)) {
            Ingester ingester = new Ingester(store);
            ingester.ingest(FetchSource.open(raw.resolve("2016-01-01"), FetchSource.Overrides.NONE));
            assertEquals(0, ingester.ingest(FetchSource.open(partial, FetchSource.Overrides.NONE)).removed());
            assertEquals(3, ingester.ingest(FetchSource.open(complete, new FetchSource.Overrides(null, true))).removed());
            assertEquals(3, ingester.ingest(FetchSource.open(back, FetchSource.Overrides.NONE)).restored());
        }
        List<Map<String, Object>> removed = TestDb.rows(db, "SELECT page_key FROM answer_changes WHERE change = 'removed'");
        assertTrue(removed.stream().allMatch(r -> r.get("page_key").equals("name-sirenomelia")), removed.toString());
        assertEquals(6, TestDb.count(db, "SELECT count(*) FROM current_answers"));
    }

    @Test
    void aCompleteFetchWithAQuarantinedDocumentRemovesNothing() {
        Path raw = dir.resolve("raw");
        fetch(raw, "2016-01-01", "crs.txt", answerText());
        fetch(raw, "2016-01-01", "sirenomelia.txt", edit(answerText(), "Caudal regression sequence", "Sirenomelia"));
        Path complete = fetch(raw, "2016-03-01", "crs.txt", answerText());
        fetch(raw, "2016-03-01", "sirenomelia.txt", "garbled");
        Path db = dir.resolve("gard.sqlite");
        try (HistoryStore store = HistoryStore.open(db)) {
            Ingester ingester = new Ingester(store);
            ingester.ingest(FetchSource.open(raw.resolve("2016-01-01"), FetchSource.Overrides.NONE));
            assertEquals(0, ingester.ingest(FetchSource.open(complete, new FetchSource.Overrides(null, true))).removed());
        }
    }
}
