package org.gardpipeline.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.gardpipeline.ingest.FetchSource;
import org.gardpipeline.ingest.Ingester;
import org.gardpipeline.model.IngestSummary;
import org.gardpipeline.store.HistoryStore;
import org.gardpipeline.store.PageRef;

/**
 * History growth: N fetches of the corpus, each with 1% of its pages edited, ingested in one process. Prints
 * the ingest time of every fetch, the database size after 1, 10 and N fetches, the time of the history
 * queries an analyst runs (median of 20), and what the N fetches cost a run that meets them again.
 *
 * <p>Arguments: CORPUS WORKDIR N
 */
public final class HistoryGrowthBenchmark {
    private HistoryGrowthBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(args[0]);
        Path work = Files.createDirectories(Path.of(args[1]));
        int n = Integer.parseInt(args[2]);
        Path db = work.resolve("growth.sqlite");
        PipelineBenchmark.deleteDatabase(db);
        System.out.println(PipelineBenchmark.machine());
        System.out.println("fetch  seconds  added changed  db MB");
        Path previous = corpus;
        List<Double> seconds = new ArrayList<>();
        try (HistoryStore store = HistoryStore.open(db)) {
            Ingester ingester = new Ingester(store);
            for (int i = 1; i <= n; i++) {
                Path fetch = work.resolve(String.format(Locale.ROOT, "fetch-%03d", i));
                if (!Files.exists(fetch)) {
                    ChurnGenerator.next(previous, fetch, i == 1 ? 0.0 : 0.01, i);
                }
                String date = java.time.LocalDate.of(2023, 1, 1).plusDays(i).toString();
                IngestSummary s = ingester.ingest(FetchSource.open(fetch, new FetchSource.Overrides(date, null)));
                seconds.add(s.seconds());
                System.out.printf(Locale.ROOT, "%5d %8.2f %6d %7d %6.1f%n", i, s.seconds(), s.added(), s.changed(), sizeMb(db));
                previous = fetch;
            }
            System.out.printf(Locale.ROOT, "fetch 2: %.2f s, fetch %d: %.2f s, ratio %.2f%n", seconds.get(1), n,
                    seconds.get(n - 1), seconds.get(n - 1) / seconds.get(1));
            if (n >= 21) {
                // single fetches vary by a tenth of a second either way; medians of ten show the trend
                double early = median(seconds.subList(1, 11));
                double late = median(seconds.subList(n - 10, n));
                System.out.printf(Locale.ROOT, "median of fetches 2-11: %.2f s, of fetches %d-%d: %.2f s, ratio %.2f%n",
                        early, n - 9, n, late, late / early);
            }
            queries(store, db);
            seenBefore(ingester, db, work, n);
        }
    }

    /**
     * What a run over the N fetches, all ingested, costs for them: twice, once their files have settled. The
     * first pass finds no listing (as for fetches ingested before listings were kept), hashes their files and
     * keeps each listing; the second knows them by their listings alone.
     */
    private static void seenBefore(Ingester ingester, Path db, Path work, int n) throws Exception {
        Thread.sleep(3_100);
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath());
             java.sql.Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE fetch SET listing_sha256 = NULL");
        }
        double[] passes = new double[2];
        for (int pass = 0; pass < 2; pass++) {
            long t0 = System.nanoTime();
            for (int i = 1; i <= n; i++) {
                String date = java.time.LocalDate.of(2023, 1, 1).plusDays(i).toString();
                Path fetch = work.resolve(String.format(Locale.ROOT, "fetch-%03d", i));
                if (!ingester.ingest(FetchSource.open(fetch, new FetchSource.Overrides(date, null))).alreadyIngested()) {
                    throw new IllegalStateException(fetch + " was not recognised as ingested");
                }
            }
            passes[pass] = (System.nanoTime() - t0) / 1e9;
        }
        System.out.printf(Locale.ROOT, "the %d fetches seen again: %.2f s with their files hashed, %.2f s by their listings (%.1f ms a fetch)%n",
                n, passes[0], passes[1], passes[1] * 1000 / n);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int mid = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(mid) : (sorted.get(mid - 1) + sorted.get(mid)) / 2;
    }

    /** The change events of the newest fetch, read as the analysts' query in docs/data.md reads them. */
    private static int changesOfLastFetch(java.sql.Connection db) throws java.sql.SQLException {
        try (java.sql.PreparedStatement ps = db.prepareStatement("""
                SELECT * FROM answer_changes
                WHERE fetch_id = (SELECT fetch_id FROM fetch ORDER BY fetched_at DESC, label DESC LIMIT 1)""");
             java.sql.ResultSet rs = ps.executeQuery()) {
            int rows = 0;
            while (rs.next()) {
                rows++;
            }
            return rows;
        }
    }

    private static void queries(HistoryStore store, Path file) throws java.sql.SQLException {
        PageRef page = store.findPage("6007").orElseThrow();
        List<Double> history = new ArrayList<>();
        List<Double> lastFetch = new ArrayList<>();
        try (java.sql.Connection db = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath())) {
            for (int i = 0; i < 20; i++) {
                long t0 = System.nanoTime();
                store.versions(page, null);
                long t1 = System.nanoTime();
                changesOfLastFetch(db);
                long t2 = System.nanoTime();
                history.add((t1 - t0) / 1e6);
                lastFetch.add((t2 - t1) / 1e6);
            }
        }
        Collections.sort(history);
        Collections.sort(lastFetch);
        System.out.printf(Locale.ROOT, "history of one page: median %.1f ms; answer_changes of the last fetch: median %.1f ms%n",
                history.get(10), lastFetch.get(10));
    }

    private static double sizeMb(Path db) throws java.io.IOException {
        long bytes = Files.size(db);
        Path wal = db.resolveSibling(db.getFileName() + "-wal");
        if (Files.exists(wal)) {
            bytes += Files.size(wal);
        }
        return bytes / 1024.0 / 1024.0;
    }
}
