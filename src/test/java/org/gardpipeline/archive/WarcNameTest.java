package org.gardpipeline.archive;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which file names are read as web archives: .warc and .warc.gz in any case, nothing else. */
class WarcNameTest {
    @Test
    void warcAndGzippedWarcInAnyCaseAreArchives() {
        for (String name : List.of("a.warc", "a.warc.gz", "CAPTURE.WARC", "Capture.Warc.GZ", ".warc", "x/y/2023-01-01.warc.gz")) {
            assertTrue(ArchiveIndex.isWarcName(Path.of(name)), name);
        }
    }

    @Test
    void otherNamesAreNot() {
        for (String name : List.of("warc", "a.warcs", "a.warc.gzip", "a.gz", "a.war", "arc", "a.warc.gz.txt",
                "a.w\u0430rc" /* a Cyrillic a */)) {
            assertFalse(ArchiveIndex.isWarcName(Path.of(name)), name);
        }
    }
}
