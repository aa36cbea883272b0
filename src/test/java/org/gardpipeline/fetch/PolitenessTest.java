package org.gardpipeline.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PolitenessTest {
    private static final URI ROBOTS_TXT = URI.create("https://rarediseases.info.nih.gov/robots.txt");

    private static Robots robots(String txt) {
        return Robots.parse(ROBOTS_TXT, txt.getBytes(StandardCharsets.UTF_8), "text/plain");
    }

    private static boolean allows(Robots r, String pathAndQuery) {
        return r.allows(ROBOTS_TXT.resolve(pathAndQuery));
    }

    @Test
    void robotsTxtGroupForOurAgentWinsOverStar() {
        String txt = "User-agent: *\nDisallow: /\n\nUser-agent: gard-pipeline\nDisallow: /search\nAllow: /search/help\n";
        Robots r = robots(txt);
        assertTrue(allows(r, "/diseases/6007"));
        assertFalse(allows(r, "/search?q=x"));
        assertTrue(allows(r, "/search/help"));
    }

    @Test
    void robotsTxtStarGroupWildcardsAndComments() {
        String txt = "# comment\nUser-agent: other\nDisallow: /diseases\n\nUser-agent: *\nDisallow: /*.pdf$ # pdfs\n"
                + "Disallow: /private\nDisallow:\n";
        Robots r = robots(txt);
        assertTrue(allows(r, "/diseases/1"));
        assertFalse(allows(r, "/files/a.pdf"));
        assertTrue(allows(r, "/files/a.pdf?x=1"));
        assertFalse(allows(r, "/private/x"));
        assertTrue(Robots.allowAll("none").allows(ROBOTS_TXT.resolve("/anything")));
        assertFalse(Robots.disallowAll("down").allows(ROBOTS_TXT.resolve("/")));
    }

    /** robots.txt answered other than 200: a 4xx is no robots.txt, anything else (a redirect too) closes the host. */
    @Test
    void robotsTxtStatusesOtherThan200() {
        URI page = ROBOTS_TXT.resolve("/diseases/6007");
        for (int status : new int[] {404, 410, 401, 403}) {
            assertTrue(Robots.forStatus(status).allows(page), "HTTP " + status);
            assertEquals("no robots.txt", Robots.forStatus(status).origin());
        }
        for (int status : new int[] {204, 301, 302, 500, 503}) {
            assertFalse(Robots.forStatus(status).allows(page), "HTTP " + status);
            assertEquals("robots.txt answered HTTP " + status, Robots.forStatus(status).origin());
            assertEquals(List.of("/"), Robots.forStatus(status).disallowed());
        }
    }

    @Test
    void retryAfterInSecondsOrAsAnHttpDate() {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        assertEquals(Optional.of(Duration.ofSeconds(1)), Backoff.retryAfter("1", now));
        assertEquals(Optional.of(Duration.ofSeconds(30)), Backoff.retryAfter("Thu, 01 Jan 2026 00:00:30 GMT", now));
        assertEquals(Optional.of(Duration.ZERO), Backoff.retryAfter("Wed, 31 Dec 2025 23:00:00 GMT", now));
        assertEquals(Optional.empty(), Backoff.retryAfter("soon", now));
    }

    @Test
    void backoffDoublesWithJitter() {
        for (int i = 0; i < 50; i++) {
            long first = Backoff.after(Duration.ofMillis(100), 1).toMillis();
            long third = Backoff.after(Duration.ofMillis(100), 3).toMillis();
            assertTrue(first >= 100 && first <= 200, "first " + first);
            assertTrue(third >= 400 && third <= 800, "third " + third);
        }
        assertTrue(Backoff.after(Duration.ofSeconds(10), 30).toMinutes() <= 2, "capped");
    }

    @Test
    void progressBarOnATerminalPlainLinesOtherwise() {
        Manifest.Entry ok = new Manifest.Entry("http://x/1", "http://x/1", 200, Manifest.FETCHED, 10L, 10L, "s", null,
                null, null, null, 1, 0, List.of(), null, null, null, 5L, null);
        Manifest.Entry bad = new Manifest.Entry("http://x/2", "http://x/2", 404, Manifest.FAILED, null, null, null,
                null, null, null, null, 1, 0, List.of(), "HTTP 404", null, null, 5L, null);
        StringWriter bar = new StringWriter();
        Progress terminal = new Progress(new PrintWriter(bar), true, 2);
        terminal.page(ok);
        terminal.page(bad);
        assertTrue(bar.toString().startsWith("\r[###############...............] 1/2 pages, 0 failed, "), bar.toString());
        assertTrue(bar.toString().contains("\r[##############################] 2/2 pages, 1 failed, "), bar.toString());
        assertTrue(bar.toString().contains(" pages/s, "), bar.toString());
        StringWriter log = new StringWriter();
        Progress plain = new Progress(new PrintWriter(log), false, 2);
        plain.page(ok);
        plain.page(bad);
        List<String> lines = log.toString().lines().toList();
        assertEquals(2, lines.size(), log.toString());
        assertTrue(lines.get(0).startsWith("fetch 1/2: http://x/1 fetched 200 (0 failed so far"), lines.get(0));
        assertTrue(lines.get(1).startsWith("fetch 2/2: http://x/2 failed: HTTP 404 (1 failed so far"), lines.get(1));
    }
}
