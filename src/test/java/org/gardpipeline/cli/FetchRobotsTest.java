package org.gardpipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.gardpipeline.FetchSeries;
import org.gardpipeline.TestSite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * robots.txt as real sites write it, served from 127.0.0.1 and read by {@code gard fetch}: which pages are asked
 * for and which are refused, what the manifest says, and how far apart the requests come.
 */
class FetchRobotsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] PAGE = FetchSeries.answerText().getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    /** A site serving robots.txt and a page at each of the paths. */
    private static TestSite site(String robotsTxt, String... paths) {
        TestSite site = new TestSite();
        site.on("/robots.txt", (ex, n) -> site.send(ex, 200, "text/plain", robotsTxt.getBytes(StandardCharsets.UTF_8)));
        for (String path : paths) {
            site.on(path, (ex, n) -> site.send(ex, 200, "text/plain; charset=utf-8", PAGE));
        }
        return site;
    }

    /** gard fetch --urls over the paths (with their queries), 50 ms apart unless robots.txt asks for more. */
    private JsonNode fetch(TestSite site, String... pathsAndQueries) throws IOException {
        StringBuilder urls = new StringBuilder();
        for (String p : pathsAndQueries) {
            urls.append(site.base()).append(p).append('\n');
        }
        Path file = Files.writeString(dir.resolve("urls.txt"), urls);
        CommandLineRun r = CommandLineRun.of("fetch", "--urls", file.toString(), "--out", dir.resolve("raw").toString(),
                "--delay", "50ms", "--backoff", "10ms", "--retries", "1", "--read-timeout", "3s");
        assertTrue(r.exitCode() == 0 || r.exitCode() == 3, r.err());
        try (var folders = Files.list(dir.resolve("raw"))) {
            List<Path> all = folders.toList();
            assertEquals(1, all.size(), all.toString());
            return JSON.readTree(all.get(0).resolve("manifest.json").toFile());
        }
    }

    /** path and query asked -> "fetched" or the failure. */
    private static Map<String, String> outcomes(TestSite site, JsonNode manifest) {
        Map<String, String> outcomes = new TreeMap<>();
        for (JsonNode e : manifest.get("pages")) {
            String asked = e.get("asked").asText().substring(site.base().length());
            outcomes.put(asked, e.get("outcome").asText().equals("fetched") ? "fetched" : e.get("failure").asText()
                    .replace(site.base(), ""));
        }
        return outcomes;
    }

    private static Map<String, String> expected(String... pairs) {
        Map<String, String> m = new TreeMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }

    private static final String REFUSED = "disallowed by robots.txt: ";

    @Test
    void wildcardsAndTheEndAnchorMatchAsGoogleAndRfc9309Say() throws Exception {
        String txt = "User-agent: *\n"
                + "Disallow: /*.pdf$\n"        // a .pdf path, but not with a query after it
                + "Disallow: /search\n"
                + "Allow: /search/help$\n"     // only that page, not what is under it
                + "Disallow: /*/print\n";      // * in the middle
        try (TestSite site = site(txt, "/files/a.pdf", "/search", "/search/help", "/search/help/more",
                "/diseases/1/print", "/diseases/1")) {
            JsonNode manifest = fetch(site, "/files/a.pdf", "/files/a.pdf?x=1", "/search?q=x", "/search/help",
                    "/search/help/more", "/diseases/1/print", "/diseases/1");
            assertEquals(expected(
                    "/files/a.pdf", REFUSED + "/files/a.pdf",
                    "/files/a.pdf?x=1", "fetched",
                    "/search?q=x", REFUSED + "/search?q=x",
                    "/search/help", "fetched",
                    "/search/help/more", REFUSED + "/search/help/more",
                    "/diseases/1/print", REFUSED + "/diseases/1/print",
                    "/diseases/1", "fetched"), outcomes(site, manifest));
            assertEquals(1, site.requests("/files/a.pdf").size(), "only the one with a query");
            assertEquals(List.of(), site.requests("/search"));
            assertEquals(List.of(), site.requests("/search/help/more"));
            assertEquals(List.of(), site.requests("/diseases/1/print"));
            JsonNode robots = manifest.get("robots").get(0);
            assertEquals("robots.txt", robots.get("rules").asText());
            assertEquals(200, robots.get("status").asInt());
            // in crawler-commons' order (longest rule first), which the matching does not depend on
            assertEquals(List.of("/*/print", "/*.pdf$", "/search"), texts(robots.get("disallow")));
        }
    }

    /**
     * The groups naming gard-pipeline (any case, one of several agents of a group, merged when there are two) are
     * ours and * is not; a group naming only a prefix of our name, or a longer name, is someone else's.
     */
    @Test
    void theGroupsNamingOurAgentApplyAndOnlyThose() throws Exception {
        String txt = "User-agent: *\nDisallow: /\n\n"
                + "User-agent: gard\nDisallow: /a\n\n"
                + "User-agent: gard-pipeline-extra\nDisallow: /b\n\n"
                + "User-agent: otherbot\nUser-agent: GARD-Pipeline\nDisallow: /c\n\n"
                + "User-agent: gard-pipeline\nDisallow: /d\nAllow: /d/open\n";
        try (TestSite site = site(txt, "/a", "/b", "/c", "/d", "/d/open", "/e")) {
            JsonNode manifest = fetch(site, "/a", "/b", "/c", "/d", "/d/open", "/e");
            assertEquals(expected(
                    "/a", "fetched",
                    "/b", "fetched",
                    "/c", REFUSED + "/c",
                    "/d", REFUSED + "/d",
                    "/d/open", "fetched",
                    "/e", "fetched"), outcomes(site, manifest));
            assertEquals(List.of("/c", "/d"), texts(manifest.get("robots").get(0).get("disallow")));
        }
    }

    /** With no group of ours, the * group applies; with neither, everything is allowed. */
    @Test
    void theStarGroupAppliesWhenNoneNamesUs() throws Exception {
        try (TestSite site = site("User-agent: otherbot\nDisallow: /\n\nUser-agent: *\nDisallow: /private\n",
                "/private/x", "/public")) {
            assertEquals(expected("/private/x", REFUSED + "/private/x", "/public", "fetched"),
                    outcomes(site, fetch(site, "/private/x", "/public")));
        }
        Files.walk(dir.resolve("raw")).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        try (TestSite site = site("User-agent: otherbot\nDisallow: /\n", "/private/x")) {
            assertEquals(expected("/private/x", "fetched"), outcomes(site, fetch(site, "/private/x")));
        }
    }

    /** A Crawl-delay longer than --delay spaces the requests to the host; the manifest says what was asked. */
    @Test
    void crawlDelayKeepsRequestsToTheHostApart() throws Exception {
        String txt = "User-agent: *\nCrawl-delay: 0.4\nSitemap: /sitemap.xml\nSitemap: https://example.org/other.xml\n";
        String[] paths = {"/p1", "/p2", "/p3", "/p4"};
        try (TestSite site = site(txt, paths)) {
            JsonNode manifest = fetch(site, paths);
            assertEquals(expected("/p1", "fetched", "/p2", "fetched", "/p3", "fetched", "/p4", "fetched"),
                    outcomes(site, manifest));
            List<TestSite.Request> requests = site.requests();
            assertEquals(5, requests.size(), "robots.txt and the four pages");
            assertEquals("/robots.txt", requests.get(0).path());
            List<Long> gapsMs = new ArrayList<>();
            for (int i = 1; i < requests.size(); i++) {
                gapsMs.add((requests.get(i).nanos() - requests.get(i - 1).nanos()) / 1_000_000);
            }
            for (long gap : gapsMs) {
                assertTrue(gap >= 400 - 25, "requests at least 400 ms apart (less a little), not the 50 ms of --delay: "
                        + gapsMs);
            }
            JsonNode robots = manifest.get("robots").get(0);
            assertEquals(400, robots.get("crawl_delay_ms").asLong());
            assertEquals(List.of(site.base() + "/sitemap.xml", "https://example.org/other.xml"), texts(robots.get("sitemaps")));
        }
    }

    /** A Crawl-delay no fetch can honour (here an hour) closes the host, and the manifest says why. */
    @Test
    void aCrawlDelayOverFiveMinutesClosesTheHost() throws Exception {
        try (TestSite site = site("User-agent: *\nCrawl-delay: 3600\n", "/p1")) {
            JsonNode manifest = fetch(site, "/p1");
            assertEquals(expected("/p1", REFUSED + "/p1"), outcomes(site, manifest));
            assertEquals(List.of(), site.requests("/p1"));
            JsonNode robots = manifest.get("robots").get(0);
            assertEquals("robots.txt asks a Crawl-delay of 3600 s, longer than the 300 s a fetch waits",
                    robots.get("rules").asText());
            assertEquals(List.of("/"), texts(robots.get("disallow")));
        }
    }

    /** A robots.txt over 500 KiB is read up to its last full line before 500 KiB (RFC 9309's least). */
    @Test
    void aRobotsTxtIsReadForItsFirst500KiB() throws Exception {
        int limit = 500 * 1024;
        String straddling = "Disallow: /cut-in-the-middle-of-this-line\n";
        StringBuilder txt = new StringBuilder("User-agent: *\nDisallow: /early\n");
        String filler = "# " + "x".repeat(97) + "\n"; // 100 bytes a line
        while (txt.length() + filler.length() <= limit - 20) {
            txt.append(filler);
        }
        int pad = limit - 20 - txt.length();
        txt.append("#").append("z".repeat(pad - 2)).append("\n");
        assertEquals(limit - 20, txt.length());
        txt.append(straddling); // starts 20 bytes before the limit, ends after it
        txt.append("Disallow: /late\n");
        try (TestSite site = site(txt.toString(), "/early", "/cut-in-the-middle-of-this-line", "/late")) {
            JsonNode manifest = fetch(site, "/early", "/cut-in-the-middle-of-this-line", "/late");
            assertEquals(txt.length(), site.sent("/robots.txt").length, "the whole file was sent");
            assertEquals(expected("/early", REFUSED + "/early", "/cut-in-the-middle-of-this-line", "fetched",
                    "/late", "fetched"), outcomes(site, manifest));
            assertEquals(List.of("/early"), texts(manifest.get("robots").get(0).get("disallow")));
        }
    }

    /** No robots.txt (404) allows everything; one that keeps failing (503) closes the host. */
    @Test
    void aMissingRobotsTxtAllowsAndAFailingOneDisallows() throws Exception {
        try (TestSite site = site("unused", "/p1")) {
            site.on("/robots.txt", (ex, n) -> site.send(ex, 404, "text/plain", "no".getBytes(StandardCharsets.UTF_8)));
            JsonNode manifest = fetch(site, "/p1");
            assertEquals(expected("/p1", "fetched"), outcomes(site, manifest));
            JsonNode robots = manifest.get("robots").get(0);
            assertEquals("no robots.txt", robots.get("rules").asText());
            assertEquals(404, robots.get("status").asInt());
            assertEquals(List.of(), texts(robots.get("disallow")));
        }
        Files.walk(dir.resolve("raw")).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        try (TestSite site = site("unused", "/p1")) {
            site.on("/robots.txt", (ex, n) -> site.send(ex, 503, "text/plain", "down".getBytes(StandardCharsets.UTF_8)));
            JsonNode manifest = fetch(site, "/p1");
            assertEquals(expected("/p1", REFUSED + "/p1"), outcomes(site, manifest));
            assertEquals(2, site.requests("/robots.txt").size(), "retried once, as --retries 1 says");
            assertEquals(List.of(), site.requests("/p1"));
            JsonNode robots = manifest.get("robots").get(0);
            assertEquals("robots.txt unreachable: HTTP 503 (after 2 attempts)", robots.get("rules").asText());
            assertEquals(List.of("/"), texts(robots.get("disallow")));
            assertNull(robots.get("crawl_delay_ms"));
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }
}
