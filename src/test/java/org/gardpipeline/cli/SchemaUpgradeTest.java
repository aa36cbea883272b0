package org.gardpipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gardpipeline.FetchSeries;
import org.gardpipeline.Fixtures;
import org.gardpipeline.TestDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database written by the release before the fetch listings (schema 2) is migrated by the next run and
 * keeps its history: its fetches are recognised, and a new fetch adds to them.
 *
 * <p>{@code databases/schema-2-sample.sqlite} was written by that release (commit abd4422, {@code gard run})
 * from a fetch {@code 2016-01-01-answer} holding the text answer as {@code a.txt} and a fetch
 * {@code 2022-12-20-site} holding the 2022 page of the same disease.
 */
class SchemaUpgradeTest {
    private static final String PAGE = "caudal-regression-sequence";

    @TempDir
    Path dir;

    private CommandLineRun run(Path raw, Path db) {
        return CommandLineRun.of("run", "--raw", raw.toString(), "--db", db.toString(), "--out", dir.resolve("out").toString());
    }

    @Test
    void aSchema2DatabaseIsMigratedAndKeepsItsHistory() throws IOException {
        Path db = dir.resolve("gard.sqlite");
        Files.write(db, Fixtures.bytes("databases/schema-2-sample.sqlite"));
        Path raw = dir.resolve("raw");
        FetchSeries.fetch(raw, "2016-01-01-answer", "a.txt", FetchSeries.answerText());
        FetchSeries.fetch(raw, "2022-12-20-site", PAGE, Fixtures.bytes("gard-2022/" + PAGE));
        String answers = TestDb.rows(db, "SELECT * FROM current_answers ORDER BY page_key, slot_key").toString();

        CommandLineRun again = run(raw, db);

        assertEquals(0, again.exitCode(), again.err());
        // this release's parsers give other pages (the 2022 symptom list is phenotypes too): the history is derived again
        assertTrue(again.err().contains("parsers changed since the history was derived (answer-text 1 -> 2, gard-2022-html 1 -> 2)"),
                again.err());
        assertTrue(again.err().contains("nothing of it is recorded as a change of GARD's answers (change events: 8 before, 8 after)"),
                again.err());
        assertEquals(TestDb.newestSchemaVersion(), TestDb.count(db, "SELECT max(CAST(version AS INTEGER)) FROM flyway_schema_history"));
        assertEquals(answers, TestDb.rows(db, "SELECT * FROM current_answers ORDER BY page_key, slot_key").toString());

        FetchSeries.fetch(raw, "2023-01-01-answer", "a.txt", FetchSeries.edit(FetchSeries.answerText(), "Warm regards", "Kind regards"));
        CommandLineRun next = run(raw, db);

        assertEquals(0, next.exitCode(), next.err());
        assertEquals(3, TestDb.count(db, "SELECT count(*) FROM fetch"));
        assertEquals(1, TestDb.count(db, "SELECT count(*) FROM answer_changes WHERE fetched_at = '2023-01-01' AND change = 'changed'"));
        CommandLineRun check = CommandLineRun.of("check", "--db", db.toString());
        assertEquals(0, check.exitCode(), check.out() + check.err());
    }
}
