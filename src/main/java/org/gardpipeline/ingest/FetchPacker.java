package org.gardpipeline.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.gardpipeline.model.Fetch;
import org.gardpipeline.store.HistoryStore;
import org.gardpipeline.store.StoreException;

/**
 * Turns ingested fetch folders under raw/ into one deduplicated WARC file each ({@link PackedWarc}), in place:
 * a document whose bytes were captured before (in an earlier packed fetch folder of raw/, or earlier in the same
 * fetch) becomes a revisit record pointing at that capture. The folder yields exactly the documents (paths and
 * bytes) it did, so its content hash, and everything an ingest makes of it, is unchanged. Every file that is no
 * document ({@code fetch.properties}, hidden files) stays beside the WARC file as it was.
 *
 * <p>A fetch is packed only when it was ingested and its documents are still those ingested. Its packed folder
 * ({@link PackedWarcWriter} writes the WARC file) is read back and compared with the database's content hash, and
 * only then replaces the folder whole ({@link FolderReplacement}); the next pack (or {@code run --pack}) puts back
 * or removes whatever hidden folder a killed one left.
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
    private final PackedWarcWriter writer;

    public FetchPacker(HistoryStore store, Path raw) {
        this.store = store;
        this.raw = raw;
        this.threads = Runtime.getRuntime().availableProcessors();
        this.writer = new PackedWarcWriter(raw, threads);
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
     * are older than {@link FileListing#SETTLING} (waiting for the last at most that long), and only when they are
     * still exactly as they were read back.
     */
    private void keepListings(List<Settling> packed) {
        if (packed.isEmpty()) {
            return;
        }
        long wait = packed.get(packed.size() - 1).writtenAtMillis() + FileListing.SETTLING.toMillis() + 50 - System.currentTimeMillis();
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
                String listing = PackedWarc.withDependencies(FileListing.ofFolder(s.folder())).sha256();
                if (listing != null && listing.equals(s.status())) {
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
        if (Files.exists(folder.resolve(PackedWarc.FILE))) {
            return "packed already";
        }
        if (source.files().files().stream().anyMatch(WarcArchive::isWarcName)) {
            return refuseOrSkip(named, source, "holds WARC files already (as gard fetch writes them): left as it is");
        }
        Fetch bare = source.fetch("");
        if (!store.hasFetch(bare.fetchedAt(), bare.label())) {
            if (named) {
                throw new UnusableFetchException("fetch folder " + folder + " was never ingested into " + store.file()
                        + ": ingest it first (gard run), then pack it");
            }
            return "not ingested yet: left as it is";
        }
        if (store.ingestedFromUnchangedFiles(bare, source.listingSha256()).isEmpty()) {
            confirmIngested(source, Ingester.contentHash(source.documents(), threads));
        }
        return null;
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
        FetchSource source = FetchSource.open(folder, FetchSource.Overrides.NONE);
        FileListing listing = source.files();
        String status = listing.statusSha256();
        try (FolderReplacement replacement = FolderReplacement.begin(folder)) {
            Path building = replacement.building();
            long before = 0;
            for (Path f : listing.files()) {
                before += Files.size(f);
            }
            Set<String> documentPaths = new HashSet<>();
            source.documents().forEach(d -> documentPaths.add(d.path()));
            for (Path f : listing.files()) {
                String relative = listing.relative(f);
                if (!documentPaths.contains(relative)) {
                    replacement.copy(f, relative);
                }
            }
            PackedWarcWriter.Written written = writer.write(source, building.resolve(PackedWarc.FILE));
            replacement.built();
            confirmIngested(source, written.contentSha256());
            long writtenAt = System.currentTimeMillis();
            String packedStatus = PackedWarc.withDependencies(FileListing.ofFolder(building)).statusSha256();
            String readBack = writer.readBack(building.resolve(PackedWarc.FILE), written);
            if (!readBack.equals(written.contentSha256())) {
                throw new IllegalStateException("the packed WARC file of " + folder + " reads back other documents than the "
                        + "folder's; " + folder + " is left as it was");
            }
            if (!String.valueOf(status).equals(String.valueOf(FileListing.ofFolder(listing.root()).statusSha256()))) {
                throw new UnusableFetchException("fetch folder " + folder + " was written to while it was being packed: "
                        + "left as it was; pack it again");
            }
            replacement.swapIn();
            writer.swappedIn(written);
            packed.add(new Settling(source.fetch(written.contentSha256()), folder, packedStatus, writtenAt));
            return new Result(name, source.documents().size(), written.revisits(), before, treeSize(folder), null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot pack " + folder + ": " + e.getMessage(), e);
        }
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
