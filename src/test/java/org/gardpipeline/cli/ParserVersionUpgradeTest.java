package org.gardpipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.gardpipeline.FetchSeries;
import org.gardpipeline.Fixtures;
import org.gardpipeline.TestDb;
import org.gardpipeline.store.HistoryStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 22, item 3: an upgrade never writes its own changes into GARD's history. {@code databases/schema-5-samples}
 * was written by the release before parser versions (its README says how), over the three samples and a fetch
 * {@code 2023-01-01-extra} that holds a MedQuAD document again and a quarantined note. A parser's change is simulated
 * as the brief of the issue allows without a change of code: the stored MedQuAD answers are made to differ from what
 * today's parser gives (a flattened table appended, as the MedQuAD parser of before left it) and their results are
 * marked as made by an older parser version.
 */
class ParserVersionUpgradeTest {
    private static final String FIXTURE = "databases/schema-5-samples/gard.sqlite";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    Path raw;
    Path db;

    @BeforeEach
    void releaseBefore() throws IOException {
        db = dir.resolve("gard.sqlite");
        Files.write(db, Fixtures.bytes(FIXTURE));
        raw = dir.resolve("raw");
        for (String sample : new String[] {"2017-01-01-answer-text", "2019-01-01-medquad", "2022-12-20-site"}) {
            FetchSeries.copyFolder(Path.of("raw", sample), raw.resolve(sample));
        }
        FetchSeries.fetch(raw, "2023-01-01-extra", "0001014.xml", Files.readAllBytes(Path.of("raw/2019-01-01-medquad/0001014.xml")));
        FetchSeries.fetch(raw, "2023-01-01-extra", "notes.txt", "Shopping list: eggs, milk.\n");
    }

    private CommandLineRun run(Path rawFolder, Path database) {
        return CommandLineRun.of("run", "--raw", rawFolder.toString(), "--db", database.toString(), "--out",
                dir.resolve("out-" + database.getFileName()).toString(), "--json");
    }

    /**
     * What an older MedQuAD parser gave, as far as the history can tell: other answer texts, an older version. The
     * database of the release before is first brought to today's parsers (its own upgrade, tested apart).
     */
    private void olderMedQuadParser() {
        run(raw, db);
        TestDb.execute(db, """
                UPDATE content SET answer_text = answer_text || ' Signs and Symptoms: Sacral agenesis Very frequent'
                WHERE content_id IN (SELECT o.content_id FROM observation_run o JOIN question q ON q.question_id = o.question_id
                                     WHERE q.format = 'medquad-xml')""");
        TestDb.execute(db, "UPDATE parse_result SET parser_version = 1 WHERE format = 'medquad-xml'");
    }

    /**
     * The real upgrade: this release's MedQuAD parser reads the phenotype table apart from the symptoms answers and
     * keys slots by the standard question, and its 2022 parser reads the symptom list as phenotypes. A database of the
     * release before is derived again by them, records none of it as GARD's change, equals a fresh ingest, and the
     * run after derives nothing.
     */
    @Test
    void aDatabaseOfTheReleaseBeforeIsDerivedAgainByThisReleasesParsers() throws IOException {
        assertTrue(TestDb.count(db, "SELECT count(*) FROM content WHERE answer_text LIKE '%Human Phenotype Ontology provides%'") > 0);

        CommandLineRun r = run(raw, db);

        assertEquals(0, r.exitCode(), r.err());
        assertEquals(1, r.err().lines().filter(l -> l.startsWith("parsers changed since the history was derived "
                + "(quarantined 4 -> 9, answer-text 1 -> 2, gard-2022-html 1 -> 2, medquad-xml 1 -> 2): derived the history of 4 "
                + "fetches again "
                + "from their raw documents")).count(), r.err());
        assertTrue(JSON.readTree(r.out()).get("parsers").get("rederived").asBoolean(), r.out());
        assertEquals(TestDb.newestSchemaVersion(), TestDb.count(db, "SELECT max(CAST(version AS INTEGER)) FROM flyway_schema_history"));
        assertEquals("[{format=null, parser_version=9}, {format=answer-text, parser_version=2}, "
                        + "{format=gard-2022-html, parser_version=2}, {format=medquad-xml, parser_version=2}]",
                TestDb.rows(db, "SELECT DISTINCT format, parser_version FROM parse_result ORDER BY format").toString());
        assertEquals(0, TestDb.count(db, "SELECT count(*) FROM content WHERE answer_text LIKE '%Human Phenotype Ontology provides%'"));
        assertTrue(TestDb.count(db, "SELECT count(*) FROM phenotypes") > 0);
        Path fresh = dir.resolve("fresh.sqlite");
        run(raw, fresh);
        assertEquals(comparable(fresh), comparable(db));

        String derived = comparable(db);
        CommandLineRun again = run(raw, db);
        assertEquals(0, again.exitCode(), again.err());
        assertFalse(again.err().contains("derived"), again.err());
        assertFalse(JSON.readTree(again.out()).get("parsers").get("rederived").asBoolean(), again.out());
        assertEquals(derived, comparable(db));
    }

