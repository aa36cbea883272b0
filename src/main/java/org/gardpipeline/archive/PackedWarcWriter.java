package org.gardpipeline.archive;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.gardpipeline.model.FetchContentHash;
import org.gardpipeline.model.Sha256;
import org.gardpipeline.store.TestPause;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.MessageVersion;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcRevisit;
import org.netpreserve.jwarc.WarcWriter;
import org.netpreserve.jwarc.Warcinfo;

/**
 * Writes the {@link PackedWarc} file of one folder of documents at a time: a resource record for each document whose
 * bytes are new, a revisit for each whose bytes were captured before, in a packed folder of raw/ or earlier in
 * the same fetch. It knows the captures of raw/'s packed folders, read once, and learns a pack's own only when
 * {@link #swappedIn} says its folder took its name, so that no revisit refers to a file that may never be there.
 * Documents are prepared ({@link #prepare}: hashed, and compressed when new) on as many threads as the caller likes,
 * and written in order by one.
 */
public final class PackedWarcWriter {
    /** The one WARC file of a packed folder of documents. */
    public static final String FILE = PackedWarc.FILE;
    private static final MediaType BYTES = MediaType.parse("application/octet-stream");
    /** The warcinfo field listing, one a value, the captures the file holds: SHA-256, record id, target, date. */
    private static final String CAPTURE_FIELD = "capture";

    /** Where a document's bytes were captured: a resource record of a packed WARC file. */
    record Capture(String id, String target, Instant date, String folder) {
    }

    /** What one file holds: its fetch's content hash, how many revisits, and the captures it adds to raw/'s. */
    public record Written(String contentSha256, int revisits, Map<String, Capture> captures) {
    }

    /** One document read, hashed and, when its bytes are new to raw/'s packed folders, made a gzipped record. */
    public record Prepared(String path, String sha256, UUID id, byte[] record) {
    }

    private final Path raw;
    private final ArchiveIndex index;
    /** The captures of the packed folders under raw/, by SHA-256 of their bytes; read when first needed. */
    private Map<String, Capture> captured;

    public PackedWarcWriter(Path raw, ArchiveIndex index) {
        this.raw = raw;
        this.index = index;
    }

    /** Takes in the captures of a file whose folder is now packed under its name: later packs may revisit them. */
    public synchronized void swappedIn(Written written) {
        written.captures().forEach((sha, c) -> captured.putIfAbsent(sha, c));
    }

