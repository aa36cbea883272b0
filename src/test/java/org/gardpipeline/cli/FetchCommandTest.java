package org.gardpipeline.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.gardpipeline.FetchSeries;
import org.gardpipeline.Gard2022Site;
import org.gardpipeline.TestDb;
import org.gardpipeline.TestSite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcRevisit;

class FetchCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path raw() {
        return dir.resolve("raw");
    }

    /** gard fetch with test-sized politeness: 50 ms between requests, short backoff. */
    private CommandLineRun fetch(TestSite site, String... more) {
        Map<String, String> options = new java.util.LinkedHashMap<>(Map.of("--base-url", site.base(), "--out",
                raw().toString(), "--delay", "50ms", "--backoff", "50ms", "--retries", "2", "--read-timeout", "3s",
                "--connect-timeout", "2s", "--contact", "mailto:test@example.org"));
        for (int i = 0; i + 1 < more.length; i += 2) {
            options.put(more[i], more[i + 1]);
        }
        List<String> args = new ArrayList<>(List.of("fetch"));
        options.forEach((k, v) -> {
            args.add(k);
            args.add(v);
        });
        return CommandLineRun.of(args.toArray(String[]::new));
    }

    private static Path onlyFetchFolder(Path raw, String name) {
        Path folder = raw.resolve(name);
        assertTrue(Files.isDirectory(folder), "no folder " + folder);
        return folder;
    }

    private static String today() {
        return java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
    }

    private static JsonNode manifest(Path folder) throws IOException {
        return JSON.readTree(folder.resolve("manifest.json").toFile());
    }

    private static Map<String, JsonNode> entriesByAsked(JsonNode manifest) {
        Map<String, JsonNode> byAsked = new HashMap<>();
        manifest.get("pages").forEach(p -> byAsked.put(p.get("asked").asText(), p));
        return byAsked;
    }

    private static Set<String> filesUnder(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    @Test
    void fiftyIdsBecomeAWarcThatJwarcReadsBackAndThatIngestsLikeTheFolderOfThePages() throws Exception {
        List<Gard2022Site.Page> pages = Gard2022Site.pages();
        assertEquals(50, pages.size());
        try (TestSite site = new TestSite()) {
            Gard2022Site.serve(site, pages);
            String ids = pages.stream().map(Gard2022Site.Page::id).collect(Collectors.joining(","));
            CommandLineRun r = fetch(site, "--ids", ids, "--concurrency", "4", "--delay", "5ms");
            assertEquals(0, r.exitCode(), r.err());
            Path folder = onlyFetchFolder(raw(), today() + "-fetch");
            assertEquals(Set.of("pages.warc.gz", "manifest.json", "fetch.properties"), filesUnder(folder));
            assertTrue(Files.readString(folder.resolve("fetch.properties")).contains("fetched_at=" + today()));

            // every request carried our User-Agent, asked for gzip; robots.txt was asked once
            for (TestSite.Request q : site.requests()) {
                assertTrue(q.header("User-Agent").matches("gard-pipeline/\\S+ \\(\\+mailto:test@example.org\\)"), q.header("User-Agent"));
                assertEquals("gzip", q.header("Accept-Encoding"));
            }
            assertEquals(1, site.requests("/robots.txt").size(), r.err());

            // round trip: each 200 response record holds the exact bytes sent (gzip ones still compressed)
            Map<String, Gard2022Site.Page> byPath = new HashMap<>();
            pages.forEach(p -> byPath.put(p.path(), p));
            int responses = 0;
            int requests = 0;
            int gzipped = 0;
            try (WarcReader reader = new WarcReader(folder.resolve("pages.warc.gz"))) {
                for (WarcRecord record : reader) {
                    if (record instanceof WarcRequest) {
                        requests++;
                    }
                    if (record instanceof WarcResponse response) {
                        org.netpreserve.jwarc.HttpResponse http = response.http();
                        if (http.status() != 200) {
                            continue;
                        }
                        String path = response.targetURI().getRawPath();
                        Gard2022Site.Page page = byPath.get(path);
                        assertNotNull(page, path);
                        byte[] payload = http.body().stream().readAllBytes();
                        assertArrayEquals(site.sent(path), payload, path);
                        boolean gzip = http.headers().first("Content-Encoding").isPresent();
                        byte[] decoded = gzip ? new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(payload))
                                .readAllBytes() : payload;
                        assertArrayEquals(page.bytes(), decoded, path);
                        gzipped += gzip ? 1 : 0;
                        responses++;
                    }
                }
            }
            assertEquals(50, responses);
            assertEquals(100, requests, "a request record for each redirect and each page");
            assertTrue(gzipped > 5 && gzipped < 45, "some pages came gzip-compressed: " + gzipped);

            JsonNode manifest = manifest(folder);
            assertEquals(50, manifest.get("pages").size());
            for (JsonNode e : manifest.get("pages")) {
                assertEquals("fetched", e.get("outcome").asText());
                assertEquals(200, e.get("status").asInt());
                String path = java.net.URI.create(e.get("url").asText()).getRawPath();
                assertEquals(TestSite.sha256(byPath.get(path).bytes()), e.get("sha256").asText());
                assertEquals(1, e.get("redirects").size());
                assertNotNull(e.get("etag"));
            }

            // the WARC ingests to the same documents as the folder of the same pages
            Path warcDb = dir.resolve("warc.sqlite");
            CommandLineRun ingest = CommandLineRun.of("ingest", folder.toString(), "--db", warcDb.toString());
            assertTrue(ingest.exitCode() == 0 || ingest.exitCode() == 3, ingest.err());
            for (Gard2022Site.Page p : pages) {
                FetchSeries.fetch(dir.resolve("folder"), "2022-06-01", p.slug() + ".html", p.bytes());
            }
            Path folderDb = dir.resolve("folder.sqlite");
            CommandLineRun ingestFolder = CommandLineRun.of("ingest", dir.resolve("folder/2022-06-01").toString(),
                    "--db", folderDb.toString());
            assertEquals(ingestFolder.exitCode(), ingest.exitCode(), ingest.err());
            assertEquals(documentsBySlug(folderDb), documentsBySlug(warcDb));
        }
    }

    /** slug -> sha256 and parse outcome (format or quarantine reason), of every document ingested. */
    private static Map<String, String> documentsBySlug(Path db) {
        Map<String, String> docs = new TreeMap<>();
        for (Map<String, Object> row : TestDb.rows(db, "SELECT path, sha256, format, quarantine_reason FROM document")) {
            String path = (String) row.get("path");
            String slug = path.substring(path.lastIndexOf('/') + 1).replaceAll("\\.html$", "");
            docs.put(slug, row.get("sha256") + " " + row.get("format") + " " + row.get("quarantine_reason"));
        }
        assertEquals(50, docs.size());
        return docs;
    }

    @Test
    void faultsEndAsRetriesThatSucceededOrManifestEntriesWithTheReason() throws Exception {
        byte[] answer = FetchSeries.answerText().getBytes(StandardCharsets.UTF_8);
        byte[] page2022 = Gard2022Site.pages().get(0).bytes();
        // an earlier fetch held the answer: a later failed fetch of it must not remove it
        FetchSeries.fetch(raw(), "2000-01-01-before", "caudal-regression-sequence.txt", answer);
        try (TestSite site = new TestSite()) {
            site.on("/diseases/1", (ex, n) -> {
                if (n == 1) {
                    site.send(ex, 500, "text/plain", "oops".getBytes(StandardCharsets.UTF_8));
                } else {
                    site.send(ex, 200, "text/plain; charset=utf-8", answer);
                }
            });
            site.on("/diseases/2", (ex, n) -> {
                if (n == 1) {
                    ex.getResponseHeaders().set("Retry-After", "1");
                    site.send(ex, 429, "text/plain", "slow down".getBytes(StandardCharsets.UTF_8));
                } else {
                    site.send(ex, 200, "text/html; charset=utf-8", page2022);
                }
            });
            site.on("/diseases/3", (ex, n) -> { // connection dropped mid-body, every time
                ex.getResponseHeaders().set("Content-Type", "text/html");
                ex.sendResponseHeaders(200, 100_000);
                OutputStream out = ex.getResponseBody();
                out.write(page2022, 0, 1000);
                out.flush();
                // returning now closes the exchange with 99,000 bytes unsent: the server drops the connection
            });
            site.on("/diseases/4", (ex, n) -> site.send(ex, 200, "text/html", new byte[300_000]));
            site.on("/diseases/5", (ex, n) -> TestSite.redirect(ex, 302, "http://localhost:" + site.port() + "/diseases/1"));
            site.on("/diseases/7", (ex, n) -> { // headers, then a body that never finishes
                ex.getResponseHeaders().set("Content-Type", "text/html");
                ex.sendResponseHeaders(200, 100_000);
                OutputStream out = ex.getResponseBody();
                out.write(page2022, 0, 100);
                out.flush();
                Thread.sleep(20_000);
            });
            long started = System.nanoTime();
            CommandLineRun r = fetch(site, "--ids", "1,2,3,4,5,6,7", "--max-body", "200000", "--read-timeout", "500ms");
            double seconds = (System.nanoTime() - started) / 1e9;
            assertEquals(3, r.exitCode(), r.err());
            assertTrue(seconds < 20, "took " + seconds + " s");

            Path folder = onlyFetchFolder(raw(), today() + "-fetch");
            Map<String, JsonNode> e = entriesByAsked(manifest(folder));
            String b = site.base() + "/diseases/";
            assertEquals("fetched", e.get(b + "1").get("outcome").asText());
            assertEquals(1, e.get(b + "1").get("retries").asInt());
            assertEquals("fetched", e.get(b + "2").get("outcome").asText());
            assertEquals(1, e.get(b + "2").get("retries").asInt());
            List<TestSite.Request> twice = site.requests("/diseases/2");
            assertEquals(2, twice.size());
            long waitedMs = (twice.get(1).nanos() - twice.get(0).nanos()) / 1_000_000;
            assertTrue(waitedMs >= 950, "Retry-After: 1 honoured, waited " + waitedMs + " ms");

            assertFailed(e.get(b + "3"), "connection error");
            assertEquals(3, site.requests("/diseases/3").size(), "a dropped connection is retried");
            assertFailed(e.get(b + "4"), "larger than the limit of 200000 bytes");
            assertEquals(1, site.requests("/diseases/4").size(), "a body too large is not retried");
            assertFailed(e.get(b + "5"), "redirect to a host not allowed: http://localhost:");
            assertFailed(e.get(b + "6"), "HTTP 404");
            assertEquals(404, e.get(b + "6").get("status").asInt());
            assertFailed(e.get(b + "7"), "read timed out");
            for (String failed : List.of("3", "4", "5", "6", "7")) {
                assertTrue(r.err().contains("failed: " + b + failed + ": "), r.err());
            }

            // ingest: the failed pages are no documents, and nothing is removed
            Path db = dir.resolve("out/gard.sqlite");
            CommandLineRun run = CommandLineRun.of("run", "--raw", raw().toString(), "--db", db.toString(),
                    "--out", dir.resolve("out").toString());
            assertEquals(0, run.exitCode(), run.err());
            assertEquals(0, TestDb.count(db, "SELECT count(*) FROM answer_changes WHERE change = 'removed'"));
            assertEquals(2, TestDb.count(db, "SELECT count(*) FROM document d JOIN fetch f USING (fetch_id) "
                    + "WHERE f.label = 'fetch'"));
            assertTrue(TestDb.count(db, "SELECT count(*) FROM current_answers") >= 3);
        }
    }

    /**
     * Redirects: followed to a host given with --allow-host (each hop in the manifest), stopped after five;
     * a deflate body is decoded before it is hashed and ingested.
     */
    @Test
    void redirectsWithinAllowedHostsAreFollowedUpToFiveAndDeflateBodiesDecoded() throws Exception {
        byte[] answer = FetchSeries.answerText().getBytes(StandardCharsets.UTF_8);
        try (TestSite site = new TestSite()) {
            String other = "http://localhost:" + site.port();
            site.on("/diseases/1", (ex, n) -> TestSite.redirect(ex, 301, other + "/diseases/1/caudal-regression-sequence"));
            site.on("/diseases/1/caudal-regression-sequence", (ex, n) -> {
                ex.getResponseHeaders().set("Content-Encoding", "deflate");
                java.io.ByteArrayOutputStream deflated = new java.io.ByteArrayOutputStream();
                try (java.util.zip.DeflaterOutputStream out = new java.util.zip.DeflaterOutputStream(deflated)) {
                    out.write(answer);
                }
                site.send(ex, 200, "text/plain; charset=utf-8", deflated.toByteArray());
            });
            site.on("/diseases/2", (ex, n) -> TestSite.redirect(ex, 302, "/loop/1"));
            for (int i = 1; i <= 10; i++) {
                int next = i + 1;
                site.on("/loop/" + i, (ex, n) -> TestSite.redirect(ex, 302, "/loop/" + next));
            }
            CommandLineRun r = fetch(site, "--ids", "1,2", "--allow-host", "localhost");
            assertEquals(3, r.exitCode(), r.err());

            Map<String, JsonNode> e = entriesByAsked(manifest(onlyFetchFolder(raw(), today() + "-fetch")));
            JsonNode followed = e.get(site.base() + "/diseases/1");
            assertEquals("fetched", followed.get("outcome").asText(), followed.toString());
            assertEquals(other + "/diseases/1/caudal-regression-sequence", followed.get("url").asText());
            assertEquals(List.of(other + "/diseases/1/caudal-regression-sequence"),
                    JSON.convertValue(followed.get("redirects"), List.class));
            assertEquals(TestSite.sha256(answer), followed.get("sha256").asText(), "hash of the decoded body");
            assertFailed(e.get(site.base() + "/diseases/2"), "more than 5 redirects");
            assertEquals(List.of(1, 1, 1, 1, 1), java.util.stream.IntStream.rangeClosed(1, 5)
                    .mapToObj(i -> site.requests("/loop/" + i).size()).toList());
            assertEquals(0, site.requests("/loop/6").size(), "the sixth redirect is not followed");

            Path db = dir.resolve("gard.sqlite");
            CommandLineRun run = CommandLineRun.of("ingest", onlyFetchFolder(raw(), today() + "-fetch").toString(),
                    "--db", db.toString());
            assertEquals(0, run.exitCode(), run.err());
            assertEquals(3, TestDb.count(db, "SELECT count(*) FROM current_answers"));
        }
    }

    private static void assertFailed(JsonNode entry, String reason) {
        assertEquals("failed", entry.get("outcome").asText(), entry.toString());
        assertTrue(entry.get("failure").asText().contains(reason), entry.toString());
        assertNull(entry.get("sha256"));
    }

    @Test
    void aSecondFetchAnswered304RecordsUnchangedAndMakesNoNewVersions() throws Exception {
        byte[] answer = FetchSeries.answerText().getBytes(StandardCharsets.UTF_8);
        List<Gard2022Site.Page> pages = Gard2022Site.pages().subList(0, 3);
        try (TestSite site = new TestSite()) {
            Gard2022Site.serve(site, pages);
            site.on("/diseases/99", (ex, n) -> {
                ex.getResponseHeaders().set("Last-Modified", "Tue, 01 Mar 2022 10:00:00 GMT");
                if ("Tue, 01 Mar 2022 10:00:00 GMT".equals(ex.getRequestHeaders().getFirst("If-Modified-Since"))) {
                    site.send(ex, 304, null, new byte[0]);
                } else {
                    site.sendMaybeGzip(ex, "text/plain; charset=utf-8", answer);
                }
            });
            String ids = "99," + pages.stream().map(Gard2022Site.Page::id).collect(Collectors.joining(","));
            assertEquals(0, fetch(site, "--ids", ids).exitCode());
            Path db = dir.resolve("out/gard.sqlite");
            String[] run = {"run", "--raw", raw().toString(), "--db", db.toString(), "--out", dir.resolve("out").toString()};
            CommandLineRun first = CommandLineRun.of(run);
            assertEquals(0, first.exitCode(), first.err());
            long versions = TestDb.count(db, "SELECT count(*) FROM answer_versions");
            assertTrue(versions > 3, first.out() + first.err());

            CommandLineRun second = fetch(site, "--ids", ids);
            assertEquals(0, second.exitCode(), second.err());
            Path folder = onlyFetchFolder(raw(), today() + "-fetch-2");
            for (JsonNode e : manifest(folder).get("pages")) {
                assertEquals("unchanged", e.get("outcome").asText(), e.toString());
                assertEquals(304, e.get("status").asInt());
                assertEquals(today() + "-fetch", e.get("capture_fetch").asText());
            }
            assertEquals("Tue, 01 Mar 2022 10:00:00 GMT",
                    site.requests("/diseases/99").get(1).header("If-Modified-Since"));
            int revisits = 0;
            try (WarcReader reader = new WarcReader(folder.resolve("pages.warc.gz"))) {
                for (WarcRecord record : reader) {
                    assertTrue(!(record instanceof WarcResponse response) || response.http().status() != 200);
                    if (record instanceof WarcRevisit) {
                        revisits++;
                    }
                }
            }
            assertEquals(4, revisits);

            CommandLineRun again = CommandLineRun.of(run);
            assertEquals(0, again.exitCode(), again.out() + again.err());
            assertEquals(versions, TestDb.count(db, "SELECT count(*) FROM answer_versions"), "no new versions");
            assertEquals(4, TestDb.count(db, "SELECT reused FROM fetches WHERE label = 'fetch-2'"),
                    "the unchanged pages take no parse time: their earlier parse stands for them");
            assertEquals(0, TestDb.count(db, "SELECT count(*) FROM answer_changes c JOIN fetch f USING (fetch_id) "
                    + "WHERE f.label = 'fetch-2'"));
            // the unchanged pages are carried forward: the same documents, with the same hashes
            assertEquals(TestDb.rows(db, "SELECT path, sha256 FROM document d JOIN fetch f USING (fetch_id) "
                            + "WHERE f.label = 'fetch' ORDER BY path"),
                    TestDb.rows(db, "SELECT path, sha256 FROM document d JOIN fetch f USING (fetch_id) "
                            + "WHERE f.label = 'fetch-2' ORDER BY path"));
        }
    }

    @Test
    void theRequestRateNeverExceedsTheLimit() throws Exception {
        List<Gard2022Site.Page> pages = Gard2022Site.pages().subList(0, 12);
        try (TestSite site = new TestSite()) {
            for (Gard2022Site.Page p : pages) {
                site.on("/diseases/" + p.id(), (ex, n) -> {
                    Thread.sleep(30); // slow enough that two requests overlap
                    site.send(ex, 200, "text/html", p.bytes());
                });
            }
            String ids = pages.stream().map(Gard2022Site.Page::id).collect(Collectors.joining(","));
            CommandLineRun r = fetch(site, "--ids", ids, "--concurrency", "2", "--delay", "100ms");
            assertEquals(0, r.exitCode(), r.err());
            List<TestSite.Request> requests = site.requests();
            assertEquals(13, requests.size()); // robots.txt and the pages
            long minGapMs = Long.MAX_VALUE;
            for (int i = 1; i < requests.size(); i++) {
                minGapMs = Math.min(minGapMs, (requests.get(i).nanos() - requests.get(i - 1).nanos()) / 1_000_000);
            }
            long t0 = requests.get(0).nanos();
            String timeline = requests.stream().map(q -> (q.nanos() - t0) / 1_000_000 + "ms " + q.path())
                    .collect(Collectors.joining(", "));
            assertTrue(minGapMs >= 100 - 25, "requests to one host at least 100 ms apart (less a little), got "
                    + minGapMs + ": " + timeline);
            assertTrue(site.maxInFlight() <= 2, "in flight: " + site.maxInFlight());
        }
    }

    @Test
    void robotsTxtIsHonoured() throws Exception {
        byte[] page = Gard2022Site.pages().get(0).bytes();
        try (TestSite site = new TestSite()) {
            site.on("/robots.txt", (ex, n) -> site.send(ex, 200, "text/plain",
                    ("User-agent: *\nDisallow: /diseases/2\n\nUser-agent: other\nDisallow: /\n").getBytes(StandardCharsets.UTF_8)));
            site.on("/diseases/1", (ex, n) -> site.send(ex, 200, "text/html", page));
            site.on("/diseases/2", (ex, n) -> site.send(ex, 200, "text/html", page));
            CommandLineRun r = fetch(site, "--ids", "1,2");
            assertEquals(3, r.exitCode(), r.err());
            assertTrue(r.err().contains("disallowed by robots.txt"), r.err());
            assertEquals(0, site.requests("/diseases/2").size());
            assertEquals(1, site.requests("/diseases/1").size());
        }
    }

    @Test
    void noUrlCanMakeTheFetcherWriteOutsideItsFolder() throws Exception {
        try (TestSite site = new TestSite()) {
            site.on("/x", (ex, n) -> site.send(ex, 200, "text/html", "<html>x</html>".getBytes(StandardCharsets.UTF_8)));
            Path urls = dir.resolve("urls.txt");
            Files.writeString(urls, "# hostile\n../../x\n" + site.base() + "/../../x\n" + site.base()
                    + "/diseases/%2e%2e%2f%2e%2e%2fx\n" + site.base() + "/..%2f..%2fx?y=../../z\n");
            Set<String> before = filesUnder(dir);
            CommandLineRun r = fetch(site, "--urls", urls.toString());
            assertTrue(r.exitCode() == 0 || r.exitCode() == 3, r.err());
            Set<String> after = filesUnder(dir);
            after.removeAll(before);
            String folder = "raw/" + today() + "-fetch/";
            assertEquals(Set.of(folder + "pages.warc.gz", folder + "manifest.json", folder + "fetch.properties"), after);
        }
    }

    /** fetch.properties reads back exactly, whatever the --urls file is called (a line break, '#', non-ASCII). */
    @Test
    void theSourceInFetchPropertiesReadsBackExactly() throws Exception {
        try (TestSite site = new TestSite()) {
            site.on("/a", (ex, n) -> site.send(ex, 200, "text/plain", FetchSeries.answerText().getBytes(StandardCharsets.UTF_8)));
            String name = "liste\r des pages #1: ü=ok!.txt";
            Path urls = Files.writeString(dir.resolve(name), site.base() + "/a\n");
            assertEquals(0, fetch(site, "--urls", urls.toString()).exitCode());
            org.gardpipeline.model.Fetch read = org.gardpipeline.ingest.FetchSource.open(
                    onlyFetchFolder(raw(), today() + "-fetch"), org.gardpipeline.ingest.FetchSource.Overrides.NONE).fetch("");
            assertEquals("gard fetch --urls " + name, read.source());
            assertEquals(false, read.complete());
            assertTrue(read.fetchedAt().startsWith(today() + "T"), read.fetchedAt());
        }
    }

    @Test
    void runWithFetchFetchesIngestsAndExports() throws Exception {
        byte[] answer = FetchSeries.answerText().getBytes(StandardCharsets.UTF_8);
        try (TestSite site = new TestSite()) {
            site.on("/sitemap.xml", (ex, n) -> site.send(ex, 200, "application/xml", ("<?xml version=\"1.0\"?>"
                    + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><url><loc>" + site.base()
                    + "/diseases/6007/caudal-regression-sequence</loc></url></urlset>").getBytes(StandardCharsets.UTF_8)));
            site.on("/diseases/6007/caudal-regression-sequence", (ex, n) -> site.sendMaybeGzip(ex, "text/plain", answer));
            Path db = dir.resolve("out/gard.sqlite");
            CommandLineRun r = CommandLineRun.of("run", "--fetch", "--sitemap", site.base() + "/sitemap.xml",
                    "--delay", "50ms", "--raw", raw().toString(), "--db", db.toString(), "--out", dir.resolve("out").toString());
            assertEquals(0, r.exitCode(), r.out() + r.err());
            assertTrue(r.err().contains("fetched 1 pages into"), r.err());
            assertTrue(r.err().contains("(fetch): 1 documents, 1 parsed, 0 quarantined; 3 added"), r.err());
            assertTrue(Files.readString(dir.resolve("out/answers.csv")).contains("Caudal regression sequence"));

            site.on("/diseases/6007/caudal-regression-sequence", (ex, n) -> site.send(ex, 503, "text/plain", new byte[0]));
            CommandLineRun failing = CommandLineRun.of("run", "--fetch", "--sitemap", site.base() + "/sitemap.xml",
                    "--delay", "50ms", "--backoff", "10ms", "--retries", "1", "--raw", raw().toString(),
                    "--db", db.toString(), "--out", dir.resolve("out").toString());
            assertEquals(3, failing.exitCode(), failing.out() + failing.err());
            assertTrue(failing.err().contains("HTTP 503 (after 2 attempts)"), failing.err());
            assertEquals(0, TestDb.count(db, "SELECT count(*) FROM answer_changes WHERE change = 'removed'"));
        }
        assertEquals(2, CommandLineRun.of("run", "--ids", "1", "--raw", raw().toString()).exitCode(), "--ids needs --fetch");
    }

    @Test
    void usageErrors() {
        // no page option is the whole site by GARD's list; none on this port: exit 1, nothing written
        CommandLineRun noList = CommandLineRun.of("fetch", "--out", dir.resolve("raw").toString(), "--base-url",
                "http://127.0.0.1:1", "--retries", "0");
        assertEquals(1, noList.exitCode(), noList.err());
        assertTrue(!Files.exists(dir.resolve("raw")), "nothing written");
        CommandLineRun badId = CommandLineRun.of("fetch", "--ids", "12a", "--out", dir.toString());
        assertEquals(2, badId.exitCode());
        assertTrue(badId.err().contains("not a GARD id: '12a'"), badId.err());
        CommandLineRun both = CommandLineRun.of("fetch", "--ids", "1", "--sitemap", "http://127.0.0.1:1/s.xml");
        assertEquals(2, both.exitCode());
        assertEquals(2, CommandLineRun.of("fetch", "--ids", "1", "--delay", "soon").exitCode());
        assertEquals(0, CommandLineRun.of("fetch", "--help").exitCode());
    }

}
