package org.gardpipeline.archive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.Warcinfo;

/**
 * The WARC files one run reads, each scanned once (its records' headers, every block checked) and kept while its
 * size, modification time and file key are what they were: the captures of a file as documents, and the records a
 * revisit in any other file may refer to ({@link Revisits} resolves them, in fetched and packed folders alike). Made
 * for one run, ingest or pack and passed down, so that nothing outlives it: a later run in the same process reads
 * the files afresh.
 */
public final class ArchiveIndex {
    /** One file's records as scanned, by position and by record id. */
    record Scanned(long size, long modified, Object fileKey, List<WarcRecords.Entry> entries,
                   Map<String, WarcRecords.Entry> byId) {
        boolean describes(BasicFileAttributes a) {
            return size == a.size() && modified == a.lastModifiedTime().toMillis() && Objects.equals(fileKey, a.fileKey());
        }
    }

    private final Map<Path, Scanned> files = new ConcurrentHashMap<>();
    /** The WARC files in the fetch folders under a folder, by record id: where a revisit without a known file looks. */
    private final Map<Path, Map<String, Path>> neighbours = new ConcurrentHashMap<>();
    private final Revisits revisits = new Revisits(this);

    public static boolean isWarcName(Path file) {
        // asked of every file of every fetch folder of a run: the path's own string (kept by the path once made)
        // ends as its name does, so no name is cut out and nothing is lower-cased first
        String path = file.toString();
        return endsWithIgnoringCase(path, ".warc") || endsWithIgnoringCase(path, ".warc.gz");
    }

    private static boolean endsWithIgnoringCase(String name, String suffix) {
        return name.regionMatches(true, name.length() - suffix.length(), suffix, 0, suffix.length());
    }