    @Test
    void aParserChangeIsDerivedAgainFromTheRawDocumentsAndRecordedAsNoChangeOfGards() throws IOException {
        olderMedQuadParser();
        // the same MedQuAD answers in new bytes: read by today's parser, they would have met the older parse's text
        FetchSeries.fetch(raw, "2024-01-01-again", "0001014.xml",
                Files.readString(Path.of("raw/2019-01-01-medquad/0001014.xml"), StandardCharsets.UTF_8) + "\n");

        CommandLineRun r = run(raw, db);

        assertEquals(0, r.exitCode(), r.err()); // nothing held, nothing quarantined in the new fetch
        assertEquals(1, r.err().lines().filter(l -> l.contains("parsers changed since the history was derived "
                + "(medquad-xml 1 -> 2): derived the history of 4 fetches again from their raw documents")).count(), r.err());
        JsonNode parsers = JSON.readTree(r.out()).get("parsers");
        assertTrue(parsers.get("rederived").asBoolean(), r.out());
        assertEquals("medquad-xml 1 -> 2", parsers.get("changed").get(0).asText());
        assertEquals(4, parsers.get("fetches").asInt());
        assertEquals(parsers.get("change_events_before").asLong(), parsers.get("change_events_after").asLong());
        assertEquals(0, TestDb.count(db, "SELECT count(*) FROM answer_changes WHERE fetched_at = '2024-01-01'"));
        assertEquals(0, TestDb.count(db, "SELECT count(*) FROM content WHERE answer_text LIKE '%Very frequent'"));

        Path fresh = dir.resolve("fresh.sqlite");
        CommandLineRun f = run(raw, fresh);
        assertEquals(3, f.exitCode(), f.err()); // a fresh run lists the quarantined note
        assertEquals(comparable(fresh), comparable(db));
        CommandLineRun check = CommandLineRun.of("check", "--db", db.toString());
        assertEquals(0, check.exitCode(), check.out() + check.err());

        CommandLineRun again = run(raw, db);
        assertEquals(0, again.exitCode(), again.err());
        assertFalse(again.err().contains("derived"), again.err());
    }

