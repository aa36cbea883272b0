package org.gardpipeline.ingest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.gardpipeline.archive.ArchiveIndex;
import org.gardpipeline.model.Document;
import org.gardpipeline.model.Fetch;
import org.gardpipeline.model.PageNames;
import org.gardpipeline.parallel.OrderedParallelMap;
import org.gardpipeline.store.FetchDocuments;
import org.gardpipeline.store.HistoryStore;
import org.gardpipeline.store.ParserDrift;
import org.gardpipeline.store.Rebuilt;

/**
 * Keeps the history the one today's parsers give: when a parser's output changed since parse results were stored
 * (their versions differ from this build's), the whole history is derived again from the raw documents of every
 * fetch, in one transaction (see {@link HistoryStore#rebuild}). It needs every fetch's documents as they were
 * ingested; when one is gone or changed, nothing is derived again and the history is kept as the older parsers
 * made it, with one line saying so. A fetch's documents are found among the fetches of the run's raw folder
 * (by date and label), else at the origin it was ingested from.
 */
public final class Rederivation {
    /**
     * What a run found and did.
     *
     * @param drift   the parse results made by parsers of another version (empty: nothing to do, unless forced)
     * @param rebuilt what deriving again did, null when it was not tried
     * @param missing one entry per fetch whose documents could not be read, "2019-01-01 (medquad) at ORIGIN: why"
     */
    public record Outcome(ParserDrift drift, Rebuilt rebuilt, List<String> missing) {
        public Outcome {
            missing = List.copyOf(missing);
        }

        /** True when the history was derived again and committed. */
        public boolean rederived() {
            return rebuilt != null && rebuilt.done();
        }

        /** True when it had to be derived again and was not: the history is kept as the older parsers made it. */
        public boolean kept() {
            return !rederived() && (!drift.isEmpty() || rebuilt != null || !missing.isEmpty());
        }

        /** The one line a person reads, or null when there was nothing to do. */
        public String line() {
            String cause = drift.isEmpty() ? "" : "parsers changed since the history was derived (" + drift.describe() + "): ";
            if (rederived()) {
                return String.format(java.util.Locale.ROOT, "%sderived the history of %d fetches again from their raw "
                        + "documents in %.2f s; nothing of it is recorded as a change of GARD's answers (change events: %d "
                        + "before, %d after)", cause, rebuilt.fetches(), rebuilt.seconds(), rebuilt.eventsBefore(),
                        rebuilt.eventsAfter());
            }
            if (!kept()) {
                return null;
            }
            String why = rebuilt != null ? rebuilt.refusal()
                    : "the documents of fetch " + missing.get(0) + (missing.size() > 1 ? " (and " + (missing.size() - 1)
                    + " more fetches)" : "") + " are gone";
            return cause + "the history is not derived again, since " + why + "; it is kept as "
                    + (drift.isEmpty() ? "it was" : "the older parsers made it") + " (put the fetches back, then gard reparse)";
        }
    }

    private final HistoryStore store;
    private final int threads;
    /** The run's WARC files, read once: the fetches at their origins are read through it too. */
    private final ArchiveIndex archive;

    public Rederivation(HistoryStore store, int threads, ArchiveIndex archive) {
        this.store = store;
        this.threads = threads;
        this.archive = archive;
    }

    public Rederivation(HistoryStore store, int threads) {
        this(store, threads, new ArchiveIndex());
    }

    /**
     * Derives the history again when a parser changed since (or always, when {@code force}); {@code known} are the
     * fetches of the run's raw folder, where a fetch's documents are looked for first.
     */
    public Outcome run(List<FetchSource> known, boolean force) {
        ParserDrift drift = store.parserDrift();
        if (drift.isEmpty() && !force) {
            return new Outcome(drift, null, List.of());
        }
        List<Fetch> fetches = store.storedFetches();
        Map<String, FetchSource> byName = new HashMap<>();
        for (FetchSource s : known) {
            byName.putIfAbsent(key(s.fetch("")), s);
        }
        Map<Fetch, FetchSource> sources = new IdentityHashMap<>();
        List<String> missing = new ArrayList<>();
        for (Fetch f : fetches) {
            FetchSource s = byName.get(key(f));
            String why = null;
            if (s == null) {
                try {
                    s = atOrigin(f);
                    why = s == null ? "no fetch of that date and label there" : null;
                } catch (RuntimeException e) { // a folder or file that can no longer be read as a fetch
                    why = e.getMessage();
                }
            }
            if (s == null) {
                missing.add(f.name() + " at " + f.origin() + ": " + why);
            } else {
                sources.put(f, s);
            }
        }
        if (!missing.isEmpty()) {
            return new Outcome(drift, null, missing);
        }
        Rebuilt rebuilt;
        try {
            rebuilt = rebuild(fetches, sources);
        } catch (UnusableFetchException e) { // listed, but its files could not be read as a fetch: rolled back
            return new Outcome(drift, null, List.of(e.getMessage()));
        }
        return new Outcome(drift, rebuilt, List.of());
    }

    private Rebuilt rebuild(List<Fetch> fetches, Map<Fetch, FetchSource> sources) {
        return store.rebuild(fetches, new FetchDocuments() {
            @Override
            public void read(Fetch fetch, Consumer<Iterable<Document>> write) {
                Set<String> parsedBefore = store.parsedDocumentHashes(); // the ones written so far in this rebuild
                List<FetchSource.RawDocument> raw;
                try {
                    raw = sources.get(fetch).documents();
                } catch (UnusableFetchException e) {
                    throw new UnusableFetchException(fetch.name() + " at " + fetch.origin() + ": " + e.getMessage(), e);
                }
                try (OrderedParallelMap<FetchSource.RawDocument, Document> documents = Ingester.readInOrder(raw, parsedBefore, threads)) {
                    write.accept(() -> documents);
                }
            }

            @Override
            public PageNames names(Fetch fetch) {
                return Ingester.siteNames(sources.get(fetch)); // as its ingest recorded them
            }
        });
    }

    /** The fetch read from where it was ingested: a WARC file's day as its captures date it, else as it was dated. */
    private FetchSource atOrigin(Fetch f) {
        Path origin = Path.of(f.origin());
        if (!Files.exists(origin)) {
            throw new UnusableFetchException("no such file or folder");
        }
        for (FetchSource.Overrides o : List.of(new FetchSource.Overrides(null, f.complete()),
                new FetchSource.Overrides(f.fetchedAt(), f.complete()))) {
            try {
                for (FetchSource s : FetchSource.openAll(origin, o, archive)) {
                    if (key(s.fetch("")).equals(key(f))) {
                        return s;
                    }
                }
            } catch (UnusableFetchException e) {
                // a single document or a folder that must be dated: the second overrides date it
            }
        }
        return null;
    }

    private static String key(Fetch f) {
        return f.fetchedAt() + "\0" + f.label();
    }
}
