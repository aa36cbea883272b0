package org.gardpipeline.export;

/** The export could not be written; the message names the folder or option and the cause. */
public class ExportException extends RuntimeException {
    private final boolean usageError;

    public ExportException(String message, boolean usageError, Throwable cause) {
        super(message, cause);
        this.usageError = usageError;
    }

    /** True when the user can fix it by changing the command (exit 2). */
    public boolean isUsageError() {
        return usageError;
    }
}
