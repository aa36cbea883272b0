package org.gardpipeline.parse;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gardpipeline.model.Answer;
import org.gardpipeline.model.Reference;

/**
 * The layout a published GARD answer has as plain text ({@link AnswerTextParser}) and as a question-and-answer
 * page ({@link QaHtmlParser}): question headings, a {@code Last updated: M/D/YYYY} line closing each answer,
 * and numbered references. Kept in one place so that the same answer reads the same in both formats.
 */
final class PublishedAnswers {
    static final Pattern LAST_UPDATED = Pattern.compile("(?i)^Last updated:\\s*(\\d{1,2})/(\\d{1,2})/(\\d{4})$");
    /** "12. Citation text": a numbered reference, or the start of one. */
    static final Pattern NUMBERED_REFERENCE = Pattern.compile("^(\\d{1,3})\\.\\s+(.*)$");
    /** Longer than this is a paragraph that happens to end in '?', not a question heading. */
    private static final int MAX_QUESTION_CHARS = 400;

    private PublishedAnswers() {
    }

    static boolean isQuestion(String paragraph) {
        return paragraph.length() <= MAX_QUESTION_CHARS && paragraph.endsWith("?");
    }

    /** The date of a line {@link #LAST_UPDATED} matched; {@code where} ends the message of an impossible one. */
    static LocalDate date(Matcher lastUpdated, String line, String where) throws ParseException {
        try {
            return LocalDate.of(Integer.parseInt(lastUpdated.group(3)), Integer.parseInt(lastUpdated.group(1)),
                    Integer.parseInt(lastUpdated.group(2)));
        } catch (DateTimeException e) {
            throw new ParseException("impossible date '" + line + "'" + where);
        }
    }

    /** An answer with the page's references that it cites, in the order of the list. */
    static Answer answer(String question, List<String> paragraphs, LocalDate lastUpdated, List<Reference> pageReferences) {
        String text = Texts.paragraphs(paragraphs);
        List<Integer> citations = Texts.citations(text);
        List<Reference> cited = pageReferences.stream().filter(r -> citations.contains(r.number())).toList();
        QuestionTemplates.Slot slot = QuestionTemplates.classify(question);
        return new Answer(Texts.inline(question), slot.topic(), slot.slotKey(), text, lastUpdated, citations, cited);
    }

    /** Ends the reference being read: adds it when it has a number and text, and empties the buffer. */
    static void addReference(List<Reference> references, int number, StringBuilder citation) {
        if (number > 0 && !Texts.isBlank(citation.toString())) {
            references.add(References.of(number, citation.toString()));
        }
        citation.setLength(0);
    }
}
