package org.gardpipeline.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.gardpipeline.model.Sha256;
import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.Warcinfo;

/**
 * The WARC file of a packed fetch folder (written by {@link PackedWarcWriter}): each document of the folder is a
 * {@code resource} record whose WARC-Target-URI is the document's path in the folder (a relative reference,
 * percent-encoded, so never with a scheme), holding its bytes exactly; or, when the same bytes were captured
 * before, a {@code revisit} record (WARC 1.1 identical-payload-digest profile) with the capture's record id
 * (WARC-Refers-To) and the file holding it, relative to this file's folder (WARC-Refers-To-Filename, as Heritrix
 * writes it); the warcinfo record that opens the file names each such other file once ({@link #DEPENDENCY_FIELD}),
 * so that a run can list them with the folder's own files. A revisit is read as the capture's bytes, found through an index of that file's resource records
 * built once per run, and only when their SHA-256 is the revisit's payload digest.
 */
final class PackedWarc {
    /** The one WARC file of a packed fetch folder. */
    static final String FILE = "packed.warc.gz";

    /**
     * A resource record: the capture of a document's bytes; {@code sha256} is theirs as read when the file was
     * indexed, null when they are not those of its declared digest.
     */
    record Resource(String id, long offset, String target, Instant date, String payloadDigest, String sha256) {
    }

    /** A packed record's bytes, read on demand, and their SHA-256 when it is known without reading them again. */
    private record Content(FetchSource.RawDocument.Content bytes, java.util.function.Supplier<String> sha256)
            implements FetchSource.RawDocument.Content {
        @Override
        public byte[] read() throws IOException {
            return bytes.read();
        }

        @Override
        public String knownSha256() {
            return sha256.get();
        }
    }

    private record Indexed(long size, long modified, Map<String, Resource> byId) {
    }

    /** Each file's resource records by id, for as long as its size and modification time are what they were. */
    private static final Map<Path, Indexed> INDEX = new ConcurrentHashMap<>();

    private PackedWarc() {
    }

    /** The warcinfo field naming, relative to the file's folder, each other file that holds captures it revisits. */
    static final String DEPENDENCY_FIELD = "refers-to-filename";

    /**
     * The listing of a folder with, when it is packed, the files its revisits' captures are in (named in the
     * warcinfo record that opens its WARC file: only that record is read).
     */
    static FileListing withDependencies(FileListing listing) {
        Path file = listing.root().resolve(FILE);
        if (!listing.files().contains(file)) {
            return listing;
        }
        try (WarcReader reader = new WarcReader(file)) {
            Optional<WarcRecord> first = reader.next();
            if (first.isEmpty() || !(first.get() instanceof Warcinfo info)) {
                return listing;
            }
            List<Path> dependencies = new ArrayList<>();
            for (String name : info.fields().all(DEPENDENCY_FIELD)) {
                dependencies.add(listing.root().resolve(name).normalize());
            }
            return listing.dependingOn(dependencies);
        } catch (IOException | RuntimeException e) {
            return listing; // read and refused with the documents
        }
    }

    /** True for the target of a packed record: a path, never an absolute URI (those all have a scheme). */
    static boolean isPackedTarget(String target) {
        return target != null && !target.isEmpty() && target.indexOf(':') < 0;
    }

    /** The WARC-Target-URI of a document path: UTF-8, every byte but unreserved characters and '/' percent-encoded. */
    static String target(String path) {
        StringBuilder sb = new StringBuilder(path.length() + 8);
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-._~/".indexOf(c) >= 0) {
                sb.append(c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return sb.toString();
    }

    /** The document path a packed record's target names. */
    static String path(String target) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(target.length());
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c == '%' && i + 2 < target.length()) {
                int hi = Character.digit(target.charAt(i + 1), 16);
                int lo = Character.digit(target.charAt(i + 2), 16);
                if (hi >= 0 && lo >= 0) {
                    bytes.write(hi << 4 | lo);
                    i += 2;
                    continue;
                }
            }
            bytes.write(c);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** The document a packed record stands for: its own bytes, or the bytes of the capture it revisits. */
    static WarcArchive.Capture capture(Path file, WarcRecords.Entry e, Map<String, WarcRecords.Entry> byId) {
        String path = path(e.target());
        if (e.problem() != null) {
            return new WarcArchive.Capture(e.date(), new FetchSource.RawDocument(path, () -> {
                throw new IOException("corrupt WARC record at offset " + e.offset() + " of " + file + ": " + e.problem());
            }));
        }
        if ("resource".equals(e.type())) {
            return new WarcArchive.Capture(e.date(), new FetchSource.RawDocument(path,
                    new Content(() -> resource(file, e.offset()), e::blockSha256)));
        }
        return new WarcArchive.Capture(e.date(), new FetchSource.RawDocument(path,
                new Content(() -> revisited(file, path, e, byId), () -> revisitedSha256(file, e, byId))));
    }

