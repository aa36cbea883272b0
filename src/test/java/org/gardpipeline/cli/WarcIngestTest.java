package org.gardpipeline.cli;

import static org.gardpipeline.FetchSeries.answerText;
import static org.gardpipeline.FetchSeries.edit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.gardpipeline.Gard2022Site;
import org.gardpipeline.TestDb;
import org.gardpipeline.TestSite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;

class WarcIngestTest {
    @TempDir
    Path dir;

    /** A captured response: URL, date, content type, extra headers and the body as sent. */
    record Capture(String url, String date, String contentType, byte[] body, String... headers) {
    }

    static Capture answer(String url, String date, String text) {
        return new Capture(url, date, "text/html; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes a WARC (plain or gzip per record) the way an archive would, with block digests. */
    static byte[] warc(WarcCompression compression, Capture... captures) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (WarcWriter writer = new WarcWriter(Channels.newChannel(out), compression)) {
            for (Capture c : captures) {
                StringBuilder head = new StringBuilder("HTTP/1.1 200 OK\r\nContent-Type: " + c.contentType() + "\r\n");
                for (String h : c.headers()) {
                    head.append(h).append("\r\n");
                }
                head.append("Content-Length: ").append(c.body().length).append("\r\n\r\n");
                byte[] block = concat(head.toString().getBytes(StandardCharsets.ISO_8859_1), c.body());
                writer.write(new WarcResponse.Builder(URI.create(c.url())).date(Instant.parse(c.date()))
                        .blockDigest(new WarcDigest("sha256", sha256(block)))
                        .body(MediaType.HTTP_RESPONSE, block).build());
            }
        }
        return out.toByteArray();
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] c = new byte[a.length + b.length];
        System.arraycopy(a, 0, c, 0, a.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Path db() {
        return dir.resolve("gard.sqlite");
    }

    private CommandLineRun ingest(Path file) {
        return CommandLineRun.of("ingest", file.toString(), "--db", db().toString());
    }

    private Path write(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
        return file;
    }

    /**
     * Regression: a document that cannot be read was stored under a hash made from its path alone, so the same path
     * unreadable in a later fetch for another reason showed the first fetch's reason.
     */
    @Test
    void unreadableDocumentsOfOnePathInTwoFetchesKeepEachItsOwnReason() throws Exception {
        byte[] page = Gard2022Site.pages().get(0).bytes();
        byte[] good = chunked(page, 500, "");
        byte[] broken = concat(Arrays.copyOf(good, 505), "zz\r\nnot a chunk\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        Path first = write("2015-03-01.warc", warc(WarcCompression.NONE, new Capture("https://example.org/p", "2015-03-01T10:00:00Z",
                "text/html; charset=utf-8", broken, "Transfer-Encoding: chunked")));
        Path second = write("2015-04-01.warc", warc(WarcCompression.NONE, new Capture("https://example.org/p", "2015-04-01T10:00:00Z",
                "text/html; charset=utf-8", page, "Content-Encoding: zzz")));

        assertEquals(3, ingest(first).exitCode());
        assertEquals(3, ingest(second).exitCode());

        assertEquals(List.of(
                        Map.of("fetched_at", "2015-03-01", "quarantine_reason", "cannot read file: bad chunked encoding in the HTTP response body"),
                        Map.of("fetched_at", "2015-04-01", "quarantine_reason", "cannot read file: unsupported Content-Encoding: zzz")),
                TestDb.rows(db(), "SELECT f.fetched_at, d.quarantine_reason FROM document d JOIN fetch f USING (fetch_id) "
                        + "WHERE d.quarantine_reason IS NOT NULL ORDER BY f.fetched_at"));
    }

    @Test
    void plainAndGzipWarcIngestTheirHtmlResponsesDatedByWarcDate() throws Exception {
        for (WarcCompression c : List.of(WarcCompression.NONE, WarcCompression.GZIP)) {
            String name = c == WarcCompression.NONE ? "ia.warc" : "ia.warc.gz";
            Path db = dir.resolve(name + ".sqlite");
            Path file = write(name, warc(c,
                    answer("https://rarediseases.info.nih.gov/gard/6007/caudal-regression-sequence/cases/1", "2015-03-01T10:00:00Z", answerText()),
                    new Capture("https://rarediseases.info.nih.gov/style.css", "2015-03-01T10:00:01Z", "text/css",
                            "body {}".getBytes(StandardCharsets.UTF_8))));
            CommandLineRun r = CommandLineRun.of("ingest", file.toString(), "--db", db.toString());
            assertEquals(0, r.exitCode(), r.out() + r.err());
            assertTrue(r.err().contains("fetch 2015-03-01 (ia): 1 documents, 1 parsed"), r.err());
            assertEquals(3, TestDb.count(db, "SELECT count(*) FROM current_answers"));
            assertEquals("https://rarediseases.info.nih.gov/gard/6007/caudal-regression-sequence/cases/1",
                    TestDb.rows(db, "SELECT path FROM document").get(0).get("path"));
        }
    }

