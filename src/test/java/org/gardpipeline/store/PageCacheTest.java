package org.gardpipeline.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The page cache grows with the database, between its bounds, so that a fetch's writes fit in it. */
class PageCacheTest {
    @TempDir
    Path dir;

    @Test
    void aNewOrSmallDatabaseGetsTheSmallestCache() throws SQLException {
        Path file = dir.resolve("gard.sqlite");
        assertEquals(64 * 1024, Database.cacheKib(file));
        try (Connection db = Database.open(file, true); Statement s = db.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA cache_size")) {
            rs.next();
            assertEquals(-64 * 1024, rs.getLong(1));
        }
    }

    @Test
    void aLargeDatabaseGetsHalfItsSizeUpToTheLimit() throws IOException {
        Path file = dir.resolve("big.sqlite");
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(300L * 1024 * 1024); // sparse: no disk is used
            assertEquals(150 * 1024, Database.cacheKib(file));
            f.setLength(3L * 1024 * 1024 * 1024);
            assertEquals(512 * 1024, Database.cacheKib(file));
        }
    }
}
