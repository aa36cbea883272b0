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
        TestDb.execute(db, "DELETE FROM page_fetch_layout WHERE (page_id, fetched_at, label) = (SELECT page_id, fetched_at, label FROM page_fetch_layout LIMIT 1)");
        CommandLineRun r = check();
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("violation: page layout disagrees with the fetch's documents: fetch "), r.err());
        assertTrue(r.err().contains(": no layout"), r.err());
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
