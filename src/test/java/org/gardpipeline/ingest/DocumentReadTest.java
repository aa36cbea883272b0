package org.gardpipeline.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.Set;
import org.gardpipeline.model.Document;
import org.gardpipeline.model.Sha256;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A document is read into the thread's buffer when it fits, and whole when it does not: the same bytes either way. */
class DocumentReadTest {
    private static final int BUFFER = 4096;
    @TempDir
    Path dir;

    @Test
    void aFileIsReadIntoTheBufferWhenItFitsExactlyOrWithRoomToSpare() throws IOException {
        for (int size : new int[] {0, 1, BUFFER - 1, BUFFER}) {
            byte[] bytes = bytes(size);
            ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER);
            buffer.put(new byte[] {9, 9, 9}); // left from the previous document
            assertEquals(size, file(bytes).content().readInto(buffer), "size " + size);
            byte[] read = new byte[size];
            buffer.flip().get(read);
            assertArrayEquals(bytes, read, "size " + size);
        }
    }

    @Test
    void aFileLargerThanTheBufferDoesNotFit() throws IOException {
        assertEquals(-1, file(bytes(BUFFER + 1)).content().readInto(ByteBuffer.allocateDirect(BUFFER)));
    }

    /** Hashes and parses are those of the file's bytes, whether it came through the buffer or was read whole. */
    @Test
    void aDocumentIsHashedAndParsedAlikeThroughTheBufferOrWhole() throws IOException {
        byte[] page = Files.readAllBytes(Path.of("src/test/resources/answer-text/caudal-regression-sequence.txt"));
        FetchSource.RawDocument raw = file(page);
        Document fitted = Ingester.read(raw, Set.of(), ByteBuffer.allocateDirect(page.length + 10));
        Document whole = Ingester.read(raw, Set.of(), ByteBuffer.allocateDirect(page.length - 1));
        assertEquals(Sha256.hex(page), fitted.sha256());
        assertEquals(fitted, whole);
        assertTrue(fitted.page() != null && !fitted.page().answers().isEmpty());
        Document reused = Ingester.read(raw, Set.of(Sha256.hex(page)), ByteBuffer.allocateDirect(page.length));
        assertTrue(reused.reused());
        assertEquals(fitted.sha256(), reused.sha256());
    }

    private FetchSource.RawDocument file(byte[] bytes) throws IOException {
        Path f = Files.write(Files.createTempFile(dir, "doc", ".txt"), bytes);
        return FetchSource.RawDocument.file(f.getFileName().toString(), f);
    }

    private static byte[] bytes(int size) {
        byte[] b = new byte[size];
        new Random(size).nextBytes(b);
        return b;
    }
}
