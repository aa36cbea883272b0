package org.gardpipeline.parallel;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Work on many items spread over a fixed number of threads, its results taken one at a time in the items'
 * order, with at most a window of items begun ahead of the one taken. This is the one way the program uses
 * several threads: an ingest opens and lists fetches, hashes a fetch's files and reads and parses its documents
 * ahead of the one writer; a pack compresses records ahead of the one writer; an export reads its datasets and
 * hashes what it wrote; a fetch asks for its pages. The window keeps memory flat however many items there are.
 *
 * <p>Results and failures come as if the items were done one after another: the failure thrown is that of
 * the first item, in order, that failed, so that a run over a folder of many fetches always names the same
 * bad one.
 */
public final class OrderedParallelMap<T, R> implements Iterator<R>, AutoCloseable {
    private final ExecutorService pool;
    private final Iterator<T> pending;
    private final Function<T, R> work;
    private final int windowSize;
    private final Deque<Future<R>> window = new ArrayDeque<>();

    /** Begins the first window of work on {@code threads} threads, each named {@code name}. */
    public OrderedParallelMap(String name, List<T> items, Function<T, R> work, int threads, int windowSize) {
        this.pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, items.size())), r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true); // a failed command must not wait for work nobody will take
            return t;
        });
        this.pending = items.iterator();
        this.work = work;
        this.windowSize = Math.max(1, windowSize);
        fill();
    }

    /** Every item's result in order (null results kept); throws what the first failing item, in order, threw. */
    public static <T, R> List<R> map(String name, List<T> items, Function<T, R> work, int threads) {
        try (OrderedParallelMap<T, R> results = new OrderedParallelMap<>(name, items, work, threads, items.size())) {
            List<R> all = new ArrayList<>(items.size());
            results.forEachRemaining(all::add);
            return all;
        }
    }

    private void fill() {
        while (window.size() < windowSize && pending.hasNext()) {
            T item = pending.next();
            window.add(pool.submit(() -> work.apply(item)));
        }
    }

    @Override
    public boolean hasNext() {
        return !window.isEmpty();
    }

    /** The next item's result, waiting for it; throws what its work threw. */
    @Override
    public R next() {
        Future<R> next = window.poll();
        if (next == null) {
            throw new NoSuchElementException();
        }
        fill();
        try {
            return next.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for work on another thread", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
