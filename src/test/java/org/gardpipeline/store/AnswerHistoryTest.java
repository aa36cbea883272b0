package org.gardpipeline.store;

import static org.gardpipeline.FetchSeries.answerText;
import static org.gardpipeline.FetchSeries.edit;
import static org.gardpipeline.FetchSeries.fetch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.gardpipeline.TestDb;
import org.gardpipeline.ingest.FetchSource;
import org.gardpipeline.ingest.Ingester;
import org.gardpipeline.model.IngestSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The history rules of DESIGN.md on a real SQLite file, with fetches made from the real text answer. */
class AnswerHistoryTest {
    private static final String CIPRO_SLOT = "q:does-exposure-to-ciprofloxacin-in-pregnancy-cause-caudal-regression-syndrome";
    private static final String CIPRO_ANSWER = "\nDoes exposure to\u00a0ciprofloxacin in pregnancy cause caudal regression syndrome?\n\n"
            + "To our knowledge there have not been any reports of caudal regression syndrome being caused by exposure to "
            + "ciprofloxacin during pregnancy.\nLast updated: 9/28/2012\n";

    @TempDir
    Path dir;

    private Path db() {
        return dir.resolve("gard.sqlite");
    }

    private IngestSummary ingest(Path folder) {
        try (HistoryStore store = HistoryStore.open(db())) {
            return new Ingester(store).ingest(FetchSource.open(folder, FetchSource.Overrides.NONE));
        }
    }

    private List<Map<String, Object>> changes() {
        return TestDb.rows(db(), "SELECT * FROM answer_changes ORDER BY fetched_at, slot_key");
    }

    @Test
    void firstFetchAddsThreeSlots() {
        IngestSummary s = ingest(fetch(dir, "2016-01-01", "a.txt", answerText()));
        assertEquals(3, s.added());
        assertEquals(3, TestDb.count(db(), "SELECT count(*) FROM current_answers"));
        assertEquals(3, TestDb.count(db(), "SELECT count(*) FROM answer_versions"));
        assertEquals("In a non-diabetic mother, what is the most common cause of this condition in a baby? Is there any "
                + "evidence it can be caused by exposure to medication such as ciproxin?",
                TestDb.rows(db(), "SELECT inquiry FROM document").get(0).get("inquiry"));
    }

