package org.gardpipeline.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.gardpipeline.Fixtures;
import org.gardpipeline.MirrorComparison;
import org.gardpipeline.PostgresServer;
import org.gardpipeline.bench.ChurnGenerator;
import org.gardpipeline.ingest.FetchSource;
import org.gardpipeline.ingest.Ingester;
import org.gardpipeline.store.HistoryStore;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The 5,910 pages of 2022 as three fetches (as they are, identical under a new date, 1% of them edited), published
 * into empty schemas: every view and documented query gives SQLite's rows; then a fourth fetch, 1% edited, published
 * into each. Prints the medians of the publish times (docs/performance.md has them), asserting none.
 */
@Tag("corpus")
class PublishCorpusTest {
    private static final int RUNS = 3;

    @TempDir
    Path dir;

    @Test
    void theCorpusHistoryPublishedGivesTheRowsOfSqliteAndGrowsByOneSmallFetch() throws Exception {
        Path pages = Fixtures.unpackedCorpus("gard-2022-html.tar.xz").resolve("pages");
        Path churn = Path.of("target", "publish-corpus"); // beside the unpacked corpus: its hard links need one file system
        delete(churn);
        Path edited = churn.resolve("edited");
        Path editedAgain = churn.resolve("edited-again");
        ChurnGenerator.next(pages, edited, 0.01, 1);
        ChurnGenerator.next(edited, editedAgain, 0.01, 2);
        Path db = dir.resolve("gard.sqlite");
        try (HistoryStore store = HistoryStore.open(db)) {
            Ingester ingester = new Ingester(store);
            ingester.ingest(FetchSource.open(pages, new FetchSource.Overrides("2022-12-20", true)));
            ingester.ingest(FetchSource.open(pages, new FetchSource.Overrides("2023-01-20", true)));
            ingester.ingest(FetchSource.open(edited, new FetchSource.Overrides("2023-02-20", true)));
        }
        try (PostgresServer server = PostgresServer.start(dir)) {
            List<Double> whole = new ArrayList<>();
            for (int i = 0; i < RUNS; i++) {
                whole.add(publish(db, server, "corpus_" + i).seconds());
            }
            MirrorComparison.assertViewsEqual(db, server, "corpus_0");
            MirrorComparison.assertQueriesEqual(db, server, "corpus_0");

            try (HistoryStore store = HistoryStore.open(db)) {
                new Ingester(store).ingest(FetchSource.open(editedAgain, new FetchSource.Overrides("2023-03-20", true)));
            }
            List<Double> oneMore = new ArrayList<>();
            long rows = 0;
            for (int i = 0; i < RUNS; i++) {
                PublishResult r = publish(db, server, "corpus_" + i);
                oneMore.add(r.seconds());
                rows = r.rowsAdded() + r.rowsDeleted();
            }
            assertTrue(rows > 0 && rows < 2_000, "a 1% fetch sends few rows: " + rows);
            MirrorComparison.assertViewsEqual(db, server, "corpus_1");
            MirrorComparison.assertQueriesEqual(db, server, "corpus_1");
            assertEquals(MirrorComparison.dump(server, "corpus_0", false), MirrorComparison.dump(server, "corpus_2", false));
            System.out.printf("PUBLISH TIMES (s, %d cores): three fetches into an empty schema %s, median %.2f; "
                    + "one more 1%%-changed fetch %s, median %.2f (%d rows)%n", Runtime.getRuntime().availableProcessors(),
                    whole, median(whole), oneMore, median(oneMore), rows);
        }
    }

    private static PublishResult publish(Path db, PostgresServer server, String schema) {
        try (HistoryStore store = HistoryStore.openLocked(db)) {
            return new Publisher(PostgresUrl.parse("--to", server.uri("gard"), Map.of()), schema, Map.of(), "test")
                    .publish(store, false);
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }

    private static void delete(Path folder) throws IOException {
        if (Files.exists(folder)) {
            try (Stream<Path> all = Files.walk(folder)) {
                for (Path p : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
                    Files.delete(p);
                }
            }
        }
    }
}
