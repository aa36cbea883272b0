package org.gardpipeline.ingest;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.gardpipeline.model.Document;

/**
 * The documents of a fetch, parsed on several threads a little ahead of the one reader that writes them,
 * and handed out in fetch order. Only a window of parsed documents is ever held, so memory stays flat however
 * large the fetch, and the store writes while the next documents are being parsed.
 */
final class ParsedDocuments implements Iterable<Document>, AutoCloseable {
    private final ExecutorService pool;
    private final Iterator<FetchSource.RawDocument> pending;
    private final Set<String> parsedBefore;
    private final Deque<Future<Document>> window = new ArrayDeque<>();
    private final int windowSize;
    /** Each parsing thread's own buffer for reading and hashing documents (the largest GARD page is ~145 KB). */
    private final ThreadLocal<ByteBuffer> scratch = ThreadLocal.withInitial(() -> ByteBuffer.allocateDirect(1 << 20));

    ParsedDocuments(List<FetchSource.RawDocument> raw, Set<String> parsedBefore, int threads) {
        int workers = Math.max(1, Math.min(threads, raw.size()));
        this.pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "parse");
            t.setDaemon(true);
            return t;
        });
        this.pending = raw.iterator();
        this.parsedBefore = parsedBefore;
        this.windowSize = workers * 16;
        fill();
    }

    private void fill() {
        while (window.size() < windowSize && pending.hasNext()) {
            FetchSource.RawDocument d = pending.next();
            window.add(pool.submit(() -> Ingester.read(d, parsedBefore, scratch.get())));
        }
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
                return await(next);
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
