package org.gardpipeline.model;

import java.util.Objects;

/**
 * One entry of a page's reference list.
 *
 * @param number   its number in the list, as cited by {@code [n]} markers (1-based)
 * @param citation the full citation text as a reader saw it
 * @param url      the first URL in the citation, or null
 * @param pmid     the PubMed id, or null
 * @param doi      the DOI, or null
 */
public record Reference(int number, String citation, String url, String pmid, String doi) {
    public Reference {
        Objects.requireNonNull(citation, "citation");
        if (number < 1) {
            throw new IllegalArgumentException("reference number must be positive: " + number);
        }
    }
}
