package org.gardpipeline.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.gardpipeline.fetch.ContentDecoding;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.ParsingException;
import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;

/**
 * The documents of a WARC file: every 200 response record whose payload is HTML or text, named by its target
 * URI, with its content decoded (chunked framing and gzip or deflate content-encoding removed) when read. A
 * record that is truncated, fails its block digest or cannot be parsed becomes a document that is quarantined when
 * read (see {@link WarcRecords}); the other records are unaffected. A revisit record (a 304 "server-not-modified", or an "identical-payload-digest"
 * deduplication) is the document of the capture it refers to, looked up in the same file or in the WARC files of
 * the fetch folders beside it. The resource and revisit records of a packed fetch folder are read as
 * {@link PackedWarc} says.
 */
public final class WarcArchive {
    private static final long MAX_DECODED = ContentDecoding.DEFAULT_MAX_DECODED;
    /** The head under which a chunked body is given to jwarc's strict decoder (see {@link #dechunked}). */
    private static final byte[] CHUNKED_HEAD = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
            .getBytes(StandardCharsets.US_ASCII);

    /** One capture: a document and the time it was taken. */
    public record Capture(Instant date, FetchSource.RawDocument document) {
    }

    private WarcArchive() {
    }

    public static boolean isWarcName(Path file) {
        // asked of every file of every fetch folder of a run: compared in place, not lower-cased first
        String name = file.getFileName().toString();
        return endsWithIgnoringCase(name, ".warc") || endsWithIgnoringCase(name, ".warc.gz");
    }

    private static boolean endsWithIgnoringCase(String name, String suffix) {
        return name.regionMatches(true, name.length() - suffix.length(), suffix, 0, suffix.length());
    }

