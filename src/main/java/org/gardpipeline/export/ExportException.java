package org.gardpipeline.export;

/** The export could not be written; the message names the folder and the cause. */
public class ExportException extends RuntimeException {
    public ExportException(String message, Throwable cause) {
        super(message, cause);
    }
}
