package org.gardpipeline.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.io.WireFeedInput;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gardpipeline.cli.Main;
import org.gardpipeline.store.HistoryStore;
import org.gardpipeline.store.PageRef;
import org.gardpipeline.store.ReportQueries.ChangeRow;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** changes.atom read back by Rome: Atom 1.0 with the required elements, newest first, bounded, linking to the report. */
class ChangeFeedTest {
    @TempDir
    static Path dir;

    private static Path out;
    private static Feed feed;

    @BeforeAll
    static void runOnTheSamples() throws Exception {
        out = SampleReport.samples(dir);
        feed = parse(Files.readAllBytes(out.resolve("changes.atom")));
    }

    private static Feed parse(byte[] xml) throws Exception {
        WireFeedInput input = new WireFeedInput();
        return (Feed) input.build(new InputStreamReader(new java.io.ByteArrayInputStream(xml), StandardCharsets.UTF_8));
    }

    @Test
    void theFeedIsAtomWithItsRequiredElements() {
        assertEquals("atom_1.0", feed.getFeedType());
        assertTrue(feed.getId().startsWith("urn:uuid:"), feed.getId());
        assertEquals("GARD answer changes", feed.getTitleEx().getValue());
        assertEquals(java.time.Instant.parse("2022-12-20T00:00:00Z"), feed.getUpdated().toInstant());
        assertEquals("gard-pipeline", feed.getAuthors().get(0).getName());
    }

    @Test
    void oneEntryPerFetchAndChangedPageNewestFirstEachWithIdTitleUpdatedAndItsReportPage() {
        List<Entry> entries = feed.getEntries();
        assertEquals(18, entries.size(), "7 pages changed in 2022-12-20, 6 in 2020-12-11, 5 with answers added by "
                + "2019-01-01 (MedQuAD's 1163 holds only its phenotype table)");
        Set<String> ids = new HashSet<>();
        java.util.Date previous = null;
        for (Entry e : entries) {
            assertTrue(e.getId().startsWith("urn:uuid:") && ids.add(e.getId()), e.getId());
            assertFalse(e.getTitleEx().getValue().isBlank());
            assertNotNull(e.getUpdated());
            assertTrue(previous == null || !e.getUpdated().after(previous), "newest first");
            previous = e.getUpdated();
            Link page = e.getAlternateLinks().get(0);
            assertTrue(page.getHref().startsWith("report/pages/"), page.getHref());
            assertTrue(Files.isRegularFile(out.resolve(page.getHref())), page.getHref());
        }
        Entry first = entries.get(0);
        // MedQuAD's 1163 held only its phenotype table, and its API record no symptoms answer
        assertEquals("Caudal appendage deafness: summary added, symptoms added",
                first.getTitleEx().getValue());
        assertEquals(java.time.Instant.parse("2022-12-20T00:00:00Z"), first.getUpdated().toInstant());
        assertEquals("https://rarediseases.info.nih.gov/diseases/1163/caudal-appendage-deafness",
                first.getOtherLinks().get(0).getHref());
        assertTrue(entries.get(entries.size() - 1).getUpdated().toInstant().toString().startsWith("2019-01-01"));
    }

    @Test
    void theFeedKeepsTheNewestFiveHundredEntries() throws Exception {
        List<ChangeRow> rows = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            PageRef page = new PageRef(i, "gard-" + i, String.valueOf(i), "d" + i, "Disease " + i);
            rows.add(new ChangeRow(1, "2024-01-01", "", page, "causes", "causes", "changed", true, false, false));
        }
        List<PageChanges> changes = PageChanges.group(rows);
        Map<PageRef, String> files = ReportWriter.pageFiles(changes);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ChangeFeed.write(bytes, changes, "2024-01-01", files, "report", "test");
        Feed bounded = parse(bytes.toByteArray());
        assertEquals(ChangeFeed.ENTRIES, bounded.getEntries().size());
        assertEquals("Disease 0: causes changed (text)", bounded.getEntries().get(0).getTitleEx().getValue());
    }

    @Test
    void aDatabaseWithNoFetchesGivesAValidEmptyFeed() throws Exception {
        Path db = dir.resolve("empty.sqlite");
        HistoryStore.open(db).close();
        assertEquals(0, Main.execute("report", "--db", db.toString(), "--out", dir.resolve("empty").toString()));
        Feed empty = parse(Files.readAllBytes(dir.resolve("empty/changes.atom")));
        assertEquals(0, empty.getEntries().size());
        assertNotNull(empty.getId());
        assertNotNull(empty.getUpdated());
    }

    @Test
    void fetchDatesAreRfc3339Timestamps() {
        assertEquals("2022-12-20T00:00:00Z", ChangeFeed.timestamp("2022-12-20"));
        assertEquals("2022-12-20T08:30:00Z", ChangeFeed.timestamp("2022-12-20T10:30:00+02:00"));
        assertEquals("2022-12-20T10:30:00Z", ChangeFeed.timestamp("2022-12-20T10:30:00"));
    }
}
