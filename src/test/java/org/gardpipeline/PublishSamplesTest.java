package org.gardpipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.gardpipeline.cli.CommandLineRun;
import org.gardpipeline.cli.Main;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The samples of raw/ with the edited re-fetch of docs/data.md, published to a real PostgreSQL: every view and every
 * documented query gives the rows SQLite gives, and a second publish with nothing new writes nothing.
 */
class PublishSamplesTest {
    @TempDir
    static Path dir;

    private static PostgresServer server;
    private static Path db;

    @BeforeAll
    static void publishTheSamples() throws Exception {
        server = PostgresServer.start(dir);
        db = DataDocumentationTest.sampleDatabase(dir.resolve("samples"));
        assertEquals(0, Main.execute("publish", "--db", db.toString(), "--to", server.uri("gard"), "--quiet"));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void everyViewHoldsTheRowsOfItsSqliteView() throws Exception {
        assertTrue(MirrorComparison.views(db).size() >= 22, "the views of the SQLite schema");
        assertTrue(MirrorComparison.assertViewsEqual(db, server, "gard") > 100);
    }

    @Test
    void everyDocumentedQueryGivesTheSameRows() throws Exception {
        assertEquals(List.of("10"), List.copyOf(MirrorComparison.postgresForms().keySet()), "the PostgreSQL forms of docs/data.md");
        MirrorComparison.assertQueriesEqual(db, server, "gard");
    }

    @Test
    void aPublishWithNothingNewWritesNothingAndSaysSo() throws Exception {
        String before = MirrorComparison.dump(server, "gard", true) + xmins();
        CommandLineRun again = CommandLineRun.of("publish", "--db", db.toString(), "--to", server.uri("gard"));
        assertEquals(0, again.exitCode(), again.err());
        assertTrue(again.err().contains("nothing new to publish"), again.err());
        assertEquals(before, MirrorComparison.dump(server, "gard", true) + xmins(), "no row written, not even the state");
    }

    /** The transaction that wrote each row: a row written again, even with the same values, has another. */
    private static String xmins() {
        return server.rows("gard", "SELECT string_agg(xmin::text, ',' ORDER BY fetch_id) FROM gard.\"fetch\"").toString()
                + server.rows("gard", "SELECT xmin::text FROM gard.mirror_state");
    }
}
