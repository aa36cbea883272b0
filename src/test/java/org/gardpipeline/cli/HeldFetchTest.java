package org.gardpipeline.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.gardpipeline.SiteEdits;
import org.gardpipeline.TestDb;
import org.gardpipeline.ingest.FetchSource;
import org.gardpipeline.ingest.Ingester;
import org.gardpipeline.review.ChangeGuard;
import org.gardpipeline.store.HistoryStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fetches of the 24 real 2022 pages of src/test/resources/gard-2022-series (72 answers: a summary, symptoms and
 * causes each) that GARD's markup or editors changed: what the guard holds, what it lets through, and that a held
 * fetch leaves the database as it was and an accepted one gives the history an unguarded ingest gives.
 */
class HeldFetchTest {
    private static final String FIRST = "2023-01-01";

    @TempDir
    Path dir;

    private List<Path> pages;

    @BeforeEach
    void listPages() throws IOException {
        pages = SiteEdits.seriesPages();
        fetch(FIRST, (i, html) -> html);
    }

    private Path raw() {
        return dir.resolve("raw");
    }

    private Path db() {
        return dir.resolve("gard.sqlite");
    }

    /** A fetch folder under raw/ of the series, each page passed through {@code edit} (index, html). */
    private Path fetch(String name, BiFunction<Integer, String, String> edit) {
        return SiteEdits.fetch(raw(), name, pages, edit);
    }

    private CommandLineRun run(String... more) {
        String[] args = Stream.concat(Stream.of("run", "--raw", raw().toString(), "--db", db().toString(), "--out",
                dir.resolve("out").toString()), Stream.of(more)).toArray(String[]::new);
        return CommandLineRun.of(args);
    }



    private long events(String fetchedAt) {
        return TestDb.count(db(), "SELECT count(*) FROM answer_changes WHERE fetched_at = '" + fetchedAt + "'");
    }

    @Test
    void anEditorialRoundOfASixthOfTheAnswersIsCommitted() {
        assertEquals(0, run().exitCode());
        fetch("2023-02-01", (i, html) -> i % 6 == 0 ? SiteEdits.moveDate(html) : html); // 4 pages: 12 of 72 answers re-dated
        CommandLineRun r = run();
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(12, TestDb.count(db(), "SELECT count(*) FROM date_only_changes WHERE fetched_at = '2023-02-01'"));
        assertTrue(r.err().contains("12 changed, 0 removed, 0 restored; layout changed on 0 pages"), r.err());
    }

    @Test
    void aFetchEditingAThirdOfTheAnswersIsHeldLeavingTheDatabaseByteForByteAndAcceptedGivesTheUnguardedHistory()
            throws Exception {
        assertEquals(0, run().exitCode());
        fetch("2023-02-01", (i, html) -> SiteEdits.editSummary(html)); // a sentence of each summary (those it lands in)
        byte[] before = Files.readAllBytes(db());

        CommandLineRun held = run("--json");

        assertEquals(5, held.exitCode(), held.err());
        assertArrayEquals(before, Files.readAllBytes(db()), "a held fetch changes no byte of the database");
        assertFalse(Files.exists(dir.resolve("gard.sqlite-wal")) && Files.size(dir.resolve("gard.sqlite-wal")) > 0);
        JsonNode json = new ObjectMapper().readTree(held.out());
        assertEquals(5, json.get("exit_code").asInt());
        int changed = json.get("held").get("changed").asInt();
        assertTrue(changed > 0.2 * 72, "the edit lands in more than a fifth of the answers: " + changed);
        assertEquals(72, json.get("held").get("answers").asInt());
        assertEquals(3, json.get("held").get("examples").size());
        assertEquals(1, json.get("fetches").size(), "the fetch before, ingested earlier");
        assertTrue(held.err().contains("\nfetch 2023-02-01 held for review, nothing of it committed: it "
                + "would mark " + changed + " of the 72 answers it touches as changed or removed ("), held.err());
        assertTrue(held.err().contains("example gard-"), held.err());
        assertTrue(held.err().contains(" (edited).+}"), held.err()); // a phrase diff: the edited word replaced whole

        CommandLineRun again = run();
        assertEquals(5, again.exitCode(), "held again until accepted");
        CommandLineRun accepted = run("--accept-held");
        assertEquals(0, accepted.exitCode(), accepted.err());
        assertEquals(changed, events("2023-02-01"));

        Path unguarded = dir.resolve("unguarded.sqlite");
        try (HistoryStore store = HistoryStore.open(unguarded)) {
            // what --accept-held gives: every fetch committed, none reviewed
            Ingester ingester = new Ingester(store, new ChangeGuard(ChangeGuard.DEFAULT_MAX_CHANGE_SHARE, true));
            ingester.ingest(FetchSource.open(raw().resolve(FIRST), FetchSource.Overrides.NONE));
            ingester.ingest(FetchSource.open(raw().resolve("2023-02-01"), FetchSource.Overrides.NONE));
        }
        assertEquals(TestDb.stableDump(unguarded), TestDb.stableDump(db()));
    }