    /** The file name without .warc or .warc.gz. */
    public static String baseName(Path file) {
        String name = file.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".warc.gz") ? name.substring(0, name.length() - 8)
                : lower.endsWith(".warc") ? name.substring(0, name.length() - 5) : name;
    }

    /**
     * The captures of the file, at most one per (path, day): the last one of that day. A record that cannot be read
     * is a capture that fails when read, so that one bad record costs one document; a file that is no WARC at all
     * is refused.
     */
    public List<Capture> captures(Path file) {
        Scanned scanned;
        try {
            scanned = scanned(file);
        } catch (IOException e) {
            throw new UnreadableArchiveException("cannot read " + file + ": " + e.getMessage());
        }
        Map<String, Capture> kept = new LinkedHashMap<>();
        for (WarcRecords.Entry e : scanned.entries()) {
            Capture c = capture(file, e);
            if (c != null) {
                String key = LocalDate.ofInstant(c.date(), ZoneOffset.UTC) + " " + c.path();
                kept.remove(key);
                kept.put(key, c);
            }
        }
        return new ArrayList<>(kept.values());
    }

    /**
     * The resource records of the file that are no document of a fetch (their target is an absolute URI: content
     * kept beside the pages, such as GARD's list of its pages), undamaged, in the file's order.
     */
    public List<Capture> resources(Path file) {
        List<Capture> found = new ArrayList<>();
        try {
            for (WarcRecords.Entry e : scanned(file).entries()) {
                if ("resource".equals(e.type()) && e.problem() == null && e.target() != null && !PackedWarc.isPackedTarget(e.target())) {
                    found.add(new Capture(e.date(), e.target(), () -> PackedWarc.resource(file, e.offset())));
                }
            }
        } catch (IOException e) {
            throw new UnreadableArchiveException("cannot read " + file + ": " + e.getMessage());
        }
        return found;
    }

    private Capture capture(Path file, WarcRecords.Entry e) {
        if (e.type() == null) { // a record whose header could not be read
            return failing(e, file.getFileName() + "#offset=" + e.offset(), "corrupt WARC record: " + e.problem());
        }
        boolean revisit = "revisit".equals(e.type());
        if (PackedWarc.isPackedTarget(e.target()) && ("resource".equals(e.type()) || revisit)) {
            return packed(file, e); // a document of a packed fetch folder
        }
        boolean document = revisit && (e.status() == 304 || e.status() == 200)
                || "response".equals(e.type()) && (e.status() == 200 || e.status() == 0);
        if (!document) {
            return null; // requests, metadata, other statuses and types are no documents, damaged or not
        }
        if (e.problem() != null) {
            return failing(e, e.target(), "corrupt WARC record at offset " + e.offset() + ": " + e.problem());
        }
        if (revisit) {
            return new Capture(e.date(), e.target(), () -> revisits.payload(file, e.target(), e));
        }
        return e.status() == 200 ? new Capture(e.date(), e.target(), () -> HttpPayload.of(file, e.offset())) : null;
    }

    /** A packed record's document: its own bytes, or the bytes of the capture it revisits. */
    private Capture packed(Path file, WarcRecords.Entry e) {
        String path = PackedWarc.path(e.target());
        if (e.problem() != null) {
            return failing(e, path, "corrupt WARC record at offset " + e.offset() + " of " + file + ": " + e.problem());
        }
        if ("resource".equals(e.type())) {
            return new Capture(e.date(), path, new Known(() -> PackedWarc.resource(file, e.offset()), e::blockSha256));
        }
        return new Capture(e.date(), path, new Known(() -> revisits.payload(file, path, e), () -> revisits.knownSha256(file, e)));
    }

    private static Capture failing(WarcRecords.Entry e, String path, String why) {
        return new Capture(e.date(), path, () -> {
            throw new IOException(why);
        });
    }

    /** Bytes read on demand, and their SHA-256 when a scan already found it (else null), asked only when needed. */
    private record Known(Capture.Payload bytes, Supplier<String> sha256) implements Capture.Payload {
        @Override
        public byte[] read() throws IOException {
            return bytes.read();
        }

        @Override
        public String knownSha256() {
            return sha256.get();
        }
    }

    /**
     * Every revisit of the file whose capture cannot be found, or is not the one its payload digest says, one line
     * each (empty when all resolve): what {@code check} reports of a folder retired while later ones refer to it.
     * Only record headers and digests found by the scan are compared; no payload is read.
     */
    public List<String> unresolvedRevisits(Path file) {
        List<String> found = new ArrayList<>();
        try {
            for (WarcRecords.Entry e : scanned(file).entries()) {
                if ("revisit".equals(e.type()) && e.problem() == null) {
                    String path = PackedWarc.isPackedTarget(e.target()) ? PackedWarc.path(e.target()) : e.target();
                    String why = revisits.whyUnresolved(file, path, e);
                    if (why != null) {
                        found.add(why);
                    }
                }
            }
        } catch (IOException | UnreadableArchiveException e) {
            found.add("cannot read " + file + ": " + e.getMessage());
        }
        return found;
    }

    /**
     * As {@link #unresolvedRevisits(Path)} for every WARC file of raw/: directly in it and in its fetch folders (hidden
     * ones, a fetch or pack under way, are passed by), in name order.
     */
    public List<String> unresolvedRevisitsUnder(Path raw) throws IOException {
        List<Path> warcs;
        try (Stream<Path> all = Files.walk(raw, 2)) {
            warcs = all.filter(p -> !raw.relativize(p).toString().startsWith(".")).filter(Files::isRegularFile)
                    .filter(ArchiveIndex::isWarcName).sorted().toList();
        }
        List<String> found = new ArrayList<>();
        for (Path file : warcs) {
            found.addAll(unresolvedRevisits(file));
        }
        return found;
    }

    /** The file's records, scanned on first use and again only when the file changed. */
    Scanned scanned(Path file) throws IOException {
        Path key = file.toAbsolutePath().normalize();
        BasicFileAttributes a = Files.readAttributes(key, BasicFileAttributes.class); // NoSuchFileException: gone
        Scanned known = files.get(key);
        if (known != null && known.describes(a)) {
            return known;
        }
        List<WarcRecords.Entry> entries = WarcRecords.scan(key);
        Map<String, WarcRecords.Entry> byId = new HashMap<>();
        for (WarcRecords.Entry e : entries) {
            // only what a revisit can stand for: a run keeps these for every file it reads, requests are half of them
            if (e.id() != null && e.type() != null && !"request".equals(e.type()) && !"warcinfo".equals(e.type())) {
                byId.putIfAbsent(e.id(), e);
            }
        }
        Scanned scanned = new Scanned(a.size(), a.lastModifiedTime().toMillis(), a.fileKey(),
                Collections.unmodifiableList(entries), Collections.unmodifiableMap(byId));
        files.put(key, scanned);
        return scanned;
    }

    /**
     * The WARC file in a fetch folder beside the given file's that holds a record of this id (of two, the one last in
     * name order), or null. Every such file is scanned once, when the first revisit that needs it is read: a fetch
     * that found most pages unchanged is mostly revisits.
     */
    Path neighbourHolding(Path file, String id) {
        Path folder = file.toAbsolutePath().normalize().getParent();
        Path parent = folder == null ? null : folder.getParent();
        if (parent == null) {
            return null;
        }
        Path holder = neighbours.computeIfAbsent(parent, this::idsUnder).get(id);
        return holder == null || holder.equals(file.toAbsolutePath().normalize()) ? null : holder;
    }

    private Map<String, Path> idsUnder(Path parent) {
        Map<String, Path> ids = new HashMap<>();
        List<Path> candidates;
        try (Stream<Path> all = Files.walk(parent, 2)) {
            candidates = all.filter(Files::isRegularFile).filter(ArchiveIndex::isWarcName)
                    .map(p -> p.toAbsolutePath().normalize()).sorted(Comparator.reverseOrder()).toList();
        } catch (IOException e) {
            return ids;
        }
        for (Path other : candidates) {
            try {
                scanned(other).byId().keySet().forEach(id -> ids.putIfAbsent(id, other));
            } catch (IOException | UnreadableArchiveException unreadable) {
                // a file that cannot be read holds no capture anyone can use
            }
        }
        return ids;
    }

    /**
     * The files the WARC files among {@code files} of a folder refer to for their revisits' captures, as the warcinfo
     * record that opens each names them (only that record is read); resolved against the folder.
     */
    public static List<Path> referencedFiles(Path folder, List<Path> files) {
        List<Path> referenced = new ArrayList<>();
        for (Path file : files) {
            if (!isNamed(file, PackedWarc.FILE) && !isNamed(file, FetchWarcWriter.FILE) || !file.getParent().equals(folder)) {
                continue;
            }
            for (String other : warcinfoValues(file, PackedWarc.DEPENDENCY_FIELD)) {
                referenced.add(folder.resolve(other).normalize());
            }
        }
        return referenced;
    }

    /** By the path's own kept string: a name cut out of every file of every folder a run opens costs a string each. */
    private static boolean isNamed(Path file, String name) {
        return file.toString().endsWith(file.getFileSystem().getSeparator() + name);
    }

    /** The values of one field of the warcinfo record that opens the file; none when it opens with another. */
    static List<String> warcinfoValues(Path file, String field) {
        try (WarcReader reader = new WarcReader(file)) {
            Optional<WarcRecord> first = reader.next();
            return first.isPresent() && first.get() instanceof Warcinfo info ? info.fields().all(field) : List.of();
        } catch (IOException | RuntimeException e) {
            return List.of(); // read and refused with the documents
        }
    }
}
