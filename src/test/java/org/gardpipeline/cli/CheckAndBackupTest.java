package org.gardpipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.gardpipeline.TestDb;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** check finds what was broken in a real database; backup writes a consistent, complete copy. */
class CheckAndBackupTest {
    @TempDir
    Path dir;

    private Path db;

    @BeforeEach
    void twoFetches() {
        db = CommandLineRun.answerTextAndOneEditDatabase(dir);
    }

    private CommandLineRun check() {
        return CommandLineRun.of("check", "--db", db.toString());
    }

    @Test
    void aHealthyDatabasePasses() {
        CommandLineRun r = check();
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("ok: "), r.out());
    }

    @Test
    void aGapBetweenVersionsIsAViolation() {
        TestDb.execute(db, "UPDATE version SET valid_to_fetch = NULL WHERE valid_to_fetch IS NOT NULL");
        CommandLineRun r = check();
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("violation: versions do not tile time"), r.err());
        assertTrue(r.err().contains("violation: versions or events differ from what the observations give"), r.err());
    }

    @Test
    void aCurrentAnswerThatIsNotTheNewestVersionIsAViolation() {
        TestDb.execute(db, "UPDATE slot SET current_version_id = (SELECT min(version_id) FROM version v "
                + "WHERE v.slot_id = slot.slot_id) WHERE slot_key = 'causes'");
        CommandLineRun r = check();
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("violation: current answer is not the newest version"), r.err());
    }

    @Test
    void anEventPointingAtAnotherSlotsVersionIsAViolation() {
        TestDb.execute(db, "UPDATE change_event SET to_version = (SELECT max(version_id) FROM version) "
                + "WHERE change = 'added' AND slot_id = (SELECT min(slot_id) FROM slot WHERE slot_key <> 'causes')");
        CommandLineRun r = check();
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("violation: change event points at another slot's version"), r.err());
    }

    @Test
    void aPageWithoutItsLayoutInAFetchIsAViolation() {
        TestDb.execute(db, "DELETE FROM page_layout_run WHERE (page_id, first_fetch) = (SELECT page_id, first_fetch FROM page_layout_run LIMIT 1)");
        CommandLineRun r = check();
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("violation: page layout disagrees with the fetch's documents: fetch "), r.err());
        assertTrue(r.err().contains(": no layout"), r.err());
    }

    @Test
    void aFetchOutOfItsPlaceInDateOrderIsAViolation() {
        TestDb.execute(db, "UPDATE fetch SET position = 9 WHERE fetch_id = (SELECT min(fetch_id) FROM fetch)");
        CommandLineRun r = check();
        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.err().contains("violation: fetches out of date order: fetch "), r.err());
    }

    @Test
    void bytesMarkedAloneInAFetchThatDidNotHoldThemAreAViolation() {
        TestDb.execute(db, "UPDATE parse_result SET alone_in = (SELECT max(fetch_id) FROM fetch) "
                + "WHERE result_id = (SELECT min(result_id) FROM parse_result WHERE alone_in = (SELECT min(fetch_id) FROM fetch)) "
                + "AND result_id NOT IN (SELECT result_id FROM document_run WHERE last_fetch IS NULL)");
        CommandLineRun r = check();
        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.err().contains("violation: parse result stands for a fetch where it was not its page's only document"), r.err());
    }

    @Test
    void runsThatOverlapOrMeetWithTheSameValueAreAViolation() {
        // a second run of a slot that the first fetch's run still covers
        TestDb.execute(db, "INSERT INTO observation_run (slot_id, first_fetch, last_fetch, content_id, question_id) "
                + "SELECT slot_id, (SELECT max(fetch_id) FROM fetch), NULL, content_id, question_id FROM observation_run "
                + "WHERE first_fetch = (SELECT min(fetch_id) FROM fetch) AND last_fetch IS NULL LIMIT 1");
        CommandLineRun r = check();
        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.err().contains("violation: runs: observation_run slot_id "), r.err());
    }

    /** Every column the derivation writes is compared, not only how many rows there are. */
    @ParameterizedTest
    @ValueSource(strings = {
        "UPDATE change_event SET text_changed = 1 - text_changed WHERE change = 'changed'",
        "UPDATE change_event SET change = 'restored' WHERE change = 'changed'",
        "UPDATE version SET question = question || ' (edited)' WHERE version_id = (SELECT max(version_id) FROM version)",
    })
    void anEventOrVersionWithOneColumnChangedIsAViolation(String tampering) {
        TestDb.execute(db, tampering);
        CommandLineRun r = check();
        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.err().contains("violation: versions or events differ from what the observations give: slot "), r.err());
    }

    @Test
    void backupWritesAConsistentCopyAndNeverOverwrites() throws Exception {
        Path copy = dir.resolve("backup.sqlite");
        CommandLineRun r = CommandLineRun.of("backup", copy.toString(), "--db", db.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(TestDb.dump(db), TestDb.dump(copy));
        assertEquals(0, CommandLineRun.of("check", "--db", copy.toString()).exitCode());

        long size = Files.size(copy);
        CommandLineRun again = CommandLineRun.of("backup", copy.toString(), "--db", db.toString());
        assertEquals(2, again.exitCode());
        assertTrue(again.err().contains("exists already"), again.err());
        assertEquals(size, Files.size(copy));
    }
}
