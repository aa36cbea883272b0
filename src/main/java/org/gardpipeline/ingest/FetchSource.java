package org.gardpipeline.ingest;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gardpipeline.archive.ArchiveIndex;
import org.gardpipeline.archive.Capture;
import org.gardpipeline.archive.FetchFolderLayout;
import org.gardpipeline.files.FileFingerprint;
import org.gardpipeline.model.Fetch;
import org.gardpipeline.parallel.OrderedParallelMap;
import org.gardpipeline.store.FetchListing;

/**
 * A fetch on disk: a folder {@code YYYY-MM-DD[-label]} of documents (with an optional
 * {@code fetch.properties}), or a single document file.
 */
public final class FetchSource {
    private static final Pattern FOLDER_NAME = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2})(?:-(.+))?$");
    private static final String NAMING_HINT = "name the folder YYYY-MM-DD or YYYY-MM-DD-<label> (the date it was "
            + "fetched), set fetched_at in its " + FetchFolderLayout.PROPERTIES_FILE + ", or pass --fetched-at YYYY-MM-DD";

    /** Options given on the command line, overriding the folder and its properties. */
    public record Overrides(String fetchedAt, Boolean complete) {
        public static final Overrides NONE = new Overrides(null, null);
    }

    /** A raw document of the fetch, named by its path relative to the fetch (or its URL), read on demand. */
    public record RawDocument(String path, Content content) {
        /** Reads the document's bytes exactly as fetched. */
        @FunctionalInterface
        public interface Content {
            byte[] read() throws IOException;

            /** The size in bytes without reading the document, or -1 when it is not known beforehand. */
            default long size() throws IOException {
                return -1;
            }

            /** The bytes as a stream, so a document too big to hold in memory can still be hashed. */
            default java.io.InputStream open() throws IOException {
                return new java.io.ByteArrayInputStream(read());
            }

            /**
             * Reads the whole document into the buffer, from its start, and returns its length; -1 when it does
             * not fit or cannot be read this way (then {@link #read} gives it).
             */
            default int readInto(java.nio.ByteBuffer buffer) throws IOException {
                return -1;
            }

            /**
             * The SHA-256 of the bytes when this run has read them whole already and found them as their record
             * declares (a packed WARC record's digest, checked as its file was scanned), so that hashing them needs
             * no second read; null when it is not known so.
             */
            default String knownSha256() {
                return null;
            }
        }

        /** A document saved as a file: its size is known before it is read. */
        private record FileContent(Path file) implements Content {
            @Override
            public byte[] read() throws IOException {
                return Files.readAllBytes(file);
            }

            @Override
            public long size() throws IOException {
                return Files.size(file);
            }

            @Override
            public java.io.InputStream open() throws IOException {
                return Files.newInputStream(file);
            }

            /**
             * Into a direct buffer the kernel copies the file once; a stream would copy it again into the heap,
             * which for a fetch that changed little is most of the cost of knowing that it did.
             */
            @Override
            public int readInto(java.nio.ByteBuffer buffer) throws IOException {
                buffer.clear();
                try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(file)) {
                    if (channel.size() > buffer.capacity()) {
                        return -1; // not read at all: the caller reads it whole
                    }
                    int n;
                    do {
                        n = channel.read(buffer);
                    } while (n >= 0 && buffer.hasRemaining());
                    return n < 0 || channel.size() == buffer.position() ? buffer.position() : -1;
                }
            }
        }

        public static RawDocument file(String path, Path file) {
            return new RawDocument(path, new FileContent(file));
        }

        /** A capture of a WARC file, read through the archive (a revisit as its capture's bytes). */
        static RawDocument of(Capture capture) {
            Capture.Payload payload = capture.payload();
            return new RawDocument(capture.path(), new Content() {
                @Override
                public byte[] read() throws IOException {
                    return payload.read();
                }

                @Override
                public String knownSha256() {
                    return payload.knownSha256();
                }
            });
        }

        public byte[] read() throws IOException {
            return content.read();
        }
    }

    private final Path root;
    private final Fetch fetch;
    private final FetchFiles files;
    private final Supplier<FolderDocuments> contents;
    private FolderDocuments read;

    private FetchSource(Path root, Fetch fetch, FetchFiles files, Supplier<FolderDocuments> contents) {
        this.root = root;
        this.fetch = fetch;
        this.files = files;
        this.contents = contents;
    }

    /** The fetch, identified by a hash over its documents' paths and the hashes of their bytes. */
    public Fetch fetch(String contentSha256) {
        return new Fetch(fetch.fetchedAt(), fetch.label(), fetch.source(), fetch.complete(), fetch.origin(), contentSha256);
    }

    /**
     * The listing of the files the fetch is read from, as they are now (see {@link FileFingerprint}); null when it
     * cannot stand for their bytes. Taken before they are read, it may be kept once their bytes prove the same.
     */
    public FetchListing listing() {
        return files.listing();
    }

    /**
     * As {@link #listing()}, sharing with the other listings given the same map what it reads of the files beyond
     * the folder; checked first with the files beyond it kept with the listing given, if any (see {@link FetchFiles}).
     */
    FetchListing listing(FetchListing kept, Map<Path, FileFingerprint.Status> statuses) {
        return files.listing(kept, statuses);
    }

    /** The files the fetch is read from, with those beyond its folder its documents depend on. */
    FileFingerprint files() {
        return files.withDependencies();
    }

        /** "2015-09-10" or "2015-09-10 (label)", for messages before the documents are read. */
    public String name() {
        return fetch.name();
    }

    /** The documents, listed on first use: a fetch folder's WARC files are read only when its documents are. */
    public List<RawDocument> documents() {
        return contents().documents();
    }

    /**
     * GARD's list of its pages when the fetch holds it (kept in its WARC by a fetch made by the list): GARD content,
     * but no document of the fetch and no part of its content hash; read with the documents.
     */
    public Optional<RawDocument> siteList() {
        return Optional.ofNullable(contents().siteList());
    }

    private synchronized FolderDocuments contents() {
        if (read == null) {
            read = contents.get();
        }
        return read;
    }

    public Path root() {
        return root;
    }

    /**
     * The fetches a path holds: a fetch folder (whose WARC files, if any, give its documents), a single document
     * file, or a WARC file, which is one fetch per capture day (UTC) unless its name or {@code --fetched-at} dates it.
     */
    public static List<FetchSource> openAll(Path path, Overrides overrides, ArchiveIndex archive) {
        if (Files.isRegularFile(path) && ArchiveIndex.isWarcName(path)) {
            return openWarc(path, overrides, archive);
        }
        return List.of(open(path, overrides, archive));
    }

    /** As {@link #openAll(Path, Overrides, ArchiveIndex)}, reading WARC files through an index of their own. */
    public static List<FetchSource> openAll(Path path, Overrides overrides) {
        return openAll(path, overrides, new ArchiveIndex());
    }

    /**
     * The fetches of each path, as {@link #openAll} gives them, in the paths' order, in a new list the caller may
     * sort. Opened on all cores, for a raw folder gathers a fetch a day and each is listed file by file; the
     * first path (in order) that cannot be opened is the one refused.
     */
    public static List<FetchSource> openEach(List<Path> paths, Overrides overrides, ArchiveIndex archive) {
        List<FetchSource> sources = new ArrayList<>();
        OrderedParallelMap.map("ingest", paths, path -> openAll(path, overrides, archive), Runtime.getRuntime().availableProcessors())
                .forEach(sources::addAll);
        return sources;
    }

    private static List<FetchSource> openWarc(Path file, Overrides overrides, ArchiveIndex archive) {
        List<Capture> captures = FolderDocuments.captures(archive, file);
        String base = ArchiveIndex.baseName(file);
        Matcher m = FOLDER_NAME.matcher(base);
        String label = m.matches() ? (m.group(2) == null ? "" : m.group(2)) : base;
        String fixedDate = overrides.fetchedAt() != null ? overrides.fetchedAt() : m.matches() ? m.group(1) : null;
        boolean complete = overrides.complete() != null && overrides.complete();
        java.util.TreeMap<String, List<RawDocument>> byDay = new java.util.TreeMap<>();
        for (Capture c : captures) {
            String day = fixedDate != null ? checkedDate(fixedDate.trim(), file)
                    : LocalDate.ofInstant(c.date(), java.time.ZoneOffset.UTC).toString();
            byDay.computeIfAbsent(day, d -> new ArrayList<>()).add(RawDocument.of(c));
        }
        if (byDay.isEmpty()) {
            throw new UnusableFetchException(file + " holds no HTML or text page captures (200 response records)");
        }
        List<FetchSource> sources = new ArrayList<>();
        FetchFiles files = new FetchFiles(FileFingerprint.ofFile(file), false);
        byDay.forEach((day, docs) -> {
            List<RawDocument> unique = FolderDocuments.uniqueByPath(docs);
            Fetch fetch = new Fetch(day, label, "WARC " + file.getFileName(), complete, file.toString(), "");
            sources.add(new FetchSource(file, fetch, files, () -> new FolderDocuments(unique, null, null)));
        });
        return sources;
    }

    /** True for a WARC file (by name) that can be a fetch of its own under raw/. */
    public static boolean isWarcFile(Path file) {
        return Files.isRegularFile(file) && ArchiveIndex.isWarcName(file);
    }

    /** Reads a fetch folder or single file; every problem with its name or options is a {@link UnusableFetchException}. */
    public static FetchSource open(Path path, Overrides overrides) {
        return open(path, overrides, new ArchiveIndex());
    }

    /** As {@link #open(Path, Overrides)}, reading WARC files through the run's index. */
    public static FetchSource open(Path path, Overrides overrides, ArchiveIndex archive) {
        if (!Files.exists(path)) {
            throw new UnusableFetchException("no such file or folder: " + path);
        }
        if (Files.isRegularFile(path) && ArchiveIndex.isWarcName(path)) {
            List<FetchSource> all = openWarc(path, overrides, archive);
            if (all.size() != 1) {
                throw new UnusableFetchException(path + " holds captures of " + all.size() + " days; ingest it as several fetches");
            }
            return all.get(0);
        }
        boolean folder = Files.isDirectory(path);
        Path named = folder ? path : path.toAbsolutePath().getParent();
        Properties props = folder ? properties(path.resolve(FetchFolderLayout.PROPERTIES_FILE)) : new Properties();
        Path root = folder ? realPath(path) : path.toAbsolutePath().getParent();
        FileFingerprint listed = folder ? listFolder(root) : FileFingerprint.ofFile(path);
        List<Path> files = listed.files();
        if (folder && files.stream().allMatch(f -> f.getFileName().toString().startsWith("."))) {
            // never a fetch, even one whose every page failed (gard fetch writes its manifest and WARC then):
            // ingested, it would stand for that date, and the real fetch of the date be refused as different
            throw new UnusableFetchException("fetch folder " + path + " is empty: a disk not mounted, or a copy not made? "
                    + "Fill it or remove it");
        }
        String folderName = named == null || named.getFileName() == null ? "" : named.getFileName().toString();
        Matcher m = FOLDER_NAME.matcher(folderName);
        String fetchedAt = firstNonNull(overrides.fetchedAt(), props.getProperty("fetched_at"), m.matches() ? m.group(1) : null);
        Supplier<FolderDocuments> documents = folder ? () -> FolderDocuments.read(listed, archive)
                : () -> new FolderDocuments(List.of(RawDocument.file(path.getFileName().toString(), path)), null, null);
        // Read now only when the folder can be dated by nothing but its earliest WARC capture; else only if its
        // documents are needed: a run opens every folder under raw/, and ingests few of them.
        if (folder && fetchedAt == null) {
            FolderDocuments read = FolderDocuments.read(listed, archive);
            if (read.earliestCapture() != null) {
                fetchedAt = read.earliestCapture().toString();
            }
            documents = () -> read;
        }
        if (fetchedAt == null) {
            throw new UnusableFetchException("cannot tell when " + path + " was fetched: " + NAMING_HINT);
        }
        fetchedAt = checkedDate(fetchedAt.trim(), path);
        String label = m.matches() && m.group(2) != null ? m.group(2) : "";
        boolean complete = overrides.complete() != null ? overrides.complete()
                : Boolean.parseBoolean(props.getProperty("complete", "false").trim());
        Fetch fetch = new Fetch(fetchedAt, label, props.getProperty("source"), complete, path.toString(), "");
        return new FetchSource(path, fetch, new FetchFiles(listed, folder), documents);
    }

    private static String checkedDate(String value, Path path) {
        try {
            if (value.length() == 10) {
                return LocalDate.parse(value).toString();
            }
            return OffsetDateTime.parse(value).toInstant().toString();
        } catch (DateTimeParseException e) {
            throw new UnusableFetchException("malformed fetch date '" + value + "' for " + path + ": " + NAMING_HINT);
        }
    }

    private static Properties properties(Path file) {
        Properties props = new Properties();
        if (Files.exists(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                props.load(in);
            } catch (IOException | IllegalArgumentException e) {
                throw new UnusableFetchException("cannot read " + file + ": " + e.getMessage());
            }
        }
        return props;
    }

    static FileFingerprint listFolder(Path root) {
        try {
            return FileFingerprint.ofFolder(root);
        } catch (IOException e) {
            throw new UnusableFetchException("cannot list fetch folder " + root + ": " + e.getMessage(), e);
        }
    }

    /**
     * The folder with every link resolved: a walk does not follow a link it starts at, so a fetch folder that is
     * a link to another folder would list no document at all.
     */
    private static Path realPath(Path folder) {
        try {
            return folder.toRealPath();
        } catch (IOException e) {
            throw new UnusableFetchException("cannot read fetch folder " + folder + ": " + e.getMessage(), e);
        }
    }

    @SafeVarargs
    private static <T> T firstNonNull(T... values) {
        for (T v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
