package org.gardpipeline.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.gardpipeline.ChildJvm;
import org.gardpipeline.FetchSeries;
import org.gardpipeline.MirrorComparison;
import org.gardpipeline.PostgresServer;
import org.gardpipeline.cli.CommandLineRun;
import org.gardpipeline.store.HistoryStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a publish refuses, with a one-line message and the exit code of the other commands, changing nothing: a URL
 * that carries a password, a schema of another application, a schema that mirrors another database or a later state
 * of this one (unless --replace), a database another run holds; and where the password comes from instead.
 */
class PublishRefusalTest {
    @TempDir
    static Path shared;

    private static PostgresServer server;
    private static Path db;
    private static Path raw;

    @BeforeAll
    static void start() {
        server = PostgresServer.start(shared);
        raw = shared.resolve("raw");
        FetchSeries.fetch(raw, "2016-01-01", "a.txt", FetchSeries.answerText());
        db = shared.resolve("gard.sqlite");
        CommandLineRun r = CommandLineRun.of("run", "--raw", raw.toString(), "--db", db.toString(), "--out",
                shared.resolve("out").toString(), "--quiet");
        assertEquals(0, r.exitCode(), r.err());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static CommandLineRun publish(Path database, String to, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("publish", "--db", database.toString(), "--to", to));
        args.addAll(List.of(more));
        return CommandLineRun.of(args.toArray(String[]::new));
    }

