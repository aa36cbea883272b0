package org.gardpipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.gardpipeline.SiteEdits;
import org.gardpipeline.TestSite;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;

/**
 * The WARC files the tool writes stay readable by other tools: warcio.js (the Webrecorder project's reader,
 * `warcio index`) finds in each of them the records jwarc finds, at the same offsets, with the same types and
 * targets: a fetch by an earlier release and one by this release (its unchanged pages revisits), both packed
 * ({@code gard pack}), and the fetch that follows them. {@code .ci/run} installs warcio under {@code target/tools};
 * without it the test is skipped, except in CI, where it fails.
 */
class WarcioIndexTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path WARCIO = Path.of(System.getenv().getOrDefault("GARD_WARCIO",
            "target/tools/node_modules/.bin/warcio"));

    @TempDir
    Path dir;

    @Test
    void warcioIndexesEveryRecordOfFetchedAndPackedFoldersAsJwarcReadsThem() throws Exception {
        if (!Files.isExecutable(WARCIO)) {
            if ("true".equals(System.getenv("CI"))) {
                fail("warcio is not installed at " + WARCIO + ": CI must check the WARC files with it (.ci/run installs it)");
            }
            Assumptions.assumeTrue(false, "warcio is not installed at " + WARCIO);
        }
        Path raw = dir.resolve("raw");
        Map<String, byte[]> bodies = FetchedFolderPackTest.pages();
        try (TestSite site = new TestSite()) {
            bodies.forEach((path, body) -> site.on(path, (ex, n) -> site.send(ex, 200, "text/html; charset=utf-8", bodies.get(path))));
            FetchedFolderPackTest.fetchAlone(dir, raw, site, bodies, "2024-03-01-fetch");
            String edited = "/diseases/cystinuria";
            bodies.put(edited, SiteEdits.editSummary(new String(bodies.get(edited), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
            Path urls = dir.resolve("urls.txt");
            Files.writeString(urls, String.join("\n", bodies.keySet().stream().map(p -> site.base() + p).toList()) + "\n");
            ok(CommandLineRun.of("fetch", "--urls", urls.toString(), "--out", raw.toString(), "--delay", "5ms", "--retries", "0"));
            ok(CommandLineRun.of("run", "--raw", raw.toString(), "--db", dir.resolve("gard.sqlite").toString(), "--out",
                    dir.resolve("out").toString()));
            ok(CommandLineRun.of("pack", "--raw", raw.toString(), "--db", dir.resolve("gard.sqlite").toString()));
            ok(CommandLineRun.of("fetch", "--urls", urls.toString(), "--out", raw.toString(), "--delay", "5ms", "--retries", "0"));
        }
        List<Path> warcs;
        try (Stream<Path> files = Files.walk(raw)) {
            warcs = files.filter(f -> f.getFileName().toString().endsWith(".warc.gz")).sorted().toList();
        }
        assertEquals(3, warcs.size(), warcs.toString());
        int revisits = 0;
        for (Path warc : warcs) {
            List<String> jwarc = jwarc(warc);
            assertEquals(jwarc, warcio(warc), warc.toString());
            revisits += (int) jwarc.stream().filter(r -> r.contains(" revisit ")).count();
        }
        assertTrue(revisits >= 6, "the packed and the fetched folders hold revisits: " + revisits);
    }

    private static void ok(CommandLineRun r) {
        assertEquals(0, r.exitCode(), r.err());
    }

    /** Each record as "offset type target", as jwarc reads it. */
    private static List<String> jwarc(Path warc) throws IOException {
        List<String> records = new ArrayList<>();
        try (WarcReader reader = new WarcReader(warc)) {
            for (WarcRecord r : reader) {
                records.add(reader.position() + " " + r.type() + " " + r.headers().first("WARC-Target-URI").orElse("-"));
            }
        }
        return records;
    }

    /** Each record as "offset type target", as {@code warcio index} lists it. */
    private static List<String> warcio(Path warc) throws Exception {
        Process p = new ProcessBuilder(WARCIO.toAbsolutePath().toString(), "index", warc.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "warcio index " + warc);
        assertEquals(0, p.exitValue(), "warcio index " + warc);
        List<String> records = new ArrayList<>();
        for (String line : new String(out, StandardCharsets.UTF_8).strip().split("\n")) {
            JsonNode r = JSON.readTree(line);
            records.add(r.path("offset").asLong() + " " + r.path("warc-type").asText("?") + " "
                    + r.path("warc-target-uri").asText("-"));
        }
        return records;
    }
}
