package org.gardpipeline.ingest;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.gardpipeline.files.FileFingerprint;
import org.gardpipeline.model.Document;
import org.gardpipeline.model.Fetch;
import org.gardpipeline.model.FetchContentHash;
import org.gardpipeline.model.IngestSummary;
import org.gardpipeline.model.PageNames;
import org.gardpipeline.model.Sha256;
import org.gardpipeline.parallel.OrderedParallelMap;
import org.gardpipeline.parse.NotAPageException;
import org.gardpipeline.parse.ParseException;
import org.gardpipeline.parse.Parsers;
import org.gardpipeline.parse.SiteListNames;
import org.gardpipeline.review.ChangeGuard;
import org.gardpipeline.store.FetchHeldException;
import org.gardpipeline.store.FetchListing;
import org.gardpipeline.store.HistoryStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads and parses every document of a fetch (on all cores), then hands them to the store in one transaction. */
public final class Ingester {
    private static final Logger LOG = LoggerFactory.getLogger(Ingester.class);
    /**
     * Documents read (and parsed where they must be) per thread ahead of the writer: a document parsed before
     * costs only its path and hash while it waits, so the threads go on hashing while the writer stores a
     * batch or one of them parses; parsed pages waiting hold a few MB at most.
     */
    static final int READ_AHEAD = 256;
    private final HistoryStore store;
    /** Threads that read, hash and parse documents: every core. */
    private final int threads;
    /**
     * Whether a document whose bytes were parsed before is taken from that parse: true but in the tests that show
     * it changes only the speed, never the result (IngestEquivalenceTest, through src/test's Ingesters).
     */
    private final boolean reuseEarlierParses;
    /** Which fetches are held for review rather than committed. */
    private final ChangeGuard guard;

    /** Ingests on every core, holding for review the fetches {@code guard} holds. */
    public Ingester(HistoryStore store, ChangeGuard guard) {
        this(store, Runtime.getRuntime().availableProcessors(), true, guard);
    }

    public Ingester(HistoryStore store) {
        this(store, ChangeGuard.DEFAULT);
    }

    /** With the settings that change only the speed, for tests (src/test's Ingesters) to vary. */
    Ingester(HistoryStore store, int threads, boolean reuseEarlierParses, ChangeGuard guard) {
        this.store = store;
        this.threads = threads;
        this.reuseEarlierParses = reuseEarlierParses;
        this.guard = guard;
    }

    /**
     * Ingests the fetches in the order given, each reported as it ends. The fetches ingested before are checked
     * first, so that one whose files now differ is refused before any new fetch is written. A fetch held for review
     * ends the list: it and the fetches after it are left for a later run.
     */
    public IngestOutcome ingestAll(List<FetchSource> sources, Consumer<IngestSummary> report) {
        List<FetchSource> ingested = sources.stream().filter(this::isIngested).toList();
        // Their files are listed on all cores (a raw folder gathers a fetch a day); the database is asked in order.
        // Each listing is checked first with the files beyond its folder kept with it, so that an unchanged packed
        // folder's WARC file is not opened to find them.
        Map<FetchSource, FetchListing> kept = new IdentityHashMap<>();
        for (FetchSource s : ingested) {
            Fetch bare = s.fetch("");
            kept.put(s, store.keptListing(bare.fetchedAt(), bare.label()));
        }
        Map<Path, FileFingerprint.Status> dependencyStatus = new ConcurrentHashMap<>();
        List<FetchListing> listings = OrderedParallelMap.map("ingest", ingested, s -> s.listing(kept.get(s), dependencyStatus), threads);
        Map<FetchSource, IngestSummary> seenBefore = new IdentityHashMap<>();
        for (int i = 0; i < ingested.size(); i++) {
            seenBefore.put(ingested.get(i), ingestedBefore(ingested.get(i), listings.get(i)));
        }
        List<IngestSummary> summaries = new ArrayList<>();
        for (FetchSource source : sources) {
            // asked again: an earlier source of the same date and label may have been ingested just now
            IngestSummary s;
            try {
                s = seenBefore.containsKey(source) ? seenBefore.get(source) : ingest(source);
            } catch (FetchHeldException held) {
                return new IngestOutcome(summaries, held);
            }
            summaries.add(s);
            report.accept(s);
        }
        return new IngestOutcome(summaries, null);
    }

