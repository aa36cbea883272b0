package org.gardpipeline.ingest;

/**
 * A fetch folder or file that cannot be ingested as given (a badly named or empty folder, a file named as a
 * WARC that is not one); the message names it and says how to fix it. Nothing has been written.
 */
public class UnusableFetchException extends RuntimeException {
    public UnusableFetchException(String message) {
        super(message);
    }

    public UnusableFetchException(String message, Throwable cause) {
        super(message, cause);
    }
}
