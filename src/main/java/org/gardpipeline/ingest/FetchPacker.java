package org.gardpipeline.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.gardpipeline.archive.ArchiveIndex;
import org.gardpipeline.archive.FetchWarcPacker;
import org.gardpipeline.archive.FolderReplacement;
import org.gardpipeline.archive.PackedWarcWriter;
import org.gardpipeline.files.FileFingerprint;
import org.gardpipeline.model.Fetch;
import org.gardpipeline.parallel.OrderedParallelMap;
import org.gardpipeline.store.FetchListing;
import org.gardpipeline.store.HistoryStore;
import org.gardpipeline.store.StoreException;

/**
 * Packs ingested fetch folders under raw/ in place, deduplicated: a folder of documents becomes one WARC file
 * ({@link PackedWarcWriter}), in which a document whose bytes were captured before (in an earlier packed fetch folder
 * of raw/, or earlier in the same fetch) is a revisit record pointing at that capture; a folder that {@code gard
 * fetch} wrote keeps its WARC files, rewritten so that each page response whose payload was captured before (in an
 * earlier fetch folder, or earlier in the file) is a revisit ({@link FetchWarcPacker}). Either way the folder yields
 * exactly the documents (paths and bytes) it did, so its content hash, and everything an ingest makes of it, is
 * unchanged. Every file that is no document ({@code fetch.properties}, the manifest, hidden files) stays as it was.
 *
 * <p>A fetch is packed only when it was ingested and its documents are still those ingested. Its packed folder is
 * read back and compared with the database's content hash, and only then replaces the folder whole ({@link
 * FolderReplacement}); the next pack (or {@code run --pack}) puts back or removes whatever hidden folder a killed
 * one left.
 */
public final class FetchPacker {
    /** What became of one fetch folder; {@code skipped} says why it was left as it was (null when packed). */
    public record Result(String folder, int documents, int revisits, long bytesBefore, long bytesAfter, String skipped) {
        /** One line for people. */
        public String line() {
            if (skipped != null) {
                return folder + ": " + skipped;
            }
            return String.format("packed %s: %d documents, %d of them revisits; %,d bytes -> %,d bytes", folder, documents,
                    revisits, bytesBefore, bytesAfter);
        }
    }

    private final HistoryStore store;
    private final Path raw;
    private final int threads;
    private final ArchiveIndex archive;
    private final PackedWarcWriter writer;
    private final FetchWarcPacker fetchWriter;

    /** Packs the folders of raw/, reading WARC files through the run's index. */
    public FetchPacker(HistoryStore store, Path raw, ArchiveIndex archive) {
        this.store = store;
        this.raw = raw;
        this.archive = archive;
        this.threads = Runtime.getRuntime().availableProcessors();
        this.writer = new PackedWarcWriter(raw, archive);
        this.fetchWriter = new FetchWarcPacker(raw, archive);
    }

