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
 * @param parts    the reference's parts when its source keeps them apart, else null (the citation is all there is)
 */
public record Reference(int number, String citation, String url, String pmid, String doi, ReferenceParts parts) {
    public Reference {
        Objects.requireNonNull(citation, "citation");
        if (number < 1) {
            throw new IllegalArgumentException("reference number must be positive: " + number);
        }
    }

    /** A reference known only by its citation text. */
    public Reference(int number, String citation, String url, String pmid, String doi) {
        this(number, citation, url, pmid, doi, null);
    }
}
