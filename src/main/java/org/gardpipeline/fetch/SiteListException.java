package org.gardpipeline.fetch;

import java.io.IOException;

/** GARD's list of pages could not be used (unreachable, not a list, empty, or shrunk): the fetch wrote nothing. */
public final class SiteListException extends IOException {
    public SiteListException(String message) {
        super(message);
    }
}
