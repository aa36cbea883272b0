package org.gardpipeline.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gardpipeline.export.CsvExporter;
import org.gardpipeline.ingest.FetchSource;
import org.gardpipeline.ingest.Ingester;
import org.gardpipeline.store.HistoryStore;

/**
 * The daily run as a schedule sees it, over a history of one fetch and of N (60 by default): the corpus as the first
 * fetch, then daily fetches each with 1% of pages edited (unchanged pages hard links), all made before anything is
 * timed so that no later link moves a file's change time; a nothing-new {@code ./gard run} twice over each history
 * (every listing kept, the outputs written and stamped); then, interleaved, {@code ./gard run} ingesting one more
 * 1%-changed fetch with its outputs (CSV files, report, feed), whole process, from a copy of that state each time.
 * Prints the medians and their ratio (issue 23: at most 1.5x), the disease pages each run drew, and the CSV export's
 * time per row over each history, in this JVM (the CSV files stay full snapshots: their cost per row should be flat).
 *
 * With {@code --base LAUNCHER}, another build's runs are timed in turn with this one's, on the same states.
 *
 * <p>Arguments: CORPUS WORK [FETCHES (60)] [RUNS (3)] [--gard LAUNCHER] [--base LAUNCHER]
 */
public final class DailyRunBenchmark {
    private static final LocalDate FIRST_DAY = LocalDate.of(2023, 1, 1);
    private static final Pattern DRAWN = Pattern.compile("wrote the report \\((\\d+) disease pages(?:, (\\d+) of them drawn again)?\\)");
    private final Path work;
    private final String gard;
    /** Another build's launcher, timed in turn with this one on the same states; null for none. */
    private final String base;

