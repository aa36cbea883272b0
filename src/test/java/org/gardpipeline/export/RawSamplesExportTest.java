package org.gardpipeline.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.gardpipeline.cli.Main;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The export of the samples in raw/: keys unique, every foreign key resolves, as datapackage.json declares. */
class RawSamplesExportTest {
    @TempDir
    static Path dir;

    private static JsonNode pkg;
    private static final Map<String, List<CSVRecord>> ROWS = new HashMap<>();

    @BeforeAll
    static void runOnTheSamples() throws Exception {
        int code = Main.execute("run", "--raw", "raw", "--db", dir.resolve("gard.sqlite").toString(), "--out", dir.toString());
        assertTrue(code == 0 || code == 3, "run exited " + code);
        pkg = new ObjectMapper().readTree(dir.resolve("datapackage.json").toFile());
        for (JsonNode r : pkg.get("resources")) {
            try (Reader reader = Files.newBufferedReader(dir.resolve(r.get("path").asText()), StandardCharsets.UTF_8);
                 CSVParser p = CSVFormat.RFC4180.builder().setHeader().get().parse(reader)) {
                ROWS.put(r.get("name").asText(), p.getRecords());
            }
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> list = new ArrayList<>();
        array.forEach(n -> list.add(n.asText()));
        return list;
    }

    private static String key(CSVRecord row, List<String> fields) {
        StringBuilder sb = new StringBuilder();
        fields.forEach(f -> sb.append(row.get(f)).append('\u001f'));
        return sb.toString();
    }

    @Test
    void theSamplesGiveAnswers() {
        assertTrue(ROWS.get("answers").size() >= 3, "answers: " + ROWS.get("answers").size());
    }

    @Test
    void primaryKeysAreUnique() {
        for (JsonNode r : pkg.get("resources")) {
            List<String> pk = strings(r.get("schema").get("primaryKey"));
            Set<String> seen = new HashSet<>();
            for (CSVRecord row : ROWS.get(r.get("name").asText())) {
                assertTrue(seen.add(key(row, pk)), r.get("name").asText() + " repeats key " + key(row, pk));
            }
        }
    }

    @Test
    void everyForeignKeyResolves() {
        int checked = 0;
        for (JsonNode r : pkg.get("resources")) {
            for (JsonNode fk : r.get("schema").path("foreignKeys")) {
                List<String> fields = strings(fk.get("fields"));
                String target = fk.get("reference").get("resource").asText();
                List<String> targetFields = strings(fk.get("reference").get("fields"));
                Set<String> keys = new HashSet<>();
                ROWS.get(target).forEach(row -> keys.add(key(row, targetFields)));
                for (CSVRecord row : ROWS.get(r.get("name").asText())) {
                    if (fields.stream().allMatch(f -> row.get(f).isEmpty())) {
                        continue;
                    }
                    assertTrue(keys.contains(key(row, fields)), r.get("name").asText() + "." + fields + " -> " + target
                            + " does not resolve: " + key(row, fields));
                    checked++;
                }
            }
        }
        assertTrue(checked > 0);
    }

    @Test
    void everyResourceIsDescribed() {
        assertEquals(8, pkg.get("resources").size());
        for (JsonNode r : pkg.get("resources")) {
            for (JsonNode f : r.get("schema").get("fields")) {
                assertTrue(f.get("description").asText().length() > 5, f.toString());
            }
        }
    }
}
