package org.gardpipeline.archive;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

/**
 * Removes an HTTP Content-Encoding (gzip, deflate, identity) with a bound on the decoded size; the fetch (before
 * it hashes a page) and the WARC reading (before a page is parsed) both decode here, so they agree on the bytes.
 * Not jwarc's {@code HttpMessage.bodyDecoded()}, which WARC reading could otherwise use: its deflate is raw deflate
 * only, so the zlib-wrapped deflate of RFC 9110 fails ("invalid stored block lengths", jwarc 0.36.0), and it has
 * no bound, which is what keeps a few kilobytes of gzip from decoding into gigabytes.
 */
public final class ContentDecoding {
    /** Default bound on a decoded body: far above any GARD page, far below a decompression bomb. */
    public static final long DEFAULT_MAX_DECODED = 64L << 20;

    private ContentDecoding() {
    }

    public static byte[] decode(byte[] body, String contentEncoding, long maxDecoded) throws IOException {
        String encoding = contentEncoding == null ? "identity" : contentEncoding.strip().toLowerCase(Locale.ROOT);
        InputStream in;
        switch (encoding) {
            case "", "identity" -> {
                return body;
            }
            case "gzip", "x-gzip" -> in = new GZIPInputStream(new ByteArrayInputStream(body));
            case "deflate" -> in = new InflaterInputStream(new ByteArrayInputStream(body));
            default -> throw new IOException("unsupported Content-Encoding: " + contentEncoding);
        }
        try (InputStream decoding = in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(32, body.length * 4));
            byte[] buffer = new byte[8192];
            long total = 0;
            for (int n; (n = decoding.read(buffer)) > 0; ) {
                total += n;
                if (total > maxDecoded) {
                    throw new IOException("decoded body larger than the limit of " + maxDecoded + " bytes");
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (java.io.EOFException | java.util.zip.ZipException e) {
            throw new IOException("corrupt " + encoding + " content: " + e.getMessage(), e);
        }
    }
}
