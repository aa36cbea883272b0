package org.gardpipeline.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.gardpipeline.Fixtures;
import org.gardpipeline.TestDb;
import org.gardpipeline.ingest.FetchSource;
import org.gardpipeline.ingest.Ingester;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GARD's API records in the history: beside the seed, beside MedQuAD, and saved again with other news. */
class ApiHistoryTest {
    @TempDir
    Path dir;

    private Path db() {
        return dir.resolve("gard.sqlite");
    }

    private Path fetch(String name, Map<String, byte[]> files) throws IOException {
        Path folder = dir.resolve("raw").resolve(name);
        Files.createDirectories(folder);
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            Files.write(folder.resolve(f.getKey()), f.getValue());
        }
        return folder;
    }

    private void ingest(Path... folders) {
        try (HistoryStore store = HistoryStore.open(db())) {
            Ingester ingester = new Ingester(store);
            for (Path f : folders) {
                ingester.ingest(FetchSource.open(f, FetchSource.Overrides.NONE));
            }
            assertEquals(List.of(), store.check());
        }
    }

    private long events(String date) {
        return TestDb.count(db(), "SELECT count(*) FROM answer_changes WHERE fetched_at = '" + date + "'");
    }

    /** The seed is case 36631 of record 6007: its three answers go on through 2020 with no change event. */
    @Test
    void theSeedsAnswersContinueIntoGardsRecord() throws Exception {
        ingest(fetch("2017-01-01-seed", Map.of("seed.txt", Fixtures.bytes("answer-text/caudal-regression-sequence.txt"))),
                fetch("2020-12-11-api", Map.of("6007.json", Fixtures.bytes("gard-api/6007.json"))));
        assertEquals(0, TestDb.count(db(), """
                SELECT count(*) FROM answer_changes c WHERE c.fetched_at = '2020-12-11' AND c.change <> 'added'"""));
        assertEquals(List.of(Map.of("slot_key", "causes", "valid_from", "2017-01-01"),
                Map.of("slot_key", "q:does-exposure-to-ciprofloxacin-in-pregnancy-cause-caudal-regression-syndrome",
                        "valid_from", "2017-01-01"),
                Map.of("slot_key", "q:is-there-evidence-that-caudal-regression-syndrome-may-be-caused-by-fetal-exposure-"
                        + "to-medications-during-pregnancy", "valid_from", "2017-01-01")),
                TestDb.rows(db(), """
                        SELECT slot_key, valid_from FROM answer_versions
                        WHERE valid_from = '2017-01-01' ORDER BY slot_key"""));
        // the seed's two questions of their own take the topic GARD's record classifies them under
        assertEquals(3, TestDb.count(db(), "SELECT count(*) FROM current_answers WHERE topic = 'causes' AND slot_key LIKE 'q:%'"));
        assertEquals(41, TestDb.count(db(), "SELECT count(*) FROM phenotypes WHERE page_key = 'gard-6007'"));
        // the seed's causes answer and its question of fetal exposure cite it
        assertEquals(2, TestDb.count(db(), """
                SELECT count(*) FROM version_references WHERE authors = 'Boulas MM' AND container = 'Adv Neonatal Care'
                  AND published = 'April 2009' AND volume = '9(2)' AND pages = '61-69'"""));
    }

    /** A record saved again with other news, organisations and keys in another order is the same page. */
    @Test
    void aRecordWhoseNonAnswerPartsChangedGivesNoEvent() throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode record = (ObjectNode) json.readTree(Fixtures.bytes("gard-api/6007.json"));
        ((ArrayNode) record.withArray("news")).addObject().put("title", "A new study of sacral agenesis")
                .put("url", "https://example.org/news/1");
        ((ArrayNode) record.withArray("organizations")).removeAll();
        ((ArrayNode) record.withArray("conferences")).addObject().put("name", "Rare Disease Day 2021");
        record.put("EncodedName", "Caudal_regression_sequence_resaved");
        ObjectNode reordered = json.createObjectNode();
        List<String> names = new java.util.ArrayList<>();
        record.fieldNames().forEachRemaining(names::add);
        java.util.Collections.reverse(names);
        names.forEach(n -> reordered.set(n, record.get(n)));
        ingest(fetch("2020-12-11-api", Map.of("6007.json", Fixtures.bytes("gard-api/6007.json"))),
                fetch("2020-12-20-api", Map.of("6007.json", json.writerWithDefaultPrettyPrinter().writeValueAsBytes(reordered))));
        assertEquals(8, events("2020-12-11"));
        assertEquals(0, events("2020-12-20"));
        assertEquals(0, TestDb.count(db(), "SELECT count(*) FROM quarantine"));
    }

    /**
     * 5913's summary was rewritten after MedQuAD's copy but dated 2014-11-14: a stale date. MedQuAD's copy states no
     * date and carries no references, so neither counts as changed; only the words do.
     */
    @Test
    void aRewriteDatedBeforeTheOldTextWasLastSeenIsAStaleDate() throws Exception {
        ingest(fetch("2019-01-01-medquad", Map.of("0001341.xml", Fixtures.bytes("gard-api/medquad-5913.xml"))),
                fetch("2020-12-11-api", Map.of("5913.json", Fixtures.bytes("gard-api/5913.json"))));
        assertEquals(List.of(Map.of("slot_key", "summary", "last_updated", "2014-11-14", "previous_text_last_seen", "2019-01-01",
                "stale_because", "date before the previous text was last seen")), TestDb.rows(db(), """
                SELECT slot_key, last_updated, previous_text_last_seen, stale_because FROM stale_dates
                WHERE slot_key = 'summary'"""));
        assertEquals("[{change=changed, text_changed=1, date_changed=0, references_changed=0}]", TestDb.rows(db(), """
                SELECT change, text_changed, date_changed, references_changed FROM answer_changes
                WHERE fetched_at = '2020-12-11' AND slot_key = 'summary'""").toString());
    }

    /**
     * A record that holds no answered question (3,652 of 2020 do) removes nothing: the page's answers shown before
     * are not withdrawn by a record that says nothing of them.
     */
    @Test
    void aRecordWithoutAnswersRemovesNone() throws Exception {
        byte[] answerless = ("{\"mainPropery\":{\"diseaseId\":6007,\"diseaseName\":\"Caudal regression sequence\"},"
                + "\"overviewQuestion\":{\"questionId\":0,\"dateModified\":\"0001-01-01T00:00:00\"},"
                + "\"basicQuestions\":[],\"gardCases\":[],\"phenoTypes\":[]}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        ingest(fetch("2020-12-11-api", Map.of("6007.json", Fixtures.bytes("gard-api/6007.json"))),
                fetch("2021-06-01-api", Map.of("6007.json", answerless)));
        assertEquals(0, events("2021-06-01"));
        assertEquals(8, TestDb.count(db(), "SELECT count(*) FROM current_answers"));
    }

    /** GARD's list of diseases beside the records is skipped with a note, never quarantined. */
    @Test
    void theListOfDiseasesBesideTheRecordsIsNoDocument() throws Exception {
        ingest(fetch("2020-12-11-api", Map.of("6007.json", Fixtures.bytes("gard-api/6007.json"),
                "diseases.json", Fixtures.bytes("gard-api/diseases-list-first-3.json"))));
        assertEquals("[{documents=1, parsed=1, quarantined=0}]",
                TestDb.rows(db(), "SELECT documents, parsed, quarantined FROM fetches").toString());
        assertTrue(TestDb.count(db(), "SELECT count(*) FROM answer_changes") > 0);
    }
}
