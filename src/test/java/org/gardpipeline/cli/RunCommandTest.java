package org.gardpipeline.cli;

import static org.gardpipeline.FetchSeries.answerText;
import static org.gardpipeline.FetchSeries.edit;
import static org.gardpipeline.FetchSeries.fetch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gardpipeline.TestDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {
    @TempDir
    Path dir;

    private CommandLineRun run() {
        return CommandLineRun.of("run", "--raw", dir.resolve("raw").toString(), "--db", db().toString(),
                "--out", dir.resolve("out").toString());
    }

    private Path db() {
        return dir.resolve("out/gard.sqlite");
    }

    @Test
    void secondRunChangesNothingAndSaysSo() {
        fetch(dir.resolve("raw"), "2016-01-01-answer", "a.txt", answerText());
        CommandLineRun first = run();
        assertEquals(0, first.exitCode(), first.err());
        assertTrue(first.err().contains("fetch 2016-01-01 (answer): 1 documents, 1 parsed, 0 quarantined; 3 added"), first.out());
        String before = TestDb.stableDump(db());

        CommandLineRun second = run();
        assertEquals(0, second.exitCode(), second.err());
        assertTrue(second.err().contains("already ingested, nothing changed"), second.err());
        assertTrue(second.err().contains("nothing new under"), second.err());
        // the history is the same; the run may have kept the listing of files that have settled (FetchListingTest)
        assertEquals(before, TestDb.stableDump(db()));
        for (String file : new String[] {"fetches.csv", "pages.csv", "answers.csv", "answer_versions.csv",
                "answer_changes.csv", "references.csv", "quarantine.csv", "datapackage.json"}) {
            assertTrue(Files.exists(dir.resolve("out").resolve(file)), file);
        }
    }

    /**
     * A fetch that fails inside its transaction (a real SQLite error) is rolled back; the fetches of the run
     * before it are kept, the run exits 1 with one line naming the fetch, and the next run takes up the rest.
     */
    @Test
    void aFetchThatFailsIsRolledBackTheEarlierOnesKeptAndTheRunExits1() {
        Path raw = dir.resolve("raw");
        fetch(raw, "2016-01-01", "a.txt", answerText());
        assertEquals(0, run().exitCode());
        fetch(raw, "2016-02-01", "a.txt", edit(answerText(), "poorly managed", "poorly controlled"));
        fetch(raw, "2016-03-01", "a.txt", edit(answerText(), "Warm regards", "Kind regards"));
        TestDb.execute(db(), "CREATE TRIGGER fail_third BEFORE INSERT ON change_event "
                + "WHEN (SELECT count(*) FROM fetch) > 2 BEGIN SELECT RAISE(ABORT, 'injected failure'); END");

        CommandLineRun failed = run();
        assertEquals(1, failed.exitCode(), failed.err());
        List<String> errors = failed.err().lines().filter(l -> l.startsWith("gard run: ")).toList();
        assertEquals(1, errors.size(), failed.err());
        assertTrue(errors.get(0).startsWith("gard run: ingest of fetch 2016-03-01 into " + db() + " failed, nothing of it was written: ")
                && errors.get(0).endsWith("(injected failure)"), errors.get(0));
        assertEquals(List.of("2016-01-01", "2016-02-01"), TestDb.rows(db(), "SELECT fetched_at FROM fetch ORDER BY 1")
                .stream().map(r -> r.get("fetched_at")).toList());

        TestDb.execute(db(), "DROP TRIGGER fail_third");
        CommandLineRun next = run();
        assertEquals(0, next.exitCode(), next.err());
        assertEquals(3, TestDb.count(db(), "SELECT count(*) FROM fetch"));
    }

    @Test
    void badDocumentsAreQuarantinedTheRestIngestedAndTheRunExits3() throws Exception {
        Path raw = dir.resolve("raw");
        fetch(raw, "2016-01-01", "answer.txt", answerText());
        fetch(raw, "2016-01-01", "empty.txt", new byte[0]);
        fetch(raw, "2016-01-01", "image.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13});
        fetch(raw, "2016-01-01", "notes.txt", "shopping list: eggs, milk");
        fetch(raw, "2016-01-01", "no-question.txt", "Genetic and Rare Diseases Information Center\n\nSome disease\n\n"
                + "A paragraph without a question.\nLast updated: 1/2/2015\n");
        CommandLineRun r = run();
        assertEquals(3, r.exitCode(), r.err());
        assertTrue(r.err().contains("empty.txt: empty file"), r.err());
        assertTrue(r.err().contains("image.png: binary content"), r.err());
        assertTrue(r.err().contains("notes.txt: unknown format"), r.err());
        assertTrue(r.err().contains("no-question.txt: no recognisable question"), r.err());
        assertEquals(3, TestDb.count(db(), "SELECT count(*) FROM current_answers"));
        assertEquals(4, TestDb.count(db(), "SELECT count(*) FROM quarantine"));
        String csv = Files.readString(dir.resolve("out/quarantine.csv"), StandardCharsets.UTF_8);
        assertTrue(csv.contains("1,empty.txt,empty file"), csv);
    }

    /**
     * A fetch folder ingested before whose files now differ is refused (exit 2) before a new fetch that comes
     * earlier in date order is written: the run writes no history at all.
     */
    @Test
    void anIngestedFetchThatNowDiffersIsRefusedBeforeAnyNewFetchIsWritten() {
        Path changed = fetch(dir.resolve("raw"), "2016-02-01", "a.txt", answerText());
        assertEquals(0, run().exitCode());
        fetch(dir.resolve("raw"), "2016-02-01", "a.txt", edit(answerText(), "Warm regards", "Kind regards"));
        fetch(dir.resolve("raw"), "2016-01-01", "a.txt", answerText());
        String before = TestDb.stableDump(db());

        CommandLineRun r = run();

        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("fetch 2016-02-01 from " + changed + " differs from the fetch of that date"), r.err());
        assertEquals(before, TestDb.stableDump(db()));
    }

    @Test
    void aFolderWithoutAFetchDateIsAUsageErrorThatSaysHowToNameIt() {
        fetch(dir.resolve("raw"), "2016-01-01", "a.txt", answerText());
        fetch(dir.resolve("raw"), "latest", "a.txt", answerText());
        CommandLineRun r = run();
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("name the folder YYYY-MM-DD or YYYY-MM-DD-<label>"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertFalse(Files.exists(db()), "nothing is written before the input is known to be usable");
    }

    @Test
    void ofSeveralBadFetchFoldersTheFirstIsNamedEveryTime() throws Exception {
        // the folders are opened on all cores; the refusal must not depend on which thread failed first
        for (int i = 1; i <= 40; i++) {
            fetch(dir.resolve("raw"), String.format("2016-02-%02d", (i % 28) + 1) + "-n" + i, "a.txt", answerText());
        }
        Files.createDirectories(dir.resolve("raw/2016-01-05"));
        Files.createDirectories(dir.resolve("raw/2016-03-01"));
        for (int attempt = 0; attempt < 3; attempt++) {
            CommandLineRun r = run();
            assertEquals(2, r.exitCode());
            assertTrue(r.err().contains("fetch folder " + dir.resolve("raw/2016-01-05") + " is empty"), r.err());
            assertFalse(Files.exists(db()), "nothing is written before the input is known to be usable");
        }
    }

    @Test
    void aMalformedFetchDateIsAUsageError() {
        fetch(dir.resolve("raw"), "2016-13-45", "a.txt", answerText());
        CommandLineRun r = run();
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("malformed fetch date '2016-13-45'"), r.err());
    }

    @Test
    void ingestOfASingleFileTakesItsDateFromTheOption() {
        Path file = fetch(dir, "loose", "a.txt", answerText()).resolve("a.txt");
        CommandLineRun missing = CommandLineRun.of("ingest", file.toString(), "--db", db().toString());
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("cannot tell when"), missing.err());
        CommandLineRun ok = CommandLineRun.of("ingest", file.toString(), "--fetched-at", "2016-05-01", "--db", db().toString());
        assertEquals(0, ok.exitCode(), ok.err());
        assertEquals("2016-05-01", TestDb.rows(db(), "SELECT fetched_at FROM fetches").get(0).get("fetched_at"));
    }

    @Test
    void aFileThatIsNotADatabaseIsRefusedUntouched() throws Exception {
        Path notDb = dir.resolve("notes.sqlite");
        Files.writeString(notDb, "not a database");
        fetch(dir.resolve("raw"), "2016-01-01", "a.txt", answerText());
        CommandLineRun r = CommandLineRun.of("run", "--raw", dir.resolve("raw").toString(), "--db", notDb.toString(),
                "--out", dir.resolve("out").toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("is not a SQLite database"), r.err());
        assertEquals("not a database", Files.readString(notDb));
    }

    @Test
    void jsonSummaryGoesToStdoutAndQuietLeavesOnlyQuarantineOnStderr() throws Exception {
        fetch(dir.resolve("raw"), "2016-01-01", "a.txt", answerText());
        fetch(dir.resolve("raw"), "2016-01-01", "notes.txt", "shopping list");
        CommandLineRun r = CommandLineRun.of("run", "--raw", dir.resolve("raw").toString(), "--db", db().toString(),
                "--out", dir.resolve("out").toString(), "--json", "--quiet");
        assertEquals(3, r.exitCode(), r.err());
        com.fasterxml.jackson.databind.JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
        assertEquals(3, json.get("exit_code").asInt());
        com.fasterxml.jackson.databind.JsonNode fetch = json.get("fetches").get(0);
        assertEquals("2016-01-01", fetch.get("fetched_at").asText());
        assertEquals(List.of(2, 1, 1, 3, 0, 0, 0), List.of(fetch.get("documents").asInt(), fetch.get("parsed").asInt(),
                fetch.get("quarantined").asInt(), fetch.get("added").asInt(), fetch.get("changed").asInt(),
                fetch.get("removed").asInt(), fetch.get("restored").asInt()));
        assertTrue(fetch.has("seconds"));
        assertEquals(List.of("quarantined: " + dir.resolve("raw/2016-01-01") + "/notes.txt: unknown format: not GARD answer "
                + "text, GARD 2022 HTML, MedQuAD XML, GARD question-and-answer HTML or a GARD API record"),
                r.err().lines().toList());
    }

    @Test
    void noCommandIsAUsageErrorNamingEveryCommand() {
        CommandLineRun r = CommandLineRun.of();
        assertEquals(2, r.exitCode());
        assertTrue(r.err().startsWith("a command is required: run, fetch, ingest, export, report, parse, runs, history, diff, "
                + "search, check, backup, pack, publish or reparse"), r.err());
    }

    /** Every command gard lists has its own help, which exits 0; the list is the one gard prints itself. */
    @Test
    void everyCommandHasHelp() {
        CommandLineRun all = CommandLineRun.of("--help");
        assertEquals(0, all.exitCode());
        List<String> commands = Main.commandLine("--help").getSubcommands().keySet().stream()
                .filter(c -> !c.equals("help")).toList();
        assertEquals(15, commands.size(), commands.toString());
        for (String command : commands) {
            assertTrue(all.out().contains("\n  " + command + " "), command + " missing from: " + all.out());
            CommandLineRun r = CommandLineRun.of(command, "--help");
            assertEquals(0, r.exitCode(), command);
            assertTrue(r.out().startsWith("Usage: gard " + command), r.out());
        }
    }

    @Test
    void parsePrintsJsonAndTouchesNoDatabase() {
        Path file = fetch(dir, "x", "a.txt", answerText()).resolve("a.txt");
        CommandLineRun r = CommandLineRun.of("parse", file.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("\"title\" : \"Caudal regression sequence\""), r.out());
        assertTrue(r.out().contains("\"slot_key\" : \"causes\""), r.out());
        assertFalse(Files.exists(dir.resolve("output")));
    }

    /** An API record's answers carry lists of their own: parse shows them whole, with their parts, and its phenotypes. */
    @Test
    void parseShowsAnApiRecordsReferencesWholeAndItsPhenotypesAndSkipsTheListOfDiseases() throws Exception {
        CommandLineRun r = CommandLineRun.of("parse", "raw/2020-12-11-api/6007.json");
        assertEquals(0, r.exitCode(), r.err());
        com.fasterxml.jackson.databind.JsonNode page = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
        com.fasterxml.jackson.databind.JsonNode causes = page.get("answers").get(2);
        assertEquals("causes", causes.get("slot_key").asText());
        assertEquals("Boulas MM", causes.get("references").get(0).get("authors").asText(), r.out());
        assertEquals("9(2)", causes.get("references").get(0).get("volume").asText(), r.out());
        assertEquals(41, page.get("phenotypes").size());
        assertEquals("Very frequent (80%-99%)", page.get("phenotypes").get(0).get("frequency").asText());

        Path list = fetch(dir, "x", "diseases.json", org.gardpipeline.Fixtures.bytes("gard-api/diseases-list-first-3.json"))
                .resolve("diseases.json");
        CommandLineRun skipped = CommandLineRun.of("parse", list.toString());
        assertEquals(0, skipped.exitCode(), skipped.err());
        assertTrue(skipped.err().startsWith("skipped: " + list + ": GARD API list of diseases"), skipped.err());
    }

    @Test
    void parseShowsTheLandmarksOfA2022PageAndWhichOneIsMissing() throws Exception {
        Path file = fetch(dir, "x", "page", org.gardpipeline.Fixtures.bytes("gard-2022/caudal-regression-sequence"))
                .resolve("page");
        CommandLineRun r = CommandLineRun.of("parse", file.toString());
        assertEquals(0, r.exitCode(), r.err());
        com.fasterxml.jackson.databind.JsonNode layout = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(r.out()).get("layout");
        assertEquals(12, layout.get("landmarks").size(), r.out());
        assertEquals("app-symptoms-section: .symptom-list-container", layout.get("landmarks").get(8).asText());
        assertEquals(64, layout.get("outline_sha256").asText().length());
        Files.writeString(file, Files.readString(file).replace("app-symptoms-section", "app-symptom-list"));
        CommandLineRun changed = CommandLineRun.of("parse", file.toString());
        assertEquals(3, changed.exitCode());
        assertTrue(changed.err().contains("gard-2022-html layout changed: no <app-symptoms-section> in the page"),
                changed.err());
    }

    @Test
    void runsListsTheFetches() {
        fetch(dir.resolve("raw"), "2016-01-01", "a.txt", answerText());
        run();
        CommandLineRun r = CommandLineRun.of("runs", "--db", db().toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("1\\s+2016-01-01\\s+no\\s+1\\s+1\\s+0\\s+3\\s+0\\s+0\\s+0\\s*")), r.out());
    }
}
