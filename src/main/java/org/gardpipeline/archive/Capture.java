package org.gardpipeline.archive;

import java.io.IOException;
import java.time.Instant;

/**
 * One capture of a WARC file as a document: the time it was taken, the document's path (a response's target URI,
 * or a packed record's path in its folder) and its bytes, read on demand (a revisit's are its capture's).
 */
public record Capture(Instant date, String path, Payload payload) {
    /** The document's bytes, read when asked; a damaged record or a revisit whose capture is gone fails here. */
    @FunctionalInterface
    public interface Payload {
        byte[] read() throws IOException;

        /**
         * The SHA-256 of the bytes when this run has read them whole already and found them as their record declares,
         * so that hashing them needs no second read; null when it is not known so.
         */
        default String knownSha256() {
            return null;
        }
    }
}
