package org.gardpipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gardpipeline.FetchSeries;
import org.gardpipeline.Fixtures;
import org.gardpipeline.TestDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bug: a fetch folder under raw/ that was a symbolic link to the folder holding the pages (fetches kept on
 * another disk) was listed as empty, because a walk does not follow the link it starts at. `run` ingested it
 * as a fetch of no documents and exited 0; the real fetch of that date was refused afterwards as different.
 */
class LinkedFetchFolderTest {
    @TempDir
    Path dir;

    @Test
    void aFetchFolderThatIsALinkIsIngestedWithItsDocuments() throws IOException {
        Path pages = FetchSeries.fetch(dir.resolve("disk"), "pages", "caudal-regression-sequence",
                Fixtures.bytes("gard-2022/caudal-regression-sequence"));
        Path raw = Files.createDirectories(dir.resolve("raw"));
        Files.createSymbolicLink(raw.resolve("2022-12-20"), pages);
        Path db = dir.resolve("out/gard.sqlite");

        CommandLineRun r = CommandLineRun.of("run", "--raw", raw.toString(), "--db", db.toString(),
                "--out", dir.resolve("out").toString());

        assertEquals(0, r.exitCode(), r.err());
        assertEquals(1, TestDb.count(db, "SELECT documents FROM fetch"));
        assertEquals(1, TestDb.count(db, "SELECT parsed FROM fetch"));
        assertEquals(3, TestDb.count(db, "SELECT count(*) FROM current_answers WHERE page_key = 'gard-6007'"));
        assertEquals(1, TestDb.count(db, "SELECT count(*) FROM document WHERE path = 'caudal-regression-sequence'"));
    }
}