    @Test
    void theReportNamesTheLandmarksThePagesLostAndGained() throws Exception {
        assertEquals(0, run().exitCode());
        // every page's symptom list replaced with GARD's placeholder, as a real page without symptoms shows it
        String placeholderPage = new String(org.gardpipeline.Fixtures.bytes("gard-2022/1q-duplications"), StandardCharsets.UTF_8);
        String placeholder = placeholderPage.substring(placeholderPage.indexOf("<app-symptoms-section"),
                placeholderPage.indexOf("</app-symptoms-section>"));
        fetch("2023-02-01", (i, html) -> html.substring(0, html.indexOf("<app-symptoms-section")) + placeholder
                + html.substring(html.indexOf("</app-symptoms-section>")));
        CommandLineRun r = run("--json");
        assertEquals(5, r.exitCode(), r.err());
        JsonNode held = new ObjectMapper().readTree(r.out()).get("held");
        assertEquals(24, held.get("removed").asInt(), r.out());
        assertEquals(24, held.get("landmark_changes").get("- app-symptoms-section: .symptom-list-container").asInt(), r.out());
        assertEquals(24, held.get("landmark_changes").get("+ app-symptoms-section: placeholder").asInt(), r.out());
        assertEquals(2, held.get("landmark_changes").size(), r.out());
        assertEquals(24, held.get("layout_changed_pages").asInt(), r.out());
        assertEquals(0, held.get("structure_changed_pages").asInt(), "the landmarks changed with the outline");
        assertTrue(r.err().contains("  landmark - app-symptoms-section: .symptom-list-container: 24 pages"), r.err());
        // regression: a page's layout joined its documents' lists with a space, running the last landmark of one
        // into the first of the next on one line
        assertEquals(0, TestDb.count(db(), "SELECT count(*) FROM page_layout WHERE landmarks LIKE '%.article app-disease-about%'"));
        assertEquals(24, TestDb.count(db(), "SELECT count(*) FROM page_layout WHERE landmarks = "
                + "(SELECT r.landmarks || char(10) || r.landmarks FROM parse_result r WHERE r.page_id = page_layout.page_id)"));
    }

    @Test
    void aCompleteFetchLackingHalfThePagesIsHeld() throws Exception {
        assertEquals(0, run().exitCode());
        Path half = fetch("2023-02-01", (i, html) -> html);
        for (int i = 12; i < 24; i++) {
            Files.delete(half.resolve(pages.get(i).getFileName()));
        }
        Files.writeString(half.resolve("fetch.properties"), "complete=true\n");
        CommandLineRun r = run("--json");
        assertEquals(5, r.exitCode(), r.err());
        JsonNode held = new ObjectMapper().readTree(r.out()).get("held");
        String dropped = String.join(", ", pages.subList(12, 24).stream().map(p -> "'" + p.getFileName() + "'").toList());
        long slotsOfMissingPages = TestDb.count(db(), "SELECT count(*) FROM current_answers c JOIN pages p "
                + "ON p.page_key = c.page_key WHERE p.slug IN (" + dropped + ")");
        assertTrue(slotsOfMissingPages >= 24, "the dropped pages hold answers: " + slotsOfMissingPages);
        assertEquals(slotsOfMissingPages, held.get("removed").asInt(), r.out());
        assertEquals(0, held.get("changed").asInt(), r.out());
        assertEquals(1, TestDb.count(db(), "SELECT count(*) FROM fetch"));
    }