    private DailyRunBenchmark(Path work, String gard, String base) {
        this.work = work;
        this.gard = gard;
        this.base = base;
    }

    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(args[0]);
        int n = 60;
        int runs = 3;
        String gard = "./gard";
        String base = null;
        List<String> numbers = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            if (args[i].equals("--gard")) {
                gard = args[++i];
            } else if (args[i].equals("--base")) {
                base = args[++i];
            } else {
                numbers.add(args[i]);
            }
        }
        if (!numbers.isEmpty()) {
            n = Integer.parseInt(numbers.get(0));
        }
        if (numbers.size() > 1) {
            runs = Integer.parseInt(numbers.get(1));
        }
        new DailyRunBenchmark(Files.createDirectories(Path.of(args[1])), gard, base).run(corpus, n, runs);
    }

    /** One history to time a daily run over: its raw folder, its database and output folder as the last run left them. */
    private record History(String name, Path raw, Path db, Path out, Path next) {
    }

    private void run(Path corpus, int n, int runs) throws Exception {
        System.out.println(PipelineBenchmark.machine());
        System.out.println("load average at start: " + Files.readString(Path.of("/proc/loadavg")).trim());
        HistoryGrowthBenchmark.deleteTree(work);
        Files.createDirectories(work);
        Path days = Files.createDirectories(work.resolve("days"));
        HistoryGrowthBenchmark.copy(corpus, days.resolve(day(1)));
        for (int i = 2; i <= n + 1; i++) {
            ChurnGenerator.next(days.resolve(day(i - 1)), days.resolve(day(i)), 0.01, i);
        }
        // the fetch that follows the first, for the history of one: made now, like every other folder
        Path nextOfOne = days.resolve(day(2) + "-after-one");
        ChurnGenerator.next(days.resolve(day(1)), nextOfOne, 0.01, 2);
        History one = history("1 fetch", 1, days, nextOfOne);
        History many = history(n + " fetches", n, days, days.resolve(day(n + 1)));
        Thread.sleep(3_500); // files younger than 3 s get no listing
        for (History h : List.of(one, many)) {
            ingest(h);
        }
        for (History h : List.of(one, many)) {
            for (int i = 0; i < 2; i++) { // the first writes the outputs, the second keeps their listing
                gard("run", "--raw", h.raw().toString(), "--db", h.db().toString(), "--out", h.out().toString());
            }
        }
        csvPerRow(one, many);
        System.out.println("load average before the timed runs: " + Files.readString(Path.of("/proc/loadavg")).trim());
        List<String> launchers = base == null ? List.of(gard) : List.of(gard, base);
        List<List<Double>> times = new ArrayList<>();
        launchers.forEach(l -> {
            times.add(new ArrayList<>());
            times.add(new ArrayList<>());
        });
        for (int r = 0; r < runs; r++) {
            for (int l = 0; l < launchers.size(); l++) {
                times.get(2 * l).add(timedRun(one, launchers.get(l)));
                times.get(2 * l + 1).add(timedRun(many, launchers.get(l)));
            }
        }
        System.out.println("load average after: " + Files.readString(Path.of("/proc/loadavg")).trim());
        for (int l = 0; l < launchers.size(); l++) {
            double a = HistoryGrowthBenchmark.median(times.get(2 * l));
            double b = HistoryGrowthBenchmark.median(times.get(2 * l + 1));
            System.out.printf(Locale.ROOT, "%s run ingesting one more 1%%-changed fetch, with outputs: over 1 fetch median %.2f s %s; "
                    + "over %d fetches median %.2f s %s; ratio %.2fx (bound 1.5x)%n", launchers.get(l), a, times.get(2 * l), n, b,
                    times.get(2 * l + 1), b / a);
        }
    }

    private static String day(int i) {
        return FIRST_DAY.plusDays(i).toString();
    }

    /** The raw folder of the first {@code fetches} days, as links to the day folders (a folder, not its files). */
    private History history(String name, int fetches, Path days, Path next) throws IOException {
        String key = name.replace(' ', '-');
        Path raw = Files.createDirectories(work.resolve("raw-" + key));
        for (int i = 1; i <= fetches; i++) {
            Files.createSymbolicLink(raw.resolve(day(i)), days.resolve(day(i)).toAbsolutePath());
        }
        return new History(name, raw, work.resolve(key + ".sqlite"), work.resolve("out-" + key), next);
    }

    /** Ingests the history's fetches in this JVM, as the growth benchmark does (a JVM start per fetch costs nothing here). */
    private static void ingest(History h) throws Exception {
        try (HistoryStore store = HistoryStore.open(h.db())) {
            Ingester ingester = new Ingester(store);
            try (var folders = Files.list(h.raw())) {
                for (Path f : folders.sorted().toList()) {
                    ingester.ingest(FetchSource.open(f, FetchSource.Overrides.NONE));
                }
            }
        }
    }

    /**
     * One daily run from the state the nothing-new runs left: the database and output folder copied (the copy is not
     * timed; copied outputs have new inodes, so the run hashes report/ to trust it, as the run after an ingest does),
     * the next fetch linked in, {@code ./gard run} timed, the fetch taken out again.
     */
    private double timedRun(History h, String launcher) throws Exception {
        Path db = work.resolve("timed.sqlite");
        Path out = work.resolve("out-timed");
        PipelineBenchmark.deleteDatabase(db);
        HistoryGrowthBenchmark.deleteTree(out);
        Files.copy(h.db(), db, StandardCopyOption.REPLACE_EXISTING);
        new ProcessBuilder("cp", "-a", h.out().toString(), out.toString()).inheritIO().start().waitFor();
        Path link = h.raw().resolve(h.next().getFileName().toString().substring(0, 10));
        Files.createSymbolicLink(link, h.next().toAbsolutePath());
        try {
            PipelineBenchmark.Sample s = PipelineBenchmark.time(work, launcher, "run", "--raw", h.raw().toString(), "--db",
                    db.toString(), "--out", out.toString());
            String log = Files.readString(work.resolve("last-command.log"));
            Matcher m = DRAWN.matcher(log);
            if (log.contains("nothing new under") || !m.find()) {
                throw new IllegalStateException("not a run that ingested a fetch and wrote its outputs: " + log);
            }
            System.out.printf(Locale.ROOT, "  %s over %s: %.2f s, %d MB peak, %s of %s disease pages drawn%n", launcher, h.name(),
                    s.seconds(), s.maxRssKb() / 1024, m.group(2) == null ? m.group(1) : m.group(2), m.group(1));
            return s.seconds();
        } finally {
            Files.delete(link);
        }
    }

    /** The CSV export of each history in this JVM, three times each in turn: milliseconds per thousand rows. */
    private void csvPerRow(History one, History many) throws Exception {
        List<List<Double>> perRow = List.of(new ArrayList<>(), new ArrayList<>());
        long[] rows = new long[2];
        for (int r = 0; r < 4; r++) { // the first round warms the JIT and is not counted
            for (int k = 0; k < 2; k++) {
                History h = k == 0 ? one : many;
                Path out = work.resolve("csv-" + k);
                try (HistoryStore store = HistoryStore.openExisting(h.db())) {
                    long t0 = System.nanoTime();
                    rows[k] = new CsvExporter(store).export(out, "bench").rows();
                    double ms = (System.nanoTime() - t0) / 1e6;
                    if (r > 0) {
                        perRow.get(k).add(ms / rows[k] * 1000);
                    }
                }
                HistoryGrowthBenchmark.deleteTree(out);
            }
        }
        for (int k = 0; k < 2; k++) {
            System.out.printf(Locale.ROOT, "CSV export over %s: %d rows, median %.2f ms per 1,000 rows %s%n",
                    k == 0 ? one.name() : many.name(), rows[k], HistoryGrowthBenchmark.median(perRow.get(k)), perRow.get(k));
        }
    }

    private PipelineBenchmark.Sample gard(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(gard));
        command.addAll(List.of(args));
        return PipelineBenchmark.time(work, command.toArray(String[]::new));
    }
}
