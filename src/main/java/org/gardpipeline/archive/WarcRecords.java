package org.gardpipeline.archive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcTruncationReason;

/**
 * The headers of every record of a WARC file, each record's block checked (length, truncation, digest) as it is
 * read. A damaged record does not end the reading: it is listed with its problem, and reading resumes at the
 * next record start found in the bytes, so one bad record costs one document.
 */
final class WarcRecords {
    private WarcRecords() {
    }

    /**
     * Headers of one record, enough to pick documents and to find it again; {@code blockSha256} is the SHA-256 of its
     * block when the record declared it and the block read was found to have it (null otherwise); {@code encoding}
     * is how an HTTP response's payload is to be decoded (its Content-Encoding, and chunked framing left in it), so
     * that two payloads of the same digest are known to decode alike.
     */
    record Entry(long offset, String type, String target, Instant date, String id, int status,
                 String problem, String refersTo, String refersToFilename, String payloadDigest, String blockSha256,
                 String encoding) {
        Entry(long offset, String type, String target, Instant date, String problem) {
            this(offset, type, target, date, null, 0, problem, null, null, null, null, null);
        }

        /** A response whose payload is a page's document (status 200, a document's type), read without fault. */
        boolean isDocumentResponse() {
            return "response".equals(type) && status == 200 && problem == null;
        }
    }

    /** The status line and headers of an HTTP response block. */
    static HttpResponse httpHead(byte[] block) throws IOException {
        return HttpResponse.parseWithoutBody(java.nio.channels.Channels.newChannel(new java.io.ByteArrayInputStream(block)),
                java.nio.channels.Channels.newChannel(java.io.OutputStream.nullOutputStream()));
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
            throw new UnreadableArchiveException("cannot read " + file + ": " + e.getMessage());
        }
        if (size == 0) {
            throw new UnreadableArchiveException(file + " is not a WARC file: it is empty");
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
                            throw new UnreadableArchiveException(file + " is not a WARC file: " + e.getMessage());
                        }
                        if (failedAt < 0) {
                            failedAt = Math.max(start, lastGood + 1);
                        }
                        String target = salvageTarget(file, failedAt, gzip);
                        entries.add(new Entry(failedAt, target == null ? null : "response", target, lastDate(entries),
                                "unreadable: " + e.getMessage()));
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
            } catch (UnreadableArchiveException e) {
                throw e;
            } catch (IOException e) {
                if (entries.isEmpty()) {
                    throw new UnreadableArchiveException(file + " is not a WARC file: " + e.getMessage());
                }
                entries.add(new Entry(start, null, null, lastDate(entries), e.getMessage()));
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
        String blockSha256 = null;
        String encoding = null;
        try {
            long declared = r.headers().first("Content-Length").map(Long::parseLong).orElse(-1L);
            // read, not closed: the reader computes the block digest as the body is consumed
            byte[] block = r.body().stream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, ContentDecoding.DEFAULT_MAX_DECODED * 2));
            if (declared >= 0 && block.length < declared) {
                problem = "truncated: " + block.length + " of " + declared + " bytes";
            } else if (r.truncated() != WarcTruncationReason.NOT_TRUNCATED) {
                problem = "the capture was truncated (" + r.truncated().name().toLowerCase(Locale.ROOT) + ")";
            } else {
                Optional<WarcDigest> declaredDigest = r.blockDigest();
                Optional<WarcDigest> actual = r.calculatedBlockDigest();
                if (declaredDigest.isPresent() && actual.isPresent() && !declaredDigest.get().equals(actual.get())) {
                    problem = "block digest mismatch: the record's bytes were altered";
                } else if (declaredDigest.isPresent() && actual.isPresent() && "sha256".equals(actual.get().algorithm())) {
                    blockSha256 = actual.get().hex(); // read whole just now and found as declared
                }
            }
            if (("response".equals(type) || "revisit".equals(type)) && r.contentType().base().equals(MediaType.HTTP)) {
                HttpResponse http = httpHead(block);
                status = http.status();
                encoding = http.headers().first("Content-Encoding").orElse("").trim().toLowerCase(Locale.ROOT)
                        + (http.headers().contains("Transfer-Encoding", "chunked") ? "+chunked" : "");
                MediaType payloadType = http.headers().first("Content-Type").map(MediaType::parseLeniently)
                        .map(MediaType::base).orElse(null);
                if ("response".equals(type) && status == 200 && !isDocumentType(payloadType)) {
                    type = "response-other";
                }
            }
        } catch (IOException | RuntimeException e) {
            problem = "unreadable: " + e;
        }
        return new Entry(r.position(), type, target, r.date(), id, status, problem, refersTo,
                r.headers().first("WARC-Refers-To-Filename").orElse(null), r.headers().first("WARC-Payload-Digest").orElse(null),
                blockSha256, encoding);
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
