package org.gardpipeline.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.gardpipeline.Fixtures;
import org.gardpipeline.SiteEdits;
import org.gardpipeline.TestDb;
import org.gardpipeline.TestSite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcRevisit;

/**
 * The daily job: {@code gard run --fetch} with no page option fetches every page GARD's list names. The list is ten
 * real records of GARD's 2024 list ({@code gard-list/diseases.trimmed.json}, copied verbatim from
 * ../shared/corpus/gard-diseases-trimmed-2024-03-25.json.xz), served on 127.0.0.1 with the real 2022 pages of those
 * ids as their bodies at the list's 2024 slugs, with no ETag and no Last-Modified, as a server that answers no
 * conditional request would.
 */
class SiteListFetchTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LIST = "/assets/diseases.trimmed.json";
    /** id -> the real 2022 page kept for it. */
    private static final Map<Long, String> PAGES = new LinkedHashMap<>();

    static {
        PAGES.put(10296L, "gard-2022/15q133-microdeletion-syndrome");
        PAGES.put(10299L, "gard-2022/22q112-deletion-syndrome");
        PAGES.put(7392L, "gard-2022/behavioral-variant-of-frontotemporal-dementia");
        PAGES.put(1163L, "gard-2022/caudal-appendage-deafness");
        PAGES.put(6007L, "gard-2022/caudal-regression-sequence");
        PAGES.put(916L, "gard-2022-series/blount-disease");
        PAGES.put(1561L, "gard-2022-series/crandall-syndrome");
        PAGES.put(6237L, "gard-2022-series/cystinuria");
        PAGES.put(3707L, "gard-2022-series/tetramelic-monodactyly");
        PAGES.put(5421L, "gard-2022-series/upington-disease");
    }

    @TempDir
    Path dir;

    /** The site: the list and the pages it names, each body replaceable between runs. */
    private static final class ListedSite implements AutoCloseable {
        final TestSite site = new TestSite();
        final Map<String, byte[]> bodies = new ConcurrentHashMap<>();
        volatile byte[] list;

        ListedSite() throws IOException {
            list = Fixtures.bytes("gard-list/diseases.trimmed.json");
            for (JsonNode r : JSON.readTree(list)) {
                String path = "/diseases/" + r.get("id").asLong() + "/" + r.get("encodedName").asText();
                bodies.put(path, Fixtures.bytes(PAGES.get(r.get("id").asLong())));
                site.on(path, (ex, n) -> site.send(ex, 200, "text/html; charset=utf-8", bodies.get(path)));
            }
            site.on(LIST, (ex, n) -> site.send(ex, 200, "application/json", list));
        }

        String pathOf(long id) {
            return bodies.keySet().stream().filter(p -> p.startsWith("/diseases/" + id + "/")).findFirst().orElseThrow();
        }

        /** The list without the records of these ids, as JSON GARD would write it. */
        byte[] listWithout(Set<Long> ids) throws IOException {
            ArrayNode kept = JSON.createArrayNode();
            for (JsonNode r : JSON.readTree(Fixtures.bytes("gard-list/diseases.trimmed.json"))) {
                if (!ids.contains(r.get("id").asLong())) {
                    kept.add(r);
                }
            }
            return JSON.writeValueAsBytes(kept);
        }

        @Override
        public void close() {
            site.close();
        }
    }

    private Path raw() {
        return dir.resolve("raw");
    }

    private Path db() {
        return dir.resolve("out/gard.sqlite");
    }

    private CommandLineRun run(ListedSite s, String... more) {
        List<String> args = new ArrayList<>(List.of("run", "--fetch", "--base-url", s.site.base(), "--delay", "5ms",
                "--backoff", "10ms", "--retries", "0", "--raw", raw().toString(), "--db", db().toString(),
                "--out", dir.resolve("out").toString()));
        args.addAll(List.of(more));
        return CommandLineRun.of(args.toArray(String[]::new));
    }

    private static String today() {
        return java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
    }

    private static long changes(Path db, String label, String change) {
        return TestDb.count(db, "SELECT count(*) FROM answer_changes c JOIN fetch f USING (fetch_id) WHERE f.label = '"
                + label + "'" + (change == null ? "" : " AND c.change = '" + change + "'"));
    }

    private static Set<String> folders(Path raw) throws IOException {
        try (Stream<Path> s = Files.list(raw)) {
            return s.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    @Test
    void theDailyRunFetchesEveryListedPageThenStoresRevisitsThenRecordsExactlyWhatChanged() throws Exception {
        try (ListedSite s = new ListedSite()) {
            CommandLineRun first = run(s);
            assertEquals(0, first.exitCode(), first.err());
            Path one = raw().resolve(today() + "-fetch");
            JsonNode manifest = JSON.readTree(one.resolve("manifest.json").toFile());
            assertEquals(10, manifest.get("pages").size());
            for (JsonNode e : manifest.get("pages")) {
                assertEquals("fetched", e.get("outcome").asText(), e.toString());
            }
            assertEquals(s.site.base() + LIST, manifest.get("site_list").get("url").asText());
            assertEquals(10, manifest.get("site_list").get("records").asInt());
            assertTrue(Files.readString(one.resolve("fetch.properties")).contains("complete=true"));
            for (String path : s.bodies.keySet()) {
                assertEquals(1, s.site.requests(path).size(), path);
            }
            // the list is kept in the WARC, as the bytes served
            int resources = 0;
            try (WarcReader reader = new WarcReader(one.resolve("pages.warc.gz"))) {
                for (WarcRecord r : reader) {
                    if (r instanceof WarcResource res) {
                        assertEquals(s.site.base() + LIST, res.target());
                        assertArrayEquals(s.list, res.body().stream().readAllBytes());
                        resources++;
                    }
                }
            }
            assertEquals(1, resources);
            assertEquals(10, TestDb.count(db(), "SELECT count(*) FROM document d JOIN fetch f USING (fetch_id) "
                    + "WHERE f.label = 'fetch' AND d.quarantine_reason IS NULL"), first.err());
            long versions = TestDb.count(db(), "SELECT count(*) FROM answer_versions");

            // the next day: the same answers without validators; every page a revisit, a tenth of the bytes
            CommandLineRun second = run(s);
            assertEquals(0, second.exitCode(), second.err());
            Path two = raw().resolve(today() + "-fetch-2");
            for (JsonNode e : JSON.readTree(two.resolve("manifest.json").toFile()).get("pages")) {
                assertEquals("unchanged", e.get("outcome").asText(), e.toString());
                assertEquals(200, e.get("status").asInt());
                assertEquals(today() + "-fetch", e.get("capture_fetch").asText());
            }
            int revisits = 0;
            try (WarcReader reader = new WarcReader(two.resolve("pages.warc.gz"))) {
                for (WarcRecord r : reader) {
                    assertTrue(!(r instanceof WarcResponse), "no response record: " + r.headers().first("WARC-Target-URI"));
                    if (r instanceof WarcRevisit v) {
                        assertEquals("http://netpreserve.org/warc/1.1/revisit/identical-payload-digest", v.profile().toString());
                        assertEquals("WARC/1.1", v.version().toString());
                        assertEquals("../" + today() + "-fetch/pages.warc.gz", v.headers().first("WARC-Refers-To-Filename").orElse(null));
                        assertNotNull(v.refersTo().orElse(null));
                        assertEquals(v.target(), v.headers().first("WARC-Refers-To-Target-URI").orElse(null));
                        assertTrue(v.headers().first("WARC-Refers-To-Date").isPresent());
                        assertTrue(v.payloadDigest().isPresent());
                        revisits++;
                    }
                }
            }
            assertEquals(10, revisits);
            long bytesOne = org.gardpipeline.FetchSeries.bytes(one);
            long bytesTwo = org.gardpipeline.FetchSeries.bytes(two);
            assertTrue(bytesTwo * 10 < bytesOne, "second fetch " + bytesTwo + " bytes, first " + bytesOne);
            assertEquals(0, changes(db(), "fetch-2", null), second.err());
            assertEquals(versions, TestDb.count(db(), "SELECT count(*) FROM answer_versions"));
            assertEquals(TestDb.rows(db(), "SELECT path, sha256 FROM document d JOIN fetch f USING (fetch_id) "
                            + "WHERE f.label = 'fetch' ORDER BY path"),
                    TestDb.rows(db(), "SELECT path, sha256 FROM document d JOIN fetch f USING (fetch_id) "
                            + "WHERE f.label = 'fetch-2' ORDER BY path"));

            // two pages edited: exactly their two changes
            for (long id : List.of(6007L, 916L)) {
                String path = s.pathOf(id);
                s.bodies.put(path, SiteEdits.editSummary(new String(s.bodies.get(path), StandardCharsets.UTF_8))
                        .getBytes(StandardCharsets.UTF_8));
            }
            CommandLineRun third = run(s);
            assertEquals(0, third.exitCode(), third.err());
            assertEquals(2, changes(db(), "fetch-3", null), third.err());
            assertEquals(2, changes(db(), "fetch-3", "changed"));
            assertEquals(Set.of("gard-6007", "gard-916"), new TreeSet<>(TestDb.rows(db(), "SELECT DISTINCT page_key FROM "
                    + "answer_changes c JOIN fetch f USING (fetch_id) WHERE f.label = 'fetch-3'").stream()
                    .map(r -> (String) r.get("page_key")).toList()));

            // a page that left the list is not asked for, and is removed as from any complete fetch
            String gone = s.pathOf(5421L);
            int askedBefore = s.site.requests(gone).size();
            s.list = s.listWithout(Set.of(5421L));
            CommandLineRun fourth = run(s);
            assertEquals(0, fourth.exitCode(), fourth.err());
            assertEquals(askedBefore, s.site.requests(gone).size());
            assertTrue(changes(db(), "fetch-4", "removed") > 0, fourth.err());
            assertEquals(changes(db(), "fetch-4", null), TestDb.count(db(), "SELECT count(*) FROM answer_changes c "
                    + "JOIN fetch f USING (fetch_id) WHERE f.label = 'fetch-4' AND c.change = 'removed' AND c.page_key = 'gard-5421'"));
        }
    }

    @Test
    void aListThatFailsStopsTheRunAndChangesNothing() throws Exception {
        try (ListedSite s = new ListedSite()) {
            assertEquals(0, run(s).exitCode());
            Set<String> before = folders(raw());
            String dbSha = TestSite.sha256(Files.readAllBytes(db()));
            byte[] good = s.list;
            Map<String, byte[]> broken = new LinkedHashMap<>();
            broken.put("cut short", java.util.Arrays.copyOf(good, good.length * 3 / 5));
            broken.put("half its records gone", s.listWithout(Set.of(10296L, 10299L, 7392L, 1163L, 6007L)));
            broken.put("empty", "[]".getBytes(StandardCharsets.UTF_8));
            broken.put("no list", "{\"totalSize\":0}".getBytes(StandardCharsets.UTF_8));
            for (Map.Entry<String, byte[]> b : broken.entrySet()) {
                s.list = b.getValue();
                CommandLineRun r = run(s);
                assertEquals(1, r.exitCode(), b.getKey() + ": " + r.err());
                assertTrue(r.err().startsWith("gard run: GARD's list " + s.site.base() + LIST), b.getKey() + ": " + r.err());
                assertEquals(1, r.err().strip().lines().count(), r.err());
                assertEquals(before, folders(raw()), b.getKey());
                assertEquals(dbSha, TestSite.sha256(Files.readAllBytes(db())), b.getKey());
            }
            s.site.on(LIST, (ex, n) -> s.site.send(ex, 404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8)));
            CommandLineRun missing = run(s);
            assertEquals(1, missing.exitCode(), missing.err());
            assertTrue(missing.err().contains("answered HTTP 404"), missing.err());
            assertEquals(before, folders(raw()));
            assertEquals(dbSha, TestSite.sha256(Files.readAllBytes(db())));

            // a real shrink, after a look
            byte[] half = s.listWithout(Set.of(10296L, 10299L, 7392L, 1163L, 6007L));
            s.site.on(LIST, (ex, n) -> s.site.send(ex, 200, "application/json", half));
            CommandLineRun shrink = CommandLineRun.of("fetch", "--allow-shrink", "--base-url", s.site.base(), "--delay",
                    "5ms", "--out", raw().toString());
            assertEquals(0, shrink.exitCode(), shrink.err());
            Path folder = raw().resolve(today() + "-fetch-2");
            assertEquals(5, JSON.readTree(folder.resolve("manifest.json").toFile()).get("pages").size());
            assertTrue(Files.readString(folder.resolve("fetch.properties")).contains("complete=true"));
        }
    }

    @Test
    void aListThatCannotBeReachedOrOptionsThatDoNotFitAreRefused() throws Exception {
        CommandLineRun unreachable = CommandLineRun.of("fetch", "--base-url", "http://127.0.0.1:1", "--retries", "0",
                "--connect-timeout", "1s", "--out", raw().toString());
        assertEquals(1, unreachable.exitCode(), unreachable.err());
        assertTrue(unreachable.err().startsWith("gard fetch: GARD's list http://127.0.0.1:1" + LIST + " could not be fetched"),
                unreachable.err());
        assertTrue(!Files.exists(raw()) || folders(raw()).isEmpty());
        assertEquals(2, CommandLineRun.of("run", "--allow-shrink", "--raw", raw().toString()).exitCode());
        assertEquals(2, CommandLineRun.of("fetch", "--ids", "1", "--allow-shrink", "--out", raw().toString()).exitCode());
    }
}
