package org.gardpipeline.ingest;

/** The input named on the command line cannot be used as given; the message says how to fix it. */
public class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }

    public UsageException(String message, Throwable cause) {
        super(message, cause);
    }
}
