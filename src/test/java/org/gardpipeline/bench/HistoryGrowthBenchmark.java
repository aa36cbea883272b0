package org.gardpipeline.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.gardpipeline.files.FileFingerprint;
import org.gardpipeline.ingest.FetchSource;
import org.gardpipeline.ingest.Ingester;
import org.gardpipeline.model.IngestSummary;
import org.gardpipeline.store.HistoryStore;
import org.gardpipeline.store.PageRef;

/**
 * Ten years of daily runs, measured on one: N fetches of the corpus (at least 365), each with 1% of its pages
 * edited, written as real fetch folders under WORKDIR/raw/YYYY-MM-DD and ingested one after another in one JVM.
 * Prints
 * <ul>
 * <li>the curve: the median ingest time of each window of ten fetches and the database size after it, with the
 * MB a fetch beyond the first; the first window is cold (the JIT has not compiled the code yet), so the trend
 * is read from the warm windows, those ending at fetch 50 and later;</li>
 * <li>an extrapolation to 3,650 fetches: a least-squares line through the warm windows' ms a fetch and database
 * size;</li>
 * <li>a nothing-new {@code ./gard run} (whole process, median of 5): over the first fetch, then over the N
 * fetches with 1 folder kept under raw/ and with KEEP folders kept (interleaved), with {@code ./gard export},
 * {@code ./gard report} and a JVM doing nothing beside it, so that the run's time can be told apart;</li>
 * <li>the history queries over the N fetches: {@code ./gard history}, {@code ./gard diff} and {@code ./gard check}
 * as whole processes, the store's read of one page's versions, and the queries of docs/data.md by sqlite-jdbc (median
 * of 5 each).</li>
 * </ul>
 * Disk use stays bounded: unchanged pages are hard links to the earlier fetch's bytes, and only the last KEEP
 * fetch folders are kept (the older ones are deleted as the run goes).
 *
 * <p>With {@code --pack}, {@code ./gard pack --raw WORKDIR/raw --db DB} runs after each ingest (timed) and the nothing-new
 * runs meet packed fetches, all N of them kept (a packed fetch's revisits read the packed folders before it); when {@code ./gard pack} does not exist the benchmark says "pack: not available" and
 * runs without it. With {@code --leave}, the fetch folders and the database stay in WORKDIR afterwards.
 *
 * <p>Arguments: CORPUS WORKDIR N [--keep KEEP (60)] [--gard LAUNCHER (./gard)] [--pack] [--leave]; run from the
 * repository root.
 */
public final class HistoryGrowthBenchmark {
    private static final LocalDate FIRST_DAY = LocalDate.of(2023, 1, 1);
    private static final int WINDOW = 10;
    /** The first window whose fetches run compiled code: fetches 41-50. */
    private static final int WARM_FROM = 50;
    private static final int REPEATS = 5;

    private final Path work;
    private final Path raw;
    private final Path db;
    private final String gard;

    private HistoryGrowthBenchmark(Path work, String gard) {
        this.work = work;
        this.raw = work.resolve("raw");
        this.db = work.resolve("growth.sqlite");
        this.gard = gard;
    }

