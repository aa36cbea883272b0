package org.gardpipeline.cli;

/** An option or argument on the command line cannot be used as given; the message says how to fix it (exit 2). */
public class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }

    public UsageException(String message, Throwable cause) {
        super(message, cause);
    }
}
