package org.gardpipeline.ingest;

import org.gardpipeline.review.ChangeGuard;
import org.gardpipeline.store.HistoryStore;

/**
 * Ingesters with the settings that change only how an ingest works, never what it writes: how many threads parse,
 * and whether earlier parses stand for the same bytes. Only tests vary them, to show exactly that.
 */
public final class Ingesters {
    private Ingesters() {
    }

    /** Parses on {@code threads} threads, reusing earlier parses as a real ingest does. */
    public static Ingester reusingParses(HistoryStore store, int threads) {
        return new Ingester(store, threads, true, ChangeGuard.DEFAULT);
    }

    /** Parses every document anew on {@code threads} threads, reusing no earlier parse. */
    public static Ingester parsingEverything(HistoryStore store, int threads) {
        return new Ingester(store, threads, false, ChangeGuard.DEFAULT);
    }
}