    private static void assertOneLine(CommandLineRun r, int code, String says) {
        assertEquals(code, r.exitCode(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains(says), r.err());
    }

    @Test
    void aUrlWithAPasswordIsRefusedWithoutShowingIt() {
        String port = String.valueOf(server.port());
        for (String url : List.of("postgresql://postgres:hunter2@127.0.0.1:" + port + "/gard",
                "postgresql://postgres@127.0.0.1:" + port + "/gard?password=hunter2",
                "jdbc:postgresql://127.0.0.1:" + port + "/gard?user=postgres&password=hunter2")) {
            CommandLineRun r = publish(db, url, "--schema", "refused");
            assertOneLine(r, 2, "PGPASSWORD");
            assertFalse(r.err().contains("hunter2") || r.out().contains("hunter2"), r.err());
        }
        assertEquals(List.of(), server.rows("gard", "SELECT nspname FROM pg_namespace WHERE nspname = 'refused'"));
    }

    @Test
    void badArgumentsAreUsageErrors() {
        assertOneLine(publish(db, "mysql://127.0.0.1/gard"), 2, "--to");
        assertOneLine(publish(db, server.uri("gard"), "--schema", "Bad Name"), 2, "--schema");
        assertOneLine(publish(db, server.uri("gard") + "?frobnicate=1"), 2, "frobnicate");
    }

    @Test
    void aServerThatCannotBeReachedFailsWithExitOne() {
        assertOneLine(publish(db, "postgresql://postgres@127.0.0.1:1/gard"), 1, "cannot connect to postgresql://postgres@127.0.0.1:1/gard");
    }

    @Test
    void theSchemaOfAnotherApplicationIsRefusedAndLeftAlone() {
        server.execute("gard", "CREATE SCHEMA shop; CREATE TABLE shop.customers (id int); INSERT INTO shop.customers VALUES (7)");
        assertOneLine(publish(db, server.uri("gard"), "--schema", "shop"), 2, "another application");
        assertOneLine(publish(db, server.uri("gard"), "--schema", "shop", "--replace"), 2, "another application");
        assertEquals(List.of(List.of("customers")), server.rows("gard", "SELECT table_name FROM information_schema.tables "
                + "WHERE table_schema = 'shop'"));
        assertEquals(List.of(List.of("7")), server.rows("gard", "SELECT id FROM shop.customers"));
    }

    @Test
    void anotherDatabaseOrAnOlderCopyIsRefusedUnlessReplace() throws Exception {
        Path older = shared.resolve("older.sqlite");
        assertEquals(0, CommandLineRun.of("backup", "--db", db.toString(), older.toString()).exitCode());
        Path grown = shared.resolve("grown.sqlite");
        Files.copy(db, grown);
        Path grownRaw = shared.resolve("grown-raw");
        FetchSeries.copyFolder(raw.resolve("2016-01-01"), grownRaw.resolve("2016-01-01"));
        FetchSeries.fetch(grownRaw, "2016-02-01", "a.txt", FetchSeries.edit(FetchSeries.answerText(), "poorly managed", "poorly controlled"));
        assertEquals(0, CommandLineRun.of("run", "--raw", grownRaw.toString(), "--db", grown.toString(), "--out",
                shared.resolve("grown-out").toString(), "--quiet").exitCode());
        assertEquals(0, publish(grown, server.uri("gard"), "--schema", "restored").exitCode());
        String published = MirrorComparison.dump(server, "restored", true);

        assertOneLine(publish(older, server.uri("gard"), "--schema", "restored"), 2, "holds fetch 2 (2016-02-01)");
        Path other = shared.resolve("other");
        Path otherDb = other.resolve("gard.sqlite");
        assertEquals(0, CommandLineRun.of("run", "--raw", raw.toString(), "--db", otherDb.toString(), "--out",
                other.resolve("out").toString(), "--quiet").exitCode());
        assertOneLine(publish(otherDb, server.uri("gard"), "--schema", "restored"), 2, "mirrors another database");
        assertEquals(published, MirrorComparison.dump(server, "restored", true), "refused: nothing written");

        CommandLineRun replaced = publish(otherDb, server.uri("gard"), "--schema", "restored", "--replace");
        assertEquals(0, replaced.exitCode(), replaced.err());
        MirrorComparison.assertViewsEqual(otherDb, server, "restored");
    }

    @Test
    void aDatabaseAnotherRunHoldsIsLeftWithExitFour() {
        try (HistoryStore running = HistoryStore.open(db)) {
            assertOneLine(publish(db, server.uri("gard"), "--schema", "locked"), 4, "holds the lock");
        }
    }

    @Test
    void thePasswordComesFromPgpasswordOrPgpassNeverFromTheUrl() throws Exception {
        String url = "postgresql://" + PostgresServer.PASSWORD_ROLE + "@127.0.0.1:" + server.port() + "/gard";
        PostgresUrl target = PostgresUrl.parse("--to", url, Map.of());
        PublishException none = assertThrows(PublishException.class, () -> {
            try (HistoryStore store = HistoryStore.openLocked(db)) {
                new Publisher(target, "with_password", Map.of(), "test").publish(store, false);
            }
        });
        assertTrue(none.getMessage().contains("PGPASSWORD or ~/.pgpass"), none.getMessage());
        try (HistoryStore store = HistoryStore.openLocked(db)) {
            PublishResult r = new Publisher(target, "with_password", Map.of("PGPASSWORD", PostgresServer.PASSWORD), "test")
                    .publish(store, false);
            assertFalse(r.nothingNew());
        }

        Path pgpass = shared.resolve("pgpass");
        Files.writeString(pgpass, "127.0.0.1:" + server.port() + ":gard:" + PostgresServer.PASSWORD_ROLE + ":" + PostgresServer.PASSWORD + "\n");
        Files.setPosixFilePermissions(pgpass, PosixFilePermissions.fromString("rw-------"));
        ChildJvm child = ChildJvm.gard(shared.resolve("logs"), Map.of("PGPASSFILE", pgpass.toString()),
                "publish", "--db", db.toString(), "--to", url, "--schema", "with_pgpass", "--json");
        assertEquals(0, child.waitFor(120), child.err());
        assertTrue(child.out().contains("\"published\" : true"), child.out());
        assertFalse((child.out() + child.err()).contains(PostgresServer.PASSWORD), "the password is never shown");
    }
}
