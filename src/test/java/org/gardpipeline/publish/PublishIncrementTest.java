package org.gardpipeline.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gardpipeline.FetchSeries;
import org.gardpipeline.MirrorComparison;
import org.gardpipeline.PostgresServer;
import org.gardpipeline.TestDb;
import org.gardpipeline.cli.CommandLineRun;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Publishes that follow the history as it grows: a fetch with one changed answer adds exactly the rows it added to
 * SQLite, a backfilled fetch gives the rows a publish from scratch gives, and a reader's REPEATABLE READ transaction
 * open across a publish sees one history.
 */
class PublishIncrementTest {
    @TempDir
    static Path serverDir;

    @TempDir
    Path dir;

    private static PostgresServer server;

    @BeforeAll
    static void start() {
        server = PostgresServer.start(serverDir);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private CommandLineRun run(Path raw, Path db, String... more) {
        List<String> args = new ArrayList<>(List.of("run", "--raw", raw.toString(), "--db", db.toString(), "--out",
                dir.resolve("out").toString(), "--quiet"));
        args.addAll(List.of(more));
        CommandLineRun r = CommandLineRun.of(args.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.err());
        return r;
    }

    private CommandLineRun publish(Path db, String schema, String... more) {
        List<String> args = new ArrayList<>(List.of("publish", "--db", db.toString(), "--to", server.uri("gard"), "--schema", schema));
        args.addAll(List.of(more));
        return CommandLineRun.of(args.toArray(String[]::new));
    }

    @Test
    void aFetchWithOneChangedAnswerAddsExactlyItsRows() throws Exception {
        Path raw = dir.resolve("raw");
        FetchSeries.fetch(raw, "2016-01-01", "a.txt", FetchSeries.answerText());
        Path db = dir.resolve("gard.sqlite");
        run(raw, db, "--publish", server.uri("gard"), "--schema", "one_change");
        Map<String, List<String>> before = sqliteRows(db);

        FetchSeries.fetch(raw, "2016-02-01", "a.txt", FetchSeries.edit(FetchSeries.answerText(), "poorly managed", "poorly controlled"));
        JsonNode published = new ObjectMapper().readTree(run(raw, db, "--publish", server.uri("gard"), "--schema", "one_change",
                "--json").out()).get("publish");
        Map<String, List<String>> after = sqliteRows(db);

        Map<String, String> expected = new HashMap<>();
        for (String table : after.keySet()) {
            int added = minus(after.get(table), before.get(table)).size();
            int deleted = minus(before.get(table), after.get(table)).size();
            if (added + deleted > 0) {
                expected.put(table, added + "+" + deleted + "-");
            }
        }
        Map<String, String> actual = new HashMap<>();
        published.get("tables").fields().forEachRemaining(e -> actual.put(e.getKey(),
                e.getValue().get("added").asInt() + "+" + e.getValue().get("deleted").asInt() + "-"));
        assertEquals(expected, actual, "the rows SQLite gained and lost, no other");
        assertTrue(published.get("rows_added").asLong() < 20, published.toString());
        assertTrue(expected.containsKey("version") && expected.containsKey("change_event"), expected.toString());
        MirrorComparison.assertViewsEqual(db, server, "one_change");
    }

    @Test
    void aBackfilledFetchGivesTheRowsOfAPublishFromScratch() throws Exception {
        Path raw = dir.resolve("raw");
        String text = FetchSeries.answerText();
        FetchSeries.fetch(raw, "2016-01-01", "a.txt", text);
        FetchSeries.fetch(raw, "2016-03-01", "a.txt", FetchSeries.edit(text, "poorly managed", "poorly controlled"));
        Path db = dir.resolve("gard.sqlite");
        run(raw, db);
        assertEquals(0, publish(db, "backfill").exitCode());

        FetchSeries.fetch(raw, "2016-02-01", "a.txt", FetchSeries.edit(text, "poorly managed", "badly managed"));
        run(raw, db);
        CommandLineRun incremental = publish(db, "backfill", "--json");
        assertEquals(0, incremental.exitCode(), incremental.err());
        JsonNode fetchRows = new ObjectMapper().readTree(incremental.out()).get("tables").get("fetch");
        assertTrue(fetchRows.get("deleted").asInt() > 0, "the fetches renumbered: " + incremental.out());
        assertEquals(0, publish(db, "scratch").exitCode());

        assertEquals(MirrorComparison.dump(server, "scratch", false), MirrorComparison.dump(server, "backfill", false));
        MirrorComparison.assertViewsEqual(db, server, "backfill");
    }

    @Test
    void aRepeatableReadTransactionOpenAcrossAPublishSeesOneHistory() throws Exception {
        Path raw = dir.resolve("raw");
        FetchSeries.fetch(raw, "2016-01-01", "a.txt", FetchSeries.answerText());
        Path db = dir.resolve("gard.sqlite");
        run(raw, db, "--publish", server.uri("gard"), "--schema", "reader");
        String query = "SELECT v.*, (SELECT count(*) FROM fetches) AS fetches FROM answer_versions v";
        List<String> first = MirrorComparison.sqliteRows(db, query, List.of());
        try (Connection reader = MirrorComparison.mirror(server, "reader")) {
            reader.setAutoCommit(false);
            reader.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            assertEquals(first, MirrorComparison.pgRows(reader, query, List.of()));

            FetchSeries.fetch(raw, "2016-02-01", "a.txt", FetchSeries.edit(FetchSeries.answerText(), "poorly managed", "poorly controlled"));
            run(raw, db, "--publish", server.uri("gard"), "--schema", "reader");
            List<String> second = MirrorComparison.sqliteRows(db, query, List.of());
            assertNotEquals(first, second);

            assertEquals(first, MirrorComparison.pgRows(reader, query, List.of()), "the history as it was, whole");
            assertEquals(first.size(), MirrorComparison.pgRows(reader, "SELECT * FROM answer_versions", List.of()).size());
            reader.commit();
            assertEquals(second, MirrorComparison.pgRows(reader, query, List.of()), "the next transaction: as it is");
        }
    }

    /** Each mirrored table's rows in SQLite, as text, with the columns a publish sends. */
    static Map<String, List<String>> sqliteRows(Path db) {
        Map<String, List<String>> rows = new HashMap<>();
        for (MirroredTable t : MirroredTable.ALL) {
            String select = t.name().equals("answer_search") ? "SELECT rowid, * FROM answer_search" : "SELECT * FROM \"" + t.name() + "\"";
            List<String> lines = new ArrayList<>();
            for (Map<String, Object> r : TestDb.rows(db, select)) {
                r.keySet().removeAll(t.skipped());
                lines.add(r.toString());
            }
            rows.put(t.name(), lines);
        }
        return rows;
    }

    private static List<String> minus(List<String> a, List<String> b) {
        List<String> rest = new ArrayList<>(a);
        for (String line : b) {
            rest.remove(line);
        }
        return rest;
    }
}