    /**
     * Writes the records to a hidden file first, then the WARC file: the warcinfo record naming the other packed
     * files its revisits refer to (known only once every record is written), and the records after it.
     */
    public Written write(String name, Instant date, Iterator<Prepared> prepared, Path file) throws IOException {
        Map<String, Capture> earlier = captured();
        Map<String, Capture> here = new LinkedHashMap<>();
        Set<String> dependencies = new TreeSet<>();
        FetchContentHash hash = new FetchContentHash();
        int revisits = 0;
        int written = 0;
        Path records = file.resolveSibling(".records");
        try (FileChannel channel = FileChannel.open(records, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            while (prepared.hasNext()) {
                Prepared p = prepared.next();
                hash.add(p.path(), p.sha256());
                Capture before = here.containsKey(p.sha256()) ? here.get(p.sha256()) : earlier.get(p.sha256());
                if (before != null) {
                    PackedFiles.write(channel, revisit(p, date, before, name));
                    revisits++;
                    if (!before.folder().equals(name)) {
                        dependencies.add(referenceTo(before, name));
                    }
                } else {
                    PackedFiles.write(channel, p.record());
                    here.put(p.sha256(), new Capture("<urn:uuid:" + p.id() + ">", PackedWarc.target(p.path()), date, name));
                }
                TestPause.at("pack " + name + ", " + ++written + " records written");
            }
            PackedFiles.assemble(file, warcinfo(name, date, dependencies, here), channel);
        } finally {
            Files.deleteIfExists(records);
        }
        return new Written(hash.hex(), revisits, here);
    }

    /**
     * The captures a packed file holds, as its warcinfo record lists them (SHA-256, record id, target, date), or null
     * for a file packed before it listed them. Only that first record is read: a later pack knows raw/'s captures
     * without reading every packed file whole, so packing a fetch costs what the fetch holds, however many were
     * packed before. A pack only chooses what to revisit from the list; its read-back checks each revisit against
     * it and each capture's own bytes.
     */
    private static Map<String, Capture> listedCaptures(Path file, String folder) throws IOException {
        try (WarcReader reader = new WarcReader(file)) {
            Optional<WarcRecord> first = reader.next();
            if (first.isEmpty() || !(first.get() instanceof Warcinfo info) || info.fields().all(CAPTURE_FIELD).isEmpty()) {
                return null;
            }
            Map<String, Capture> captures = new LinkedHashMap<>();
            for (String value : info.fields().all(CAPTURE_FIELD)) {
                String[] f = value.split(" ");
                captures.putIfAbsent(f[0], new Capture(f[1], f[2], Instant.parse(f[3]), folder));
            }
            return captures;
        }
    }

    /**
     * The content hash of the fetch as the written file gives it: each resource's bytes hashed and checked against
     * its digest, each revisit's digest checked against the capture it names, the one this writer chose (in the
     * file, or in a packed folder of raw/). Only this file is read, so the check costs what the fetch holds.
     */
    public String readBack(Path file, Written written) throws IOException {
        Map<String, Capture> earlier = captured();
        FetchContentHash hash = new FetchContentHash();
        try (WarcReader reader = new WarcReader(file)) {
            for (WarcRecord r : reader) {
                if (r instanceof Warcinfo) {
                    continue;
                }
                String declared = r.headers().first("WARC-Payload-Digest").orElse("");
                String path;
                String sha256;
                if (r instanceof WarcResource resource) {
                    path = PackedWarc.path(resource.target());
                    sha256 = Sha256.hex(r.body().stream().readAllBytes());
                    Capture own = written.captures().get(sha256);
                    if (own == null || !own.id().equals(r.id().toString()) && !own.id().equals("<" + r.id() + ">")) {
                        throw new IOException("resource " + path + " of " + file + " is not the capture written for its bytes");
                    }
                } else if (r instanceof WarcRevisit revisit) {
                    path = PackedWarc.path(revisit.target());
                    sha256 = new WarcDigest(declared).hex();
                    Capture before = written.captures().containsKey(sha256) ? written.captures().get(sha256) : earlier.get(sha256);
                    if (before == null || !before.id().equals(r.headers().first("WARC-Refers-To").orElse(""))) {
                        throw new IOException("revisit " + path + " of " + file + " refers to no capture of its bytes");
                    }
                } else {
                    throw new IOException("unexpected " + r.type() + " record in " + file);
                }
                if (!new WarcDigest(declared).equals(new WarcDigest("sha256", sha256))) {
                    throw new IOException("the digest of " + path + " in " + file + " is not that of its bytes");
                }
                hash.add(path, sha256);
            }
        }
        return hash.hex();
    }

    /** The record that opens the file, naming each other packed file its revisits refer to. */
    private static byte[] warcinfo(String folder, Instant date, Set<String> dependencies, Map<String, Capture> captures) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        fields.put("software", List.of("gard-pipeline pack"));
        fields.put("format", List.of("WARC File Format 1.1"));
        fields.put("description", List.of("the documents of fetch folder " + folder + " as resource records named by "
                + "their path in the folder; bytes captured before as identical-payload-digest revisits"));
        fields.put(PackedWarc.DEPENDENCY_FIELD, List.copyOf(dependencies));
        List<String> held = new java.util.ArrayList<>();
        captures.forEach((sha, c) -> held.add(sha + " " + c.id() + " " + c.target() + " " + c.date()));
        fields.put(CAPTURE_FIELD, held);
        return gzipped(new Warcinfo.Builder().version(MessageVersion.WARC_1_1).date(date).filename(PackedWarc.FILE)
                .fields(fields).build());
    }

