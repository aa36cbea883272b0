package org.gardpipeline.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.gardpipeline.cli.Main;
import org.gardpipeline.model.Format;
import org.gardpipeline.store.HistoryStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * datapackage.json against the official Frictionless v1 JSON Schema profiles (vendored from datapackage-js,
 * see src/test/resources/frictionless/SOURCE.md), and what it says of licences and sources.
 */
class DataPackageProfileTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    private static JsonNode samples;

    @BeforeAll
    static void exportTheSamples() throws Exception {
        int code = Main.execute("run", "--raw", "raw", "--db", dir.resolve("gard.sqlite").toString(), "--out",
                dir.resolve("out").toString(), "--quiet");
        assertTrue(code == 0 || code == 3, "run exited " + code);
        samples = JSON.readTree(dir.resolve("out/datapackage.json").toFile());
    }

    private static JsonSchema profile(String name) throws Exception {
        try (InputStream in = DataPackageProfileTest.class.getResourceAsStream("/frictionless/" + name + ".json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(JSON.readTree(in));
        }
    }

    /** Every violation of the package profile and, for each resource, of the resource profile. */
    private static List<String> violations(JsonNode pkg) throws Exception {
        List<String> found = new ArrayList<>();
        for (ValidationMessage m : profile("tabular-data-package").validate(pkg)) {
            found.add(m.getMessage());
        }
        JsonSchema resource = profile("tabular-data-resource");
        for (JsonNode r : pkg.get("resources")) {
            Set<ValidationMessage> messages = resource.validate(r);
            messages.forEach(m -> found.add(r.get("name").asText() + ": " + m.getMessage()));
        }
        return found;
    }

    @Test
    void thePackageOfTheSamplesIsValidUnderTheTabularProfiles() throws Exception {
        assertEquals(List.of(), violations(samples));
    }

    @Test
    void theProfilesRefuseAnEmptyForeignKeyListAsTheReferenceValidatorDoes() throws Exception {
        ObjectNode broken = samples.deepCopy();
        ((ObjectNode) broken.get("resources").get(0).get("schema")).putArray("foreignKeys");
        List<String> found = violations(broken);
        assertFalse(found.isEmpty());
        assertTrue(found.stream().anyMatch(m -> m.contains("foreignKeys")), found.toString());
    }

    @Test
    void noResourceCarriesAnEmptyForeignKeyList() {
        int withKeys = 0;
        for (JsonNode r : samples.get("resources")) {
            JsonNode fks = r.get("schema").get("foreignKeys");
            if (fks != null) {
                assertTrue(fks.size() > 0, r.get("name").asText());
                withKeys++;
            }
        }
        assertEquals(6, withKeys, "resources with foreign keys");
    }

    @Test
    void licencesAreThoseOfTheDataItHolds() {
        List<String> names = new ArrayList<>();
        samples.get("licenses").forEach(l -> names.add(l.get("name").asText()));
        assertEquals(List.of("other-pd", "CC-BY-4.0"), names);
        for (JsonNode l : samples.get("licenses")) {
            assertTrue(l.get("path").asText().startsWith("https://"), l.toString());
        }
    }

    @Test
    void eachFetchIsASourceWithTheLicenceOfItsDocuments() {
        JsonNode sources = samples.get("sources");
        assertEquals(4, sources.size(), sources.toString());
        assertEquals("2017-01-01", sources.get(0).get("fetched_at").asText());
        assertEquals("other-pd", sources.get(0).get("licenses").get(0).get("name").asText());
        assertTrue(sources.get(0).get("title").asText().contains("GARD answer as plain text"), sources.get(0).toString());
        assertEquals("2019-01-01", sources.get(1).get("fetched_at").asText());
        assertEquals("CC-BY-4.0", sources.get(1).get("licenses").get(0).get("name").asText());
        assertTrue(sources.get(1).get("title").asText().startsWith("MedQuAD"), sources.get(1).toString());
        assertEquals("2020-12-11", sources.get(2).get("fetched_at").asText());
        assertEquals("other-pd", sources.get(2).get("licenses").get(0).get("name").asText());
        assertTrue(sources.get(2).get("title").asText().contains("GARD API records"), sources.get(2).toString());
        assertEquals("2022-12-20", sources.get(3).get("fetched_at").asText());
        assertEquals("other-pd", sources.get(3).get("licenses").get(0).get("name").asText());
    }

    @Test
    void keywordsAndContributorsNameTheToolVersion() {
        assertTrue(samples.get("keywords").size() >= 5);
        JsonNode last = samples.get("contributors").get(samples.get("contributors").size() - 1);
        assertEquals("gard-pipeline " + samples.get("generator").get("version").asText(), last.get("title").asText());
        assertEquals("wrangler", last.get("role").asText());
    }

    @Test
    void anEmptyDatabaseGivesAValidPackage() throws Exception {
        Path db = dir.resolve("empty.sqlite");
        HistoryStore.open(db).close();
        assertEquals(0, Main.execute("export", "--db", db.toString(), "--out", dir.resolve("empty").toString()));
        JsonNode pkg = JSON.readTree(dir.resolve("empty/datapackage.json").toFile());
        assertEquals(List.of(), violations(pkg));
        assertTrue(pkg.get("licenses") == null && pkg.get("sources") == null, pkg.toString());
    }

    @Test
    void everyDocumentFormatHasAPublisherAndLicence() {
        for (Format f : Format.values()) {
            assertTrue(Publisher.of(f.key()).licence().name().matches("[-a-zA-Z0-9._]+"), f.key());
        }
    }
}
