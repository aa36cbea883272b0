package org.gardpipeline.archive;

/** A file that cannot be read as a WARC file at all (empty, not WARC, unreadable); the message names it. */
public class UnreadableArchiveException extends RuntimeException {
    public UnreadableArchiveException(String message) {
        super(message);
    }
}
