package org.gardpipeline.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.gardpipeline.model.Document;
import org.gardpipeline.model.Fetch;
import org.gardpipeline.model.IngestSummary;
import org.gardpipeline.parse.ParseException;
import org.gardpipeline.parse.Parsers;
import org.gardpipeline.store.HistoryStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads and parses every document of a fetch (on all cores), then hands them to the store in one transaction. */
public final class Ingester {
    private static final Logger LOG = LoggerFactory.getLogger(Ingester.class);
    /**
     * How to ingest: on how many threads to parse, and whether a document whose bytes were parsed before is
     * taken from that parse. Both change the speed, never the result.
     */
    public record Options(int threads, boolean reuseEarlierParses) {
        public static final Options DEFAULT = new Options(Runtime.getRuntime().availableProcessors(), true);
    }

    private final HistoryStore store;
    private final Options options;

    public Ingester(HistoryStore store, Options options) {
        this.store = store;
        this.options = options;
    }

    public Ingester(HistoryStore store) {
        this(store, Options.DEFAULT);
    }

    public IngestSummary ingest(FetchSource source) {
        Fetch bare = source.fetch("");
        if (store.hasFetch(bare.fetchedAt(), bare.label())) {
            // A fetch seen before: hashing its files is enough to know whether it is the same, no parse needed.
            LOG.debug("fetch {}: ingested before, comparing hashes only", bare.name());
            Fetch hashed = source.fetch(fetchHash(hashOnly(source.documents())));
            return store.ingested(hashed).orElseThrow(() -> new IllegalStateException("fetch vanished: " + hashed.name()));
        }
        Set<String> parsedBefore = options.reuseEarlierParses() ? store.parsedDocumentHashes() : Set.of();
        LOG.debug("fetch {}: parsing {} documents from {} on {} threads", bare.name(), source.documents().size(),
                source.root(), options.threads());
        long started = System.nanoTime();
        List<Document> documents = parseAll(source.documents(), parsedBefore, options.threads());
        LOG.debug("fetch {}: {} parsed, {} reused from earlier parses, {} quarantined in {} ms", bare.name(),
                documents.stream().filter(d -> d.page() != null).count(), documents.stream().filter(Document::reused).count(),
                documents.stream().filter(Document::isQuarantined).count(), (System.nanoTime() - started) / 1_000_000);
        return store.ingest(source.fetch(fetchHash(documents)), documents);
    }

    /**
     * Parses documents in parallel, keeping their order, so the result does not depend on scheduling; a
     * document whose bytes were parsed before is not parsed again.
     */
    static List<Document> parseAll(List<FetchSource.RawDocument> raw, Set<String> parsedBefore, int maxThreads) {
        int threads = Math.max(1, Math.min(maxThreads, raw.size()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "parse");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Document>> futures = new ArrayList<>();
            for (FetchSource.RawDocument d : raw) {
                futures.add(pool.submit(() -> read(d, parsedBefore)));
            }
            List<Document> documents = new ArrayList<>(raw.size());
            for (Future<Document> f : futures) {
                documents.add(f.get());
            }
            return documents;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while parsing", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("parsing failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** One document: parsed, reused from an earlier parse of the same bytes, or quarantined with a reason. */
    static Document read(FetchSource.RawDocument raw, Set<String> parsedBefore) {
        byte[] bytes;
        try {
            long size = raw.content().size();
            if (size > Parsers.MAX_DOCUMENT_BYTES) {
                // Not read into memory: a file bigger than the heap would otherwise fail the whole run, every run.
                return Document.quarantined(raw.path(), streamedSha256(raw), Parsers.tooLarge(size));
            }
            bytes = raw.read();
        } catch (IOException e) {
            // Bytes that could not be read have no hash; one made from the path keeps the reason its own.
            return Document.quarantined(raw.path(), sha256(("unreadable:" + raw.path()).getBytes(StandardCharsets.UTF_8)),
                    "cannot read file: " + e.getMessage());
        }
        String hash = sha256(bytes);
        if (parsedBefore.contains(hash)) {
            return Document.reused(raw.path(), hash);
        }
        try {
            return Document.parsed(raw.path(), hash, Parsers.parse(bytes, raw.path()));
        } catch (ParseException e) {
            return Document.quarantined(raw.path(), hash, e.getMessage());
        }
    }

    private static List<Document> hashOnly(List<FetchSource.RawDocument> raw) {
        List<Document> hashed = new ArrayList<>();
        for (FetchSource.RawDocument d : raw) {
            try {
                hashed.add(Document.quarantined(d.path(), streamedSha256(d), "not parsed"));
            } catch (IOException e) {
                hashed.add(Document.quarantined(d.path(), sha256(new byte[0]), "not parsed"));
            }
        }
        return hashed;
    }

    private static String fetchHash(List<Document> documents) {
        MessageDigest all = digest();
        for (Document d : documents) {
            all.update((d.path() + "\0" + d.sha256() + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(all.digest());
    }

    /** The same digest as {@link #sha256(byte[])} of the whole document, read a block at a time. */
    private static String streamedSha256(FetchSource.RawDocument raw) throws IOException {
        MessageDigest digest = digest();
        try (java.io.InputStream in = raw.content().open()) {
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
