package org.gardpipeline.parse;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.gardpipeline.model.Page;
import org.junit.jupiter.api.Test;

/**
 * Feeds {@link Parsers#parse} at least 10,000 mutations of the real documents in src/test/resources and
 * requires of each one: it returns a page or throws {@link ParseException} with a reason a person can act
 * on (not the "parser failed" wrapper that hides a bug), never anything else, within {@link #TIME_LIMIT_MS}.
 *
 * <p>Inputs are reproducible from (seed, index): {@code -Dgard.fuzz.seed=S -Dgard.fuzz.count=N}. A failing
 * input is written to target/fuzz-failures/; keep it under src/test/resources/fuzz-regressions/, named after
 * what broke, where {@link FuzzRegressionTest} replays it.
 */
class ParserFuzzTest {
    static final long SEED = Long.getLong("gard.fuzz.seed", 20_240_607L);
    static final int COUNT = Integer.getInteger("gard.fuzz.count", 10_000);
    /** Every BIG_EVERY-th input is a big one (deep nesting, a huge attribute, a multi-megabyte document). */
    static final int BIG_EVERY = Integer.getInteger("gard.fuzz.bigEvery", 250);
    static final long TIME_LIMIT_MS = 5_000;
    private static final int THREADS = 2;

    /** What is wrong with the outcome of parsing the input, or null when it was parsed or properly quarantined. */
    static String problem(byte[] bytes, String name) {
        try {
            Page page = Parsers.parse(bytes, name);
            if (page == null) {
                return "returned null instead of a page or a ParseException";
            }
            if (page.title() == null || page.title().isBlank()) {
                return "parsed into a page without a title";
            }
            return null;
        } catch (ParseException e) {
            String reason = e.getMessage();
            if (reason == null || reason.isBlank()) {
                return "quarantined without a reason";
            }
            if (reason.contains("parser failed:")) {
                return "a parser bug hidden as a quarantine reason: " + reason;
            }
            return null;
        } catch (Throwable t) {
            return "threw " + t;
        }
    }

    private static final class Worker extends Thread {
        final AtomicInteger next;
        final Map<Integer, String> failures;
        final Map<String, AtomicInteger> outcomes;
        volatile int current = -1;
        volatile long startedNanos;

        Worker(AtomicInteger next, Map<Integer, String> failures, Map<String, AtomicInteger> outcomes) {
            super("fuzz");
            setDaemon(true); // a hung parse must not keep the test JVM alive
            this.next = next;
            this.failures = failures;
            this.outcomes = outcomes;
        }

        @Override
        public void run() {
            for (int i = next.getAndIncrement(); i < COUNT; i = next.getAndIncrement()) {
                Mutations.Input input = Mutations.input(SEED, i);
                startedNanos = System.nanoTime();
                current = i;
                String problem = problem(input.bytes(), input.base());
                long ms = (System.nanoTime() - startedNanos) / 1_000_000;
                current = -1;
                if (problem == null && ms > TIME_LIMIT_MS) {
                    problem = "took " + ms + " ms";
                }
                outcomes.computeIfAbsent(input.kind(), k -> new AtomicInteger()).incrementAndGet();
                if (problem != null) {
                    failures.put(i, input.describe() + ": " + problem);
                    save(input);
                }
            }
        }
    }

    @Test
    void tenThousandMutationsOfRealDocumentsAreParsedOrQuarantinedWithAReasonInBoundedTime() throws Exception {
        AtomicInteger next = new AtomicInteger();
        Map<Integer, String> failures = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> kinds = new ConcurrentHashMap<>();
        List<Worker> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            workers.add(new Worker(next, failures, kinds));
        }
        long begun = System.nanoTime();
        workers.forEach(Thread::start);
        while (workers.stream().anyMatch(Thread::isAlive)) {
            for (Worker w : workers) {
                long started = w.startedNanos;
                int i = w.current;
                if (i >= 0 && (System.nanoTime() - started) / 1_000_000 > TIME_LIMIT_MS && w.current == i
                        && w.startedNanos == started) {
                    Mutations.Input input = Mutations.input(SEED, i);
                    save(input);
                    fail(input.describe() + ": still parsing after " + TIME_LIMIT_MS + " ms (hang?) at\n"
                            + Arrays.stream(w.getStackTrace()).limit(40).map(String::valueOf)
                            .collect(Collectors.joining("\n  ")));
                }
            }
            Thread.sleep(50);
        }
        long seconds = (System.nanoTime() - begun) / 1_000_000_000;
        System.out.printf("fuzz: %d inputs (seed %d) in %d s: %s%n", COUNT, SEED, seconds, new TreeMap<>(kinds));
        assertTrue(COUNT < 10_000 || next.get() >= 10_000, "at least 10,000 inputs");
        List<String> problems = new ArrayList<>(new TreeMap<>(failures).values());
        Collections.sort(problems);
        assertTrue(problems.isEmpty(), problems.size() + " of " + COUNT + " inputs failed (kept in target/fuzz-failures):\n"
                + String.join("\n", problems.subList(0, Math.min(problems.size(), 30))));
    }

    private static void save(Mutations.Input input) {
        try {
            Path dir = Files.createDirectories(Path.of("target/fuzz-failures"));
            Files.write(dir.resolve(input.kind() + "-seed" + input.seed() + "-index" + input.index() + ".bin"), input.bytes());
        } catch (IOException e) {
            System.err.println("cannot keep failing input " + input.describe() + ": " + e);
        }
    }
}