    /** The file name without .warc or .warc.gz. */
    static String baseName(Path file) {
        String name = file.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".warc.gz") ? name.substring(0, name.length() - 8)
                : lower.endsWith(".warc") ? name.substring(0, name.length() - 5) : name;
    }

    /** The captures of the file, at most one per (URI, day): the last one of that day. */
    public static List<Capture> captures(Path file) {
        List<WarcRecords.Entry> entries = WarcRecords.scan(file);
        Map<String, WarcRecords.Entry> byId = new HashMap<>();
        for (WarcRecords.Entry e : entries) {
            if (e.id() != null) {
                byId.put(e.id(), e);
            }
        }
        Neighbours neighbours = new Neighbours(file);
        Map<String, Capture> kept = new LinkedHashMap<>();
        for (WarcRecords.Entry e : entries) {
            Capture c = capture(file, e, byId, neighbours);
            if (c == null) {
                continue;
            }
            String key = LocalDate.ofInstant(c.date(), ZoneOffset.UTC) + " " + c.document().path();
            kept.remove(key);
            kept.put(key, c);
        }
        return new ArrayList<>(kept.values());
    }

    private static Capture capture(Path file, WarcRecords.Entry e, Map<String, WarcRecords.Entry> byId, Neighbours neighbours) {
        if (e.type() == null) { // a record whose header could not be read
            String path = file.getFileName() + "#offset=" + e.offset();
            return new Capture(e.date(), new FetchSource.RawDocument(path, () -> {
                throw new IOException("corrupt WARC record: " + e.problem());
            }));
        }
        if (PackedWarc.isPackedTarget(e.target()) && ("resource".equals(e.type()) || "revisit".equals(e.type()))) {
            return PackedWarc.capture(file, e, byId); // a document of a packed fetch folder
        }
        boolean document = "revisit".equals(e.type()) && (e.status() == 304 || e.status() == 200) || "response".equals(e.type()) && (e.status() == 200 || e.status() == 0);
        if (e.problem() != null && !document) {
            return null; // a damaged request, metadata or non-page record is no document
        }
        if (e.problem() != null) {
            return new Capture(e.date(), new FetchSource.RawDocument(e.target(), () -> {
                throw new IOException("corrupt WARC record at offset " + e.offset() + ": " + e.problem());
            }));
        }
        if ("revisit".equals(e.type()) && document) {
            String path = e.target();
            return new Capture(e.date(), new FetchSource.RawDocument(path, () -> {
                WarcRecords.Entry original = e.refersTo() == null ? null : byId.get(e.refersTo());
                if (original != null && "response".equals(original.type())) {
                    checkDigest(e, original, file);
                    return payload(file, original.offset());
                }
                return neighbours.payload(e);
            }));
        }
        if (!"response".equals(e.type()) || e.status() != 200) {
            return null;
        }
        return new Capture(e.date(), new FetchSource.RawDocument(e.target(), () -> payload(file, e.offset())));
    }

    /**
     * A revisit that states a payload digest (the identical-payload-digest profile) stands only for a capture with
     * that digest: another capture under the same id would put other bytes in the history.
     */
    private static void checkDigest(WarcRecords.Entry revisit, WarcRecords.Entry original, Path source) throws IOException {
        if (revisit.payloadDigest() == null || original.payloadDigest() == null) {
            return; // a 304 revisit states none
        }
        boolean same;
        try {
            same = new WarcDigest(revisit.payloadDigest()).equals(new WarcDigest(original.payloadDigest()));
        } catch (RuntimeException malformed) {
            same = false;
        }
        if (!same) {
            throw new IOException("revisit of " + revisit.target() + ": the capture " + revisit.refersTo() + " in " + source
                    + " has payload digest " + original.payloadDigest() + ", not the revisit's " + revisit.payloadDigest());
        }
    }

    /**
     * The responses in the WARC files of the fetch folders next to this file's folder, by record id, where a
     * revisit finds the capture it refers to: first in the file its WARC-Refers-To-Filename names, as the fetcher
     * writes it, then in all of them. Each file is scanned once, when the first revisit needs it: a fetch that
     * found most pages unchanged is mostly revisits, and a scan per revisit read the earlier fetch's archive once
     * per page. Of two files holding one id, the one last in name order is taken.
     */
    private static final class Neighbours {
        private final Path file;
        /** Guarded by this: file and entry of each response, by record id; null until first needed. */
        private Map<String, Map.Entry<Path, WarcRecords.Entry>> responses;
        /** Guarded by this: the responses of each file a WARC-Refers-To-Filename named, by record id. */
        private final Map<Path, Map<String, WarcRecords.Entry>> named = new HashMap<>();

        Neighbours(Path file) {
            this.file = file;
        }

        byte[] payload(WarcRecords.Entry revisit) throws IOException {
            Map.Entry<Path, WarcRecords.Entry> original = revisit.refersTo() == null ? null : find(revisit);
            if (original == null) {
                throw new IOException("unchanged since an earlier capture (" + (revisit.refersTo() == null
                        ? "no WARC-Refers-To" : revisit.refersTo()) + ") that is in no WARC file beside this one");
            }
            checkDigest(revisit, original.getValue(), original.getKey());
            return WarcArchive.payload(original.getKey(), original.getValue().offset());
        }

        private synchronized Map.Entry<Path, WarcRecords.Entry> find(WarcRecords.Entry revisit) throws IOException {
            if (revisit.refersToFilename() != null) {
                Path folder = file.toAbsolutePath().getParent();
                Path source = folder == null ? null : folder.resolve(revisit.refersToFilename()).normalize();
                if (source != null && Files.isRegularFile(source)) {
                    WarcRecords.Entry found = named.computeIfAbsent(source, WarcArchive::responsesOf).get(revisit.refersTo());
                    if (found != null) {
                        return Map.entry(source, found);
                    }
                }
            }
            if (responses == null) {
                responses = index();
            }
            return responses.get(revisit.refersTo());
        }

        private Map<String, Map.Entry<Path, WarcRecords.Entry>> index() throws IOException {
            Map<String, Map.Entry<Path, WarcRecords.Entry>> index = new HashMap<>();
            Path folder = file.toAbsolutePath().getParent();
            Path parent = folder == null ? null : folder.getParent();
            if (parent == null) {
                return index;
            }
            List<Path> candidates;
            try (Stream<Path> all = Files.walk(parent, 2)) {
                // a packed folder's file holds no HTTP responses: not read for them
                candidates = all.filter(Files::isRegularFile).filter(WarcArchive::isWarcName)
                        .filter(p -> !p.getFileName().toString().equals(PackedWarc.FILE))
                        .filter(p -> !p.toAbsolutePath().equals(file.toAbsolutePath()))
                        .sorted(java.util.Comparator.reverseOrder()).toList();
            }
            for (Path other : candidates) {
                responsesOf(other).forEach((id, o) -> index.putIfAbsent(id, Map.entry(other, o)));
            }
            return index;
        }
    }

    /** The response records of a WARC file, by record id; none when it cannot be read. */
    private static Map<String, WarcRecords.Entry> responsesOf(Path file) {
        Map<String, WarcRecords.Entry> byId = new HashMap<>();
        for (WarcRecords.Entry o : scanQuietly(file)) {
            if (o.id() != null && "response".equals(o.type())) {
                byId.putIfAbsent(o.id(), o);
            }
        }
        return byId;
    }

    private static List<WarcRecords.Entry> scanQuietly(Path file) {
        try {
            return WarcRecords.scan(file);
        } catch (UnusableFetchException e) {
            return List.of();
        }
    }

    /** The decoded payload of the response record at an offset. */
    static byte[] payload(Path file, long offset) throws IOException {
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