    @Test
    void gzipContentEncodingIsDecodedBeforeParsing() throws Exception {
        byte[] gz = TestSite.gzip(answerText().getBytes(StandardCharsets.UTF_8));
        Path file = write("2015-03-01-gz.warc.gz", warc(WarcCompression.GZIP,
                new Capture("https://example.org/a", "2015-03-01T10:00:00Z", "text/plain", gz, "Content-Encoding: gzip")));
        CommandLineRun r = ingest(file);
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertEquals(3, TestDb.count(db(), "SELECT count(*) FROM current_answers"));
        assertEquals(TestSite.sha256(answerText().getBytes(StandardCharsets.UTF_8)),
                TestDb.rows(db(), "SELECT sha256 FROM document").get(0).get("sha256"));
    }

    /** The body in chunks of at most {@code size} bytes, each chunk header carrying the extension given. */
    static byte[] chunked(byte[] body, int size, String extension) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < body.length; i += size) {
            int n = Math.min(size, body.length - i);
            out.writeBytes((Integer.toHexString(n) + extension + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, i, n);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    /**
     * Chunked framing, as archives keep it, is removed before the content-encoding (chunk extensions, any case of
     * the header value); a chunked body cut before its last chunk is quarantined on its own.
     */
    @Test
    void chunkedFramingIsRemovedBeforeTheContentEncodingAndACutOneIsQuarantined() throws Exception {
        byte[] text = answerText().getBytes(StandardCharsets.UTF_8);
        byte[] page = Gard2022Site.pages().get(0).bytes();
        byte[] cut = chunked(page, 1000, "");
        cut = java.util.Arrays.copyOf(cut, cut.length - 1500); // ends inside a chunk, no last chunk
        Path file = write("2015-03-01-chunked.warc.gz", warc(WarcCompression.GZIP,
                new Capture("https://example.org/a", "2015-03-01T10:00:00Z", "text/plain",
                        chunked(TestSite.gzip(text), 100, ";name=value"), "Transfer-Encoding: chunked", "Content-Encoding: gzip"),
                new Capture("https://example.org/b", "2015-03-01T10:00:00Z", "text/html; charset=utf-8",
                        chunked(page, 7, ""), "Transfer-Encoding: Chunked"),
                new Capture("https://example.org/c", "2015-03-01T10:00:00Z", "text/html; charset=utf-8", cut,
                        "Transfer-Encoding: chunked")));
        CommandLineRun r = ingest(file);
        assertEquals(3, r.exitCode(), r.out() + r.err());
        List<Map<String, Object>> docs = TestDb.rows(db(), "SELECT path, sha256, quarantine_reason FROM document ORDER BY path");
        assertEquals(3, docs.size(), docs.toString());
        assertEquals(Arrays.asList("https://example.org/a", TestSite.sha256(text), null), new ArrayList<>(docs.get(0).values()));
        assertEquals(Arrays.asList("https://example.org/b", TestSite.sha256(page), null), new ArrayList<>(docs.get(1).values()));
        assertEquals("https://example.org/c", docs.get(2).get("path"));
        assertTrue(String.valueOf(docs.get(2).get("quarantine_reason")).contains("chunked"), docs.toString());
    }

    /**
     * Content-Encoding in a WARC is removed by the same bounded decoder as in a fetch: zlib-wrapped deflate (RFC
     * 9110's, which jwarc's own decoder refuses) is read, and a gzip bomb stops at 64 MiB, quarantined on its own.
     */
    @Test
    void deflateIsDecodedAndAGzipBombIsQuarantinedAtTheBound() throws Exception {
        byte[] text = answerText().getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream deflated = new ByteArrayOutputStream();
        try (java.util.zip.DeflaterOutputStream out = new java.util.zip.DeflaterOutputStream(deflated)) {
            out.write(text);
        }
        byte[] bomb = TestSite.gzip(new byte[(64 << 20) + 1]);
        Path file = write("2015-03-01-encodings.warc.gz", warc(WarcCompression.GZIP,
                new Capture("https://example.org/a", "2015-03-01T10:00:00Z", "text/plain", deflated.toByteArray(),
                        "Content-Encoding: deflate"),
                new Capture("https://example.org/bomb", "2015-03-01T10:00:00Z", "text/html", bomb, "Content-Encoding: gzip")));
        CommandLineRun r = ingest(file);
        assertEquals(3, r.exitCode(), r.out() + r.err());
        assertEquals(List.of(Map.of("path", "https://example.org/a", "sha256", TestSite.sha256(text))),
                TestDb.rows(db(), "SELECT path, sha256 FROM document WHERE quarantine_reason IS NULL"));
        assertEquals(List.of(Map.of("path", "https://example.org/bomb",
                        "quarantine_reason", "cannot read file: decoded body larger than the limit of 67108864 bytes")),
                TestDb.rows(db(), "SELECT path, quarantine_reason FROM document WHERE quarantine_reason IS NOT NULL"));
    }

    /**
     * Chunked framing that cannot be read quarantines its record, as a damaged record does: a body kept without
     * its framing under a "Transfer-Encoding: chunked" header, and one whose framing breaks off after a chunk. (A
     * lenient reader would pass the framing into the document as text: a false change in the history.)
     */
    @Test
    void aChunkedBodyWhoseFramingCannotBeReadIsQuarantined() throws Exception {
        byte[] page = Gard2022Site.pages().get(0).bytes();
        byte[] good = chunked(page, 500, "");
        byte[] broken = concat(Arrays.copyOf(good, 505), "zz\r\nnot a chunk\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        Path file = write("2015-03-01-unframed.warc", warc(WarcCompression.NONE,
                new Capture("https://example.org/unframed", "2015-03-01T10:00:00Z", "text/html; charset=utf-8", page,
                        "Transfer-Encoding: chunked"),
                new Capture("https://example.org/broken", "2015-03-01T10:00:00Z", "text/html; charset=utf-8", broken,
                        "Transfer-Encoding: chunked"),
                new Capture("https://example.org/good", "2015-03-01T10:00:00Z", "text/html; charset=utf-8", good,
                        "Transfer-Encoding: chunked")));
        CommandLineRun r = ingest(file);
        assertEquals(3, r.exitCode(), r.out() + r.err());
        assertEquals(List.of(
                        Map.of("path", "https://example.org/broken",
                                "quarantine_reason", "cannot read file: bad chunked encoding in the HTTP response body"),
                        Map.of("path", "https://example.org/unframed",
                                "quarantine_reason", "cannot read file: bad chunked encoding in the HTTP response body")),
                TestDb.rows(db(), "SELECT path, quarantine_reason FROM document WHERE quarantine_reason IS NOT NULL ORDER BY path"));
        assertEquals(List.of(Map.of("path", "https://example.org/good", "sha256", TestSite.sha256(page))),
                TestDb.rows(db(), "SELECT path, sha256 FROM document WHERE quarantine_reason IS NULL"));
    }

    @Test
    void aWarcOfSeveralCaptureDaysIsOneFetchPerDayInDateOrder() throws Exception {
        String later = edit(answerText(), "In many cases, the cause is unclear.", "In most cases, the cause is unknown.");
        String url = "https://rarediseases.info.nih.gov/gard/6007/caudal-regression-sequence";
        Path raw = dir.resolve("raw");
        write("raw/internet-archive.warc.gz", warc(WarcCompression.GZIP,
                answer(url, "2016-04-02T08:00:00Z", later),
                answer(url, "2015-03-01T10:00:00Z", answerText()),
                answer(url, "2015-03-01T23:00:00Z", answerText())));
        CommandLineRun r = CommandLineRun.of("run", "--raw", raw.toString(), "--db", db().toString(),
                "--out", dir.resolve("out").toString());
        assertEquals(0, r.exitCode(), r.out() + r.err());
        List<Map<String, Object>> fetches = TestDb.rows(db(), "SELECT fetched_at, label, documents FROM fetches ORDER BY fetch_id");
        assertEquals(2, fetches.size(), fetches.toString());
        assertEquals("2015-03-01", fetches.get(0).get("fetched_at"));
        assertEquals("internet-archive", fetches.get(0).get("label"));
        assertEquals("2016-04-02", fetches.get(1).get("fetched_at"));
        assertEquals(1, TestDb.count(db(), "SELECT count(*) FROM answer_changes WHERE change = 'changed'"));
        CommandLineRun again = CommandLineRun.of("run", "--raw", raw.toString(), "--db", db().toString(),
                "--out", dir.resolve("out").toString());
        assertEquals(0, again.exitCode(), again.err());
        assertTrue(again.err().contains("nothing new"), again.err());
    }

    /** A revisit record refers to a response in the same file: its document is that response's payload. */
    @Test
    void aRevisitInTheSameFileIsTheCaptureItRefersTo() throws Exception {
        String url = "https://rarediseases.info.nih.gov/diseases/6007/caudal-regression-sequence";
        byte[] body = answerText().getBytes(StandardCharsets.UTF_8);
        byte[] block = concat(("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " + body.length
                + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1), body);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (WarcWriter writer = new WarcWriter(Channels.newChannel(bytes), WarcCompression.GZIP)) {
            WarcResponse response = new WarcResponse.Builder(URI.create(url)).date(Instant.parse("2022-03-01T10:00:00Z"))
                    .body(MediaType.HTTP_RESPONSE, block).build();
            writer.write(response);
            writer.write(new org.netpreserve.jwarc.WarcRevisit.Builder(URI.create(url),
                    org.netpreserve.jwarc.WarcRevisit.IDENTICAL_PAYLOAD_DIGEST_1_1)
                    .date(Instant.parse("2022-04-01T10:00:00Z")).refersTo(response.id())
                    .body(MediaType.HTTP_RESPONSE, "HTTP/1.1 304 Not Modified\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1))
                    .build());
        }
        Path raw = dir.resolve("raw");
        write("raw/monthly.warc.gz", bytes.toByteArray());
        CommandLineRun r = CommandLineRun.of("run", "--raw", raw.toString(), "--db", db().toString(),
                "--out", dir.resolve("out").toString());
        assertEquals(0, r.exitCode(), r.out() + r.err());
        List<Map<String, Object>> documents = TestDb.rows(db(),
                "SELECT f.fetched_at, d.sha256 FROM document d JOIN fetch f USING (fetch_id) ORDER BY f.fetched_at");
        String sha = TestSite.sha256(body);
        assertEquals(List.of(Map.of("fetched_at", "2022-03-01", "sha256", sha), Map.of("fetched_at", "2022-04-01", "sha256", sha)),
                documents);
        assertEquals(1, TestDb.count(db(), "SELECT reused FROM fetches WHERE fetched_at = '2022-04-01'"));
    }

    /** A folder named without a date is dated by the earliest capture of the WARC files in it, of any file. */
    @Test
    void aFolderWithoutADateIsDatedByTheEarliestCaptureOfItsWarcFiles() throws Exception {
        String url = "https://rarediseases.info.nih.gov/gard/6007/caudal-regression-sequence";
        write("crawl/b.warc.gz", warc(WarcCompression.GZIP,
                answer(url + "/b1", "2015-03-02T08:00:00Z", answerText()),
                answer(url + "/b2", "2015-03-01T09:30:00Z", answerText())));
        write("crawl/a.warc", warc(WarcCompression.NONE, answer(url + "/a", "2015-03-03T10:00:00Z", answerText())));
        CommandLineRun r = ingest(dir.resolve("crawl"));
        assertEquals(0, r.exitCode(), r.out() + r.err());
        List<Map<String, Object>> fetches = TestDb.rows(db(), "SELECT fetched_at, documents FROM fetches");
        assertEquals(List.of(Map.of("fetched_at", "2015-03-01T09:30:00Z", "documents", 3)), fetches);
    }

    @Test
    void aRecordWhoseBytesWereAlteredIsQuarantinedAndTheOthersIngested() throws Exception {
        for (WarcCompression c : List.of(WarcCompression.NONE, WarcCompression.GZIP)) {
            Path db = dir.resolve(c + ".sqlite");
            byte[] page = Gard2022Site.pages().get(0).bytes();
            byte[] bytes = warc(c,
                    answer("https://example.org/one", "2015-03-01T10:00:00Z", answerText()),
                    new Capture("https://example.org/two", "2015-03-01T10:00:00Z", "text/html", page),
                    answer("https://example.org/three", "2015-03-01T10:00:00Z", answerText()));
            if (c == WarcCompression.NONE) {
                int at = indexOf(bytes, "ng-version".getBytes(StandardCharsets.US_ASCII));
                bytes[at] = 'N'; // bit rot inside record two
            } else {
                int two = nthGzipMember(bytes, 2);
                bytes[two + 200] ^= 0x55; // inside record two's compressed data
            }
            Path file = write("2015-03-01-" + c + ".warc" + (c == WarcCompression.GZIP ? ".gz" : ""), bytes);
            CommandLineRun r = CommandLineRun.of("ingest", file.toString(), "--db", db.toString());
            assertEquals(3, r.exitCode(), r.out() + r.err());
            List<Map<String, Object>> q = TestDb.rows(db, "SELECT path, quarantine_reason FROM document WHERE quarantine_reason IS NOT NULL");
            assertEquals(1, q.size(), q.toString());
            assertTrue(String.valueOf(q.get(0).get("quarantine_reason")).contains("WARC record"), q.toString());
            assertEquals(2, TestDb.count(db, "SELECT count(*) FROM document WHERE quarantine_reason IS NULL"), c.toString());
        }
    }

    @Test
    void aWarcCutShortQuarantinesItsLastRecordOnly() throws Exception {
        for (WarcCompression c : List.of(WarcCompression.NONE, WarcCompression.GZIP)) {
            Path db = dir.resolve("cut-" + c + ".sqlite");
            byte[] bytes = warc(c,
                    answer("https://example.org/one", "2015-03-01T10:00:00Z", answerText()),
                    answer("https://example.org/two", "2015-03-01T10:00:00Z", answerText()));
            byte[] cut = java.util.Arrays.copyOf(bytes, bytes.length - 700);
            Path file = write("2015-03-01-cut-" + c + ".warc" + (c == WarcCompression.GZIP ? ".gz" : ""), cut);
            CommandLineRun r = CommandLineRun.of("ingest", file.toString(), "--db", db.toString());
            assertEquals(3, r.exitCode(), r.out() + r.err());
            assertEquals("https://example.org/two", TestDb.rows(db,
                    "SELECT path FROM document WHERE quarantine_reason IS NOT NULL").get(0).get("path"));
            assertEquals(1, TestDb.count(db, "SELECT count(*) FROM document WHERE quarantine_reason IS NULL"));
        }
    }

    @Test
    void aRecordWithAGarbledHeaderIsQuarantinedAndReadingGoesOn() throws Exception {
        byte[] bytes = warc(WarcCompression.NONE,
                answer("https://example.org/one", "2015-03-01T10:00:00Z", answerText()),
                answer("https://example.org/two", "2015-03-01T10:00:00Z", answerText()),
                answer("https://example.org/three", "2015-03-01T10:00:00Z", answerText()));
        int second = indexOf(bytes, "WARC/1.", indexOf(bytes, "WARC/1.".getBytes(StandardCharsets.US_ASCII), 0) + 1);
        int length = indexOf(bytes, "Content-Length: ".getBytes(StandardCharsets.US_ASCII), second);
        bytes[length + 16] = 'x'; // Content-Length: x...
        Path file = write("2015-03-01-garbled.warc", bytes);
        CommandLineRun r = ingest(file);
        assertEquals(3, r.exitCode(), r.out() + r.err());
        assertTrue(r.err().contains("corrupt WARC record"), r.err());
        assertEquals(List.of(Map.of("path", "https://example.org/one"), Map.of("path", "https://example.org/three")),
                TestDb.rows(db(), "SELECT path FROM document WHERE quarantine_reason IS NULL ORDER BY path"));
    }

    @Test
    void aFileNamedWarcThatIsNotAWarcIsAUsageErrorNamingIt() throws Exception {
        Path file = write("2015-03-01-notes.warc", "these are my notes, not an archive\n".getBytes(StandardCharsets.UTF_8));
        CommandLineRun r = ingest(file);
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains(file + " is not a WARC file"), r.err());
        assertTrue(Files.notExists(db()) || TestDb.count(db(), "SELECT count(*) FROM fetch") == 0);
        Path gz = write("raw/x.warc.gz", TestSite.gzip("not a warc".getBytes(StandardCharsets.UTF_8)));
        CommandLineRun run = CommandLineRun.of("run", "--raw", gz.getParent().toString(), "--db", db().toString(),
                "--out", dir.resolve("out").toString());
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("x.warc.gz is not a WARC file"), run.err());
    }

    private static int indexOf(byte[] hay, String needle, int from) {
        return indexOf(hay, needle.getBytes(StandardCharsets.US_ASCII), from);
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        return indexOf(hay, needle, 0);
    }

    private static int indexOf(byte[] hay, byte[] needle, int from) {
        outer:
        for (int i = from; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalArgumentException("not found");
    }

    private static int nthGzipMember(byte[] bytes, int n) {
        int found = 0;
        for (int i = 0; i + 2 < bytes.length; i++) {
            if ((bytes[i] & 0xff) == 0x1f && (bytes[i + 1] & 0xff) == 0x8b && bytes[i + 2] == 8 && ++found == n) {
                return i;
            }
        }
        throw new IllegalArgumentException("no gzip member " + n);
    }
}
