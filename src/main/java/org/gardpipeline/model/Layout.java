package org.gardpipeline.model;

import java.util.List;

/**
 * The structural fingerprint of one parsed document: which of its format's landmarks it showed, and a hash of
 * the tag-and-class outline of its content area. Two fetches of a page whose answers read the same but whose
 * outline differs tell that GARD changed the page's markup; a change event on such a page says so.
 *
 * @param landmarks the landmarks found, in the parser's order (for the 2022 pages, each section with what it
 *                  showed: {@code app-symptoms-section: .symptom-list-container} or {@code ...: placeholder})
 * @param outline   SHA-256 (hex) of the outline, or null for a format whose parser keeps none
 */
public record Layout(List<String> landmarks, String outline) {
    /** The layout of a document whose format has no landmarks of its own. */
    public static final Layout NONE = new Layout(List.of(), null);

    public Layout {
        landmarks = List.copyOf(landmarks);
    }
}
