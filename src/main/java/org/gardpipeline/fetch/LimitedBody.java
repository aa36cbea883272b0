package org.gardpipeline.fetch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a response body up to a limit; can be aborted from outside (a read timeout), which cancels the
 * exchange and closes the connection.
 */
final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {
    /** The body was bigger than allowed. */
    static final class TooLarge extends IOException {
        TooLarge(long limit) {
            super("body larger than the limit of " + limit + " bytes");
        }
    }

    private final long limit;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private volatile Flow.Subscription subscription;
    private volatile long lastActivity = System.nanoTime();

    LimitedBody(long limit) {
        this.limit = limit;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        lastActivity = System.nanoTime();
        synchronized (bytes) {
            for (ByteBuffer b : buffers) {
                byte[] chunk = new byte[b.remaining()];
                b.get(chunk);
                bytes.write(chunk, 0, chunk.length);
            }
            if (bytes.size() > limit) {
                abort(new TooLarge(limit));
            }
        }
    }

    @Override
    public void onError(Throwable error) {
        result.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
        synchronized (bytes) {
            result.complete(bytes.toByteArray());
        }
    }

    long lastActivityNanos() {
        return lastActivity;
    }

    /** Bytes received so far. */
    int received() {
        synchronized (bytes) {
            return bytes.size();
        }
    }

    void abort(IOException why) {
        result.completeExceptionally(why);
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
    }
}
