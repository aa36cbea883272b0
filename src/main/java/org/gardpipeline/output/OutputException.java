package org.gardpipeline.output;

/** The export could not be written; the message names the folder or option and the cause. */
public class OutputException extends RuntimeException {
    private final boolean usageError;

    public OutputException(String message, boolean usageError, Throwable cause) {
        super(message, cause);
        this.usageError = usageError;
    }

    /** True when the user can fix it by changing the command (exit 2). */
    public boolean isUsageError() {
        return usageError;
    }
}