    public IngestSummary ingest(FetchSource source) {
        // Listed before its files are read: a write to one after this shows in the next listing.
        return isIngested(source) ? ingestedBefore(source, source.listing()) : ingestNew(source);
    }

    private boolean isIngested(FetchSource source) {
        Fetch bare = source.fetch("");
        return store.hasFetch(bare.fetchedAt(), bare.label());
    }

    /**
     * A fetch seen before: known by its files' listing (taken before they are read; null for none), or by their
     * hashes; never parsed again.
     */
    private IngestSummary ingestedBefore(FetchSource source, FetchListing listing) {
        Fetch bare = source.fetch("");
        Optional<IngestSummary> unchanged = store.ingestedFromUnchangedFiles(bare, listing);
        if (unchanged.isPresent()) {
            LOG.debug("fetch {}: ingested before, and its files are unchanged since: not read", bare.name());
            return unchanged.get();
        }
        LOG.debug("fetch {}: ingested before, comparing hashes only", bare.name());
        Fetch hashed = source.fetch(contentHash(source.documents()));
        return store.ingested(hashed, listing).orElseThrow(() -> new IllegalStateException("fetch vanished: " + hashed.name()));
    }

    private IngestSummary ingestNew(FetchSource source) {
        Fetch bare = source.fetch("");
        Set<String> parsedBefore = reuseEarlierParses ? store.parsedDocumentHashes() : Set.of();
        LOG.debug("fetch {}: parsing {} documents from {} on {} threads", bare.name(), source.documents().size(),
                source.root(), threads);
        try (OrderedParallelMap<FetchSource.RawDocument, Document> documents = readInOrder(source.documents(), parsedBefore, threads)) {
            return store.ingest(bare, () -> documents, siteNames(source), guard);
        }
    }

    /**
     * The documents read, and parsed where they must be, on {@code threads} threads ahead of the one writer that
     * takes them in fetch order; the caller closes it.
     */
    static OrderedParallelMap<FetchSource.RawDocument, Document> readInOrder(List<FetchSource.RawDocument> raw, Set<String> parsedBefore,
                                                                  int threads) {
        ThreadLocal<ByteBuffer> buffers = threadBuffers();
        return new OrderedParallelMap<>("ingest", raw, d -> read(d, parsedBefore, buffers.get()), threads, threads * READ_AHEAD);
    }

    /** Each thread's own buffer for reading and hashing documents (the largest GARD page is about 145 KB). */
    static ThreadLocal<ByteBuffer> threadBuffers() {
        return ThreadLocal.withInitial(() -> ByteBuffer.allocateDirect(1 << 20));
    }

