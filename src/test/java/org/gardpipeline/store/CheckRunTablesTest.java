package org.gardpipeline.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.gardpipeline.FetchSeries;
import org.gardpipeline.TestDb;
import org.gardpipeline.ingest.FetchSource;
import org.gardpipeline.ingest.Ingester;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code check} counts each fetch's documents and matches pages with their layouts from the run tables, in one sweep
 * over the runs, instead of through the views that expand every run into a row per fetch. Its findings are those of
 * the view queries it replaced (kept here as the reference, verbatim), row for row, on a database of four real fetches
 * (an edit, a page removed by a complete fetch and restored) as it is and damaged in each way that touches them.
 */
class CheckRunTablesTest {
    /** The queries check ran before, through the views. */
    private static final String FETCH_COUNTS_BY_VIEWS = """
            SELECT 'fetch ' || f.fetch_id FROM fetch f
            WHERE f.documents <> (SELECT count(*) FROM document d WHERE d.fetch_id = f.fetch_id)
               OR f.quarantined <> (SELECT count(*) FROM document d WHERE d.fetch_id = f.fetch_id AND d.quarantine_reason IS NOT NULL)""";
    private static final String PAGE_LAYOUTS_BY_VIEWS = """
            SELECT DISTINCT 'fetch ' || d.fetch_id || ', page ' || r.page_id || ': no layout'
            FROM fetch_document d JOIN parse_result r ON r.result_id = d.result_id
            WHERE r.page_id IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM page_fetch_layout l WHERE l.page_id = r.page_id AND l.fetch_id = d.fetch_id)
            UNION ALL
            SELECT 'fetch ' || l.fetch_id || ', page ' || l.page_id || ': a layout without its fetch or documents'
            FROM page_fetch_layout l LEFT JOIN fetch f ON f.fetch_id = l.fetch_id
            WHERE f.fetched_at IS NOT l.fetched_at OR f.label IS NOT l.label
               OR NOT EXISTS (SELECT 1 FROM fetch_document d JOIN parse_result r ON r.result_id = d.result_id
                              WHERE d.fetch_id = l.fetch_id AND r.page_id = l.page_id)""";
    private static final String COUNTS = "fetch counts disagree with its documents: ";
    private static final String LAYOUTS = "page layout disagrees with the fetch's documents: ";

    @TempDir
    static Path dir;
    private static Path healthy;

    @BeforeAll
    static void fourRealFetches() throws Exception {
        Path raw = dir.resolve("raw");
        FetchSeries.realSeries(raw);
        List<Path> folders;
        try (Stream<Path> s = Files.list(raw)) {
            folders = s.sorted().toList();
        }
        healthy = dir.resolve("healthy.sqlite");
        try (HistoryStore store = HistoryStore.open(healthy)) {
            new Ingester(store).ingestAll(FetchSource.openEach(folders, FetchSource.Overrides.NONE,
                    new org.gardpipeline.archive.ArchiveIndex()), s -> { });
        }
        assertEquals(4, TestDb.count(healthy, "SELECT count(*) FROM fetch"));
        assertTrue(TestDb.count(healthy, "SELECT count(*) FROM page_layout_run") > 6, "pages with their layouts");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "DELETE FROM page_layout_run WHERE (page_id, first_fetch) = (SELECT page_id, first_fetch FROM page_layout_run ORDER BY page_id LIMIT 1)",
        "DELETE FROM document_run WHERE (path_id, first_fetch) = (SELECT path_id, first_fetch FROM document_run ORDER BY path_id DESC LIMIT 1)",
        "UPDATE fetch SET documents = documents + 1 WHERE fetch_id = (SELECT max(fetch_id) FROM fetch)",
        "UPDATE fetch SET position = 9 WHERE fetch_id = (SELECT min(fetch_id) FROM fetch)",
        // the removed page's layout run kept open past its removal, and a second one over the fetch it was missing from
        "UPDATE page_layout_run SET last_fetch = NULL WHERE last_fetch = (SELECT fetch_id FROM fetch WHERE position = 2); "
                + "INSERT INTO page_layout_run SELECT page_id, (SELECT fetch_id FROM fetch WHERE position = 3), "
                + "(SELECT fetch_id FROM fetch WHERE position = 3), layout_id FROM page_layout_run WHERE last_fetch IS NULL "
                + "AND first_fetch = (SELECT fetch_id FROM fetch WHERE position = 1) ORDER BY page_id LIMIT 1",
        "UPDATE document_run SET last_fetch = (SELECT min(fetch_id) FROM fetch) WHERE first_fetch = (SELECT max(fetch_id) FROM fetch)",
        "UPDATE fetch SET quarantined = quarantined + 1 WHERE fetch_id = (SELECT min(fetch_id) FROM fetch)",
        "UPDATE document_run SET last_fetch = first_fetch WHERE last_fetch IS NULL AND first_fetch = (SELECT min(fetch_id) FROM fetch)",
        "DELETE FROM document_path WHERE path_id = (SELECT min(path_id) FROM document_path)",
    })
    void findingsAreThoseOfTheViewsOnAHealthyOrDamagedDatabase(String damage) throws Exception {
        Path db = dir.resolve("damaged-" + Integer.toHexString(damage.hashCode()) + ".sqlite");
        Files.copy(healthy, db);
        for (String statement : damage.split("; ")) {
            if (!statement.isEmpty()) {
                TestDb.execute(db, statement);
            }
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            List<String> found = new Invariants(c).violations();
            List<String> byRuns = new ArrayList<>(found.stream().filter(v -> v.startsWith(COUNTS) || v.startsWith(LAYOUTS)).toList());
            List<String> byViews = new ArrayList<>();
            column(c, FETCH_COUNTS_BY_VIEWS).forEach(v -> byViews.add(COUNTS + v));
            column(c, PAGE_LAYOUTS_BY_VIEWS).forEach(v -> byViews.add(LAYOUTS + v));
            byRuns.sort(null);
            byViews.sort(null);
            assertEquals(byViews, byRuns, damage);
            if (damage.isEmpty()) {
                assertTrue(found.isEmpty(), found.toString());
            } else {
                assertFalse(found.isEmpty(), "the damage is found: " + damage);
            }
        }
    }

    private static List<String> column(Connection c, String sql) throws Exception {
        List<String> values = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
