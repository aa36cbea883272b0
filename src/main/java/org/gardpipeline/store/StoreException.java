package org.gardpipeline.store;

/** The database cannot be used as asked; the message names the file or fetch and what to do. */
public class StoreException extends RuntimeException {
    private final boolean usageError;

    public StoreException(String message, boolean usageError, Throwable cause) {
        super(message, cause);
        this.usageError = usageError;
    }

    public StoreException(String message, boolean usageError) {
        this(message, usageError, null);
    }

    /** True when the user can fix it by changing the command (exit 2), false for failures (exit 1). */
    public boolean isUsageError() {
        return usageError;
    }
}
