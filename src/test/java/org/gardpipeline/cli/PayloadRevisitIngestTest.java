package org.gardpipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.gardpipeline.Fixtures;
import org.gardpipeline.TestDb;
import org.gardpipeline.TestSite;
import org.gardpipeline.model.Sha256;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.MessageVersion;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcRevisit;
import org.netpreserve.jwarc.WarcWriter;

/**
 * Identical-payload-digest revisits in fetch folders, as the fetcher (or Heritrix) writes them, are read as the bytes
 * of the capture that WARC-Refers-To-Filename names, and only when that capture's payload digest is theirs.
 */
class PayloadRevisitIngestTest {
    @TempDir
    Path dir;

    private static final String HEAD = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n";

    @Test
    void aRevisitIsItsCapturesBytesOnlyWhenThePayloadDigestsAgree() throws Exception {
        byte[] a = Fixtures.bytes("gard-2022-series/blount-disease");
        byte[] b = Fixtures.bytes("gard-2022-series/cystinuria");
        URI ua = URI.create("https://rarediseases.info.nih.gov/diseases/916/blount-disease");
        URI ub = URI.create("https://rarediseases.info.nih.gov/diseases/6237/cystinuria");
        Path raw = dir.resolve("raw");
        Path first = Files.createDirectories(raw.resolve("2024-01-01-fetch")).resolve("pages.warc.gz");
        Instant t1 = Instant.parse("2024-01-01T03:00:00Z");
        WarcResponse ra;
        WarcResponse rb;
        try (WarcWriter w = new WarcWriter(FileChannel.open(first, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                WarcCompression.GZIP)) {
            ra = response(ua, t1, a);
            rb = response(ub, t1, b);
            w.write(ra);
            w.write(rb);
        }
        Path second = Files.createDirectories(raw.resolve("2024-01-02-fetch")).resolve("pages.warc.gz");
        Instant t2 = Instant.parse("2024-01-02T03:00:00Z");
        try (WarcWriter w = new WarcWriter(FileChannel.open(second, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                WarcCompression.GZIP)) {
            w.write(revisit(ua, t2, ra, Sha256.of(a)));
            // a revisit claiming another payload than its capture's: its bytes are not taken for it
            w.write(revisit(ub, t2, rb, Sha256.of(a)));
        }
        Path db = dir.resolve("gard.sqlite");
        CommandLineRun r = CommandLineRun.of("run", "--raw", raw.toString(), "--db", db.toString(), "--out",
                dir.resolve("out").toString());
        assertEquals(3, r.exitCode(), r.err());
        List<Map<String, Object>> docs = TestDb.rows(db, "SELECT d.path, d.sha256, d.quarantine_reason FROM document d "
                + "JOIN fetch f USING (fetch_id) WHERE f.label = 'fetch' AND f.fetched_at LIKE '2024-01-02%' ORDER BY d.path");
        assertEquals(2, docs.size(), docs.toString());
        assertEquals(ub.toString(), docs.get(0).get("path")); // 6237 sorts before 916
        assertTrue(String.valueOf(docs.get(0).get("quarantine_reason")).contains("not the revisit's"), docs.toString());
        assertEquals(ua.toString(), docs.get(1).get("path"));
        assertEquals(TestSite.sha256(a), docs.get(1).get("sha256"));
        assertEquals(null, docs.get(1).get("quarantine_reason"));
        assertEquals(0, TestDb.count(db, "SELECT count(*) FROM answer_changes WHERE change <> 'added'"), r.err());
    }

    private static WarcResponse response(URI uri, Instant date, byte[] body) {
        byte[] block = concat(HEAD.getBytes(StandardCharsets.ISO_8859_1), body);
        return new WarcResponse.Builder(uri).date(date)
                .blockDigest(new WarcDigest("sha256", Sha256.of(block)))
                .payloadDigest(new WarcDigest("sha256", Sha256.of(body)))
                .body(MediaType.HTTP_RESPONSE, block).build();
    }

    private static WarcRevisit revisit(URI uri, Instant date, WarcResponse original, byte[] payloadSha256) {
        return new WarcRevisit.Builder(uri, WarcRevisit.IDENTICAL_PAYLOAD_DIGEST_1_1).version(MessageVersion.WARC_1_1)
                .date(date).refersTo(original.id(), original.target() == null ? uri : URI.create(original.target()), original.date())
                .setHeader("WARC-Refers-To-Filename", "../2024-01-01-fetch/pages.warc.gz")
                .payloadDigest(new WarcDigest("sha256", payloadSha256))
                .body(MediaType.HTTP_RESPONSE, HEAD.getBytes(StandardCharsets.ISO_8859_1)).build();
    }

    private static byte[] concat(byte[] x, byte[] y) {
        byte[] all = new byte[x.length + y.length];
        System.arraycopy(x, 0, all, 0, x.length);
        System.arraycopy(y, 0, all, x.length, y.length);
        return all;
    }
}
