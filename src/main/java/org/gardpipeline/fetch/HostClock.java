package org.gardpipeline.fetch;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** Spaces the starts of requests to one host at least {@code delay} apart, whatever thread asks. */
final class HostClock {
    private final long delayNanos;
    private final Map<String, Long> next = new HashMap<>();

    HostClock(Duration delay) {
        this.delayNanos = delay.toNanos();
    }

    /** Blocks until a request to the host may start, and books that start. */
    void await(String host) throws InterruptedException {
        long slot;
        synchronized (this) {
            long now = System.nanoTime();
            slot = Math.max(now, next.getOrDefault(host, now));
            next.put(host, slot + delayNanos);
        }
        long wait = slot - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }
}
