package org.gardpipeline.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Whole-process benchmarks of the pipeline on a corpus folder, each the median of several runs with its
 * spread: the parse floor, a full ingest, a re-ingest of an identical fetch, a 1%-changed fetch, the export,
 * and the peak resident memory of each. Run by bench/run.sh, which builds the jar and the corpus folders.
 *
 * <p>Arguments: CLASSPATH CORPUS WORKDIR RUNS; run from the repository root, where ./gard is.
 */
public final class PipelineBenchmark {
    /** One measured command: wall seconds and peak resident kilobytes, from /usr/bin/time. */
    record Sample(double seconds, long maxRssKb) {
    }

    private final String classpath;
    private final Path work;

    private PipelineBenchmark(String classpath, Path work) {
        this.classpath = classpath;
        this.work = work;
    }

    public static void main(String[] args) throws Exception {
        PipelineBenchmark b = new PipelineBenchmark(args[0], Path.of(args[2]));
        Path corpus = Path.of(args[1]);
        int runs = Integer.parseInt(args[3]);
        Path same = b.work.resolve("2022-12-21-identical");
        Path churn = b.work.resolve("2022-12-22-churn");
        if (!Files.exists(same)) {
            ChurnGenerator.next(corpus, same, 0.0, 1);
            ChurnGenerator.next(corpus, churn, 0.01, 2);
        }
        List<Sample> floor = new ArrayList<>();
        List<Sample> full = new ArrayList<>();
        List<Sample> identical = new ArrayList<>();
        List<Sample> changed = new ArrayList<>();
        List<Sample> export = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            floor.add(b.time("java", "-cp", b.classpath, Floor.class.getName(), corpus.toString()));
            Path db = b.work.resolve("bench.sqlite");
            deleteDatabase(db);
            full.add(b.gard("ingest", corpus.toString(), "--fetched-at", "2022-12-20", "--db", db.toString()));
            identical.add(b.gard("ingest", same.toString(), "--fetched-at", "2022-12-21", "--db", db.toString()));
            changed.add(b.gard("ingest", churn.toString(), "--fetched-at", "2022-12-22", "--db", db.toString()));
            export.add(b.gard("export", "--db", db.toString(), "--out", b.work.resolve("export").toString()));
        }
        Sample jvm = median(List.of(b.time("java", "-cp", b.classpath, PipelineBenchmark.class.getName() + "$Nothing")));
        double f = median(floor).seconds();
        System.out.println(machine());
        System.out.printf(Locale.ROOT, "%-36s %9s %15s %12s%n", "scenario", "median s", "spread s", "peak RSS MB");
        print("(1) floor: read + jsoup, all cores", floor);
        print("(2) full ingest, new database", full);
        print("(3) re-ingest of an identical fetch", identical);
        print("(4) ingest of a 1%-changed fetch", changed);
        print("(5) export of all CSV files", export);
        System.out.printf(Locale.ROOT, "ratios to the floor: (2) %.2f  (3) %.2f  (4) %.2f%n", median(full).seconds() / f,
                median(identical).seconds() / f, median(changed).seconds() / f);
        System.out.printf(Locale.ROOT, "export beyond JVM start (%.2f s): %.2f s%n", jvm.seconds(), median(export).seconds() - jvm.seconds());
    }

    /** A JVM that does nothing: its time is the JVM start to subtract from whole-process figures. */
    static final class Nothing {
        public static void main(String[] args) {
        }
    }

    /** The pipeline as users run it: through the launcher, with the JVM settings it chooses. */
    private Sample gard(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("./gard"));
        command.addAll(List.of(args));
        return time(command.toArray(String[]::new));
    }

    private Sample time(String... command) throws IOException, InterruptedException {
        return time(work, command);
    }

    /**
     * Runs a command under /usr/bin/time, its output in WORK/last-command.log; fails unless it exits 0 or 3 (a
     * run with quarantined documents).
     */
    static Sample time(Path work, String... command) throws IOException, InterruptedException {
        Path report = work.resolve("time.txt");
        List<String> timed = new ArrayList<>(List.of("/usr/bin/time", "-f", "%e %M", "-o", report.toString()));
        timed.addAll(List.of(command));
        Process p = new ProcessBuilder(timed).redirectErrorStream(true)
                .redirectOutput(work.resolve("last-command.log").toFile()).start();
        if (!p.waitFor(30, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("timed out: " + command[command.length - 1]);
        }
        String[] figures = Files.readString(report).trim().split("\\s+");
        if (p.exitValue() != 0 && p.exitValue() != 3) {
            throw new IllegalStateException(String.join(" ", command) + " exited " + p.exitValue() + ": "
                    + Files.readString(work.resolve("last-command.log")));
        }
        return new Sample(Double.parseDouble(figures[figures.length - 2]), Long.parseLong(figures[figures.length - 1]));
    }

    /** Deletes a database with its WAL, shared-memory and lock files. */
    static void deleteDatabase(Path db) throws IOException {
        for (String suffix : List.of("", "-wal", "-shm", ".lock")) {
            Files.deleteIfExists(db.resolveSibling(db.getFileName() + suffix));
        }
    }

    static Sample median(List<Sample> samples) {
        List<Double> s = new ArrayList<>(samples.stream().map(Sample::seconds).toList());
        List<Long> m = new ArrayList<>(samples.stream().map(Sample::maxRssKb).toList());
        Collections.sort(s);
        Collections.sort(m);
        return new Sample(s.get(s.size() / 2), m.get(m.size() / 2));
    }

    private static void print(String name, List<Sample> samples) {
        Sample med = median(samples);
        double min = samples.stream().mapToDouble(Sample::seconds).min().orElse(0);
        double max = samples.stream().mapToDouble(Sample::seconds).max().orElse(0);
        long rss = samples.stream().mapToLong(Sample::maxRssKb).max().orElse(0);
        System.out.printf(Locale.ROOT, "%-36s %9.2f %7.2f..%-7.2f %12d%n", name, med.seconds(), min, max, rss / 1024);
    }

    static String machine() throws IOException {
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown CPU");
        long memKb = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                .map(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElse(0L);
        return String.format(Locale.ROOT, "machine: %d cores, %s, %d GB RAM, Java %s", Runtime.getRuntime().availableProcessors(),
                cpu, memKb / 1024 / 1024, System.getProperty("java.version"));
    }
}
