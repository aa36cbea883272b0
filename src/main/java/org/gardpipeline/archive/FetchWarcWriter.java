package org.gardpipeline.archive;

import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.gardpipeline.model.Sha256;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.MessageVersion;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcRevisit;
import org.netpreserve.jwarc.WarcWriter;
import org.netpreserve.jwarc.Warcinfo;

/**
 * The WARC file of one fetch: a warcinfo record, GARD's list of pages when the fetch was made by it, then for every
 * exchange the response (with its headers and the exact bytes received; a revisit for a 304, or for a 200 with the
 * payload of the latest capture) and the request. Safe to write from several threads.
 */
public final class FetchWarcWriter implements AutoCloseable {
    /** The WARC file of a fetch folder, as {@code gard fetch} names it. */
    public static final String FILE = "pages.warc.gz";
    /**
     * The warcinfo field saying that the fetch wrote revisits of identical payloads itself: {@code pack} leaves such a
     * file as it is, so a daily {@code run --fetch --pack} never reads the earlier fetches to look for repeats.
     */
    static final String REVISITS_FIELD = "revisits";

    private final WarcWriter writer;

    /** Creates the file; it must not exist. */
    public FetchWarcWriter(Path file) throws IOException {
        this.writer = new WarcWriter(FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                WarcCompression.GZIP);
    }

    /** The warcinfo record that opens the file: the software, the format and what was fetched. */
    public void info(Instant started, String userAgent, String source) throws IOException {
        Map<String, List<String>> info = new LinkedHashMap<>();
        info.put("software", List.of(userAgent));
        info.put("format", List.of("WARC File Format 1.0"));
        info.put("description", List.of(source));
        info.put(REVISITS_FIELD, List.of("identical-payload-digest: a 200 with the payload of the page's latest capture "
                + "is a revisit record"));
        synchronized (writer) {
            writer.write(new Warcinfo.Builder().date(started).filename(FILE).fields(info).build());
        }
    }

    /** The response as a WARC block: status line, headers as received, blank line, body bytes as received. */
    private static byte[] responseBlock(HttpCapture ex, boolean withBody) {
        StringBuilder sb = new StringBuilder();
        sb.append("HTTP/1.1 ").append(ex.status()).append(' ').append(reason(ex.status())).append("\r\n");
        ex.headers().forEach((k, vs) -> {
            if (k.startsWith(":")) {
                return;
            }
            // The client removed the chunked framing; keep the fact without making readers de-chunk again.
            String name = k.equalsIgnoreCase("Transfer-Encoding") ? "X-Original-Transfer-Encoding" : k;
            vs.forEach(v -> sb.append(name).append(": ").append(v).append("\r\n"));
        });
        sb.append("\r\n");
        byte[] head = sb.toString().getBytes(StandardCharsets.ISO_8859_1);
        if (!withBody) {
            return head;
        }
        byte[] block = new byte[head.length + ex.body().length];
        System.arraycopy(head, 0, block, 0, head.length);
        System.arraycopy(ex.body(), 0, block, head.length, ex.body().length);
        return block;
    }

    /** Writes the response and the request it answered; returns the response record's id. */
    public String response(HttpCapture ex) throws IOException {
        byte[] block = responseBlock(ex, true);
        UUID responseId = UUID.randomUUID();
        WarcResponse response = new WarcResponse.Builder(ex.uri())
                .recordId(responseId)
                .date(ex.date())
                .blockDigest(new WarcDigest("sha256", Sha256.of(block)))
                .payloadDigest(new WarcDigest("sha256", Sha256.of(ex.body())))
                .body(MediaType.HTTP_RESPONSE, block)
                .build();
        return writeWithRequest(response, ex);
    }

    /** Writes a 304 as a revisit record that refers to the earlier capture, and the request. */
    public void revisit(HttpCapture ex, CaptureReference earlier) throws IOException {
        byte[] block = responseBlock(ex, false);
        WarcRevisit.Builder b = new WarcRevisit.Builder(ex.uri(), WarcRevisit.SERVER_NOT_MODIFIED_1_0)
                .recordId(UUID.randomUUID())
                .date(ex.date())
                .body(MediaType.HTTP_RESPONSE, block);
        refersTo(b, earlier);
        writeWithRequest(b.build(), ex);
    }

    /**
     * Writes a 200 whose payload is that of the earlier capture as a WARC 1.1 identical-payload-digest revisit (the
     * response's status line and headers, no body), as Heritrix, wget and warcprox do, and the request: an unchanged
     * page costs a few hundred bytes whether or not the server answers conditional requests.
     */
    public void identicalRevisit(HttpCapture ex, CaptureReference earlier) throws IOException {
        byte[] block = responseBlock(ex, false);
        WarcRevisit.Builder b = new WarcRevisit.Builder(ex.uri(), WarcRevisit.IDENTICAL_PAYLOAD_DIGEST_1_1)
                .version(MessageVersion.WARC_1_1)
                .recordId(UUID.randomUUID())
                .date(ex.date())
                .blockDigest(new WarcDigest("sha256", Sha256.of(block)))
                .payloadDigest(new WarcDigest("sha256", Sha256.of(ex.body())))
                .body(MediaType.HTTP_RESPONSE, block);
        refersTo(b, earlier);
        writeWithRequest(b.build(), ex);
    }

    /**
     * The capture a revisit stands for: its record id, URI and date, and (as Heritrix writes it) the file holding it,
     * relative to this file's folder, so that a reader goes to that one file instead of searching its neighbours.
     */
    private static void refersTo(WarcRevisit.Builder b, CaptureReference earlier) {
        if (earlier.recordId() != null) {
            b.refersTo(URI.create(earlier.recordId()), URI.create(earlier.targetUri()), earlier.date());
            b.setHeader("WARC-Refers-To-Filename", "../" + earlier.folder() + "/" + FILE);
        }
    }

    /**
     * Writes GARD's list of pages as a resource record (the bytes as decoded, with their digests): the list is GARD
     * content worth keeping, but no page, and a resource record with an absolute URI is no document to the ingest.
     * Returns the record's id.
     */
    public String resource(URI uri, Instant date, String contentType, byte[] bytes) throws IOException {
        WarcDigest digest = new WarcDigest("sha256", Sha256.of(bytes));
        WarcResource record = new WarcResource.Builder(uri)
                .recordId(UUID.randomUUID())
                .date(date)
                .blockDigest(digest)
                .payloadDigest(digest)
                .body(MediaType.parse(contentType == null ? "application/json" : contentType), bytes)
                .build();
        synchronized (writer) {
            writer.write(record);
        }
        return record.id().toString();
    }

    /** Writes the record that answers the exchange, then its request, side by side; returns the answer's id. */
    private String writeWithRequest(WarcRecord answer, HttpCapture ex) throws IOException {
        WarcRequest request = new WarcRequest.Builder(ex.uri())
                .recordId(ex.requestId())
                .date(ex.date())
                .concurrentTo(answer.id())
                .body(MediaType.HTTP_REQUEST, ex.requestBlock())
                .build();
        synchronized (writer) {
            writer.write(answer);
            writer.write(request);
        }
        return answer.id().toString();
    }

    static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 301 -> "Moved Permanently";
            case 302 -> "Found";
            case 303 -> "See Other";
            case 304 -> "Not Modified";
            case 307 -> "Temporary Redirect";
            case 308 -> "Permanent Redirect";
            case 400 -> "Bad Request";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 410 -> "Gone";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "";
        };
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }
}
