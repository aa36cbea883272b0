package org.gardpipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gardpipeline.FetchSeries;
import org.gardpipeline.Fixtures;
import org.gardpipeline.SiteEdits;
import org.gardpipeline.TestDb;
import org.gardpipeline.TestSite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcRevisit;
import org.netpreserve.jwarc.WarcWriter;
import org.netpreserve.jwarc.Warcinfo;

/**
 * Fetch folders that {@code gard fetch} wrote before revisits of identical payloads (every 200 a full response) are
 * packed in place: each page response whose payload an earlier fetch folder (or the same file) holds becomes an
 * identical-payload-digest revisit under its own record id, so the folder reads back as the same documents, later
 * fetches that refer to it still resolve, and {@code check} reports a revisit whose capture's folder was retired.
 * Fetched for real from a server on 127.0.0.1 serving real GARD pages without validators.
 */
class FetchedFolderPackTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] PAGES = {"gard-2022-series/blount-disease", "gard-2022-series/cystinuria",
            "gard-2022-series/crandall-syndrome"};

    @TempDir
    Path dir;

    private Path raw() {
        return dir.resolve("raw");
    }

    private Path db() {
        return dir.resolve("gard.sqlite");
    }

    /** The site: three real pages, and a fourth URL that serves the first page's bytes (a payload twice in a fetch). */
    static Map<String, byte[]> pages() throws Exception {
        Map<String, byte[]> bodies = new LinkedHashMap<>();
        for (String page : PAGES) {
            bodies.put("/diseases/" + page.substring(page.indexOf('/') + 1), Fixtures.bytes(page));
        }
        bodies.put("/diseases/blount-disease-again", Fixtures.bytes(PAGES[0]));
        return bodies;
    }

    private Path fetchAlone(TestSite site, Map<String, byte[]> bodies, String name) throws Exception {
        return fetchAlone(dir, raw(), site, bodies, name);
    }

    /** A fetch as an earlier release wrote it: into a folder of its own, so that no earlier capture is known. */
    static Path fetchAlone(Path dir, Path raw, TestSite site, Map<String, byte[]> bodies, String name) throws Exception {
        Path urls = dir.resolve("urls.txt");
        Files.writeString(urls, String.join("\n", bodies.keySet().stream().map(p -> site.base() + p).toList()) + "\n");
        Path out = dir.resolve("alone-" + name);
        CommandLineRun fetch = CommandLineRun.of("fetch", "--urls", urls.toString(), "--out", out.toString(),
                "--delay", "5ms", "--retries", "0");
        assertEquals(0, fetch.exitCode(), fetch.err());
        Path fetched;
        try (var children = Files.list(out)) {
            fetched = children.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        Files.createDirectories(raw);
        Path folder = Files.move(fetched, raw.resolve(name));
        asAnEarlierReleaseWroteIt(folder.resolve("pages.warc.gz"));
        return folder;
    }

    /**
     * The fetch's WARC file with the warcinfo record an earlier release wrote: without the field that says the fetch
     * wrote revisits of identical payloads itself (it wrote none), every other record byte for byte.
     */
    private static void asAnEarlierReleaseWroteIt(Path warc) throws Exception {
        long second;
        Warcinfo info;
        try (WarcReader reader = new WarcReader(warc)) {
            info = (Warcinfo) reader.next().orElseThrow();
            Map<String, List<String>> fields = new LinkedHashMap<>(info.fields().map());
            assertNotNull(fields.remove("revisits"), "this release's fetcher says it wrote revisits");
            info = new Warcinfo.Builder().date(info.date()).filename("pages.warc.gz").fields(fields).build();
            second = reader.next().orElseThrow().position();
        }
        byte[] all = Files.readAllBytes(warc);
        java.io.ByteArrayOutputStream rewritten = new java.io.ByteArrayOutputStream();
        try (WarcWriter w = new WarcWriter(java.nio.channels.Channels.newChannel(rewritten), WarcCompression.GZIP)) {
            w.write(info);
        }
        rewritten.write(all, (int) second, all.length - (int) second);
        Files.write(warc, rewritten.toByteArray());
    }

    private static CommandLineRun ok(CommandLineRun r) {
        assertEquals(0, r.exitCode(), r.err());
        return r;
    }

    private CommandLineRun run(String... more) {
        List<String> args = new ArrayList<>(List.of("run", "--raw", raw().toString(), "--db", db().toString(), "--out",
                dir.resolve("out").toString()));
        args.addAll(List.of(more));
        return CommandLineRun.of(args.toArray(String[]::new));
    }

    /** The revisit records of a WARC file, by target URI, each with the HTTP status it keeps. */
    private static Map<String, WarcRevisit> revisits(Path warc, Map<String, Integer> statuses) throws Exception {
        Map<String, WarcRevisit> found = new HashMap<>();
        try (WarcReader reader = new WarcReader(warc)) {
            for (WarcRecord r : reader) {
                if (r instanceof WarcRevisit v) {
                    found.put(v.target(), v);
                    statuses.put(v.target(), v.http().status());
                }
            }
        }
        return found;
    }

    private static int responses(Path warc) throws Exception {
        int n = 0;
        try (WarcReader reader = new WarcReader(warc)) {
            for (WarcRecord r : reader) {
                n += r instanceof WarcResponse ? 1 : 0;
            }
        }
        return n;
    }

    @Test
    void aFetchedFolderOfAnEarlierReleasePacksItsRepeatedPayloadsIntoRevisitsAndReadsBackTheSame() throws Exception {
        Map<String, byte[]> bodies = pages();
        String edited;
        Path first;
        Path second;
        try (TestSite site = new TestSite()) {
            bodies.forEach((path, body) -> site.on(path, (ex, n) -> site.send(ex, 200, "text/html; charset=utf-8", bodies.get(path))));
            first = fetchAlone(site, bodies, "2024-03-01-fetch");
            edited = "/diseases/cystinuria";
            bodies.put(edited, SiteEdits.editSummary(new String(bodies.get(edited), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
            second = fetchAlone(site, bodies, "2024-03-02-fetch");
        }
        assertEquals(4, responses(second.resolve("pages.warc.gz")), "an earlier release's fetch: every page a response");
        ok(run());
        String before = TestDb.stableDump(db());
        long bytesBefore = FetchSeries.bytes(second);
        Map<String, String> recordIds = new HashMap<>();
        for (JsonNode e : JSON.readTree(second.resolve("manifest.json").toFile()).get("pages")) {
            recordIds.put(e.get("url").asText(), e.get("warc_record_id").asText());
        }

        CommandLineRun pack = ok(CommandLineRun.of("pack", "--raw", raw().toString(), "--db", db().toString()));
        // the first fetch holds one payload twice; the second, three pages unchanged since the first
        assertTrue(pack.err().contains("packed 2024-03-01-fetch: 4 documents, 1 of them revisits"), pack.err());
        assertTrue(pack.err().contains("packed 2024-03-02-fetch: 4 documents, 3 of them revisits"), pack.err());
        Map<String, Integer> statuses = new HashMap<>();
        Map<String, WarcRevisit> packed = revisits(second.resolve("pages.warc.gz"), statuses);
        assertEquals(3, packed.size(), packed.keySet().toString());
        assertEquals(1, responses(second.resolve("pages.warc.gz")), "the edited page stays a response");
        for (WarcRevisit v : packed.values()) {
            assertEquals("http://netpreserve.org/warc/1.1/revisit/identical-payload-digest", v.profile().toString());
            assertEquals(recordIds.get(v.target()), v.id().toString(), "the revisit keeps the response's record id");
            assertEquals("../2024-03-01-fetch/pages.warc.gz", v.headers().first("WARC-Refers-To-Filename").orElse(null));
            assertNotNull(v.refersTo().orElse(null));
            assertTrue(v.payloadDigest().isPresent());
            assertEquals(200, statuses.get(v.target()), "the response's status line and headers are kept");
        }
        // three of its four pages became revisits of a few hundred bytes: the edited one's response is most of what is left
        assertTrue(FetchSeries.bytes(second) * 2 < bytesBefore, FetchSeries.bytes(second) + " of " + bytesBefore);
        WarcRevisit within = revisits(first.resolve("pages.warc.gz"), statuses).values().iterator().next();
        assertEquals("pages.warc.gz", within.headers().first("WARC-Refers-To-Filename").orElse(null), "a revisit within the file");

        // nothing new for the run, the same history, and a new database from the packed folders gives the same rows
        CommandLineRun again = ok(run());
        assertTrue(again.err().contains("nothing new"), again.err());
        assertEquals(before, TestDb.stableDump(db()));
        Path fresh = dir.resolve("fresh.sqlite");
        ok(CommandLineRun.of("run", "--raw", raw().toString(), "--db", fresh.toString(), "--out", dir.resolve("out2").toString()));
        assertEquals(before, TestDb.stableDump(fresh));
        CommandLineRun twice = ok(CommandLineRun.of("pack", "--raw", raw().toString(), "--db", db().toString()));
        assertTrue(twice.err().contains("2024-03-02-fetch: packed already"), twice.err());
        ok(CommandLineRun.of("check", "--db", db().toString(), "--raw", raw().toString()));
    }

    /**
     * A fetch of this release after the pack refers to the packed folder's record ids, now revisits themselves: they are
     * followed to the capture. {@code run --fetch --pack} packs what it fetched. Retiring the first folder while the
     * others refer to it is what {@code check} reports, one line per revisit, exit 1.
     */
    @Test
    void laterFetchesStillResolveThroughAPackedFolderAndCheckReportsARetiredOne() throws Exception {
        Map<String, byte[]> bodies = pages();
        try (TestSite site = new TestSite()) {
            bodies.forEach((path, body) -> site.on(path, (ex, n) -> site.send(ex, 200, "text/html; charset=utf-8", bodies.get(path))));
            fetchAlone(site, bodies, "2024-03-01-fetch");
            fetchAlone(site, bodies, "2024-03-02-fetch");
            ok(run());
            ok(CommandLineRun.of("pack", "--raw", raw().toString(), "--db", db().toString()));
            Path urls = dir.resolve("urls.txt");
            CommandLineRun third = ok(run("--fetch", "--urls", urls.toString(), "--delay", "5ms", "--retries", "0", "--pack"));
            // this release's fetch wrote its revisits itself: the pack leaves it as it is, reading no earlier fetch
            assertTrue(!third.err().contains("packed 20"), third.err());
            CommandLineRun pack = ok(CommandLineRun.of("pack", "--raw", raw().toString(), "--db", db().toString()));
            assertTrue(pack.err().matches("(?s).*\\d{4}-\\d{2}-\\d{2}-fetch: revisits written when fetched: left as it is.*"),
                    pack.err());
        }
        assertEquals(0, TestDb.count(db(), "SELECT count(*) FROM document WHERE quarantine_reason IS NOT NULL"));
        assertEquals(0, TestDb.count(db(), "SELECT count(*) FROM answer_changes WHERE change <> 'added'"));
        assertEquals(3, TestDb.count(db(), "SELECT count(*) FROM fetch"));
        ok(CommandLineRun.of("check", "--db", db().toString(), "--raw", raw().toString()));

        Files.move(raw().resolve("2024-03-01-fetch"), dir.resolve("retired"), StandardCopyOption.ATOMIC_MOVE);
        CommandLineRun check = CommandLineRun.of("check", "--db", db().toString(), "--raw", raw().toString());
        assertEquals(1, check.exitCode(), check.err());
        List<String> lines = check.err().lines().filter(l -> l.startsWith("violation: archive: revisit of ")).toList();
        // the second fetch's 4 (its pages were the first's), and the third's 4, through the second's revisits
        assertEquals(8, lines.size(), check.err());
        assertTrue(lines.stream().allMatch(l -> l.endsWith("2024-03-01-fetch/pages.warc.gz, which is missing")), check.err());
        assertEquals(4, lines.stream().filter(l -> l.contains("-fetch/pages.warc.gz, through the revisit in ")).count(), check.err());
    }
}
