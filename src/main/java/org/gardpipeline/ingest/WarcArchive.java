package org.gardpipeline.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.gardpipeline.fetch.ContentDecoding;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcTruncationReason;

/**
 * The documents of a WARC file: every 200 response record whose payload is HTML or text, named by its target
 * URI, with its content decoded (chunking and gzip content-encoding removed) when read. A record that is
 * truncated, fails its block digest or cannot be parsed becomes a document that is quarantined when read; the
 * other records are unaffected. A revisit record (a 304 "server-not-modified", or an "identical-payload-digest"
 * deduplication) is the document of the capture it refers to, looked up in the same file or in the WARC files of
 * the fetch folders beside it.
 */
public final class WarcArchive {
    private static final long MAX_DECODED = ContentDecoding.DEFAULT_MAX_DECODED;

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

    /** Headers of one record, enough to pick documents and to find it again. */
    private record Entry(long offset, String type, String target, Instant date, String id, int status,
                         String problem, String refersTo) {
    }

    /** The captures of the file, at most one per (URI, day): the last one of that day. */
    public static List<Capture> captures(Path file) {
        List<Entry> entries = scan(file);
        Map<String, Entry> byId = new HashMap<>();
        for (Entry e : entries) {
            if (e.id() != null) {
                byId.put(e.id(), e);
            }
        }
        Neighbours neighbours = new Neighbours(file);
        Map<String, Capture> kept = new LinkedHashMap<>();
        for (Entry e : entries) {
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

    private static Capture capture(Path file, Entry e, Map<String, Entry> byId, Neighbours neighbours) {
        if (e.type() == null) { // a record whose header could not be read
            String path = file.getFileName() + "#offset=" + e.offset();
            return new Capture(e.date(), new FetchSource.RawDocument(path, () -> {
                throw new IOException("corrupt WARC record: " + e.problem());
            }));
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
                Entry original = e.refersTo() == null ? null : byId.get(e.refersTo());
                if (original != null) {
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
     * The responses in the WARC files of the fetch folders next to this file's folder, by record id, where a
     * revisit finds the capture it refers to. They are scanned once, when the first revisit needs them: a
     * fetch that found most pages unchanged is mostly revisits, and a scan per revisit read the earlier
     * fetch's archive once per page. Of two files holding one id, the one last in name order is taken.
     */
    private static final class Neighbours {
        private final Path file;
        /** Guarded by this: file and offset of each response, by record id; null until first needed. */
        private Map<String, Map.Entry<Path, Long>> responses;

        Neighbours(Path file) {
            this.file = file;
        }

        byte[] payload(Entry revisit) throws IOException {
            Map.Entry<Path, Long> original = revisit.refersTo() == null ? null : responses().get(revisit.refersTo());
            if (original == null) {
                throw new IOException("unchanged since an earlier capture (" + (revisit.refersTo() == null
                        ? "no WARC-Refers-To" : revisit.refersTo()) + ") that is in no WARC file beside this one");
            }
            return WarcArchive.payload(original.getKey(), original.getValue());
        }

        private synchronized Map<String, Map.Entry<Path, Long>> responses() throws IOException {
            if (responses == null) {
                responses = index();
            }
            return responses;
        }

        private Map<String, Map.Entry<Path, Long>> index() throws IOException {
            Map<String, Map.Entry<Path, Long>> index = new HashMap<>();
            Path folder = file.toAbsolutePath().getParent();
            Path parent = folder == null ? null : folder.getParent();
            if (parent == null) {
                return index;
            }
            List<Path> candidates;
            try (Stream<Path> all = Files.walk(parent, 2)) {
                candidates = all.filter(Files::isRegularFile).filter(WarcArchive::isWarcName)
                        .filter(p -> !p.toAbsolutePath().equals(file.toAbsolutePath()))
                        .sorted(java.util.Comparator.reverseOrder()).toList();
            }
            for (Path other : candidates) {
                for (Entry o : scanQuietly(other)) {
                    if (o.id() != null && "response".equals(o.type())) {
                        index.putIfAbsent(o.id(), Map.entry(other, o.offset()));
                    }
                }
            }
            return index;
        }
    }

    private static List<Entry> scanQuietly(Path file) {
        try {
            return scan(file);
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
            HttpResponse http = httpHead(block);
            byte[] raw = java.util.Arrays.copyOfRange(block, headEnd(block), block.length);
            if (http.headers().all("Transfer-Encoding").stream().anyMatch(v -> v.toLowerCase(Locale.ROOT).contains("chunked"))) {
                raw = dechunk(raw);
            }
            return ContentDecoding.decode(raw, http.headers().first("Content-Encoding").orElse(null), MAX_DECODED);
        }
    }

    /** The status line and headers of an HTTP response block. */
    private static HttpResponse httpHead(byte[] block) throws IOException {
        return HttpResponse.parseWithoutBody(java.nio.channels.Channels.newChannel(new java.io.ByteArrayInputStream(block)),
                java.nio.channels.Channels.newChannel(java.io.OutputStream.nullOutputStream()));
    }

    /** Where the body of an HTTP response block starts: after the first empty line. */
    static int headEnd(byte[] block) throws IOException {
        for (int i = 0; i + 1 < block.length; i++) {
            if (block[i] == '\n' && block[i + 1] == '\n') {
                return i + 2;
            }
            if (i + 3 < block.length && block[i] == '\r' && block[i + 1] == '\n' && block[i + 2] == '\r' && block[i + 3] == '\n') {
                return i + 4;
            }
        }
        throw new IOException("HTTP response without the end of its headers");
    }

    /** Removes HTTP/1.1 chunked framing, as some archives keep it in their records. */
    static byte[] dechunk(byte[] body) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(body.length);
        int i = 0;
        while (i < body.length) {
            int eol = i;
            while (eol < body.length && body[eol] != '\n') {
                eol++;
            }
            String line = new String(body, i, eol - i, java.nio.charset.StandardCharsets.US_ASCII).strip();
            int semi = line.indexOf(';');
            int size;
            try {
                size = Integer.parseInt(semi >= 0 ? line.substring(0, semi).strip() : line, 16);
            } catch (NumberFormatException e) {
                throw new IOException("bad chunked encoding: '" + line + "'");
            }
            i = eol + 1;
            if (size == 0) {
                break;
            }
            if (i + size > body.length) {
                throw new IOException("truncated chunked body");
            }
            out.write(body, i, size);
            i += size;
            while (i < body.length && (body[i] == '\r' || body[i] == '\n')) {
                i++;
            }
        }
        return out.toByteArray();
    }

    /**
     * Reads every record's header and checks its block; a file whose first record is not WARC is a usage error
     * naming it. After a corrupt record, reading resumes at the next record start found in the bytes.
     */
    static List<Entry> scan(Path file) {
        List<Entry> entries = new ArrayList<>();
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new UnusableFetchException("cannot read " + file + ": " + e.getMessage());
        }
        if (size == 0) {
            throw new UnusableFetchException(file + " is not a WARC file: it is empty");
        }
        boolean gzip = startsWithGzip(file);
        long resumeAt = 0;
        while (resumeAt >= 0 && resumeAt < size) {
            long start = resumeAt;
            resumeAt = -1;
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ); WarcReader reader = new WarcReader(ch)) {
                reader.calculateBlockDigest();
                if (start > 0) {
                    reader.position(start);
                }
                long lastGood = -1;
                while (true) {
                    Optional<WarcRecord> next;
                    try {
                        next = reader.next();
                    } catch (IOException | RuntimeException e) {
                        long failedAt = lastGood < 0 ? start : nextRecordStart(file, lastGood + 1, gzip);
                        if (entries.isEmpty() && failedAt <= 0) {
                            throw new UnusableFetchException(file + " is not a WARC file: " + e.getMessage());
                        }
                        if (failedAt < 0) {
                            failedAt = Math.max(start, lastGood + 1);
                        }
                        String target = salvageTarget(file, failedAt, gzip);
                        entries.add(new Entry(failedAt, target == null ? null : "response", target, lastDate(entries),
                                null, 0, "unreadable: " + e.getMessage(), null));
                        resumeAt = nextRecordStart(file, failedAt + 1, gzip);
                        break;
                    }
                    if (next.isEmpty()) {
                        break;
                    }
                    WarcRecord r = next.get();
                    lastGood = r.position();
                    Entry e = entry(r);
                    entries.add(e);
                    if (e.problem() != null && e.problem().startsWith("unreadable")) {
                        resumeAt = nextRecordStart(file, r.position() + 1, gzip);
                        break;
                    }
                }
            } catch (UnusableFetchException e) {
                throw e;
            } catch (IOException e) {
                if (entries.isEmpty()) {
                    throw new UnusableFetchException(file + " is not a WARC file: " + e.getMessage());
                }
                entries.add(new Entry(start, null, null, lastDate(entries), null, 0, e.getMessage(), null));
            }
        }
        return entries;
    }

    private static final java.util.regex.Pattern TARGET = java.util.regex.Pattern.compile("(?m)^WARC-Target-URI:\\s*<?([^\\s>]+)>?\\s*$");

    /** The WARC-Target-URI of a damaged record, read from whatever of its header survives; null when none does. */
    private static String salvageTarget(Path file, long offset, boolean gzip) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ch.position(offset);
            InputStream raw = java.nio.channels.Channels.newInputStream(ch);
            java.io.ByteArrayOutputStream head = new java.io.ByteArrayOutputStream();
            try (InputStream in = gzip ? new java.util.zip.GZIPInputStream(raw) : raw) {
                byte[] buffer = new byte[4096];
                for (int n; head.size() < 16384 && (n = in.read(buffer)) > 0; ) {
                    head.write(buffer, 0, n);
                }
            } catch (IOException partial) {
                // keep what was decoded before the damage
            }
            String text = head.toString(java.nio.charset.StandardCharsets.ISO_8859_1);
            int end = text.indexOf("\r\n\r\n");
            java.util.regex.Matcher m = TARGET.matcher(end >= 0 ? text.substring(0, end) : text);
            return m.find() ? m.group(1) : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static Instant lastDate(List<Entry> entries) {
        for (int i = entries.size() - 1; i >= 0; i--) {
            if (entries.get(i).date() != null) {
                return entries.get(i).date();
            }
        }
        return Instant.EPOCH;
    }

    /** One record's header fields; reads its block to the end to find truncation and digest mismatches. */
    private static Entry entry(WarcRecord r) {
        String target = r.headers().first("WARC-Target-URI").orElse(null);
        String id = r.headers().first("WARC-Record-ID").orElse(null);
        String refersTo = r.headers().first("WARC-Refers-To").orElse(null);
        int status = 0;
        String problem = null;
        String type = r.type();
        try {
            long declared = r.headers().first("Content-Length").map(Long::parseLong).orElse(-1L);
            // read, not closed: the reader computes the block digest as the body is consumed
            byte[] block = r.body().stream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, MAX_DECODED * 2));
            if (declared >= 0 && block.length < declared) {
                problem = "truncated: " + block.length + " of " + declared + " bytes";
            } else if (r.truncated() != WarcTruncationReason.NOT_TRUNCATED) {
                problem = "the capture was truncated (" + r.truncated().name().toLowerCase(Locale.ROOT) + ")";
            } else {
                Optional<WarcDigest> declaredDigest = r.blockDigest();
                Optional<WarcDigest> actual = r.calculatedBlockDigest();
                if (declaredDigest.isPresent() && actual.isPresent() && !declaredDigest.get().equals(actual.get())) {
                    problem = "block digest mismatch: the record's bytes were altered";
                }
            }
            if (("response".equals(type) || "revisit".equals(type)) && r.contentType().base().equals(MediaType.HTTP)) {
                HttpResponse http = httpHead(block);
                status = http.status();
                MediaType payloadType = http.headers().first("Content-Type").map(MediaType::parseLeniently)
                        .map(MediaType::base).orElse(null);
                if ("response".equals(type) && status == 200 && !isDocumentType(payloadType)) {
                    type = "response-other";
                }
            }
        } catch (IOException | RuntimeException e) {
            problem = "unreadable: " + e;
        }
        return new Entry(r.position(), type, target, r.date(), id, status, problem, refersTo);
    }

    private static boolean isDocumentType(MediaType type) {
        if (type == null) {
            return true;
        }
        String t = type.type() + "/" + type.subtype();
        return t.equals("text/html") || t.equals("application/xhtml+xml") || t.equals("text/plain")
                || t.equals("text/xml") || t.equals("application/xml");
    }

    private static boolean startsWithGzip(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.read() == 0x1f && in.read() == 0x8b;
        } catch (IOException e) {
            return false;
        }
    }

    /** The offset of the next likely record start at or after {@code from}, or -1. */
    private static long nextRecordStart(Path file, long from, boolean gzip) {
        byte[] pattern = gzip ? new byte[] {0x1f, (byte) 0x8b, 0x08} : "\nWARC/1.".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
            long pos = from;
            while (pos < size) {
                buffer.clear();
                int n = ch.read(buffer, pos);
                if (n <= 0) {
                    return -1;
                }
                byte[] chunk = buffer.array();
                for (int i = 0; i + pattern.length <= n; i++) {
                    boolean match = true;
                    for (int j = 0; j < pattern.length && match; j++) {
                        match = chunk[i + j] == pattern[j];
                    }
                    if (match) {
                        return gzip ? pos + i : pos + i + 1;
                    }
                }
                if (n < pattern.length) {
                    return -1;
                }
                pos += n - pattern.length + 1;
            }
            return -1;
        } catch (IOException e) {
            return -1;
        }
    }
}
