package org.gardpipeline.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.gardpipeline.Fixtures;
import org.gardpipeline.TestDb;
import org.gardpipeline.ingest.FetchSource;
import org.gardpipeline.ingest.Ingester;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three real sources of GARD's answers in one history: MedQuAD (2019), GARD's API records (2020-12-11) and the
 * 2022 site, ingested in date order and in another order, give the same history. Prints how many slots continue
 * from each source to the next and how many changed, the figures docs/data.md reports.
 */
@Tag("corpus")
class CrossSourceCorpusTest {
    private static final String MEDQUAD = "2019-01-01";
    private static final String API = "2020-12-11";
    private static final String SITE = "2022-12-20";

    @TempDir
    Path dir;

    @Test
    void threeSourcesInAnyOrderGiveOneHistory() {
        Path inOrder = ingest("in-order.sqlite", List.of(MEDQUAD, API, SITE));
        Path otherOrder = ingest("other-order.sqlite", List.of(SITE, MEDQUAD, API));
        assertEquals(history(inOrder), history(otherOrder));
        assertEquals(0, TestDb.count(inOrder, "SELECT count(*) FROM quarantine"));
        assertEquals(0, TestDb.count(inOrder, """
                SELECT count(*) FROM answer_versions WHERE last_updated < '2010-01-01'"""));

        for (String[] step : new String[][] {{MEDQUAD, API}, {API, SITE}}) {
            Map<String, Object> figures = TestDb.rows(inOrder, TRANSITION.formatted(step[0], step[1])).get(0);
            System.out.println("from " + step[0] + " to " + step[1] + ": " + figures);
        }
        System.out.println("stale dates revealed by the API: " + TestDb.rows(inOrder, """
                SELECT stale_because, count(*) AS n FROM stale_dates WHERE fetched_at = '2020-12-11' GROUP BY 1"""));
        System.out.println("a sample of text changes from MedQuAD to the API, to read:");
        for (Map<String, Object> row : TestDb.rows(inOrder, """
                SELECT p.page_key, s.slot_key, cf.answer_text AS before, ct.answer_text AS after
                FROM change_event e JOIN fetch f ON f.fetch_id = e.fetch_id JOIN slot s ON s.slot_id = e.slot_id
                JOIN page p ON p.page_id = s.page_id JOIN version vf ON vf.version_id = e.from_version
                JOIN content cf ON cf.content_id = vf.content_id JOIN version vt ON vt.version_id = e.to_version
                JOIN content ct ON ct.content_id = vt.content_id
                WHERE f.fetched_at = '2020-12-11' AND e.text_changed = 1 ORDER BY p.page_key, s.slot_key LIMIT 8""")) {
            System.out.println(row);
        }
        // MedQuAD answers that were nothing but the phenotype table (1,915) are phenotype lists, not removed answers;
        // the removals left (133 when measured) are questions GARD's record no longer holds or words anew
        assertTrue(TestDb.count(inOrder, """
                SELECT count(*) FROM answer_changes WHERE fetched_at = '2020-12-11' AND change = 'removed'""") <= 140);
    }

    private Path ingest(String name, List<String> order) {
        Path db = dir.resolve(name);
        Map<String, Path> sources = Map.of(
                MEDQUAD, Fixtures.unpackedCorpus("medquad-gard-xml.tar.xz").resolve("2_GARD_QA"),
                API, Fixtures.unpackedCorpus("gard-api-2020.tar.xz").resolve("gard-api-2020/diseases"),
                SITE, Fixtures.unpackedCorpus("gard-2022-html.tar.xz").resolve("pages"));
        try (HistoryStore store = HistoryStore.open(db)) {
            Ingester ingester = new Ingester(store);
            for (String date : order) {
                ingester.ingest(FetchSource.open(sources.get(date), new FetchSource.Overrides(date, null)));
            }
            assertEquals(List.of(), store.check());
        }
        return db;
    }

    /** The history by what it is, not by ids. */
    private static String history(Path db) {
        StringBuilder sb = new StringBuilder();
        for (String query : List.of("""
                SELECT page_key, slot_key, topic, question, answer_sha256, last_updated, valid_from, valid_to, notes
                FROM answer_versions ORDER BY 1, 2, 7""", """
                SELECT fetched_at, page_key, slot_key, change, text_changed, date_changed, references_changed
                FROM answer_changes ORDER BY 1, 2, 3""", """
                SELECT * FROM phenotypes ORDER BY page_key, listed_from, position""", """
                SELECT fetched_at, page_key, slot_key, stale_because, previous_text_last_seen FROM stale_dates ORDER BY 1, 2, 3""",
                """
                SELECT DISTINCT citation, url, pmid, doi, authors, title, container, published, volume, pages
                FROM version_references ORDER BY 1""",
                "SELECT * FROM pages ORDER BY page_key")) {
            sb.append(TestDb.rows(db, query)).append('\n');
        }
        return sb.toString();
    }

    /**
     * Slots the earlier source showed and what became of them in the later one: the same words, date and references
     * (no event), a change of text, of date, of references, or a removal; and the slots the later source added.
     */
    private static final String TRANSITION = """
            WITH earlier AS (SELECT DISTINCT o.slot_id FROM observation o JOIN fetch f ON f.fetch_id = o.fetch_id
                             WHERE f.fetched_at = '%1$s'),
                 later AS (SELECT e.* FROM change_event e JOIN fetch f ON f.fetch_id = e.fetch_id WHERE f.fetched_at = '%2$s')
            SELECT (SELECT count(*) FROM earlier) AS shown_before,
                   (SELECT count(*) FROM earlier WHERE slot_id IN (SELECT o.slot_id FROM observation o JOIN fetch f
                        ON f.fetch_id = o.fetch_id WHERE f.fetched_at = '%2$s') AND slot_id NOT IN (SELECT slot_id FROM later))
                       AS continued_unchanged,
                   (SELECT count(*) FROM later WHERE change = 'changed' AND text_changed = 1) AS text_changed,
                   (SELECT count(*) FROM later WHERE change = 'changed' AND date_changed = 1) AS date_changed,
                   (SELECT count(*) FROM later WHERE change = 'changed' AND references_changed = 1) AS references_changed,
                   (SELECT count(*) FROM later WHERE change = 'removed') AS removed,
                   (SELECT count(*) FROM later WHERE change = 'added') AS added,
                   (SELECT count(*) FROM later WHERE change = 'restored') AS restored""";
}
