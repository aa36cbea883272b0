package org.gardpipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import org.gardpipeline.FetchSeries;
import org.gardpipeline.TestDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression: the index of packed WARC files was process-wide ({@code PackedWarc.INDEX}), trusted while a file kept
 * its size and modification time. A capture altered in place with both kept (a restore that sets times, a disk
 * fault) was then still taken at its old digest by every later run in the same process, so a revisit of it stood for
 * bytes no longer there: with their parse known, nothing read them, and the fetch was ingested as if they were. The
 * index now lives for one run: the next run reads the file again and quarantines the revisit.
 */
class RunScopedArchiveIndexTest {
    @TempDir
    Path dir;

    private CommandLineRun run(Path raw, String db) {
        return CommandLineRun.of("run", "--raw", raw.toString(), "--db", dir.resolve(db).toString(), "--out",
                dir.resolve("out-" + db).toString());
    }

    @Test
    void aCaptureAlteredInPlaceWithItsSizeAndTimeKeptIsReadAgainByTheNextRunInTheSameProcess() throws Exception {
        Path raw = dir.resolve("raw");
        FetchSeries.fetch(raw, "2016-01-01", "a.txt", FetchSeries.answerText());
        // another name, the same bytes: a document that cannot be read takes its reason by path (Ingester.unreadableHash)
        FetchSeries.fetch(raw, "2016-02-01", "b.txt", FetchSeries.answerText());
        assertEquals(0, run(raw, "one.sqlite").exitCode());
        CommandLineRun pack = CommandLineRun.of("pack", "--raw", raw.toString(), "--db", dir.resolve("one.sqlite").toString());
        assertTrue(pack.err().contains("packed 2016-02-01: 1 documents, 1 of them revisits"), pack.err());
        CommandLineRun fresh = run(raw, "two.sqlite"); // reads the capture in this process
        assertEquals(0, fresh.exitCode(), fresh.err());

        Path capture = raw.resolve("2016-01-01/packed.warc.gz");
        FileTime modified = Files.getLastModifiedTime(capture);
        long size = Files.size(capture);
        try (FileChannel ch = FileChannel.open(capture, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer b = ByteBuffer.allocate(1);
            ch.read(b, size / 2);
            b.put(0, (byte) (b.get(0) ^ 0x5a)).rewind();
            ch.write(b, size / 2);
        }
        Files.setLastModifiedTime(capture, modified);
        assertEquals(size, Files.size(capture));

        // a database that parsed these bytes before reads no document it can stand for by their digest: only the
        // index says whether the capture is still what the revisit's digest says
        Path elsewhere = FetchSeries.fetch(dir.resolve("elsewhere"), "2015-01-01", "c.txt", FetchSeries.answerText());
        assertEquals(0, CommandLineRun.of("ingest", elsewhere.toString(), "--db", dir.resolve("three.sqlite").toString()).exitCode());
        CommandLineRun after = run(raw, "three.sqlite");
        assertEquals(3, after.exitCode(), after.err());
        List<Map<String, Object>> quarantined = TestDb.rows(dir.resolve("three.sqlite"), "SELECT f.fetched_at, "
                + "d.quarantine_reason FROM document d JOIN fetch f USING (fetch_id) WHERE d.quarantine_reason IS NOT NULL "
                + "ORDER BY f.fetched_at");
        assertEquals(2, quarantined.size(), quarantined.toString() + after.err());
        String revisit = quarantined.get(1).get("quarantine_reason").toString();
        assertTrue(revisit.startsWith("cannot read file: revisit of b.txt in ") && revisit.contains("2016-01-01/packed.warc.gz"), quarantined.toString());
    }
}
