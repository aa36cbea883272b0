package org.gardpipeline.archive;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.ParsingException;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;

/** The document an HTTP response record holds: its payload without chunked framing and content-encoding. */
final class HttpPayload {
    private static final long MAX_DECODED = ContentDecoding.DEFAULT_MAX_DECODED;
    /** The head under which a chunked body is given to jwarc's strict decoder (see {@link #dechunked}). */
    private static final byte[] CHUNKED_HEAD = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
            .getBytes(StandardCharsets.US_ASCII);

    private HttpPayload() {
    }

    /** The decoded payload of the response record at an offset. */
    static byte[] of(Path file, long offset) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ); WarcReader reader = new WarcReader(ch)) {
            reader.position(offset);
            WarcRecord r = reader.next().orElseThrow(() -> new IOException("no WARC record at offset " + offset));
            if (!(r instanceof WarcResponse response)) {
                throw new IOException("the WARC record at offset " + offset + " is a " + r.type() + ", not a response");
            }
            byte[] block = response.body().stream().readAllBytes();
            HttpResponse head = WarcRecords.httpHead(block);
            byte[] body = Arrays.copyOfRange(block, head.serializeHeader().length, block.length);
            if (head.headers().contains("Transfer-Encoding", "chunked")) {
                body = dechunked(body);
            }
            return ContentDecoding.decode(body, head.headers().first("Content-Encoding").orElse(null), MAX_DECODED);
        }
    }

    /**
     * The body without its chunked framing, by jwarc's strict decoder, reached through a head of our own. Not the
     * lenient one {@code WarcResponse.http()} applies: framing it cannot read, it passes into the document as text
     * (a false change in the history, where a damaged record is to be quarantined); and {@code parseStrictly} over
     * the archived head itself would also refuse the loose headers real archives hold.
     */
    private static byte[] dechunked(byte[] framed) throws IOException {
        InputStream message = new SequenceInputStream(new ByteArrayInputStream(CHUNKED_HEAD), new ByteArrayInputStream(framed));
        try {
            return HttpResponse.parseStrictly(Channels.newChannel(message)).body().stream().readAllBytes();
        } catch (ParsingException e) {
            // jwarc's message places the fault in the message above, head included: no use to a reader
            throw new IOException("bad chunked encoding in the HTTP response body", e);
        }
    }
}
