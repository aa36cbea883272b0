package org.gardpipeline.export;

import static org.gardpipeline.FetchSeries.answerText;
import static org.gardpipeline.FetchSeries.edit;
import static org.gardpipeline.FetchSeries.fetch;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.gardpipeline.TestDb;
import org.gardpipeline.ingest.FetchSource;
import org.gardpipeline.ingest.Ingester;
import org.gardpipeline.output.OutputException;
import org.gardpipeline.store.HistoryStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvExportTest {
    /** Answer text that a naive CSV writer or reader gets wrong. */
    private static final String AWKWARD = "Some say \"it's rare\", others disagree;\n\nthe café's ≥ 2 cases, =1+1 and -5.";

    @TempDir
    Path dir;

    private Path db;
    private Path out;

    @BeforeEach
    void twoFetches() {
        Path raw = dir.resolve("raw");
        fetch(raw, "2016-01-01", "a.txt", answerText());
        fetch(raw, "2016-03-01", "a.txt", edit(answerText(),
                "To our knowledge there have not been any reports of caudal regression syndrome being caused by exposure to "
                        + "ciprofloxacin during pregnancy.", AWKWARD));
        db = dir.resolve("gard.sqlite");
        out = dir.resolve("out");
        try (HistoryStore store = HistoryStore.open(db)) {
            for (String f : List.of("2016-01-01", "2016-03-01")) {
                new Ingester(store).ingest(FetchSource.open(raw.resolve(f), FetchSource.Overrides.NONE));
            }
        }
    }

    private void export(ExportOptions options) {
        try (HistoryStore store = HistoryStore.openExisting(db)) {
            new CsvExporter(store, options).export(out, "test");
        }
    }

    private static List<CSVRecord> read(Path file) throws Exception {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser p = CSVFormat.RFC4180.builder().setHeader().get().parse(r)) {
            return p.getRecords();
        }
    }

    private static List<String> header(Path file) throws Exception {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser p = CSVFormat.RFC4180.builder().setHeader().get().parse(r)) {
            return p.getHeaderNames();
        }
    }

    private static List<Path> files(Path folder) throws Exception {
        try (Stream<Path> s = Files.list(folder)) {
            return s.sorted().toList();
        }
    }

    @Test
    void everyFileReadsBackIntoTheRowsOfItsViewAndItsHeaderIsTheDescribedFieldList() throws Exception {
        export(ExportOptions.DEFAULT);
        JsonNode pkg = new ObjectMapper().readTree(out.resolve("datapackage.json").toFile());
        assertEquals(8, pkg.get("resources").size());
        for (Table table : Tables.ALL) {
            Path file = out.resolve(table.file());
            List<String> described = new ArrayList<>();
            for (JsonNode n : pkg.get("resources")) {
                if (n.get("path").asText().equals(table.file())) {
                    n.get("schema").get("fields").forEach(f -> described.add(f.get("name").asText()));
                }
            }
            assertEquals(described, header(file), table.file());

            List<CSVRecord> records = read(file);
            String order = switch (table.dataset()) {
                case FETCHES -> "fetched_at, label";
                case PAGES -> "page_key";
                case CURRENT_ANSWERS -> "page_key, slot_key";
                case ANSWER_VERSIONS -> "page_key, slot_key, valid_from, version_id";
                case ANSWER_CHANGES -> "fetched_at, fetch_id, page_key, slot_key";
                case REFERENCES -> "version_id, number";
                case PHENOTYPES -> "page_key, listed_from, position";
                case QUARANTINE -> "fetch_id, path";
            };
            List<Map<String, Object>> rows = TestDb.rows(db, "SELECT * FROM " + table.dataset().viewName() + " ORDER BY " + order);
            assertEquals(rows.size(), records.size(), table.file());
            for (int i = 0; i < rows.size(); i++) {
                for (Field f : table.fields()) {
                    assertEquals(expectedCell(f, rows.get(i).get(f.name())), records.get(i).get(f.name()),
                            table.file() + " " + f.name());
                }
            }
        }
        assertTrue(read(out.resolve("answers.csv")).stream().anyMatch(r -> r.get("answer_text").equals(AWKWARD)));
    }

    private static String expectedCell(Field f, Object value) {
        if (value == null) {
            return "";
        }
        return f.type().equals("boolean") ? (((Number) value).intValue() != 0 ? "true" : "false") : value.toString();
    }

    @Test
    void twoExportsOfOneDatabaseAreByteIdentical() throws Exception {
        export(ExportOptions.DEFAULT);
        Map<String, byte[]> first = new TreeMap<>();
        for (Path f : files(out)) {
            first.put(f.getFileName().toString(), Files.readAllBytes(f));
        }
        export(ExportOptions.DEFAULT);
        for (Path f : files(out)) {
            assertArrayEquals(first.get(f.getFileName().toString()), Files.readAllBytes(f), f.toString());
        }
        assertEquals(9, first.size());
    }

    @Test
    void anExportThatFailsHalfwayLeavesTheEarlierFilesAndNoTemporaryFolder() throws Exception {
        export(ExportOptions.DEFAULT);
        Map<Path, byte[]> before = new HashMap<>();
        for (Path f : files(out)) {
            before.put(f, Files.readAllBytes(f));
        }
        // A real failure after most files are written: the last table's view now fails when read.
        TestDb.execute(db, "DROP VIEW quarantine");
        TestDb.execute(db, "CREATE VIEW quarantine AS SELECT fetch_id, path, quarantine_reason AS reason FROM document "
                + "WHERE abs(-9223372036854775807 - 1) > 0");
        try (HistoryStore store = HistoryStore.openExisting(db)) {
            assertThrows(RuntimeException.class, () -> new CsvExporter(store).export(out, "test"));
        }
        assertEquals(before.keySet(), new HashSet<>(files(out)));
        for (Path f : files(out)) {
            assertArrayEquals(before.get(f), Files.readAllBytes(f), f.toString());
        }
    }

    @Test
    void asOfADateBetweenFetchesGivesTheOlderVersion() throws Exception {
        String cipro = "q:does-exposure-to-ciprofloxacin-in-pregnancy-cause-caudal-regression-syndrome";
        export(new ExportOptions("2016-02-15", false));
        CSVRecord row = read(out.resolve("answers.csv")).stream().filter(r -> r.get("slot_key").equals(cipro)).findFirst().orElseThrow();
        assertTrue(row.get("answer_text").startsWith("To our knowledge"), row.get("answer_text"));
        assertEquals("1", row.get("versions"));
        assertEquals("2016-02-15", new ObjectMapper().readTree(out.resolve("datapackage.json").toFile()).get("as_of").asText());
        export(ExportOptions.DEFAULT);
        row = read(out.resolve("answers.csv")).stream().filter(r -> r.get("slot_key").equals(cipro)).findFirst().orElseThrow();
        assertEquals(AWKWARD, row.get("answer_text"));
        assertEquals("2", row.get("versions"));
    }

    @Test
    void anOutputFolderThatCannotBeWrittenIsAUsageErrorNamingIt() throws Exception {
        Path notAFolder = dir.resolve("out-is-a-file");
        Files.writeString(notAFolder, "already here");
        out = notAFolder;
        OutputException e = assertThrows(OutputException.class, () -> export(ExportOptions.DEFAULT));
        assertTrue(e.isUsageError());
        assertTrue(e.getMessage().startsWith("cannot write to output folder " + notAFolder), e.getMessage());
        assertEquals("already here", Files.readString(notAFolder));
    }

    @Test
    void asOfBeforeTheFirstFetchIsAUsageErrorAndWritesNothing() {
        OutputException e = assertThrows(OutputException.class, () -> export(new ExportOptions("2015-12-31", false)));
        assertTrue(e.isUsageError());
        assertTrue(e.getMessage().contains("before the first fetch (2016-01-01)"), e.getMessage());
        assertFalse(Files.exists(out));
    }

    @Test
    void excelOutputHasABomAndNeutralisedFormulasWhileTheDefaultLeavesTheDataUntouched() throws Exception {
        export(ExportOptions.DEFAULT);
        byte[] plain = Files.readAllBytes(out.resolve("answers.csv"));
        assertEquals('p', plain[0], "no BOM by default");
        assertTrue(new String(plain, StandardCharsets.UTF_8).contains("=1+1 and -5."));
        export(new ExportOptions(null, true));
        byte[] excel = Files.readAllBytes(out.resolve("answers.csv"));
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(excel, 3));
        assertEquals("'=cmd|' /C calc'!A0", SpreadsheetSafety.neutralise("=cmd|' /C calc'!A0"));
        assertEquals("'+1", SpreadsheetSafety.neutralise("+1"));
        assertEquals("'-5", SpreadsheetSafety.neutralise("-5"));
        assertEquals("'@SUM(A1)", SpreadsheetSafety.neutralise("@SUM(A1)"));
        assertEquals("'\tx", SpreadsheetSafety.neutralise("\tx"));
        assertEquals("plain -5", SpreadsheetSafety.neutralise("plain -5"));
    }
}
