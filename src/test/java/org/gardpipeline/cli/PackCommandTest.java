package org.gardpipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.gardpipeline.ChildJvm;
import org.gardpipeline.FetchSeries;
import org.gardpipeline.TestDb;
import org.gardpipeline.model.Sha256;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.MessageVersion;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcRevisit;
import org.netpreserve.jwarc.WarcWriter;

/**
 * {@code gard pack}: ingested fetch folders become one deduplicated WARC file each, which give the same documents
 * (so the same history, row for row); a fetch never ingested or changed since is refused and nothing is touched;
 * a pack killed at any step leaves the folder as it was or packed whole.
 */
class PackCommandTest {
    private static final String PACKED = "packed.warc.gz";

    @TempDir
    Path dir;

    private Path raw;

    @BeforeEach
    void series() {
        raw = dir.resolve("raw");
        FetchSeries.realSeries(raw);
    }

    private Path db(String name) {
        return dir.resolve(name + ".sqlite");
    }

    private CommandLineRun run(String db, String... more) {
        List<String> args = new ArrayList<>(List.of("run", "--raw", raw.toString(), "--db", db(db).toString(), "--out",
                dir.resolve("out-" + db).toString()));
        args.addAll(List.of(more));
        return CommandLineRun.of(args.toArray(String[]::new));
    }

    private CommandLineRun pack(String db, String... fetches) {
        List<String> args = new ArrayList<>(List.of("pack", "--raw", raw.toString(), "--db", db(db).toString()));
        args.addAll(List.of(fetches));
        return CommandLineRun.of(args.toArray(String[]::new));
    }

    private static void ok(CommandLineRun r) {
        assertEquals(0, r.exitCode(), r.err());
    }