    @Test
    void theShareIsAnOption() {
        assertEquals(0, run().exitCode());
        fetch("2023-02-01", (i, html) -> SiteEdits.editSummary(html));
        assertEquals(0, run("--max-change-share", "0.5").exitCode());
        CommandLineRun bad = run("--max-change-share", "20");
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains("--max-change-share 20.0 is not a share: give a number from 0 to 1"), bad.err());
    }

    @Test
    void changesOnPagesWhoseMarkupChangedUnderTheSameLandmarksAreHeld() {
        assertEquals(0, run().exitCode());
        // a new wrapper around the symptoms (which the parser reads through) and an edit of every summary in the same
        // fetch: every page keeps its landmarks and reads whole, but its markup changed with its answers
        fetch("2023-02-01", (i, html) -> SiteEdits.editSummary(html)
                .replace("<app-symptoms-section", "<div class=\"section-frame\"><app-symptoms-section")
                .replace("</app-symptoms-section>", "</app-symptoms-section></div>"));
        CommandLineRun r = run("--max-change-share", "1");
        assertEquals(5, r.exitCode(), r.err());
        assertTrue(r.err().matches("(?s).*fetch 2023-02-01 held for review, nothing of it committed: "
                + "\\d+ of its \\d+ changed or removed answers are on the \\d+ pages whose markup changed in the same "
                + "fetch while their landmarks did not.*"), r.err());
        assertEquals(0, events("2023-02-01"));
        assertEquals(1, TestDb.count(db(), "SELECT count(*) FROM fetch"));
    }

    /**
     * Issue 24: the frequency of the symptom open in the carousel moved to a class the parser does not know. Every page
     * kept its landmarks, and its symptoms answer lost the frequency, which only the hold above caught; now the text
     * the parser does not read quarantines every page, whatever the share.
     */
    @Test
    void aRenamedClassThatTextHangsOnIsQuarantinedOnEveryPageAndRecordsNoChange() {
        assertEquals(0, run().exitCode());
        fetch("2023-02-01", (i, html) -> html.replace("class=\"marker-text", "class=\"frequency-marker"));
        CommandLineRun r = run("--max-change-share", "1");
        assertEquals(3, r.exitCode(), r.err());
        assertEquals(0, events("2023-02-01"));
        assertEquals(24, TestDb.count(db(), "SELECT count(*) FROM quarantine WHERE reason LIKE "
                + "'gard-2022-html layout changed: text in <app-symptoms-section> that the parser does not read: %'"));
    }

    @Test
    void aRenamedComponentIsQuarantinedOnEveryPageAndRecordsNoChange() {
        assertEquals(0, run().exitCode());
        fetch("2023-02-01", (i, html) -> html.replace("app-symptoms-section", "app-symptoms-panel"));
        CommandLineRun r = run();
        assertEquals(3, r.exitCode(), r.err());
        assertEquals(0, events("2023-02-01"));
        assertEquals(24, TestDb.count(db(), "SELECT count(*) FROM quarantine WHERE reason LIKE "
                + "'gard-2022-html layout changed: no <app-symptoms-section> in the page%'"));
        assertTrue(r.err().contains("layout changed: no <app-symptoms-section> in the page"), r.err());
    }

    @Test
    void aShellAMaintenancePageACutOffPageAndAMovedDateAreQuarantinedAndRecordNoChange() {
        assertEquals(0, run().exitCode());
        String maintenance = "<!DOCTYPE html><html><head></head><body><app-root ng-version=\"11.2.14\"><app-maintenance>"
                + "<h1 class=\"title\">We are performing scheduled maintenance</h1></app-maintenance><app-footer>"
                + "<footer>GARD</footer></app-footer></app-root></body></html>";
        fetch("2023-02-01", (i, html) -> switch (i) {
            case 0 -> html.substring(0, html.indexOf('>', html.indexOf("<app-disease-at-a-glance-summary")) + 1)
                    + html.substring(html.indexOf("</app-disease-at-a-glance-summary>"));
            case 1 -> maintenance;
            case 2 -> html.substring(0, html.length() / 2);
            case 3 -> html.replace("Last Updated", "Updated");
            default -> html;
        });
        CommandLineRun r = run();
        assertEquals(3, r.exitCode(), r.err());
        assertEquals(0, events("2023-02-01"), "no page's answers are changed or removed");
        List<String> reasons = TestDb.rows(db(), "SELECT reason FROM quarantine ORDER BY path").stream()
                .map(row -> (String) row.get("reason")).toList();
        assertEquals(4, reasons.size(), reasons.toString());
        assertTrue(reasons.get(0).contains("<app-disease-at-a-glance-summary> shows neither a summary nor GARD's placeholder"));
        assertTrue(reasons.get(1).startsWith("gard-2022-html document of an unknown layout"), reasons.get(1));
        assertTrue(reasons.get(2).startsWith("gard-2022-html page is truncated"), reasons.get(2));
        assertTrue(reasons.get(3).contains("no 'Last Updated' line in <app-bottom-sources-date-information>"), reasons.get(3));
    }

    @Test
    void aRenamedSymptomListClassIsQuarantinedAndRecordsNoChange() {
        assertEquals(0, run().exitCode());
        fetch("2023-02-01", (i, html) -> html.replace("symptom-list-container", "symptom-list-items"));
        CommandLineRun r = run();
        assertEquals(3, r.exitCode(), r.err());
        assertEquals(0, events("2023-02-01"));
        assertTrue(TestDb.count(db(), "SELECT count(*) FROM quarantine WHERE reason LIKE '%.symptom-list-container%'") > 0);
    }

    @Test
    void aNewBuildAndNewWrappersRecordNoChangeAndTheSummarySaysWhereTheLayoutChanged() {
        assertEquals(0, run().exitCode());
        fetch("2023-02-01", (i, html) -> SiteEdits.cosmeticVariant(html));
        CommandLineRun cosmetic = run();
        assertEquals(0, cosmetic.exitCode(), cosmetic.err());
        assertTrue(cosmetic.err().contains("0 added, 0 changed, 0 removed, 0 restored; layout changed on 0 pages"),
                cosmetic.err());
        fetch("2023-03-01", (i, html) -> html.replace("</app-causes-container>", "</app-causes-container></div>")
                .replace("<app-causes-container", "<div class=\"causes-frame\"><app-causes-container"));
        CommandLineRun wrapped = run();
        assertEquals(0, wrapped.exitCode(), wrapped.err());
        assertTrue(wrapped.err().contains("0 added, 0 changed, 0 removed, 0 restored; layout changed on 24 pages"),
                wrapped.err());
        assertEquals(0, events("2023-02-01") + events("2023-03-01"));
        assertEquals(24, TestDb.count(db(), "SELECT count(*) FROM page_layout_changes l JOIN fetch f ON f.fetch_id = "
                + "l.fetch_id WHERE f.fetched_at = '2023-03-01' AND l.layout_changed = 1"));
    }

    @Test
    void aChangeOnAPageWhoseLayoutChangedSaysSo() {
        assertEquals(0, run().exitCode());
        fetch("2023-02-01", (i, html) -> i == 0 ? SiteEdits.moveDate(html).replace("<app-causes-container",
                "<div class=\"causes-frame\"><app-causes-container").replace("</app-causes-container>",
                "</app-causes-container></div>") : i == 1 ? SiteEdits.moveDate(html) : html);
        assertEquals(0, run().exitCode());
        String wrapped = pages.get(0).getFileName().toString();
        List<java.util.Map<String, Object>> rows = TestDb.rows(db(), "SELECT p.slug, c.layout_changed FROM answer_changes c "
                + "JOIN pages p ON p.page_key = c.page_key WHERE c.fetched_at = '2023-02-01'");
        assertEquals(6, rows.size(), rows.toString());
        for (java.util.Map<String, Object> row : rows) {
            assertEquals(row.get("slug").equals(wrapped) ? 1 : 0, ((Number) row.get("layout_changed")).intValue(), rows.toString());
        }
    }

    @Test
    void theSamplesOfRawWithTheirPassageFromMedQuadTo2022AreCommitted() throws IOException {
        Path samples = Files.createDirectories(dir.resolve("samples"));
        try (Stream<Path> folders = Files.list(Path.of("raw"))) {
            for (Path folder : (Iterable<Path>) folders::iterator) {
                org.gardpipeline.FetchSeries.copyFolder(folder, samples.resolve(folder.getFileName()));
            }
        }
        CommandLineRun r = CommandLineRun.of("run", "--raw", samples.toString(), "--db", dir.resolve("samples.sqlite")
                .toString(), "--out", dir.resolve("samples-out").toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(TestDb.count(dir.resolve("samples.sqlite"), "SELECT count(*) FROM answer_changes WHERE fetched_at = "
                + "'2022-12-20' AND change IN ('changed', 'removed')") >= ChangeGuard.MIN_CHANGES,
                "the 2022 pages replace the MedQuAD answers: enough changes to be held were they counted");
    }
}