    /** The file holding a capture, relative to the folder of the file that refers to it. */
    private static String referenceTo(Capture capture, String folder) {
        return capture.folder().equals(folder) ? PackedWarc.FILE : "../" + capture.folder() + "/" + PackedWarc.FILE;
    }

    /**
     * Hashes one document of the folder and, when its bytes are new to raw/'s packed folders, makes its record; safe
     * on several threads at once.
     */
    public Prepared prepare(String folder, Instant date, String path, byte[] bytes) throws IOException {
        Map<String, Capture> earlier = captured();
        byte[] sha = Sha256.of(bytes);
        String hex = Sha256.hex(bytes);
        UUID id = UUID.nameUUIDFromBytes((folder + "\0" + path + "\0" + hex).getBytes(StandardCharsets.UTF_8));
        if (earlier.containsKey(hex)) {
            return new Prepared(path, hex, id, null);
        }
        WarcDigest digest = new WarcDigest("sha256", sha);
        WarcResource record = new WarcResource.Builder().version(MessageVersion.WARC_1_1)
                .setHeader("WARC-Target-URI", PackedWarc.target(path))
                .recordId(id).date(date).blockDigest(digest).payloadDigest(digest)
                .body(BYTES, bytes).build();
        return new Prepared(path, hex, id, gzipped(record));
    }

    /** The revisit of bytes captured before: WARC 1.1's identical-payload-digest profile, and Heritrix's file name. */
    private static byte[] revisit(Prepared p, Instant date, Capture before, String folder) {
        String relative = referenceTo(before, folder);
        WarcRevisit record = new WarcRevisit.Builder(PackedWarc.target(p.path()), WarcRevisit.IDENTICAL_PAYLOAD_DIGEST_1_1)
                .version(MessageVersion.WARC_1_1).recordId(p.id()).date(date)
                .setHeader("WARC-Refers-To", before.id())
                .setHeader("WARC-Refers-To-Target-URI", before.target())
                .setHeader("WARC-Refers-To-Date", before.date().toString())
                .setHeader("WARC-Refers-To-Filename", relative)
                .payloadDigest(new WarcDigest("sha256", p.sha256()))
                .build();
        return gzipped(record);
    }

    /** The record as one gzip member, so records are compressed on all threads and written in order by one. */
    private static byte[] gzipped(WarcRecord record) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (WarcWriter writer = new WarcWriter(Channels.newChannel(out), WarcCompression.GZIP)) {
            writer.write(record);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The captures of every packed folder under raw/, by the SHA-256 of their bytes (the first in name order). */
    private synchronized Map<String, Capture> captured() throws IOException {
        if (captured == null) {
            captured = new HashMap<>();
            try (Stream<Path> children = Files.list(raw)) {
                for (Path folder : (Iterable<Path>) children.sorted()::iterator) {
                    Path file = folder.resolve(PackedWarc.FILE);
                    String name = folder.getFileName().toString();
                    if (name.startsWith(".") || !Files.isRegularFile(file)) {
                        continue;
                    }
                    Map<String, Capture> listed = listedCaptures(file, name);
                    if (listed != null) {
                        listed.forEach(captured::putIfAbsent);
                        continue;
                    }
                    for (WarcRecords.Entry r : index.scanned(file).entries()) {
                        if ("resource".equals(r.type()) && r.problem() == null && r.id() != null && r.payloadDigest() != null
                                && PackedWarc.isPackedTarget(r.target())) {
                            captured.putIfAbsent(new WarcDigest(r.payloadDigest()).hex(), new Capture(r.id(), r.target(), r.date(), name));
                        }
                    }
                }
            }
        }
        return captured;
    }
}
