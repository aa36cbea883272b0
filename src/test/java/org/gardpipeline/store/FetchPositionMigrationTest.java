package org.gardpipeline.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.gardpipeline.Fixtures;
import org.gardpipeline.TestDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * V8 makes fetch.position NOT NULL and unique without rebuilding the table: a database of an earlier release
 * (schema 4, {@code databases/schema-4-history/}) migrates, keeps its places, passes every check, and refuses a
 * fetch without a place or in the place of another; a database whose fetches lack a place is refused whole.
 */
class FetchPositionMigrationTest {
    private static final String OLD = "databases/schema-4-history/gard.sqlite";

    @TempDir
    Path dir;

    private Path copyOfOld() throws IOException {
        Path db = dir.resolve("gard.sqlite");
        Files.write(db, Fixtures.bytes(OLD));
        return db;
    }

    private static String insertFetch(String position) {
        return "INSERT INTO fetch (fetched_at, label, source, complete, origin, content_sha256, ingested_at, documents, "
                + "parsed, quarantined, position) VALUES ('2030-01-01', 'x', 's', 0, 'o', '', '', 0, 0, 0, " + position + ")";
    }

    @Test
    void aSchema4DatabaseMigratesAndThenRefusesFetchesWithoutAPlaceOrInAnothersPlace() throws IOException {
        Path db = copyOfOld();
        HistoryStore.open(db).close();

        assertEquals(TestDb.newestSchemaVersion(), TestDb.count(db, "SELECT max(CAST(version AS INTEGER)) FROM flyway_schema_history"));
        long fetches = TestDb.count(db, "SELECT count(*) FROM fetch");
        assertEquals(fetches, TestDb.count(db, "SELECT count(DISTINCT position) FROM fetch WHERE position BETWEEN 1 AND "
                + fetches));
        try (HistoryStore store = HistoryStore.open(db)) {
            assertEquals(List.of(), store.check());
        }
        assertEquals(1, TestDb.count(db, "SELECT \"unique\" FROM pragma_index_list('fetch') WHERE name = 'fetch_position'"));

        assertRefused(db, insertFetch("NULL"), "NOT NULL constraint failed: fetch.position");
        assertRefused(db, insertFetch("1"), "UNIQUE constraint failed: fetch.position");
        assertRefused(db, "UPDATE fetch SET position = NULL WHERE position = 1", "NOT NULL constraint failed: fetch.position");
        assertRefused(db, "UPDATE fetch SET position = 2 WHERE position = 1", "UNIQUE constraint failed: fetch.position");
        assertEquals(fetches, TestDb.count(db, "SELECT count(*) FROM fetch"));
        TestDb.execute(db, insertFetch(String.valueOf(fetches + 1))); // a fetch in a free place is written as before
    }

    @Test
    void aDatabaseWhoseFetchesLackAPlaceIsNotMigrated() throws IOException {
        Path db = copyOfOld();
        String url = "jdbc:sqlite:" + db;
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").target("5").load().migrate();
        TestDb.execute(db, "UPDATE fetch SET position = NULL WHERE position = 1");

        StoreException refused = assertThrows(StoreException.class, () -> HistoryStore.open(db).close());

        assertTrue(refused.getMessage().startsWith("cannot migrate database " + db + ": "), refused.getMessage());
        assertTrue(refused.getMessage().contains("CHECK constraint failed"), refused.getMessage());
        assertEquals(1, refused.getMessage().lines().count(), refused.getMessage());
        assertEquals(5, TestDb.count(db, "SELECT max(CAST(version AS INTEGER)) FROM flyway_schema_history WHERE success = 1"));
        assertEquals(1, TestDb.count(db, "SELECT count(*) FROM fetch WHERE position IS NULL"), "rolled back, nothing changed");
    }

    private static void assertRefused(Path db, String statement, String expected) {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> TestDb.execute(db, statement));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