    @Test
    void packedFetchesIngestedIntoANewDatabaseGiveTheSameHistoryRowForRow() throws IOException {
        ok(run("html"));
        long html = FetchSeries.bytes(raw);
        CommandLineRun packed = pack("html");
        ok(packed);
        assertTrue(FetchSeries.bytes(raw) * 10 <= html, "four fetches packed take at most a tenth of their files: " + FetchSeries.bytes(raw) + " of " + html);
        assertEquals(List.of(
                "packed 2022-01-01: 14 documents, 0 of them revisits",
                "packed 2022-02-01: 14 documents, 12 of them revisits",
                "packed 2022-03-01: 13 documents, 13 of them revisits",
                "packed 2022-04-01: 14 documents, 14 of them revisits"),
                packed.err().lines().map(l -> l.substring(0, l.indexOf(';'))).toList());
        for (String fetch : List.of("2022-01-01", "2022-02-01", "2022-04-01")) {
            assertEquals(List.of(PACKED), names(raw.resolve(fetch)), fetch + " is one file");
        }
        assertEquals(List.of("fetch.properties", PACKED), names(raw.resolve("2022-03-01")), "fetch.properties is kept");
        try (Stream<Path> hidden = Files.list(raw)) {
            assertEquals(List.of(), hidden.filter(p -> p.getFileName().toString().startsWith(".")).toList(), "nothing left beside");
        }

        List<Map<String, Object>> listings = TestDb.rows(db("html"), "SELECT label, listing_sha256 FROM fetch ORDER BY fetched_at");
        assertTrue(listings.stream().allMatch(f -> f.get("listing_sha256") != null),
                "each packed folder's listing is kept, so the next run need not read it: " + listings);
        ok(run("packed"));
        assertEquals(TestDb.stableDump(db("html")), TestDb.stableDump(db("packed")));
        CommandLineRun again = run("html");
        ok(again);
        assertTrue(again.err().contains("nothing new under"), again.err());
        assertEquals(listings, TestDb.rows(db("html"), "SELECT label, listing_sha256 FROM fetch ORDER BY fetched_at"));

        // kept beside each listing: the packed files of earlier folders its revisits refer to, so that a run checks
        // the listing without opening the WARC file to find them; a listing kept without them (by an earlier
        // release) gets them from the next run that finds it unchanged
        String dependencies = "SELECT fetched_at, listing_dependencies FROM fetch ORDER BY fetched_at";
        List<Map<String, Object>> beyond = TestDb.rows(db("html"), dependencies);
        assertEquals("", beyond.get(0).get("listing_dependencies"), "the first packed fetch refers to no other");
        for (Map<String, Object> later : beyond.subList(1, beyond.size())) {
            List<String> files = List.of(later.get("listing_dependencies").toString().split("\n"));
            assertTrue(files.contains("../2022-01-01/" + PACKED)
                    && files.stream().allMatch(f -> f.matches("\\.\\./2022-0[1-3]-01/" + PACKED)), later.toString());
        }
        TestDb.execute(db("html"), "UPDATE fetch SET listing_dependencies = NULL");
        CommandLineRun upgraded = run("html");
        ok(upgraded);
        assertTrue(upgraded.err().contains("nothing new under"), upgraded.err());
        assertEquals(beyond, TestDb.rows(db("html"), dependencies));
        assertEquals(listings, TestDb.rows(db("html"), "SELECT label, listing_sha256 FROM fetch ORDER BY fetched_at"));
        assertTrue(pack("html").err().contains("2022-04-01: packed already"));
        ok(CommandLineRun.of("check", "--db", db("packed").toString()));

        // what a revisit says, in the headers WARC 1.1 and Heritrix give it, read back by jwarc
        Found capture = record(raw.resolve("2022-01-01").resolve(PACKED), "gard-2022-1q-duplications");
        Found revisit = record(raw.resolve("2022-02-01").resolve(PACKED), "gard-2022-1q-duplications");
        assertEquals("resource", capture.type());
        assertEquals("revisit", revisit.type());
        assertEquals(WarcRevisit.IDENTICAL_PAYLOAD_DIGEST_1_1.toString(), revisit.header("WARC-Profile"));
        assertEquals(capture.header("WARC-Record-ID"), revisit.header("WARC-Refers-To"));
        assertEquals("gard-2022-1q-duplications", revisit.header("WARC-Refers-To-Target-URI"));
        assertEquals("2022-01-01T00:00:00Z", revisit.header("WARC-Refers-To-Date"));
        assertEquals("../2022-01-01/" + PACKED, revisit.header("WARC-Refers-To-Filename"));
        assertEquals(capture.header("WARC-Payload-Digest"), revisit.header("WARC-Payload-Digest"));
        assertEquals(0, revisit.body().length);
        assertEquals(Sha256.hex(org.gardpipeline.Fixtures.bytes("gard-2022/1q-duplications")), Sha256.hex(capture.body()),
                "the capture holds the bytes exactly");
    }

