package org.gardpipeline.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;
import org.gardpipeline.FetchSeries;
import org.gardpipeline.cli.Main;

/**
 * Packing: N fetches of the corpus (the first its 5,910 pages, each later one with 1% of the pages edited), run
 * and packed by the real commands in one process. Prints the HTML and packed size of every fetch and of all,
 * the time of the pack and of a run that meets the packed fetches again.
 *
 * <p>Arguments: CORPUS WORKDIR N
 */
public final class PackBenchmark {
    private PackBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(args[0]);
        Path work = Files.createDirectories(Path.of(args[1]));
        int n = Integer.parseInt(args[2]);
        Path raw = work.resolve("raw");
        if (Files.exists(raw)) {
            throw new IllegalStateException(raw + " exists: remove it first");
        }
        Path db = work.resolve("pack.sqlite");
        PipelineBenchmark.deleteDatabase(db);
        System.out.println(PipelineBenchmark.machine());
        Path previous = corpus;
        long html = 0;
        for (int i = 0; i < n; i++) {
            Path fetch = raw.resolve(java.time.LocalDate.of(2023, 1, 1).plusDays(i).toString());
            if (i == 0) {
                Files.createDirectories(fetch);
                try (Stream<Path> pages = Files.list(corpus)) {
                    for (Path p : (Iterable<Path>) pages::iterator) {
                        Files.createLink(fetch.resolve(p.getFileName()), p.toRealPath());
                    }
                }
            } else {
                ChurnGenerator.next(previous, fetch, 0.01, i);
            }
            html += FetchSeries.bytes(fetch);
            previous = fetch;
        }
        String[] common = {"--raw", raw.toString(), "--db", db.toString()};
        long started = System.nanoTime();
        check(Main.execute(concat(new String[] {"run", "--quiet", "--out", work.resolve("out").toString()}, common)));
        System.out.printf(Locale.ROOT, "run over %d HTML fetches: %.1f s%n", n, seconds(started));
        started = System.nanoTime();
        check(Main.execute(concat(new String[] {"pack"}, common)));
        System.out.printf(Locale.ROOT, "pack of %d fetches: %.1f s%n", n, seconds(started));
        long packed = FetchSeries.bytes(raw);
        System.out.printf(Locale.ROOT, "HTML %,d bytes, packed %,d bytes: %.2f%%%n", html, packed, 100.0 * packed / html);
        started = System.nanoTime();
        check(Main.execute(concat(new String[] {"run", "--quiet", "--out", work.resolve("out").toString()}, common)));
        System.out.printf(Locale.ROOT, "run meeting the %d packed fetches: %.1f s%n", n, seconds(started));
    }

    private static String[] concat(String[] a, String[] b) {
        return Stream.concat(Stream.of(a), Stream.of(b)).toArray(String[]::new);
    }

    private static void check(int code) {
        if (code != 0) {
            throw new IllegalStateException("exit " + code);
        }
    }

    private static double seconds(long started) {
        return (System.nanoTime() - started) / 1e9;
    }
}
