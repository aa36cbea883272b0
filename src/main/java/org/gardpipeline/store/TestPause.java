package org.gardpipeline.store;

/**
 * The one fault-injection seam of CONTRIBUTING.md, off unless the environment sets it: GARD_TEST_PAUSE_MS=N
 * sleeps N ms at each step the crash tests kill a child JVM at (a document written inside a fetch's transaction,
 * a pack's record written or folder swapped in), and says on stderr where it is, so that a test knows what the
 * kill interrupted. It changes nothing that is written. Public only because {@code ingest} (which packs) depends
 * on the store and not the reverse: one copy of the hook serves both.
 */
public final class TestPause {
    private static final long MILLIS = millis();

    private TestPause() {
    }

    /** Pauses, saying {@code where} on stderr first; nothing at all when the hook is off. */
    public static void at(String where) {
        if (MILLIS <= 0) {
            return;
        }
        System.err.println("GARD_TEST_PAUSE_MS: " + where);
        try {
            Thread.sleep(MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long millis() {
        try {
            return Math.max(0, Long.parseLong(System.getenv().getOrDefault("GARD_TEST_PAUSE_MS", "0").strip()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
