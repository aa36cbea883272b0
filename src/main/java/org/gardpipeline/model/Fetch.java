package org.gardpipeline.model;

import java.util.Objects;

/**
 * One fetch of GARD pages: when it was taken and what it claims to cover.
 *
 * @param fetchedAt     ISO-8601 date or date-time of the fetch
 * @param label         the folder name's part after the date ("" when none); two fetches of one date
 *                      are told apart by it
 * @param source        where the pages came from, free text, or null
 * @param complete      true when the fetch covered the whole site, so a page missing from it was removed
 * @param origin        the folder or file the fetch was read from
 * @param contentSha256 a hash over the names and bytes of its documents, to tell a re-ingest from a
 *                      different fetch of the same date
 */
public record Fetch(String fetchedAt, String label, String source, boolean complete, String origin,
                    String contentSha256) {
    public Fetch {
        Objects.requireNonNull(fetchedAt, "fetchedAt");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(contentSha256, "contentSha256");
    }

    /** "2015-09-10" or "2015-09-10 (label)", for messages. */
    public String name() {
        return label.isEmpty() ? fetchedAt : fetchedAt + " (" + label + ")";
    }
}
