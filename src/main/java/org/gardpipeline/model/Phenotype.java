package org.gardpipeline.model;

import java.util.Objects;

/**
 * One sign or symptom a page lists for its disease (a Human Phenotype Ontology term), kept apart from the
 * answers: the question-and-answer pages showed these as a table under the symptoms answer, the API carries them
 * as a list of their own, and the 2022 pages make them the Symptoms section.
 *
 * @param term      the term as the page names it
 * @param frequency how often it occurs, as the page states it ("90%", "Very frequent (80%-99%)"), or null when it
 *                  states none
 */
public record Phenotype(String term, String frequency) {
    public Phenotype {
        Objects.requireNonNull(term, "term");
        if (term.isBlank()) {
            throw new IllegalArgumentException("a phenotype has a term");
        }
    }
}
