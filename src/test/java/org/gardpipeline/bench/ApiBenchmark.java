package org.gardpipeline.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Ingesting the 6,061 records of GARD's API of 2020, whole process, interleaved with its floor ({@link ApiFloor})
 * and with a full ingest of the 5,910 pages of 2022: medians and spread of RUNS rounds, each round the three in
 * turn, so that a drift of the machine's speed falls on all three alike.
 *
 * <p>Arguments: CLASSPATH API_RECORDS_DIR PAGES_DIR WORKDIR RUNS; run from the repository root, where ./gard is.
 */
public final class ApiBenchmark {
    private ApiBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String classpath = args[0];
        Path records = Path.of(args[1]);
        Path pages = Path.of(args[2]);
        Path work = Path.of(args[3]);
        int runs = Integer.parseInt(args[4]);
        List<PipelineBenchmark.Sample> floor = new ArrayList<>();
        List<PipelineBenchmark.Sample> api = new ArrayList<>();
        List<PipelineBenchmark.Sample> site = new ArrayList<>();
        Path db = work.resolve("api-bench.sqlite");
        for (int i = 0; i < runs; i++) {
            floor.add(PipelineBenchmark.time(work, "java", "-cp", classpath, ApiFloor.class.getName(), records.toString()));
            PipelineBenchmark.deleteDatabase(db);
            api.add(PipelineBenchmark.time(work, "./gard", "ingest", records.toString(), "--fetched-at", "2020-12-11",
                    "--db", db.toString()));
            PipelineBenchmark.deleteDatabase(db);
            site.add(PipelineBenchmark.time(work, "./gard", "ingest", pages.toString(), "--fetched-at", "2022-12-20",
                    "--db", db.toString()));
        }
        System.out.println(PipelineBenchmark.machine());
        System.out.printf(Locale.ROOT, "%-40s %9s %15s %12s%n", "scenario", "median s", "spread s", "peak RSS MB");
        print("(a) API floor: Jackson + jsoup, all cores", floor);
        print("(b) ingest of the 6,061 API records", api);
        print("(c) ingest of the 5,910 2022 pages", site);
        double b = PipelineBenchmark.median(api).seconds();
        System.out.printf(Locale.ROOT, "ratios: (b)/(a) %.2f  (b)/(c) %.2f%n", b / PipelineBenchmark.median(floor).seconds(),
                b / PipelineBenchmark.median(site).seconds());
    }

    private static void print(String name, List<PipelineBenchmark.Sample> samples) {
        PipelineBenchmark.Sample med = PipelineBenchmark.median(samples);
        double min = samples.stream().mapToDouble(PipelineBenchmark.Sample::seconds).min().orElse(0);
        double max = samples.stream().mapToDouble(PipelineBenchmark.Sample::seconds).max().orElse(0);
        long rss = samples.stream().mapToLong(PipelineBenchmark.Sample::maxRssKb).max().orElse(0);
        System.out.printf(Locale.ROOT, "%-40s %9.2f %7.2f..%-7.2f %12d%n", name, med.seconds(), min, max, rss / 1024);
    }
}