    /**
     * Checks every fetch given, then packs each in turn, reporting each as it ends. A fetch named by the user
     * ({@code named}) that cannot be packed because it was never ingested, or because its documents differ from
     * those ingested, is refused before any is packed; among all of raw/'s fetches those never ingested are left
     * for later.
     */
    public List<Result> packAll(List<FetchSource> sources, boolean named, Consumer<Result> report) {
        FolderReplacement.recover(raw);
        List<String> skips = new ArrayList<>(); // all checked before anything is said or packed: a refusal is one line
        for (FetchSource source : sources) {
            skips.add(reasonToSkip(source, named));
        }
        List<Result> results = new ArrayList<>();
        List<Settling> packed = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            FetchSource source = sources.get(i);
            Result r = skips.get(i) != null ? new Result(folderName(source), 0, 0, 0, 0, skips.get(i)) : pack(source, packed);
            results.add(r);
            report.accept(r);
        }
        keepListings(packed);
        return results;
    }

    /** A folder packed just now: its fetch, with its content hash, and the status of its files when read back. */
    private record Settling(Fetch fetch, Path folder, String status, long writtenAtMillis) {
    }

    /**
     * Keeps the listing of each folder packed, so that the next run knows it without reading it: once its files
     * are older than {@link FileFingerprint#SETTLING} (waiting for the last at most that long), and only when they are
     * still exactly as they were read back.
     */
    private void keepListings(List<Settling> packed) {
        if (packed.isEmpty()) {
            return;
        }
        long wait = packed.get(packed.size() - 1).writtenAtMillis() + FileFingerprint.SETTLING.toMillis() + 50 - System.currentTimeMillis();
        if (wait > 0) {
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        for (Settling s : packed) {
            try {
                FetchListing listing = new FetchFiles(FileFingerprint.ofFolder(s.folder()), true).listing();
                if (listing != null && listing.sha256().equals(s.status())) {
                    store.ingested(s.fetch(), listing);
                }
            } catch (IOException e) {
                // no listing kept: the next run reads the folder once and keeps it
            }
        }
    }

    /** Why the fetch is left as it is, null when it is to be packed; refuses a named fetch that cannot be. */
    private String reasonToSkip(FetchSource source, boolean named) {
        Path folder = source.root();
        if (!Files.isDirectory(folder)) {
            return refuseOrSkip(named, source, "a WARC file, not a fetch folder: left as it is");
        }
        if (Files.exists(folder.resolve(PackedWarcWriter.FILE))) {
            return "packed already";
        }
        List<Path> warcs = warcFiles(folder);
        if (!warcs.isEmpty() && warcs.stream().allMatch(FetchWarcPacker::isPacked)) {
            return "packed already";
        }
        if (!warcs.isEmpty()
                && warcs.stream().allMatch(w -> FetchWarcPacker.isPacked(w) || FetchWarcPacker.revisitsWrittenWhenFetched(w))) {
            return "revisits written when fetched: left as it is";
        }
        Fetch bare = source.fetch("");
        if (!store.hasFetch(bare.fetchedAt(), bare.label())) {
            if (named) {
                throw new UnusableFetchException("fetch folder " + folder + " was never ingested into " + store.file()
                        + ": ingest it first (gard run), then pack it");
            }
            return "not ingested yet: left as it is";
        }
        if (store.ingestedFromUnchangedFiles(bare, source.listing()).isEmpty()) {
            confirmIngested(source, Ingester.contentHash(source.documents(), threads));
        }
        return null;
    }

    private static List<Path> warcFiles(Path folder) {
        try {
            return FetchWarcPacker.warcFiles(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder + ": " + e.getMessage(), e);
        }
    }

    private static String refuseOrSkip(boolean named, FetchSource source, String why) {
        if (named) {
            throw new UnusableFetchException("cannot pack " + source.root() + ": " + why);
        }
        return why;
    }

    /** Refuses the fetch unless its documents, of this content hash, are the ones ingested under its date and label. */
    private void confirmIngested(FetchSource source, String contentSha256) {
        try {
            // a check only, keeping no listing: the one kept is the packed folder's (keepListings)
            store.ingested(source.fetch(contentSha256), null);
        } catch (StoreException e) {
            if (!e.isUsageError()) {
                throw e;
            }
            throw new UnusableFetchException("fetch folder " + source.root() + " changed since it was ingested (its documents "
                    + "are not those ingested into " + store.file() + "): not packed", e);
        }
    }

    private static String folderName(FetchSource source) {
        return source.root().getFileName().toString();
    }

    /** Packs one folder (read afresh: files may have come since it was opened) and swaps it in. */
    private Result pack(FetchSource opened, List<Settling> packed) {
        String name = folderName(opened);
        Path folder = raw.resolve(name);
        FetchSource source = FetchSource.open(folder, FetchSource.Overrides.NONE, archive);
        FileFingerprint listing = source.files();
        String status = listing.statusSha256();
        try (FolderReplacement replacement = FolderReplacement.begin(folder)) {
            Path building = replacement.building();
            long before = 0;
            for (Path f : listing.files()) {
                before += Files.size(f);
            }
            Packed written = warcFiles(folder).isEmpty() ? packDocuments(source, listing, replacement)
                    : packWarcs(name, listing, replacement);
            replacement.built();
            confirmIngested(source, written.contentSha256());
            long writtenAt = System.currentTimeMillis();
            String packedStatus = FolderDocuments.withReferencedFiles(FileFingerprint.ofFolder(building)).statusSha256();
            String readBack = written.readBack().get();
            if (!readBack.equals(written.contentSha256())) {
                throw new IllegalStateException("the packed WARC file of " + folder + " reads back other documents than the "
                        + "folder's; " + folder + " is left as it was");
            }
            if (!String.valueOf(status).equals(String.valueOf(FileFingerprint.ofFolder(listing.root()).statusSha256()))) {
                throw new UnusableFetchException("fetch folder " + folder + " was written to while it was being packed: "
                        + "left as it was; pack it again");
            }
            replacement.swapIn();
            written.swappedIn().run();
            packed.add(new Settling(source.fetch(written.contentSha256()), folder, packedStatus, writtenAt));
            return new Result(name, source.documents().size(), written.revisits(), before, treeSize(folder), null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot pack " + folder + ": " + e.getMessage(), e);
        }
    }

    /** A packed folder built: its content hash as written, how to read it back, and what to learn once it is in place. */
    private record Packed(String contentSha256, int revisits, ReadBack readBack, Runnable swappedIn) {
    }

    @FunctionalInterface
    private interface ReadBack {
        String get() throws IOException;
    }

    /** A folder of documents: one packed WARC file, beside the files that are no documents. */
    private Packed packDocuments(FetchSource source, FileFingerprint listing, FolderReplacement replacement) throws IOException {
        Set<String> documentPaths = new HashSet<>();
        source.documents().forEach(d -> documentPaths.add(d.path()));
        for (Path f : listing.files()) {
            String relative = listing.relative(f);
            if (!documentPaths.contains(relative)) {
                replacement.copy(f, relative);
            }
        }
        String name = folderName(source);
        Instant date = instant(source.fetch("").fetchedAt());
        Path file = replacement.building().resolve(PackedWarcWriter.FILE);
        PackedWarcWriter.Written written;
        try (OrderedParallelMap<FetchSource.RawDocument, PackedWarcWriter.Prepared> prepared = new OrderedParallelMap<>("pack", source.documents(),
                d -> prepare(name, date, d), threads, threads * Ingester.READ_AHEAD)) {
            written = writer.write(name, date, prepared, file);
        }
        return new Packed(written.contentSha256(), written.revisits(), () -> writer.readBack(file, written),
                () -> writer.swappedIn(written));
    }

    private PackedWarcWriter.Prepared prepare(String folder, Instant date, FetchSource.RawDocument d) {
        try {
            return writer.prepare(folder, date, d.path(), d.read());
        } catch (IOException e) {
            throw new UnusableFetchException("cannot read " + d.path() + " of fetch folder " + folder + ": " + e.getMessage(), e);
        }
    }

    /**
     * A folder {@code gard fetch} wrote: its WARC files rewritten with revisits, the manifest and every other file as
     * they were. Read back as an ingest reads it, every revisit resolved: the documents must be the ingested ones.
     */
    private Packed packWarcs(String name, FileFingerprint listing, FolderReplacement replacement) throws IOException {
        Path building = replacement.building();
        int revisits = 0;
        for (Path f : listing.files()) {
            String relative = listing.relative(f);
            boolean fetchWarc = ArchiveIndex.isWarcName(f) && f.getParent().equals(listing.root())
                    && !f.getFileName().toString().equals(PackedWarcWriter.FILE);
            if (fetchWarc && !FetchWarcPacker.isPacked(f) && !FetchWarcPacker.revisitsWrittenWhenFetched(f)) {
                revisits += fetchWriter.write(f, name, building.resolve(relative));
            } else {
                replacement.copy(f, relative);
            }
        }
        String contentSha256 = Ingester.contentHash(FolderDocuments.of(building, archive), threads);
        return new Packed(contentSha256, revisits, () -> contentSha256, () -> { });
    }

    private static Instant instant(String fetchedAt) {
        return fetchedAt.length() == 10 ? LocalDate.parse(fetchedAt).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(fetchedAt);
    }

    private static long treeSize(Path folder) throws IOException {
        try (Stream<Path> all = Files.walk(folder)) {
            long size = 0;
            for (Path p : (Iterable<Path>) all::iterator) {
                size += Files.isRegularFile(p) ? Files.size(p) : 0;
            }
            return size;
        }
    }
}
