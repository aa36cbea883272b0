package org.gardpipeline.fetch;

/** A page (or robots.txt, or a sitemap) that ended without a usable response; the reason goes into the manifest. */
final class FetchFailure extends Exception {
    private final Integer status;
    private final int attempts;

    FetchFailure(String reason, Integer status, int attempts) {
        super(reason);
        this.status = status;
        this.attempts = attempts;
    }

    /** The last HTTP status received, or null when none came. */
    Integer status() {
        return status;
    }

    /** Requests made for the URL that failed. */
    int attempts() {
        return attempts;
    }
}