    @Test
    void aDatabaseWhoseRawFetchesAreGoneKeepsItsHistoryAndSaysSo() throws IOException {
        olderMedQuadParser();
        TestDb.execute(db, "UPDATE fetch SET origin = '" + dir.resolve("gone") + "/' || fetched_at || '-' || label");
        String before = comparable(db);
        Path empty = Files.createDirectories(dir.resolve("empty"));

        for (int i = 0; i < 2; i++) {
            CommandLineRun r = run(empty, db);

            assertEquals(0, r.exitCode(), r.err());
            String[] said = r.err().lines().filter(l -> l.contains("is not derived again")).toArray(String[]::new);
            assertEquals(1, said.length, r.err());
            assertEquals("parsers changed since the history was derived (medquad-xml 1 -> 2): the history is not derived "
                    + "again, since the documents of fetch 2017-01-01 (answer-text) at " + dir.resolve("gone")
                    + "/2017-01-01-answer-text: no such file or folder (and 3 more fetches) are gone; it is kept as the "
                    + "older parsers made it (put the fetches back, then gard reparse)", said[0]);
            JsonNode parsers = JSON.readTree(r.out()).get("parsers");
            assertFalse(parsers.get("rederived").asBoolean(), r.out());
            assertEquals(said[0], parsers.get("kept").asText());
            assertEquals(before, comparable(db));
        }
        CommandLineRun reparse = CommandLineRun.of("reparse", "--raw", empty.toString(), "--db", db.toString());
        assertEquals(1, reparse.exitCode(), reparse.err());
        assertEquals(before, comparable(db));
    }

