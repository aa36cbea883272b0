package org.gardpipeline.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.gardpipeline.store.HistoryStore;

/**
 * The database of an ingest, opened on another thread while the command lists its fetches: in a new JVM each
 * takes a few tenths of a second. Only an open that changes nothing runs early (an existing database at
 * this build's schema), so a command that then fails on its input leaves the database as it was; a new
 * database, or one to migrate, is opened when the command asks for it.
 */
final class StoreOpening implements AutoCloseable {
    private final Path file;
    private final CompletableFuture<Optional<HistoryStore>> early;
    private HistoryStore store;

    private StoreOpening(Path file, CompletableFuture<Optional<HistoryStore>> early) {
        this.file = file;
        this.early = early;
    }

    static StoreOpening start(Path file) {
        return new StoreOpening(file, CompletableFuture.supplyAsync(() -> HistoryStore.openIfCurrent(file)));
    }

    /** The open store; throws what opening it threw (a locked, unusable or unreadable database). */
    HistoryStore store() {
        if (store == null) {
            store = earlyStore().orElseGet(() -> HistoryStore.open(file));
        }
        return store;
    }

    private Optional<HistoryStore> earlyStore() {
        try {
            return early.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** Closes the store, also one opened early for a command that failed before asking for it. */
    @Override
    public void close() {
        if (store == null) {
            try {
                store = earlyStore().orElse(null);
            } catch (RuntimeException failedToo) {
                return; // the command's own failure is the one to report
            }
        }
        if (store != null) {
            store.close();
        }
    }
}
