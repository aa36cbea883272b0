package org.gardpipeline.publish;

/** A publish cannot be done as asked; the message names the argument or the schema and what is wrong. */
public class PublishException extends RuntimeException {
    private final boolean usageError;

    public PublishException(String message, boolean usageError, Throwable cause) {
        super(message, cause);
        this.usageError = usageError;
    }

    public PublishException(String message, boolean usageError) {
        this(message, usageError, null);
    }

    /** True when the user can fix it by changing the command (exit 2), false for failures (exit 1). */
    public boolean isUsageError() {
        return usageError;
    }
}