    @Test
    void oneFetchGoneKeepsTheWholeHistoryOfTheOlderParsers() throws IOException {
        olderMedQuadParser();
        TestDb.execute(db, "UPDATE fetch SET origin = '" + dir.resolve("gone") + "' WHERE label = 'extra'");
        deleteRecursively(raw.resolve("2023-01-01-extra"));
        String before = comparable(db);

        CommandLineRun r = run(raw, db);

        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains("the history is not derived again, since the documents of fetch 2023-01-01 (extra) at "
                + dir.resolve("gone") + ": no such file or folder are gone;"), r.err());
        assertEquals(before, comparable(db));
    }

    /** The last fetch read from its origin, whose note changed since: three fetches written again are rolled back. */
    @Test
    void aFetchWhoseDocumentsChangedSinceRollsTheWholeDerivationBack() throws IOException {
        olderMedQuadParser();
        Path elsewhere = dir.resolve("elsewhere");
        FetchSeries.copyFolder(raw.resolve("2023-01-01-extra"), elsewhere.resolve("2023-01-01-extra"));
        Files.writeString(elsewhere.resolve("2023-01-01-extra/notes.txt"), "Shopping list: eggs, milk, bread.\n");
        deleteRecursively(raw.resolve("2023-01-01-extra"));
        TestDb.execute(db, "UPDATE fetch SET origin = '" + elsewhere.resolve("2023-01-01-extra") + "' WHERE label = 'extra'");
        String before = comparable(db);

        CommandLineRun r = CommandLineRun.of("run", "--raw", raw.toString(), "--db", db.toString(), "--out",
                dir.resolve("out").toString(), "--quiet");

        assertEquals(0, r.exitCode(), r.err());
        assertEquals("parsers changed since the history was derived (medquad-xml 1 -> 2): the history is not derived again, "
                + "since fetch 2023-01-01 (extra): the documents at " + elsewhere.resolve("2023-01-01-extra") + " are not "
                + "those it was ingested from; it is kept as the older parsers made it (put the fetches back, then gard "
                + "reparse)", r.err().strip());
        assertEquals(before, comparable(db));
    }

    @Test
    void ingestDerivesTheHistoryAgainFirstFromTheFetchesOrigins() throws IOException {
        olderMedQuadParser();
        for (String sample : new String[] {"2017-01-01-answer-text", "2019-01-01-medquad", "2022-12-20-site", "2023-01-01-extra"}) {
            TestDb.execute(db, "UPDATE fetch SET origin = '" + raw.resolve(sample) + "' WHERE fetched_at || '-' || label = '" + sample + "'");
        }
        Path next = FetchSeries.fetch(dir.resolve("later"), "2024-01-01-again", "0001014.xml",
                Files.readString(Path.of("raw/2019-01-01-medquad/0001014.xml"), StandardCharsets.UTF_8) + "\n");

        CommandLineRun r = CommandLineRun.of("ingest", next.toString(), "--db", db.toString(), "--json");

        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains("(medquad-xml 1 -> 2): derived the history of 4 fetches again"), r.err());
        assertTrue(JSON.readTree(r.out()).get("parsers").get("rederived").asBoolean(), r.out());
        assertEquals(0, TestDb.count(db, "SELECT count(*) FROM answer_changes WHERE fetched_at = '2024-01-01'"));
    }

    @Test
    void reparseDerivesTheHistoryAgainOnDemand() throws IOException {
        Path fresh = dir.resolve("fresh.sqlite");
        run(raw, fresh);
        olderMedQuadParser();

        CommandLineRun r = CommandLineRun.of("reparse", "--raw", raw.toString(), "--db", db.toString(), "--json");

        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains("(medquad-xml 1 -> 2): derived the history of 4 fetches again"), r.err());
        assertEquals(comparable(fresh), comparable(db));
        CommandLineRun forced = CommandLineRun.of("reparse", "--raw", raw.toString(), "--db", db.toString());
        assertEquals(0, forced.exitCode(), forced.err());
        assertTrue(forced.err().startsWith("derived the history of 4 fetches again"), forced.err());
        assertEquals(comparable(fresh), comparable(db));
    }

    /**
     * A derivation keeps each fetch's ingest time, duration and listing (with the files beyond its folder) as they
     * were, a duration that is not known too: it was read as 0 seconds, because the null check asked about the column
     * read after it.
     */
    @Test
    void reparseKeepsEachFetchsIngestTimeDurationAndListingAsTheyWere() throws IOException {
        CommandLineRun upgraded = run(raw, db);
        assertEquals(0, upgraded.exitCode(), upgraded.err());
        TestDb.execute(db, "UPDATE fetch SET seconds = NULL WHERE fetch_id = (SELECT min(fetch_id) FROM fetch)");
        // a listing kept with the packed files it takes in, as a run keeps one (the folders here are too new for one)
        TestDb.execute(db, "UPDATE fetch SET listing_sha256 = '" + "a".repeat(64) + "', listing_dependencies = "
                + "'../2016-01-01/packed.warc.gz' WHERE fetch_id = (SELECT max(fetch_id) FROM fetch)");
        String kept = "SELECT fetch_id, ingested_at, seconds, listing_sha256, listing_dependencies FROM fetch ORDER BY fetch_id";
        List<Map<String, Object>> before = TestDb.rows(db, kept);
        assertNull(before.get(0).get("seconds"));
        assertEquals("../2016-01-01/packed.warc.gz", before.get(before.size() - 1).get("listing_dependencies"));

        CommandLineRun r = CommandLineRun.of("reparse", "--raw", raw.toString(), "--db", db.toString());

        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().startsWith("derived the history of 4 fetches again"), r.err());
        assertEquals(before, TestDb.rows(db, kept));
    }

    /**
     * Every row of every table but what differs between two ingests of the same fetches (when, how long, from which
     * folder, the migrations' own table, and the full-text index's segments, which follow the order of its writes
     * while its rows are the same), read from a copy.
     */
    private String comparable(Path database) throws IOException {
        Path copy = dir.resolve("compare-" + System.nanoTime() + ".sqlite");
        HistoryStore.open(database).close();
        Files.copy(database, copy);
        Path wal = database.resolveSibling(database.getFileName() + "-wal");
        if (Files.exists(wal)) {
            Files.copy(wal, copy.resolveSibling(copy.getFileName() + "-wal"));
        }
        TestDb.execute(copy, "UPDATE fetch SET origin = ''");
        TestDb.execute(copy, "DELETE FROM flyway_schema_history");
        return java.util.regex.Pattern.compile("== answer_search_(data|idx)\n(?:[^=][^\n]*\n)*").matcher(TestDb.stableDump(copy))
                .replaceAll("");
    }

    private static void deleteRecursively(Path folder) throws IOException {
        try (java.util.stream.Stream<Path> paths = Files.walk(folder)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
