package org.gardpipeline.cli;

import static org.gardpipeline.FetchSeries.answerText;
import static org.gardpipeline.FetchSeries.edit;
import static org.gardpipeline.FetchSeries.fetch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryCommandTest {
    @TempDir
    Path dir;

    private String db;

    @BeforeEach
    void twoFetches() {
        Path raw = dir.resolve("raw");
        fetch(raw, "2016-01-01", "a.txt", answerText());
        fetch(raw, "2016-02-01", "a.txt", edit(edit(answerText(), "poorly managed", "poorly controlled"),
                "Last updated: 9/10/2015", "Last updated: 1/20/2016"));
        db = dir.resolve("gard.sqlite").toString();
        assertEquals(0, CommandLineRun.of("run", "--raw", raw.toString(), "--db", db, "--out", dir.resolve("out").toString()).exitCode());
    }

    @Test
    void historyListsEveryVersionOfTheTopic() {
        CommandLineRun r = CommandLineRun.of("history", "Caudal regression sequence", "--topic", "causes", "--db", db);
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("2016-01-01 .. 2016-02-01  last updated 2015-09-10  added"), r.out());
        assertTrue(r.out().contains("2016-02-01 .. now         last updated 2016-01-20  changed  text date"), r.out());
        assertFalse(r.out().contains("\u001b["), "no colour when not on a terminal");
        assertFalse(r.out().contains("ciprofloxacin"), r.out());
    }

    @Test
    void historyAsJson() throws Exception {
        CommandLineRun r = CommandLineRun.of("history", "name-caudal-regression-sequence", "--json", "--db", db);
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertEquals("Caudal regression sequence", root.get("title").asText());
        assertEquals(4, root.get("versions").size());
    }

    @Test
    void diffShowsTheChangedWords() {
        CommandLineRun r = CommandLineRun.of("diff", "caudal regression sequence", "--topic", "causes", "--db", db);
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("diabetes is poorly [-managed.[2]-]{+controlled.[2]+}"), r.out());
        assertTrue(r.out().contains("\ndate: last updated 2015-09-10 -> last updated 2016-01-20\n"), r.out());
        assertFalse(r.out().contains("references:"), "the references did not change: " + r.out());
        CommandLineRun coloured = CommandLineRun.of("diff", "caudal regression sequence", "--topic", "causes", "--db", db,
                "--color", "always");
        assertTrue(coloured.out().contains("\u001b[32mcontrolled.[2]\u001b[0m"), coloured.out());
    }

    @Test
    void diffBetweenDatesAndAsJson() throws Exception {
        CommandLineRun same = CommandLineRun.of("diff", "caudal regression sequence", "--topic", "causes", "--from", "2016-01-15",
                "--to", "2016-01-20", "--db", db);
        assertTrue(same.out().contains("(the same version)"), same.out());
        CommandLineRun r = CommandLineRun.of("diff", "caudal regression sequence", "--topic", "causes", "--json", "--db", db);
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertEquals("2016-01-20", root.get("to_last_updated").asText());
        assertTrue(root.get("runs").toString().contains("{\"kind\":\"inserted\",\"text\":\"controlled.[2]\"}"), root.toString());
    }

    @Test
    void unknownPageTopicOrDateIsAOneLineUsageError() {
        CommandLineRun page = CommandLineRun.of("history", "no such disease", "--db", db);
        assertEquals(2, page.exitCode());
        assertTrue(page.err().startsWith("gard history: no page 'no such disease'"), page.err());
        CommandLineRun topic = CommandLineRun.of("diff", "caudal regression sequence", "--topic", "prognosis", "--db", db);
        assertEquals(2, topic.exitCode());
        assertTrue(topic.err().contains("has no answer with topic or slot 'prognosis'"), topic.err());
        CommandLineRun date = CommandLineRun.of("diff", "caudal regression sequence", "--topic", "causes", "--from", "2015-01-01", "--db", db);
        assertEquals(2, date.exitCode());
        assertTrue(date.err().contains("--from 2015-01-01: no version of causes on that date"), date.err());
        for (CommandLineRun r : new CommandLineRun[] {page, topic, date}) {
            assertEquals(1, r.err().strip().lines().count(), r.err());
        }
    }

    /** --limit cuts the list and says so; a limit below 1 is a usage error, not an empty or unbounded list. */
    @Test
    void searchLimitCutsTheListAndSaysSo() {
        CommandLineRun all = CommandLineRun.of("search", "the", "--db", db);
        assertTrue(all.out().endsWith("2 matching answers\n"), all.out());
        CommandLineRun one = CommandLineRun.of("search", "the", "--limit", "1", "--db", db);
        assertEquals(0, one.exitCode(), one.err());
        assertTrue(one.out().endsWith("the first 1 matching answer; more match (raise --limit)\n"), one.out());
        assertEquals(3, one.out().lines().count(), one.out());
        CommandLineRun exact = CommandLineRun.of("search", "the", "--limit", "2", "--db", db);
        assertTrue(exact.out().endsWith("2 matching answers\n"), exact.out());
        for (String bad : new String[] {"0", "-1"}) {
            CommandLineRun r = CommandLineRun.of("search", "the", "--limit", bad, "--db", db);
            assertEquals(2, r.exitCode(), r.out());
            assertEquals("gard search: --limit " + bad + ": give at least 1", r.err().strip());
        }
    }

    @Test
    void searchFindsCurrentAnswersOnly() {
        CommandLineRun r = CommandLineRun.of("search", "retinoic acid", "--db", db);
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("[Retinoic] [acid]"), r.out());
        assertTrue(r.out().endsWith("1 matching answer\n"), r.out());
        CommandLineRun old = CommandLineRun.of("search", "managed", "--db", db);
        assertTrue(old.out().contains("0 matching answers"), "the replaced text is not current: " + old.out());
        CommandLineRun odd = CommandLineRun.of("search", "\"unbalanced -quote", "--db", db);
        assertEquals(0, odd.exitCode(), odd.err());
    }
}