    @Test
    void whitespaceCrlfAndBomCreateNoVersion() {
        ingest(fetch(dir, "2016-01-01", "a.txt", answerText()));
        String respaced = "\uFEFF" + answerText().replace("\n", " \r\n").replace(". ", ".  ");
        IngestSummary s = ingest(fetch(dir, "2016-02-01", "a.txt", respaced.getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of(0, 0, 0, 0), List.of(s.added(), s.changed(), s.removed(), s.restored()));
        assertEquals(3, TestDb.count(db(), "SELECT count(*) FROM answer_versions"));
        assertEquals(3, changes().size());
    }

    @Test
    void editedParagraphIsOneTextChangeAndTheOldTextStaysReadable() {
        ingest(fetch(dir, "2016-01-01", "a.txt", answerText()));
        String edited = edit(answerText(), "The risk is further increased if the mother's diabetes is poorly managed.",
                "The risk is higher still when the mother's diabetes is poorly controlled.");
        IngestSummary s = ingest(fetch(dir, "2016-02-01", "a.txt", edited));
        assertEquals(1, s.changed());
        List<Map<String, Object>> changed = TestDb.rows(db(), "SELECT * FROM answer_changes WHERE change = 'changed'");
        assertEquals(1, changed.size());
        assertEquals("causes", changed.get(0).get("slot_key"));
        assertEquals(List.of(1, 0, 0), List.of(changed.get(0).get("text_changed"), changed.get(0).get("date_changed"),
                changed.get(0).get("references_changed")));
        List<Map<String, Object>> versions = TestDb.rows(db(),
                "SELECT * FROM answer_versions WHERE slot_key = 'causes' ORDER BY valid_from");
        assertEquals(2, versions.size());
        assertTrue(((String) versions.get(0).get("answer_text")).contains("poorly managed"));
        assertEquals("2016-02-01", versions.get(0).get("valid_to"));
        assertTrue(((String) versions.get(1).get("answer_text")).contains("poorly controlled"));
        assertEquals(null, versions.get(1).get("valid_to"));
        assertEquals(1L, TestDb.count(db(), "SELECT count(*) FROM answer_versions WHERE slot_key <> 'causes' "
                + "GROUP BY slot_key ORDER BY 1 DESC LIMIT 1"));
    }

    @Test
    void movedDateWithSameTextIsADateOnlyChange() {
        ingest(fetch(dir, "2016-01-01", "a.txt", answerText()));
        ingest(fetch(dir, "2016-02-01", "a.txt", edit(answerText(), "Last updated: 9/10/2015", "Last updated: 1/15/2016")));
        List<Map<String, Object>> changed = TestDb.rows(db(), "SELECT * FROM answer_changes WHERE change = 'changed'");
        assertEquals(1, changed.size());
        assertEquals("causes", changed.get(0).get("slot_key"));
        assertEquals(List.of(0, 1, 0), List.of(changed.get(0).get("text_changed"), changed.get(0).get("date_changed"),
                changed.get(0).get("references_changed")));
        assertEquals("2016-01-15", TestDb.rows(db(),
                "SELECT last_updated FROM current_answers WHERE slot_key = 'causes'").get(0).get("last_updated"));
    }

    @Test
    void droppedAnswerIsRemovedAndComesBackRestored() {
        ingest(fetch(dir, "2016-01-01", "a.txt", answerText()));
        IngestSummary gone = ingest(fetch(dir, "2016-02-01", "a.txt", edit(answerText(), CIPRO_ANSWER, "\n")));
        assertEquals(1, gone.removed());
        assertEquals(2, TestDb.count(db(), "SELECT count(*) FROM current_answers"));
        IngestSummary back = ingest(fetch(dir, "2016-03-01", "a.txt", answerText()));
        assertEquals(1, back.restored());
        assertEquals(0, back.changed() + back.added());
        List<Map<String, Object>> events = TestDb.rows(db(),
                "SELECT change, fetched_at, from_version, to_version FROM answer_changes WHERE slot_key = '" + CIPRO_SLOT
                        + "' ORDER BY fetched_at");
        assertEquals(List.of("added", "removed", "restored"), events.stream().map(e -> e.get("change")).toList());
        // Back with the same text: the same version, not a new one.
        assertEquals(events.get(0).get("to_version"), events.get(2).get("to_version"));
        assertEquals(1L, TestDb.count(db(), "SELECT count(*) FROM answer_versions WHERE slot_key = '" + CIPRO_SLOT + "'"));
        assertEquals(3, TestDb.count(db(), "SELECT count(*) FROM current_answers"));
    }

    @Test
    void reingestingAFetchIsANoOp() {
        Path folder = fetch(dir, "2016-01-01", "a.txt", answerText());
        ingest(folder);
        String before = TestDb.dump(db()).replaceAll("(ingested_at|listing_sha256)=[^,}]*", "");
        IngestSummary again = ingest(folder);
        assertTrue(again.alreadyIngested());
        assertEquals(before, TestDb.dump(db()).replaceAll("(ingested_at|listing_sha256)=[^,}]*", ""));
    }

    @Test
    void aDifferentFetchUnderAnIngestedDateIsRefused() {
        ingest(fetch(dir, "2016-01-01", "a.txt", answerText()));
        Path other = dir.resolve("other");
        Path folder = fetch(other, "2016-01-01", "a.txt", edit(answerText(), "Warm regards", "Kind regards"));
        StoreException e = assertThrows(StoreException.class, () -> ingest(folder));
        assertTrue(e.isUsageError());
        assertTrue(e.getMessage().contains("give it a distinct label"), e.getMessage());
    }

    @Test
    void aFailureInsideAFetchLeavesTheDatabaseExactlyAsItWas() {
        ingest(fetch(dir, "2016-01-01", "a.txt", answerText()));
        // A real SQLite error raised halfway through writing the second fetch.
        TestDb.execute(db(), "CREATE TRIGGER fail_midway BEFORE INSERT ON version "
                + "WHEN (SELECT count(*) FROM fetch) > 1 BEGIN SELECT RAISE(ABORT, 'injected failure'); END");
        String before = TestDb.dump(db());
        Path second = fetch(dir, "2016-02-01", "a.txt", edit(answerText(), "poorly managed", "poorly controlled"));
        StoreException e = assertThrows(StoreException.class, () -> ingest(second));
        assertTrue(e.getMessage().contains("nothing of it was written"), e.getMessage());
        assertEquals(before, TestDb.dump(db()));
    }
}
