package org.gardpipeline.model;

import java.util.Objects;

/**
 * One document of a fetch after parsing: either its page, or the reason it was quarantined.
 *
 * @param path             its path inside the fetch (or URL for web archive records)
 * @param sha256           hash of its raw bytes
 * @param page             the parsed page, or null when quarantined
 * @param quarantineReason why it could not be parsed, or null when parsed
 */
public record Document(String path, String sha256, Page page, String quarantineReason) {
    public Document {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(sha256, "sha256");
        if ((page == null) == (quarantineReason == null)) {
            throw new IllegalArgumentException("a document is either parsed or quarantined: " + path);
        }
    }

    public static Document parsed(String path, String sha256, Page page) {
        return new Document(path, sha256, page, null);
    }

    public static Document quarantined(String path, String sha256, String reason) {
        return new Document(path, sha256, null, reason);
    }

    public boolean isQuarantined() {
        return page == null;
    }
}
