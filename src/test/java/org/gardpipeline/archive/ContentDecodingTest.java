package org.gardpipeline.archive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** Content-Encoding is removed exactly, within a bound on the decoded size, and anything else is refused by name. */
class ContentDecodingTest {
    private static final byte[] PAGE = page();

    @Test
    void gzipDeflateAndIdentityGiveTheBytesSent() throws IOException {
        assertArrayEquals(PAGE, ContentDecoding.decode(gzip(PAGE), "gzip", 1 << 20));
        assertArrayEquals(PAGE, ContentDecoding.decode(gzip(PAGE), " X-GZIP ", 1 << 20));
        assertArrayEquals(PAGE, ContentDecoding.decode(deflate(PAGE), "deflate", 1 << 20));
        assertArrayEquals(PAGE, ContentDecoding.decode(PAGE, null, 1));
        assertArrayEquals(PAGE, ContentDecoding.decode(PAGE, "identity", 1));
    }

    /** A few kilobytes that decode to 64 MiB and more stop at the limit, before they fill the heap. */
    @Test
    void aBodyThatDecodesBeyondTheLimitIsRefused() throws IOException {
        byte[] bomb = gzip(new byte[(int) ContentDecoding.DEFAULT_MAX_DECODED + 1]);
        assertTrue(bomb.length < 100_000, bomb.length + " bytes");
        IOException e = assertThrows(IOException.class,
                () -> ContentDecoding.decode(bomb, "gzip", ContentDecoding.DEFAULT_MAX_DECODED));
        assertEquals("decoded body larger than the limit of 67108864 bytes", e.getMessage());
        assertArrayEquals(PAGE, ContentDecoding.decode(gzip(PAGE), "gzip", PAGE.length), "exactly at the limit");
    }

    @Test
    void corruptOrUnknownEncodingsAreNamed() {
        byte[] cut = java.util.Arrays.copyOf(gzip(PAGE), 100);
        assertTrue(assertThrows(IOException.class, () -> ContentDecoding.decode(cut, "gzip", 1 << 20))
                .getMessage().startsWith("corrupt gzip content"));
        assertEquals("unsupported Content-Encoding: br",
                assertThrows(IOException.class, () -> ContentDecoding.decode(PAGE, "br", 1 << 20)).getMessage());
    }

    private static byte[] page() {
        try {
            return Files.readAllBytes(Path.of("src/test/resources/answer-text/caudal-regression-sequence.txt"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static byte[] gzip(byte[] bytes) {
        return encoded(bytes, GZIPOutputStream::new);
    }

    private static byte[] deflate(byte[] bytes) {
        return encoded(bytes, DeflaterOutputStream::new);
    }

    /** The bytes written through an encoding stream. */
    private static byte[] encoded(byte[] bytes, Encoder encoder) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (java.io.OutputStream encoding = encoder.over(out)) {
            encoding.write(bytes);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private interface Encoder {
        java.io.OutputStream over(java.io.OutputStream out) throws IOException;
    }
}
