package org.gardpipeline.fetch;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Keeps requests to one host at least {@code delay} apart as the server sees them: a request starts only after
 * the previous request to that host has been answered (its response headers arrived, or it failed) and a full
 * delay has passed since. Measured from the answer, not from the start, so a slow connection set-up cannot bunch
 * two requests together at the server. Bodies may still download in parallel (up to the concurrency).
 */
final class HostClock {
    private final long delayNanos;
    /** Hosts whose robots.txt asks a Crawl-delay longer than the delay given. */
    private final Map<String, Long> longerDelayNanos = new HashMap<>();
    private final Map<String, Long> next = new HashMap<>();
    private final Map<String, Boolean> busy = new HashMap<>();
    private final ReentrantLock lock = new ReentrantLock();
    /** Signalled when a host is answered, so that the requests waiting for it look again. */
    private final Condition answered = lock.newCondition();

    HostClock(Duration delay) {
        this.delayNanos = delay.toNanos();
    }

    /** A request's hold on its host, released once when it is answered. */
    final class Ticket {
        private final String host;
        private final AtomicBoolean released = new AtomicBoolean();

        private Ticket(String host) {
            this.host = host;
        }

        void answered() {
            if (released.compareAndSet(false, true)) {
                lock.lock();
                try {
                    busy.put(host, false);
                    next.put(host, System.nanoTime() + longerDelayNanos.getOrDefault(host, delayNanos));
                    answered.signalAll();
                } finally {
                    lock.unlock();
                }
            }
        }
    }

    /** Keeps requests to the host at least this far apart from now on, when that is longer than the delay given. */
    void atLeast(String host, Duration delay) {
        long longer = delay.toNanos() - delayNanos;
        if (longer <= 0) {
            return;
        }
        lock.lock();
        try {
            longerDelayNanos.put(host, delay.toNanos());
            // robots.txt itself was answered with the shorter delay: the page after it waits the longer one too
            next.computeIfPresent(host, (h, at) -> at + longer);
        } finally {
            lock.unlock();
        }
    }

    /** Blocks until a request to the host may start. */
    Ticket await(String host) throws InterruptedException {
        lock.lock();
        try {
            while (true) {
                long now = System.nanoTime();
                long wait = next.getOrDefault(host, now) - now;
                if (!busy.getOrDefault(host, false) && wait <= 0) {
                    busy.put(host, true);
                    return new Ticket(host);
                }
                if (wait > 0) {
                    answered.await(wait, TimeUnit.NANOSECONDS);
                } else {
                    answered.await();
                }
            }
        } finally {
            lock.unlock();
        }
    }
}