    /** One window of ten fetches: its last fetch, the median ingest time and the database size after it. */
    record Window(int last, double medianSeconds, double medianCpuSeconds, double dbMb) {
    }

    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(args[0]);
        int n = Integer.parseInt(args[2]);
        int keep = 60;
        String gard = "./gard";
        boolean pack = false;
        boolean leave = false;
        for (int i = 3; i < args.length; i++) {
            switch (args[i]) {
                case "--keep" -> keep = Integer.parseInt(args[++i]);
                case "--gard" -> gard = args[++i];
                case "--pack" -> pack = true;
                case "--leave" -> leave = true;
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (keep < 1) {
            throw new IllegalArgumentException("--keep must be at least 1");
        }
        HistoryGrowthBenchmark b = new HistoryGrowthBenchmark(Files.createDirectories(Path.of(args[1])), gard);
        b.run(corpus, n, keep, pack, leave);
    }

    private void run(Path corpus, int n, int keep, boolean pack, boolean leave) throws Exception {
        System.out.println(PipelineBenchmark.machine());
        System.out.println("load average at start: " + Files.readString(Path.of("/proc/loadavg")).trim());
        clean();
        if (pack && !commandExists("pack")) {
            System.out.println("pack: not available (" + gard + " has no pack command); running without it");
            pack = false;
        }
        System.out.printf(Locale.ROOT, "%d fetches with 1%% of pages edited, the last %d fetch folders kept%s%n", n, keep,
                pack ? ", ./gard pack after each ingest" : "");
        List<Double> seconds = new ArrayList<>();
        List<Double> cpuSeconds = new ArrayList<>();
        List<Double> packSeconds = new ArrayList<>();
        List<Window> windows = new ArrayList<>();
        Runs first = null;
        Path previous = null;
        Path source = null; // with --pack, the pages the next fetch is made from: pack may take the fetch folder away
        System.out.println("fetches     median s  CPU s  db MB   MB a fetch beyond the first (wall and CPU seconds of the ingest, "
                + "CPU of the whole process: on a shared machine it moves less than wall time; db: the file without its WAL)");
        HistoryStore store = HistoryStore.open(db);
        try {
            Ingester ingester = new Ingester(store);
            double firstMb = 0;
            for (int i = 1; i <= n; i++) {
                Path fetch = raw.resolve(day(i));
                if (i == 1) {
                    copy(corpus, fetch); // a copy, not links: the corpus is read-only and its files' status must not move
                } else {
                    ChurnGenerator.next(pack ? source : previous, fetch, 0.01, i);
                }
                if (pack) {
                    Path next = work.resolve("source-" + i);
                    ChurnGenerator.next(fetch, next, 0.0, i);
                    deleteTree(source);
                    source = next;
                }
                long cpu0 = processCpuNanos();
                IngestSummary s = ingester.ingest(FetchSource.open(fetch, FetchSource.Overrides.NONE));
                cpuSeconds.add((processCpuNanos() - cpu0) / 1e9);
                seconds.add(s.seconds());
                if (pack) {
                    store.close(); // pack reads the database under its run lock
                    packSeconds.add(gard("pack", "--raw", raw.toString(), "--db", db.toString()).seconds());
                    store = HistoryStore.open(db);
                    ingester = new Ingester(store);
                }
                if (i > keep && !pack) { // a packed fetch's revisits read the packed folders before it: all stay
                    deleteTree(raw.resolve(day(i - keep)));
                }
                previous = fetch;
                if (i == 1) {
                    store.close(); // ./gard run takes the database's run lock; closed, the WAL is checkpointed
                    firstMb = sizeMb(db);
                    System.out.printf(Locale.ROOT, "1           %8.2f %6.2f %6.1f%n", s.seconds(), cpuSeconds.get(0), firstMb);
                    first = nothingNew(List.of(raw), 1);
                    store = HistoryStore.open(db);
                    ingester = new Ingester(store);
                }
                if (i % WINDOW == 0 || i == n) {
                    int from = Math.max(2, i - WINDOW + 1);
                    Window w = new Window(i, median(seconds.subList(from - 1, i)), median(cpuSeconds.subList(from - 1, i)), sizeMb(db));
                    windows.add(w);
                    System.out.printf(Locale.ROOT, "%-11s %8.3f %6.3f %6.1f %8.3f%s%n", from + "-" + i, w.medianSeconds(),
                            w.medianCpuSeconds(), w.dbMb(),
                            (w.dbMb() - firstMb) / (i - 1), i < WARM_FROM ? "  (cold: before the JIT has compiled the ingest)" : "");
                }
            }
            store.close();
            printCurve(windows, firstMb, n);
            if (pack) {
                System.out.printf(Locale.ROOT, "./gard pack after each ingest: median %.2f s, last ten %.2f s%n", median(packSeconds),
                        median(packSeconds.subList(Math.max(0, n - WINDOW), n)));
            }
            Runs last = pack ? nothingNewOverPacked(n) : nothingNewOverKept(n, keep);
            printNothingNew(first, last, n, keep, pack);
            try (HistoryStore reader = HistoryStore.openExisting(db)) {
                queries(reader);
            }
        } finally {
            store.close();
            if (!leave) {
                deleteTree(raw);
                deleteTree(work.resolve("raw-1"));
                deleteTree(source);
            }
        }
        System.out.println("load average at end: " + Files.readString(Path.of("/proc/loadavg")).trim());
    }

    /** The folder name of fetch i: one a day from 2023-01-02. */
    private static String day(int i) {
        return FIRST_DAY.plusDays(i).toString();
    }

    private void clean() throws IOException {
        PipelineBenchmark.deleteDatabase(db);
        deleteTree(raw);
        deleteTree(work.resolve("raw-1"));
        deleteTree(work.resolve("out"));
        try (Stream<Path> s = Files.list(work)) {
            for (Path p : s.filter(p -> p.getFileName().toString().startsWith("source-")).toList()) {
                deleteTree(p);
            }
        }
    }

    // ---- the curve and its extrapolation

    private static void printCurve(List<Window> windows, double firstMb, int n) {
        List<Window> warm = windows.stream().filter(w -> w.last() >= WARM_FROM).toList();
        if (warm.size() < 2) {
            System.out.println("too few warm windows (fetches " + WARM_FROM + " on) to read a trend");
            return;
        }
        Window base = warm.get(0);
        StringBuilder line = new StringBuilder("warm windows, median s (ratio to fetches " + (base.last() - WINDOW + 1) + "-"
                + base.last() + "):");
        for (Window w : warm) {
            if (w.last() % 50 == 0 || w.last() == n) {
                line.append(String.format(Locale.ROOT, " %d-%d %.3f (%.2fx, CPU %.2fx);", w.last() - WINDOW + 1, w.last(),
                        w.medianSeconds(), w.medianSeconds() / base.medianSeconds(), w.medianCpuSeconds() / base.medianCpuSeconds()));
            }
        }
        System.out.println(line);
        double[] time = fit(warm.stream().mapToDouble(Window::last).toArray(), warm.stream().mapToDouble(w -> w.medianSeconds() * 1000).toArray());
        double[] cpu = fit(warm.stream().mapToDouble(Window::last).toArray(), warm.stream().mapToDouble(w -> w.medianCpuSeconds() * 1000).toArray());
        double[] size = fit(warm.stream().mapToDouble(Window::last).toArray(), warm.stream().mapToDouble(Window::dbMb).toArray());
        int horizon = 3650;
        double msAtHorizon = time[0] + time[1] * horizon;
        double mbAtHorizon = size[0] + size[1] * horizon;
        // the sum of the fitted ms a fetch over the fetches from the last measured to the horizon
        double moreSeconds = (time[0] * (horizon - n) + time[1] * ((double) horizon * (horizon + 1) / 2 - (double) n * (n + 1) / 2)) / 1000;
        System.out.printf(Locale.ROOT, "linear fit over the warm windows: %.1f ms a fetch + %.3f ms for each fetch before it; "
                + "database %.1f MB + %.3f MB a fetch%n", time[0], time[1], size[0], size[1]);
        System.out.printf(Locale.ROOT, "linear fit of CPU: %.1f ms a fetch + %.3f ms for each fetch before it; EXTRAPOLATION to %d "
                + "fetches: %.0f CPU-ms a fetch, %.2fx the fit at fetch %d%n", cpu[0], cpu[1], horizon, cpu[0] + cpu[1] * horizon,
                (cpu[0] + cpu[1] * horizon) / (cpu[0] + cpu[1] * WARM_FROM), WARM_FROM);
        System.out.printf(Locale.ROOT, "EXTRAPOLATION to %d fetches (ten years of daily runs; not measured): %.0f ms a fetch "
                + "(%.2fx the fit at fetch %d), database %.0f MB (%.2f MB a fetch beyond the first), %.0f s to ingest fetches %d-%d%n",
                horizon, msAtHorizon, msAtHorizon / (time[0] + time[1] * WARM_FROM), WARM_FROM, mbAtHorizon,
                (mbAtHorizon - firstMb) / (horizon - 1), moreSeconds, n + 1, horizon);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** Least squares: {intercept, slope} of y over x. */
    static double[] fit(double[] x, double[] y) {
        double mx = 0;
        double my = 0;
        for (int i = 0; i < x.length; i++) {
            mx += x[i] / x.length;
            my += y[i] / x.length;
        }
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
        }
        double slope = sxx == 0 ? 0 : sxy / sxx;
        return new double[] {my - slope * mx, slope};
    }

    // ---- a run that finds nothing new

    /** Whole-process medians: nothing-new runs over each raw folder given, export, report, and a JVM doing nothing. */
    record Runs(int fetches, List<Double> runMedians, double export, double report, double jvm) {
    }

    /**
     * Medians of {@value #REPEATS} nothing-new runs over each raw folder (interleaved), after one run that keeps the
     * listings of fetches whose files have settled; then export, report and a JVM doing nothing.
     */
    private Runs nothingNew(List<Path> raws, int fetches) throws Exception {
        Thread.sleep(3_100); // files written within 3 s have no listing to trust (FileFingerprint.SETTLING)
        Path out = work.resolve("out");
        for (Path r : raws) {
            runOnce(r, out); // keeps the listings: the runs measured are the daily run's steady state
        }
        Thread.sleep(3_100); // and the outputs' listing, once they have settled (a run that writes them hashes them)
        runOnce(raws.get(0), out);
        List<List<Double>> times = new ArrayList<>();
        raws.forEach(r -> times.add(new ArrayList<>()));
        List<Double> export = new ArrayList<>();
        List<Double> report = new ArrayList<>();
        List<Double> jvm = new ArrayList<>();
        for (int k = 0; k < REPEATS; k++) {
            for (int r = 0; r < raws.size(); r++) {
                times.get(r).add(runOnce(raws.get(r), out));
            }
            export.add(gard("export", "--db", db.toString(), "--out", work.resolve("out-export").toString()).seconds());
            report.add(gard("report", "--db", db.toString(), "--out", work.resolve("out-report").toString()).seconds());
            jvm.add(gard("--version").seconds());
        }
        return new Runs(fetches, times.stream().map(HistoryGrowthBenchmark::median).toList(), median(export), median(report),
                median(jvm));
    }

    private double runOnce(Path rawFolder, Path out) throws Exception {
        PipelineBenchmark.Sample s = gard("run", "--raw", rawFolder.toString(), "--db", db.toString(), "--out", out.toString());
        String log = Files.readString(work.resolve("last-command.log"));
        if (!log.contains("nothing new")) {
            throw new IllegalStateException("the run over " + rawFolder + " found something new: " + log);
        }
        return s.seconds();
    }

    /** The N fetches met by a nothing-new run with one fetch folder under raw/ (the last) and with the last KEEP. */
    private Runs nothingNewOverKept(int n, int keep) throws Exception {
        Path one = Files.createDirectories(work.resolve("raw-1"));
        try (Stream<Path> s = Files.list(raw)) {
            Path last = s.max(Path::compareTo).orElseThrow();
            Files.createSymbolicLink(one.resolve(last.getFileName()), last.toAbsolutePath());
        }
        int kept;
        try (Stream<Path> s = Files.list(raw)) {
            kept = (int) s.count();
        }
        System.out.printf(Locale.ROOT, "nothing-new runs over the %d fetches: 1 and %d fetches kept under raw/ ...%n", n, kept);
        return nothingNew(List.of(one, raw), n);
    }

    /** With --pack: the N fetches met by a nothing-new run with all their packed folders under raw/. */
    private Runs nothingNewOverPacked(int n) throws Exception {
        System.out.printf(Locale.ROOT, "nothing-new runs over the %d fetches, all packed and kept under raw/ (a packed fetch's "
                + "revisits read the folders beside it, so none is met alone) ...%n", n);
        return nothingNew(List.of(raw), n);
    }

    private static void printNothingNew(Runs first, Runs last, int n, int keep, boolean pack) {
        System.out.printf(Locale.ROOT, "a nothing-new ./gard run, whole process, median of %d (s):%n", REPEATS);
        System.out.printf(Locale.ROOT, "  %-44s %8s %8s %8s%n", "", "1 fetch", n + " fetches", "ratio");
        System.out.printf(Locale.ROOT, "  %-44s %8.2f %8.2f %8.2f%n", pack ? "run, every packed fetch folder under raw/"
                : "run, 1 fetch folder under raw/", first.runMedians().get(0), last.runMedians().get(0),
                last.runMedians().get(0) / first.runMedians().get(0));
        if (!pack) {
            System.out.printf(Locale.ROOT, "  %-44s %8s %8.2f%n", "run, last " + keep + " fetch folders under raw/", "",
                    last.runMedians().get(1));
        }
        System.out.printf(Locale.ROOT, "  %-44s %8.2f %8.2f %8.2f%n", "./gard export (CSVs, datapackage, report, feed)", first.export(),
                last.export(), last.export() / first.export());
        System.out.printf(Locale.ROOT, "  %-44s %8.2f %8.2f %8.2f%n", "./gard report (report/, changes.atom)", first.report(),
                last.report(), last.report() / first.report());
        System.out.printf(Locale.ROOT, "  %-44s %8.2f %8.2f%n", "./gard --version (JVM start)", first.jvm(), last.jvm());
        if (!pack) {
            System.out.printf(Locale.ROOT, "  the %d kept folders beyond one cost %.1f ms a folder%n", keep,
                    (last.runMedians().get(1) - last.runMedians().get(0)) * 1000 / (keep - 1));
        }
    }

    // ---- history queries

    private void queries(HistoryStore store) throws Exception {
        PageRef page = store.findPage("6007").orElseThrow();
        List<Double> versions = new ArrayList<>();
        for (int i = 0; i < REPEATS; i++) {
            long t0 = System.nanoTime();
            store.versions(page, null);
            versions.add((System.nanoTime() - t0) / 1e6);
        }
        List<Double> history = new ArrayList<>();
        List<Double> diff = new ArrayList<>();
        List<Double> jvm = new ArrayList<>();
        List<Double> check = new ArrayList<>();
        for (int i = 0; i < REPEATS; i++) {
            history.add(gard("history", "6007", "--db", db.toString()).seconds());
            diff.add(gard("diff", "6660", "--topic", "causes", "--db", db.toString()).seconds());
            jvm.add(gard("--version").seconds());
            // the database's checks and the revisits of raw/'s WARC files (the kept folders hold none)
            check.add(gard("check", "--db", db.toString(), "--raw", raw.toString()).seconds());
        }
        System.out.printf(Locale.ROOT, "history queries over the database (median of %d):%n", REPEATS);
        System.out.printf(Locale.ROOT, "  ./gard history 6007: %.0f ms whole process; ./gard diff 6660 --topic causes: %.0f ms; "
                + "./gard --version: %.0f ms (JVM start)%n", median(history) * 1000, median(diff) * 1000, median(jvm) * 1000);
        System.out.printf(Locale.ROOT, "  the store's read of the versions of page 6007 (HistoryStore.versions): %.1f ms%n",
                median(versions));
        System.out.printf(Locale.ROOT, "  ./gard check: %.2f s whole process%n", median(check));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath())) {
            for (String[] q : dataMdQueries()) {
                List<Double> ms = new ArrayList<>();
                int rows = 0;
                for (int i = 0; i < REPEATS; i++) {
                    long t0 = System.nanoTime();
                    rows = rows(c, q[1]);
                    double took = (System.nanoTime() - t0) / 1e6;
                    ms.add(took);
                    if (took > 5_000) {
                        break; // one run says enough
                    }
                }
                System.out.printf(Locale.ROOT, "  data.md %-72s %9.1f ms %7d rows%n", q[0], median(ms), rows);
            }
        }
    }

    /** The queries of docs/data.md: (title, SQL). */
    private static List<String[]> dataMdQueries() throws IOException {
        String doc = Files.readString(Path.of("docs/data.md"), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("```sql\\n-- ([^\\n]*)\\n(.*?)```", Pattern.DOTALL).matcher(doc);
        List<String[]> queries = new ArrayList<>();
        while (m.find()) {
            queries.add(new String[] {m.group(1), m.group(2)});
        }
        return queries;
    }

    private static int rows(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int rows = 0;
            while (rs.next()) {
                rows++;
            }
            return rows;
        }
    }

    // ---- processes and files

    /** True when the launcher's help lists the command (picocli answers "pack --help" with the top-level help). */
    private boolean commandExists(String command) throws Exception {
        gard("--help");
        return Files.readAllLines(work.resolve("last-command.log")).stream().anyMatch(l -> l.startsWith("  " + command + " "));
    }

    private PipelineBenchmark.Sample gard(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(gard));
        command.addAll(List.of(args));
        return PipelineBenchmark.time(work, command.toArray(String[]::new));
    }

    static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
    }

    static void deleteTree(Path path) throws IOException {
        if (path == null || !Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (Files.isSymbolicLink(path) || !Files.isDirectory(path)) {
            Files.delete(path);
            return;
        }
        try (Stream<Path> s = Files.list(path)) {
            for (Path p : s.toList()) {
                deleteTree(p);
            }
        }
        Files.delete(path);
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int mid = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(mid) : (sorted.get(mid - 1) + sorted.get(mid)) / 2;
    }

    /**
     * The database file without its WAL: the WAL file keeps the size the first fetch's one large transaction gave
     * it (tens of MB) while holding at most SQLite's checkpoint interval of pages not yet in the database file.
     */
    private static double sizeMb(Path db) throws IOException {
        return Files.size(db) / 1024.0 / 1024.0;
    }
}
