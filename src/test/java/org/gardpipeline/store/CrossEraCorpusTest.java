package org.gardpipeline.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.gardpipeline.Fixtures;
import org.gardpipeline.TestDb;
import org.gardpipeline.ingest.FetchSource;
import org.gardpipeline.ingest.Ingester;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole corpus: MedQuAD as a 2019 fetch, the 2022 pages as a later one, one history per disease and topic. */
@Tag("corpus")
class CrossEraCorpusTest {
    @TempDir
    Path dir;

    @Test
    void everyGardIdInBothErasHasOneHistoryPerTopic() {
        Path medquad = Fixtures.unpackedCorpus("medquad-gard-xml.tar.xz").resolve("2_GARD_QA");
        Path pages = Fixtures.unpackedCorpus("gard-2022-html.tar.xz").resolve("pages");
        Path db = dir.resolve("gard.sqlite");
        try (HistoryStore store = HistoryStore.open(db)) {
            Ingester ingester = new Ingester(store);
            ingester.ingest(FetchSource.open(medquad, new FetchSource.Overrides("2019-01-01", null)));
            ingester.ingest(FetchSource.open(pages, new FetchSource.Overrides("2022-12-20", null)));
            assertEquals(java.util.List.of(), store.check());
        }
        assertEquals(0, TestDb.count(db, "SELECT count(*) FROM quarantine"));
        assertEquals(2451, TestDb.count(db, """
                SELECT count(*) FROM page p
                WHERE p.page_id IN (SELECT d.page_id FROM document d WHERE d.format = 'medquad-xml')
                  AND p.page_id IN (SELECT d.page_id FROM document d WHERE d.format = 'gard-2022-html')"""));
        CrossEraIdentityTest.assertOneHistoryPerTopic(db, 1000);
    }
}
