package org.gardpipeline.fetch;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * Tells a person how the fetch goes: a one-line bar redrawn in place on a terminal (pages done, failed, rate,
 * time left), or one plain log line per page otherwise.
 */
public final class Progress {
    private final PrintWriter err;
    private final boolean terminal;
    private final int total;
    private final long started = System.nanoTime();
    private int done;
    private int failed;

    public Progress(PrintWriter err, boolean terminal, int total) {
        this.err = err;
        this.terminal = terminal;
        this.total = total;
    }

    /** A bar on a terminal (System.console() present), plain lines otherwise. */
    public static Progress forStderr(PrintWriter err, int total) {
        return new Progress(err, System.console() != null, total);
    }

    synchronized void page(Manifest.Entry e) {
        done++;
        if (e.failed()) {
            failed++;
        }
        double seconds = Math.max((System.nanoTime() - started) / 1e9, 1e-3);
        double rate = done / seconds;
        long left = rate > 0 ? Math.round((total - done) / rate) : 0;
        if (terminal) {
            int width = 30;
            int filled = total == 0 ? width : (int) ((long) width * done / total);
            err.printf(Locale.ROOT, "\r[%s%s] %d/%d pages, %d failed, %.1f pages/s, %s left   ",
                    "#".repeat(filled), ".".repeat(width - filled), done, total, failed, rate, duration(left));
            if (done == total) {
                err.println();
            }
        } else {
            String what = e.failed() ? "failed: " + e.failure()
                    : e.outcome() + " " + e.status() + (e.retries() > 0 ? " after " + e.retries() + " retries" : "");
            err.printf(Locale.ROOT, "fetch %d/%d: %s %s (%d failed so far, %.1f pages/s, ~%s left)%n",
                    done, total, e.asked(), what, failed, rate, duration(left));
        }
        err.flush();
    }

    private static String duration(long seconds) {
        return seconds >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", seconds / 3600, seconds / 60 % 60)
                : seconds >= 60 ? String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60) : seconds + "s";
    }
}
