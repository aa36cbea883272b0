package org.gardpipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gardpipeline.Fixtures;
import org.gardpipeline.TestDb;
import org.gardpipeline.TestSite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GARD's list of its pages is GARD content: a fetch made by it keeps it in its WARC, and its ingest records the names
 * and synonyms the list gives each page it fetched as that page's other names, with their source; the page's own
 * heading stays its title, and names, which are no answers, make no version and no change event. A server on
 * 127.0.0.1 serves a slice of the real 2024 list and real GARD pages for the ids it names.
 */
class SiteListNamesFetchTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LIST = "/assets/diseases.trimmed.json";
    /** The ids of the list served, each with a real 2022 page. */
    private static final Map<Long, String> PAGES = new LinkedHashMap<>();

    static {
        PAGES.put(6007L, "gard-2022/caudal-regression-sequence");
        PAGES.put(1163L, "gard-2022/caudal-appendage-deafness");
        PAGES.put(916L, "gard-2022-series/blount-disease");
    }

    @TempDir
    Path dir;

    private Path db() {
        return dir.resolve("gard.sqlite");
    }

    private CommandLineRun run(TestSite site, String... more) {
        List<String> args = new ArrayList<>(List.of("run", "--fetch", "--base-url", site.base(), "--delay", "5ms",
                "--retries", "0", "--raw", dir.resolve("raw").toString(), "--db", db().toString(), "--out",
                dir.resolve("out").toString()));
        args.addAll(List.of(more));
        return CommandLineRun.of(args.toArray(String[]::new));
    }

    private List<Map<String, Object>> listedNames() {
        return TestDb.rows(db(), "SELECT p.gard_id, n.name, n.name_key FROM page_name n JOIN page p USING (page_id) "
                + "WHERE n.source = 'site-list' ORDER BY p.gard_id, n.name_key");
    }

    @Test
    void theListsNamesBecomeTheFetchedPagesOtherNamesWithTheirSourceAndNoEvent() throws Exception {
        byte[] list = slice();
        try (TestSite site = new TestSite()) {
            site.on(LIST, (ex, n) -> site.send(ex, 200, "application/json", list));
            for (JsonNode r : JSON.readTree(list)) {
                byte[] page = Fixtures.bytes(PAGES.get(r.get("id").asLong()));
                site.on("/diseases/" + r.get("id").asLong() + "/" + r.get("encodedName").asText(),
                        (ex, n) -> site.send(ex, 200, "text/html; charset=utf-8", page));
            }
            CommandLineRun first = run(site);
            assertEquals(0, first.exitCode(), first.err());

            List<Map<String, Object>> names = listedNames();
            // in the order of their keys: the list's name and its synonyms alike
            assertEquals(List.of("Caudal dysgenesis syndrome", "Caudal dysplasia", "Caudal regression sequence",
                    "Caudal regression syndrome"), namesOf(names, 6007L));
            assertEquals(List.of("Caudal appendage-deafness syndrome", "Caudal appendage-hearing loss syndrome",
                    "Lynch-Lee-Murday syndrome"), namesOf(names, 1163L));
            assertEquals(3 + 4 + 4, names.size(), names.toString());
            assertTrue(names.stream().anyMatch(r -> "caudal-regression-syndrome".equals(r.get("name_key"))));
            // the page's own heading stays its title, and its own names keep their source
            assertEquals("Caudal regression sequence", TestDb.rows(db(), "SELECT title FROM page WHERE gard_id = 6007")
                    .get(0).get("title"));
            assertEquals(1, TestDb.count(db(), "SELECT count(*) FROM page_name n JOIN page p USING (page_id) "
                    + "WHERE p.gard_id = 6007 AND n.source = 'page' AND n.name_key = 'caudal-regression-sequence'"));
            // no page from the list alone, and names are no answers
            assertEquals(3, TestDb.count(db(), "SELECT count(*) FROM page"));
            long events = TestDb.count(db(), "SELECT count(*) FROM change_event");
            assertEquals(0, TestDb.count(db(), "SELECT count(*) FROM answer_changes WHERE change <> 'added'"));

            // the next day the same list: nothing new, not a name more; then the history derived again keeps them
            CommandLineRun second = run(site);
            assertEquals(0, second.exitCode(), second.err());
            assertEquals(names, listedNames());
            assertEquals(events, TestDb.count(db(), "SELECT count(*) FROM change_event"));
            String before = withoutSearchIndex(TestDb.stableDump(db()));
            CommandLineRun reparse = CommandLineRun.of("reparse", "--raw", dir.resolve("raw").toString(), "--db",
                    db().toString());
            assertEquals(0, reparse.exitCode(), reparse.err());
            assertEquals(names, listedNames());
            assertEquals(before, withoutSearchIndex(TestDb.stableDump(db())));
        }
    }

    /** The dump but for the full-text index's own tables, whose segments a rebuild lays out anew. */
    private static String withoutSearchIndex(String dump) {
        StringBuilder kept = new StringBuilder();
        boolean skipping = false;
        for (String line : dump.split("\n", -1)) {
            if (line.startsWith("== ")) {
                skipping = line.startsWith("== answer_search");
            }
            if (!skipping) {
                kept.append(line).append('\n');
            }
        }
        return kept.toString();
    }

    /** The real list's records of the ids served, as GARD wrote them. */
    private static byte[] slice() throws Exception {
        var kept = JSON.createArrayNode();
        for (JsonNode r : JSON.readTree(Fixtures.bytes("gard-list/diseases.trimmed.json"))) {
            if (PAGES.containsKey(r.get("id").asLong())) {
                kept.add(r);
            }
        }
        return JSON.writeValueAsBytes(kept);
    }

    private static List<String> namesOf(List<Map<String, Object>> rows, long gardId) {
        return rows.stream().filter(r -> String.valueOf(gardId).equals(String.valueOf(r.get("gard_id")))).map(r -> (String) r.get("name")).toList();
    }
}
