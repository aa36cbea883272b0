package org.gardpipeline.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.gardpipeline.Fixtures;
import org.gardpipeline.TestDb;
import org.gardpipeline.ingest.FetchSource;
import org.gardpipeline.ingest.Ingester;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One page, one history per topic, across the answer text, MedQuAD and the 2022 site. */
class CrossEraIdentityTest {
    @TempDir
    Path dir;

    private void ingest(Path db, Path folder) {
        try (HistoryStore store = HistoryStore.open(db)) {
            new Ingester(store).ingest(FetchSource.open(folder, FetchSource.Overrides.NONE));
        }
    }

    /** Every GARD id in both eras has one summary, symptoms and causes slot whose history spans both fetches. */
    static void assertOneHistoryPerTopic(Path db, int expectedPages) {
        List<Map<String, Object>> spans = TestDb.rows(db, """
                SELECT p.gard_id, s.topic, count(DISTINCT s.slot_id) AS slots, min(v.valid_from) AS first, max(v.valid_from) AS last
                FROM answer_versions v
                JOIN page p ON p.page_key = v.page_key
                JOIN slot s ON s.page_id = p.page_id AND s.slot_key = v.slot_key
                WHERE s.topic IN ('summary', 'symptoms', 'causes')
                  AND p.page_id IN (SELECT d.page_id FROM document d WHERE d.format = 'medquad-xml')
                  AND p.page_id IN (SELECT d.page_id FROM document d WHERE d.format = 'gard-2022-html')
                  AND EXISTS (SELECT 1 FROM observation o JOIN fetch f ON f.fetch_id = o.fetch_id
                              WHERE o.slot_id = s.slot_id AND f.fetched_at LIKE '2019%')
                  AND EXISTS (SELECT 1 FROM observation o JOIN fetch f ON f.fetch_id = o.fetch_id
                              WHERE o.slot_id = s.slot_id AND f.fetched_at LIKE '2022%')
                GROUP BY p.gard_id, s.topic""");
        assertTrue(spans.size() >= expectedPages, "pages with a cross-era history: " + spans.size());
        for (Map<String, Object> row : spans) {
            assertEquals(1, ((Number) row.get("slots")).intValue(), row.toString());
        }
        long pagesInBoth = TestDb.count(db, """
                SELECT count(*) FROM page p
                WHERE p.page_id IN (SELECT d.page_id FROM document d WHERE d.format = 'medquad-xml')
                  AND p.page_id IN (SELECT d.page_id FROM document d WHERE d.format = 'gard-2022-html')""");
        long gardIdsInBoth = TestDb.count(db, """
                SELECT count(*) FROM (SELECT p.gard_id FROM page p JOIN document d ON d.page_id = p.page_id
                WHERE d.format IN ('medquad-xml', 'gard-2022-html') GROUP BY p.gard_id HAVING count(DISTINCT d.format) = 2)""");
        assertEquals(gardIdsInBoth, pagesInBoth);
        assertEquals(0, TestDb.count(db, "SELECT count(*) FROM (SELECT gard_id FROM page WHERE gard_id IS NOT NULL "
                + "GROUP BY gard_id HAVING count(*) > 1)"));
    }

    @Test
    void theRawSamplesGiveOneHistoryPerTopicAcrossEras() {
        Path db = dir.resolve("gard.sqlite");
        for (String f : List.of("2017-01-01-answer-text", "2019-01-01-medquad", "2022-12-20-site")) {
            ingest(db, Path.of("raw", f));
        }
        // three topics of each page in both eras, less the symptoms answers that MedQuAD held only as a phenotype
        // table (1163, 6660 and 8722: DESIGN.md, "Phenotypes are their own data")
        assertOneHistoryPerTopic(db, 12);
        List<Map<String, Object>> causes = TestDb.rows(db,
                "SELECT valid_from, question FROM answer_versions WHERE page_key = 'gard-6007' AND slot_key = 'causes' ORDER BY valid_from");
        assertEquals(List.of("What causes caudal regression syndrome?", "Causes"), causes.stream().map(r -> r.get("question")).toList());
    }

    @Test
    void aTextAnswerIngestedAfterThe2022PageJoinsItsGardId() throws IOException {
        Path site = Files.createDirectories(dir.resolve("2022-12-20"));
        Files.write(site.resolve("caudal-regression-sequence"), Fixtures.bytes("gard-2022/caudal-regression-sequence"));
        Path text = Files.createDirectories(dir.resolve("2023-01-01"));
        Files.write(text.resolve("answer.txt"), Fixtures.bytes("answer-text/caudal-regression-sequence.txt"));
        Path db = dir.resolve("gard.sqlite");
        ingest(db, site);
        ingest(db, text);
        assertEquals(1, TestDb.count(db, "SELECT count(*) FROM page"));
        assertEquals("gard-6007", TestDb.rows(db, "SELECT DISTINCT page_key FROM answer_versions").get(0).get("page_key"));
        assertEquals(5, TestDb.count(db, "SELECT count(*) FROM current_answers WHERE gard_id = '6007'"));
    }
}
