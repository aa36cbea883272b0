package org.gardpipeline.model;

import java.util.Objects;

/**
 * One document of a fetch after parsing: its page, the reason it was quarantined, or, when its bytes are
 * those of a document parsed before, a mark that the earlier parse stands for it (parsers are pure, so
 * the same bytes give the same page).
 *
 * @param path             its path inside the fetch (or URL for web archive records)
 * @param sha256           hash of its raw bytes
 * @param page             the parsed page, or null when quarantined or reused
 * @param quarantineReason why it could not be parsed, or null
 * @param reused           true when a document with the same bytes was parsed in an earlier ingest
 * @param layout           the layout the page was read from, or null when the document was not parsed now
 * @param skipped          why a document the pipeline knows holds no page (GARD API's list of diseases) and is left
 *                         out of the history, or null
 */
public record Document(String path, String sha256, Page page, String quarantineReason, boolean reused,
                       Layout layout, String skipped) {
    public Document {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(sha256, "sha256");
        int outcomes = (page != null ? 1 : 0) + (quarantineReason != null ? 1 : 0) + (reused ? 1 : 0)
                + (skipped != null ? 1 : 0);
        if (outcomes != 1) {
            throw new IllegalArgumentException("a document is parsed, quarantined, reused or skipped: " + path);
        }
        if ((page != null) != (layout != null)) {
            throw new IllegalArgumentException("a parsed document, and only a parsed one, has a layout: " + path);
        }
    }

    public static Document parsed(String path, String sha256, ParsedPage parsed) {
        return new Document(path, sha256, parsed.page(), null, false, parsed.layout(), null);
    }

    public static Document quarantined(String path, String sha256, String reason) {
        return new Document(path, sha256, null, reason, false, null, null);
    }

    /** A document that holds no page, left out of the history; {@code note} says what it is. */
    public static Document skipped(String path, String sha256, String note) {
        return new Document(path, sha256, null, null, false, null, note);
    }

    public static Document reused(String path, String sha256) {
        return new Document(path, sha256, null, null, true, null, null);
    }

    public boolean isQuarantined() {
        return quarantineReason != null;
    }
}
