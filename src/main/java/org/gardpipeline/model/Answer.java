package org.gardpipeline.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One answer on a page, as a reader saw it in one document.
 *
 * @param question    the question as written (or the section heading for sectioned layouts)
 * @param topic       the topic of the question
 * @param slotKey     the key of the answer slot on its page: the topic for GARD's standard question
 *                    templates, otherwise derived from the normalised question text
 * @param text        the answer text: paragraphs separated by a blank line, markup dropped
 * @param lastUpdated the stated last-updated date, or null when the document states none
 * @param citations   the {@code [n]} citation numbers the text makes, in first-use order, each once
 * @param references  the references this answer carries: those it cites, or the page's sources when the
 *                    layout has no citation markers
 */
public record Answer(String question, Topic topic, String slotKey, String text, LocalDate lastUpdated,
                     List<Integer> citations, List<Reference> references) {
    public Answer {
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(slotKey, "slotKey");
        Objects.requireNonNull(text, "text");
        citations = List.copyOf(citations);
        references = List.copyOf(references);
    }
}