    /**
     * One document: parsed, reused from an earlier parse of the same bytes, or quarantined with a reason.
     * {@code scratch} is the calling thread's own buffer: a file that fits is read and hashed there, and copied
     * out only when it must be parsed, so a fetch of files that changed little allocates next to nothing.
     */
    static Document read(FetchSource.RawDocument raw, Set<String> parsedBefore, ByteBuffer scratch) {
        String known = raw.content().knownSha256();
        if (known != null && parsedBefore.contains(known)) {
            return Document.reused(raw.path(), known); // bytes a packed fetch holds, checked already: not read again
        }
        byte[] bytes = null;
        String hash;
        try {
            long size = raw.content().size();
            if (size > Parsers.MAX_DOCUMENT_BYTES) {
                // Not read into memory: a file bigger than the heap would otherwise fail the whole run, every run.
                return Document.quarantined(raw.path(), streamedSha256(raw), Parsers.tooLarge(size));
            }
            // a file that fits is read into the buffer; a web archive record is decoded into an array anyway
            if (raw.content().readInto(scratch) >= 0) {
                hash = Sha256.hex(scratch.flip().duplicate());
            } else {
                bytes = raw.read(); // over a megabyte (rare: read again whole), or from a web archive
                hash = Sha256.hex(bytes);
            }
        } catch (IOException e) {
            String reason = unreadable(e);
            return Document.quarantined(raw.path(), unreadableHash(raw, reason), reason);
        }
        if (parsedBefore.contains(hash)) {
            return Document.reused(raw.path(), hash);
        }
        if (bytes == null) {
            bytes = new byte[scratch.remaining()];
            scratch.get(bytes);
        }
        try {
            return Document.parsed(raw.path(), hash, Parsers.parseWithLayout(bytes, raw.path()));
        } catch (NotAPageException e) {
            LOG.info("{}: skipped: {}", raw.path(), e.getMessage());
            return Document.skipped(raw.path(), hash, e.getMessage());
        } catch (ParseException e) {
            return Document.quarantined(raw.path(), hash, e.getMessage());
        }
    }

    /**
     * The fetch's content hash from its files alone, with each document hashed exactly as {@link #read} does;
     * the files are hashed on the ingest's threads, and their hashes taken in fetch order.
     */
    /**
     * The other names GARD's list of its pages gives, when the fetch holds the list; none when it holds none, or a list
     * that cannot be read (the fetcher refuses a broken list, so only a hand-made folder has one): a name is no answer,
     * and a fetch is not refused for lacking them.
     */
    static PageNames siteNames(FetchSource source) {
        Optional<FetchSource.RawDocument> list = source.siteList();
        if (list.isEmpty()) {
            return PageNames.NONE;
        }
        try {
            return SiteListNames.parse(list.get().read());
        } catch (IOException | ParseException e) {
            LOG.warn("fetch {}: GARD's list of pages {} gives no names: {}", source.name(), list.get().path(), e.getMessage());
            return PageNames.NONE;
        }
    }

    private String contentHash(List<FetchSource.RawDocument> raw) {
        return contentHash(raw, threads);
    }

    /** The content hash of these documents, as an ingest computes it (see {@link #contentHash(List)}). */
    static String contentHash(List<FetchSource.RawDocument> raw, int threads) {
        ThreadLocal<ByteBuffer> buffers = threadBuffers();
        List<String> hashes = OrderedParallelMap.map("ingest", raw, d -> sha256OfFile(d, buffers.get()), threads);
        FetchContentHash hash = new FetchContentHash();
        for (int i = 0; i < raw.size(); i++) {
            hash.add(raw.get(i).path(), hashes.get(i));
        }
        return hash.hex();
    }

    /** Read into the thread's buffer as {@link #read} reads it; streamed when it does not fit. */
    private static String sha256OfFile(FetchSource.RawDocument d, ByteBuffer buffer) {
        String known = d.content().knownSha256();
        if (known != null) {
            return known;
        }
        try {
            return d.content().readInto(buffer) >= 0 ? Sha256.hex(buffer.flip()) : streamedSha256(d);
        } catch (IOException e) {
            return unreadableHash(d, unreadable(e));
        }
    }

    private static String unreadable(IOException e) {
        return "cannot read file: " + e.getMessage();
    }

    /**
     * Bytes that could not be read have no hash; one made from the path and the reason keeps each such document's
     * reason its own, in this fetch and in any other where the same path fails otherwise.
     */
    private static String unreadableHash(FetchSource.RawDocument raw, String reason) {
        return Sha256.hex(("unreadable:" + raw.path() + "\0" + reason).getBytes(StandardCharsets.UTF_8));
    }

    /** The same hash as of the whole document's bytes, read a block at a time. */
    private static String streamedSha256(FetchSource.RawDocument raw) throws IOException {
        try (java.io.InputStream in = raw.content().open()) {
            return Sha256.hex(in);
        }
    }
}
