package org.gardpipeline.ingest;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.gardpipeline.model.Document;

/**
 * The documents of a fetch, read and parsed on several threads ahead of the one reader that writes them, and
 * handed out in fetch order.
 *
 * <p>Two bounds keep memory flat however large the fetch. Documents are read and hashed up to
 * {@value #READ_AHEAD} per thread ahead of the writer: a document parsed before costs only its path and hash
 * while it waits. Documents parsed and not yet written hold at most {@value #PARSE_BUDGET_BYTES} bytes of
 * source between them (about 100 GARD pages); past that a document waits to be parsed until the writer has
 * taken the one {@value #PARSE_AHEAD} per thread before it. In a fetch that changed little the other threads
 * thus go on hashing while one parses, and while the writer stores a batch.
 */
final class ParsedDocuments implements Iterable<Document>, AutoCloseable {
    static final int READ_AHEAD = 256;
    static final int PARSE_AHEAD = 16;
    static final long PARSE_BUDGET_BYTES = 8L * 1024 * 1024;
    private final ExecutorService pool;
    private final Iterator<FetchSource.RawDocument> pending;
    private final Set<String> parsedBefore;
    private final Deque<Future<Document>> window = new ArrayDeque<>();
    private final int windowSize;
    private final int parseAhead;
    private final long budget;
    /** Each parsing thread's own buffer for reading and hashing documents (the largest GARD page is ~145 KB). */
    private final ThreadLocal<ByteBuffer> scratch = ThreadLocal.withInitial(() -> ByteBuffer.allocateDirect(1 << 20));
    /** The documents handed to the threads so far; the next one's index. */
    private long submitted;
    private final Object turns = new Object();
    /** Guarded by {@link #turns}: the source size of each document parsed and not yet taken, by index. */
    private final Map<Long, Integer> parsedSizes = new HashMap<>();
    /** Guarded by {@link #turns}: their sum, how many documents the writer has taken, how many parses began. */
    private long parsedBytes;
    private long taken;
    private long parsesBegun;

    ParsedDocuments(List<FetchSource.RawDocument> raw, Set<String> parsedBefore, int threads) {
        this(raw, parsedBefore, threads, PARSE_BUDGET_BYTES);
    }

    ParsedDocuments(List<FetchSource.RawDocument> raw, Set<String> parsedBefore, int threads, long budget) {
        this.budget = budget;
        int workers = Math.max(1, Math.min(threads, raw.size()));
        this.pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "parse");
            t.setDaemon(true);
            return t;
        });
        this.pending = raw.iterator();
        this.parsedBefore = parsedBefore;
        this.windowSize = workers * READ_AHEAD;
        this.parseAhead = workers * PARSE_AHEAD;
        fill();
    }

    private void fill() {
        while (window.size() < windowSize && pending.hasNext()) {
            FetchSource.RawDocument d = pending.next();
            long index = submitted++;
            window.add(pool.submit(() -> Ingester.read(d, parsedBefore, scratch.get(),
                    size -> awaitTurnToParse(index, size))));
        }
    }

    /**
     * Blocks the thread until the document at {@code index}, of {@code size} bytes, may be parsed: while the
     * budget allows, or once it is within reach of the writer. The document with the lowest index not yet read
     * is always within reach (every one before it is done, so the writer can take them): no deadlock.
     */
    private void awaitTurnToParse(long index, int size) throws InterruptedException {
        synchronized (turns) {
            while (parsedBytes + size > budget && index >= taken + parseAhead) {
                turns.wait();
            }
            parsedSizes.put(index, size);
            parsedBytes += size;
            parsesBegun++;
        }
    }

    private void tookDocument() {
        synchronized (turns) {
            Integer size = parsedSizes.remove(taken);
            parsedBytes -= size == null ? 0 : size;
            taken++;
            turns.notifyAll();
        }
    }

    /** How many documents have begun to be parsed so far. */
    long parsesBegun() {
        synchronized (turns) {
            return parsesBegun;
        }
    }

    /** How many documents are read (and parsed, where they must be) and wait for the writer. */
    int readAndWaiting() {
        return (int) window.stream().filter(Future::isDone).count();
    }

    @Override
    public Iterator<Document> iterator() {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return !window.isEmpty();
            }

            @Override
            public Document next() {
                if (window.isEmpty()) {
                    throw new NoSuchElementException();
                }
                Future<Document> next = window.poll();
                fill();
                Document d = await(next);
                tookDocument();
                return d;
            }
        };
    }

    private static Document await(Future<Document> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while parsing", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("parsing failed: " + e.getCause(), e.getCause());
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