    @Test
    void aFetchNeverIngestedIsRefusedInOneLineAndNothingChanges() {
        ok(run("html"));
        FetchSeries.fetch(raw, "2022-05-01", "a.txt", FetchSeries.answerText());
        Map<String, String> before = tree(raw);
        CommandLineRun r = pack("html", "2022-05-01");
        assertEquals(2, r.exitCode(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("gard pack: fetch folder ") && r.err().contains("2022-05-01 was never ingested"), r.err());
        assertEquals(before, tree(raw));
    }

    @Test
    void aFetchChangedSinceItsIngestIsRefusedInOneLineAndNothingIsPacked() throws IOException {
        ok(run("html"));
        ok(pack("html", "2022-01-01")); // packed already: said only when nothing is refused
        Path page = raw.resolve("2022-02-01/gard-2022-caudal-regression-sequence");
        Files.writeString(page, Files.readString(page, StandardCharsets.ISO_8859_1) + " ", StandardCharsets.ISO_8859_1);
        Map<String, String> before = tree(raw);
        for (CommandLineRun r : List.of(pack("html", "2022-02-01"), pack("html"))) {
            assertEquals(2, r.exitCode(), r.err());
            assertEquals(1, r.err().lines().count(), r.err());
            assertTrue(r.err().contains("2022-02-01 changed since it was ingested"), r.err());
            assertEquals(before, tree(raw), "not even the fetches before it are packed");
        }
    }

    /** The capture a revisit refers to is gone: its document is quarantined naming the file; a changed packed fetch is refused. */
    @Test
    void aRevisitWhoseCaptureIsMissingIsQuarantinedAndAPackedFetchWhoseFileChangedIsRefused() throws IOException {
        ok(run("html"));
        ok(pack("html"));
        Path first = raw.resolve("2022-01-01");
        Files.move(first, dir.resolve("elsewhere"));
        CommandLineRun fresh = run("fresh");
        assertEquals(3, fresh.exitCode(), fresh.err());
        List<Object> reasons = TestDb.rows(db("fresh"), "SELECT quarantine_reason FROM document WHERE quarantine_reason IS NOT NULL")
                .stream().map(row -> row.get("quarantine_reason")).toList();
        assertFalse(reasons.isEmpty());
        assertTrue(reasons.stream().allMatch(why -> why.toString().contains("its capture is in ")
                && why.toString().endsWith("2022-01-01/" + PACKED + ", which is missing")), reasons.toString());

        // and a packed fetch whose own file changed is refused
        // The packed fetches are known by their listings, which take in the files their revisits' captures are in:
        // the fetches of the first database whose captures went are read again and refused.
        CommandLineRun gone = run("html");
        assertEquals(2, gone.exitCode(), gone.err());
        assertTrue(gone.err().contains("fetch 2022-02-01 from " + raw.resolve("2022-02-01") + " differs"), gone.err());
        Files.move(dir.resolve("elsewhere"), first);
        ok(run("html"));
        Path file = first.resolve(PACKED);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 20));
        CommandLineRun old = run("html");
        assertEquals(2, old.exitCode(), old.err());
        assertTrue(old.err().contains("fetch 2022-01-01 from " + first + " differs"), old.err());
    }

    /** A capture whose bytes are not those of the revisit's payload digest is never taken for them. */
    @Test
    void aRevisitWhoseCaptureDoesNotMatchItsDigestIsQuarantinedNamingTheFile() throws IOException {
        Path other = dir.resolve("other");
        byte[] shown = FetchSeries.answerText().getBytes(StandardCharsets.UTF_8);
        byte[] stored = FetchSeries.edit(FetchSeries.answerText(), "poorly managed", "poorly controlled").getBytes(StandardCharsets.UTF_8);
        URI id = URI.create("urn:uuid:00000000-0000-0000-0000-000000000001");
        Path capture = Files.createDirectories(other.resolve("2016-01-01")).resolve(PACKED);
        Path revisits = Files.createDirectories(other.resolve("2016-02-01")).resolve(PACKED);
        Instant date = Instant.parse("2016-01-01T00:00:00Z");
        try (WarcWriter w = new WarcWriter(FileChannel.open(capture, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), WarcCompression.GZIP)) {
            w.write(new WarcResource.Builder().version(MessageVersion.WARC_1_1).setHeader("WARC-Target-URI", "a.txt")
                    .recordId(id).date(date).payloadDigest(new WarcDigest("sha256", Sha256.of(stored)))
                    .body(MediaType.parse("application/octet-stream"), stored).build());
        }
        try (WarcWriter w = new WarcWriter(FileChannel.open(revisits, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), WarcCompression.GZIP)) {
            w.write(new WarcRevisit.Builder("a.txt", WarcRevisit.IDENTICAL_PAYLOAD_DIGEST_1_1).version(MessageVersion.WARC_1_1)
                    .date(date.plusSeconds(86400)).setHeader("WARC-Refers-To", "<" + id + ">")
                    .setHeader("WARC-Refers-To-Filename", "../2016-01-01/" + PACKED)
                    .payloadDigest(new WarcDigest("sha256", Sha256.of(shown))).build());
        }
        CommandLineRun r = CommandLineRun.of("ingest", other.resolve("2016-02-01").toString(), "--db", db("digest").toString());
        assertEquals(3, r.exitCode(), r.err());
        String reason = TestDb.rows(db("digest"), "SELECT quarantine_reason FROM document").get(0).get("quarantine_reason").toString();
        assertTrue(reason.contains("revisit of a.txt in ") && reason.contains("2016-01-01/" + PACKED
                + " does not match its payload digest"), reason);
    }

    @Test
    void runWithPackPacksWhatItIngestedAndANewFetchBecomesRevisitsOfTheEarlierCapturesButNotAHeldFetch() throws IOException {
        CommandLineRun first = run("html", "--pack");
        ok(first);
        assertTrue(first.err().contains("packed 2022-04-01: 14 documents, 14 of them revisits"), first.err());
        for (String doc : FetchSeries.REAL_DOCUMENTS) {
            FetchSeries.fetch(raw, "2022-05-01", doc.replace('/', '-'), org.gardpipeline.Fixtures.bytes(doc));
        }
        CommandLineRun second = run("html", "--pack");
        ok(second);
        assertTrue(second.err().contains("packed 2022-05-01: 14 documents, 14 of them revisits"), second.err());
        assertFalse(second.err().contains("packed 2022-04-01"), "fetches packed before are passed over quietly: " + second.err());
        assertEquals(5, TestDb.count(db("html"), "SELECT count(*) FROM fetch"));
        ok(CommandLineRun.of("check", "--db", db("html").toString()));

        // a complete fetch lacking all but one page would remove most answers: held, so not ingested, so not packed
        Path held = FetchSeries.fetch(raw, "2022-06-01", "a.txt", FetchSeries.answerText());
        FetchSeries.fetch(raw, "2022-06-01", "fetch.properties", "complete=true\n");
        CommandLineRun third = run("html", "--pack");
        assertEquals(5, third.exitCode(), third.err());
        assertFalse(third.err().contains("packed 2022-06-01"), third.err());
        assertEquals(List.of("a.txt", "fetch.properties"), names(held));
    }

    /** Between the two renames of the swap a kill leaves the old folder aside, hidden: the next pack puts it back. */
    @Test
    void aFolderMovedAsideByAKilledSwapIsPutBackByTheNextPack() throws IOException {
        ok(run("html"));
        Path folder = raw.resolve("2022-02-01");
        Map<String, String> before = tree(folder);
        Files.move(folder, raw.resolve(".2022-02-01.unpacked"));
        Files.createDirectories(raw.resolve(".2022-02-01.packing"));
        Files.writeString(raw.resolve(".2022-02-01.packing").resolve(PACKED), "half");
        ok(pack("html", "2022-01-01"));
        assertEquals(before, tree(folder));
        assertFalse(Files.exists(raw.resolve(".2022-02-01.packing")));
    }

    static void awaitThenKill(ChildJvm child, String moment) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!child.err().contains(moment) && child.process().isAlive() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertTrue(child.kill(), "killed while still running: " + child.err());
        assertTrue(child.err().contains(moment), child.err());
    }

    /** A record's type, headers and block, read by jwarc. */
    private record Found(String type, org.netpreserve.jwarc.MessageHeaders headers, byte[] body) {
        String header(String name) {
            return headers.first(name).orElse(null);
        }
    }

    private static Found record(Path file, String target) throws IOException {
        try (WarcReader reader = new WarcReader(file)) {
            for (WarcRecord r : reader) {
                if (target.equals(r.headers().first("WARC-Target-URI").orElse(null))) {
                    return new Found(r.type(), r.headers(), r.body().stream().readAllBytes());
                }
            }
        }
        throw new AssertionError("no record for " + target + " in " + file);
    }

    static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** Every file under the folder (hidden ones too) by its path, with the SHA-256 of its bytes. */
    static Map<String, String> tree(Path folder) {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                if (Files.isRegularFile(p)) {
                    files.put(folder.relativize(p).toString(), Sha256.hex(Files.readAllBytes(p)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }
}
