package org.gardpipeline.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.gardpipeline.TestDb;
import org.junit.jupiter.api.Test;

/** The schema version the store trusts without running Flyway is the newest migration in migrations/. */
class SchemaVersionTest {
    @Test
    void theKnownSchemaVersionIsTheNewestMigration() {
        assertEquals(TestDb.newestSchemaVersion(), Database.SCHEMA_VERSION);
    }
}