    /**
     * The SHA-256 of the capture a revisit refers to, when the capture was read whole as its file was scanned or
     * indexed, and it is the revisit's payload digest; else null (then {@link #revisited} reads it, or says why not).
     */
    private static String revisitedSha256(Path file, WarcRecords.Entry e, Map<String, WarcRecords.Entry> byId) {
        if (e.refersTo() == null) {
            return null;
        }
        WarcRecords.Entry here = byId.get(e.refersTo());
        String sha256 = null;
        if (here != null && "resource".equals(here.type())) {
            sha256 = here.problem() == null ? here.blockSha256() : null;
        } else if (e.refersToFilename() != null) {
            try {
                Resource r = resources(file.toAbsolutePath().getParent().resolve(e.refersToFilename()).normalize()).get(e.refersTo());
                sha256 = r == null ? null : r.sha256();
            } catch (IOException missing) {
                return null;
            }
        }
        return sha256 != null && digestMatches(e.payloadDigest(), sha256) ? sha256 : null;
    }

    /** The bytes of the resource record at an offset. */
    static byte[] resource(Path file, long offset) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ); WarcReader reader = new WarcReader(ch)) {
            reader.position(offset);
            WarcRecord r = reader.next().orElseThrow(() -> new IOException("no WARC record at offset " + offset + " of " + file));
            if (!(r instanceof WarcResource)) {
                throw new IOException("the WARC record at offset " + offset + " of " + file + " is a " + r.type() + ", not a resource");
            }
            return r.body().stream().readAllBytes();
        }
    }

    /**
     * The bytes of the capture a revisit refers to, in this file or the one WARC-Refers-To-Filename names; refused
     * when the capture is missing or its bytes are not those of the revisit's payload digest.
     */
    private static byte[] revisited(Path file, String path, WarcRecords.Entry e, Map<String, WarcRecords.Entry> byId)
            throws IOException {
        String what = "revisit of " + path + " in " + file;
        if (e.refersTo() == null) {
            throw new IOException(what + " has no WARC-Refers-To");
        }
        WarcRecords.Entry here = byId.get(e.refersTo());
        Path source = file;
        long offset;
        if (here != null && "resource".equals(here.type())) {
            offset = here.offset();
        } else if (e.refersToFilename() == null) {
            throw new IOException(what + ": its capture " + e.refersTo() + " is not in the file, and no WARC-Refers-To-Filename names another");
        } else {
            Path folder = file.toAbsolutePath().getParent();
            source = folder.resolve(e.refersToFilename()).normalize();
            Resource r;
            try {
                r = resources(source).get(e.refersTo());
            } catch (NoSuchFileException missing) {
                throw new IOException(what + ": its capture is in " + source + ", which is missing");
            } catch (IOException | RuntimeException unreadable) {
                throw new IOException(what + ": cannot read " + source + ", which holds its capture: " + unreadable.getMessage());
            }
            if (r == null) {
                throw new IOException(what + ": its capture " + e.refersTo() + " is not in " + source);
            }
            offset = r.offset();
        }
        byte[] bytes = resource(source, offset);
        if (!digestMatches(e.payloadDigest(), bytes)) {
            throw new IOException(what + ": the capture in " + source + " does not match its payload digest " + e.payloadDigest());
        }
        return bytes;
    }

    private static boolean digestMatches(String declared, byte[] bytes) {
        return digestMatches(declared, Sha256.hex(bytes));
    }

    private static boolean digestMatches(String declared, String sha256) {
        try {
            return declared != null && new WarcDigest(declared).equals(new WarcDigest("sha256", sha256));
        } catch (RuntimeException malformed) {
            return false;
        }
    }

    /**
     * The resource records of a packed WARC file, by record id, each read whole and checked against its digests:
     * once per run (and again only when the file's size or modification time moves).
     */
    static Map<String, Resource> resources(Path file) throws IOException {
        Path key = file.toAbsolutePath().normalize();
        BasicFileAttributes a = Files.readAttributes(key, BasicFileAttributes.class);
        Indexed known = INDEX.get(key);
        if (known != null && known.size() == a.size() && known.modified() == a.lastModifiedTime().toMillis()) {
            return known.byId();
        }
        Map<String, Resource> byId = new LinkedHashMap<>();
        try (FileChannel ch = FileChannel.open(key, StandardOpenOption.READ); WarcReader reader = new WarcReader(ch)) {
            reader.calculateBlockDigest();
            for (Optional<WarcRecord> next = reader.next(); next.isPresent(); next = reader.next()) {
                WarcRecord r = next.get();
                Optional<String> id = r.headers().first("WARC-Record-ID");
                Optional<String> digest = r.headers().first("WARC-Payload-Digest");
                if (r instanceof WarcResource res && id.isPresent() && digest.isPresent() && isPackedTarget(res.target())) {
                    r.body().stream().transferTo(java.io.OutputStream.nullOutputStream());
                    // a resource's block is its payload: both digests are the bytes'
                    String sha256 = r.calculatedBlockDigest().filter(d -> "sha256".equals(d.algorithm()))
                            .map(WarcDigest::hex).filter(hex -> digestMatches(digest.get(), hex)
                                    && r.blockDigest().map(b -> digestMatches(b.raw(), hex)).orElse(false)).orElse(null);
                    byId.put(id.get(), new Resource(id.get(), r.position(), res.target(), r.date(), digest.get(), sha256));
                }
            }
        }
        Map<String, Resource> kept = Collections.unmodifiableMap(byId);
        INDEX.put(key, new Indexed(a.size(), a.lastModifiedTime().toMillis(), kept));
        return kept;
    }
}
