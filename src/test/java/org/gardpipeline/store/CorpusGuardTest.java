package org.gardpipeline.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.gardpipeline.Fixtures;
import org.gardpipeline.TestDb;
import org.gardpipeline.ingest.FetchSource;
import org.gardpipeline.ingest.Ingester;
import org.gardpipeline.ingest.Ingesters;
import org.gardpipeline.model.IngestSummary;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The 5,910 pages of 2022 ingested three times under the default guard: as they are, again under a new date (their
 * earlier parses reused), and once more parsed anew. None is quarantined or held, and the later two record no change
 * and no page whose layout changed: the fingerprint of a page is as stable as its answers.
 */
@Tag("corpus")
class CorpusGuardTest {
    @TempDir
    Path dir;

    @Test
    void theCorpusIngestedAgainUnderNewDatesIsNeverHeldAndChangesNothing() {
        Path pages = Fixtures.unpackedCorpus("gard-2022-html.tar.xz").resolve("pages");
        Path db = dir.resolve("gard.sqlite");
        try (HistoryStore store = HistoryStore.open(db)) {
            IngestSummary first = new Ingester(store).ingest(FetchSource.open(pages, new FetchSource.Overrides("2022-12-20", true)));
            IngestSummary again = new Ingester(store).ingest(FetchSource.open(pages, new FetchSource.Overrides("2023-01-20", true)));
            IngestSummary parsedAnew = Ingesters.parsingEverything(store, 2)
                    .ingest(FetchSource.open(pages, new FetchSource.Overrides("2023-02-20", true)));
            assertEquals(List.of(5910, 0, 0), List.of(first.parsed(), first.quarantined(), first.layoutChanged()));
            for (IngestSummary s : List.of(again, parsedAnew)) {
                assertEquals(List.of(5910, 0, 0, 0, 0, 0, 0), List.of(s.parsed(), s.quarantined(), s.added(), s.changed(),
                        s.removed(), s.restored(), s.layoutChanged()), s.fetch().name());
            }
            assertEquals(List.of(), store.check());
        }
        assertEquals(3, TestDb.count(db, "SELECT count(*) FROM fetch"));
        assertEquals(5910 * 3, TestDb.count(db, "SELECT count(*) FROM page_layout WHERE outline IS NOT NULL"));
    }
}
