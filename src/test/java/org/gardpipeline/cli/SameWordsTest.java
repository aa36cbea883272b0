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
 * MedQuAD's copy of 9181's summary (no date, no references) and GARD's record of 2020 (the same words, a date and two
 * references): a version with no change event, which the history and the report call "same words", not "added".
 */
class SameWordsTest {
    @TempDir
    Path dir;

    @Test
    void theSameWordsFromAnotherSourceAreAVersionWithNoEvent() throws IOException {
        Path raw = dir.resolve("raw");
        FetchSeries.fetch(raw, "2019-01-01-medquad", "0000006.xml", Fixtures.bytes("medquad/0000006.xml"));
        FetchSeries.fetch(raw, "2020-12-11-api", "9181.json", Fixtures.bytes("gard-api/9181.json"));
        String db = dir.resolve("gard.sqlite").toString();
        CommandLineRun run = CommandLineRun.of("run", "--raw", raw.toString(), "--db", db, "--out", dir.resolve("out").toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(0, TestDb.count(Path.of(db), """
                SELECT count(*) FROM answer_changes WHERE fetched_at = '2020-12-11' AND slot_key = 'summary'"""));
        assertEquals(2, TestDb.count(Path.of(db), "SELECT count(*) FROM answer_versions WHERE slot_key = 'summary'"));

        CommandLineRun history = CommandLineRun.of("history", "9181", "--topic", "summary", "--db", db);
        assertTrue(history.out().contains("last updated 2014-02-25  same words"), history.out());
        String page = Files.readString(dir.resolve("out/report/pages/gard-9181.html"));
        assertTrue(page.contains("<li><span class=\"same-words\">same words</span> 2020-12-11 to now · last updated "
                + "2014-02-25 · 1 references</li>"), page);
    }
}
