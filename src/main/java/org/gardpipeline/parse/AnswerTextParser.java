package org.gardpipeline.parse;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import org.gardpipeline.model.Answer;
import org.gardpipeline.model.Format;
import org.gardpipeline.model.Page;
import org.gardpipeline.model.Reference;

/**
 * Parses a GARD answer published as plain text: site header, page title, the inquirer's question, then
 * question headings each followed by answer paragraphs and a {@code Last updated: M/D/YYYY} line, then
 * a sign-off and a numbered reference list.
 */
final class AnswerTextParser implements PageParser {

    @Override
    public Page parse(String text, String name) throws ParseException {
        List<String> lines = lines(text);
        int cursor = skipBlank(lines, 0);
        if (cursor < lines.size() && isSiteHeader(lines.get(cursor))) {
            cursor = skipBlank(lines, cursor + 1);
        }
        if (cursor >= lines.size()) {
            throw new ParseException("no page title: the text holds only the site header");
        }
        String title = Texts.inline(lines.get(cursor));
        List<Integer> dateLines = lastUpdatedLines(lines, cursor + 1);
        if (dateLines.isEmpty()) {
            throw new ParseException("no recognisable question: no answer ends with a 'Last updated: M/D/YYYY' line");
        }
        int lastDateLine = dateLines.get(dateLines.size() - 1);
        List<Reference> references = references(lines, lastDateLine + 1);

        List<Answer> answers = new ArrayList<>();
        String inquiry = null;
        int start = cursor + 1;
        for (int dateLine : dateLines) {
            List<String> paragraphs = paragraphs(lines, start, dateLine);
            int questionIndex = questionIndex(paragraphs, answers.isEmpty(), dateLine);
            if (answers.isEmpty() && questionIndex > 0) {
                inquiry = Texts.paragraphs(paragraphs.subList(0, questionIndex));
            }
            answers.add(PublishedAnswers.answer(paragraphs.get(questionIndex),
                    paragraphs.subList(questionIndex + 1, paragraphs.size()), date(lines.get(dateLine), dateLine), references));
            start = dateLine + 1;
        }
        return new Page(Format.ANSWER_TEXT, null, null, title, List.of(), inquiry, Map.of(), answers, references);
    }

    private static List<String> lines(String text) {
        String unix = text.replace("\r\n", "\n").replace('\r', '\n');
        List<String> lines = new ArrayList<>();
        for (String line : unix.split("\n", -1)) {
            lines.add(Texts.inline(line));
        }
        return lines;
    }

    private static int skipBlank(List<String> lines, int from) {
        int i = from;
        while (i < lines.size() && lines.get(i).isEmpty()) {
            i++;
        }
        return i;
    }

    private static boolean isSiteHeader(String line) {
        return line.contains("Genetic and Rare Diseases Information Center");
    }

    private static List<Integer> lastUpdatedLines(List<String> lines, int from) {
        List<Integer> found = new ArrayList<>();
        for (int i = from; i < lines.size(); i++) {
            if (PublishedAnswers.LAST_UPDATED.matcher(lines.get(i)).matches()) {
                found.add(i);
            }
        }
        return found;
    }

    /** Paragraphs between two lines: runs of non-blank lines, joined with spaces. */
    private static List<String> paragraphs(List<String> lines, int from, int to) {
        return Texts.paragraphsOfLines(lines.subList(from, to));
    }

    /**
     * Where the question heading is among the paragraphs before a date line. The first answer may be
     * preceded by the inquirer's question, so there the heading is the last of the leading questions.
     */
    private static int questionIndex(List<String> paragraphs, boolean first, int dateLine) throws ParseException {
        if (paragraphs.size() < 2 || !isHeading(paragraphs.get(0))) {
            throw new ParseException("no recognisable question before the 'Last updated' line at line "
                    + (dateLine + 1) + ": expected a question heading followed by answer paragraphs");
        }
        if (!first) {
            return 0;
        }
        int index = 0;
        while (index + 2 < paragraphs.size() && isHeading(paragraphs.get(index + 1))
                && paragraphs.get(index + 1).endsWith("?")) {
            index++;
        }
        return index;
    }

    private static boolean isHeading(String paragraph) {
        return PublishedAnswers.isQuestion(paragraph);
    }

    /** The date of a line {@link #lastUpdatedLines} found. */
    private static LocalDate date(String line, int index) throws ParseException {
        Matcher m = PublishedAnswers.LAST_UPDATED.matcher(line);
        m.matches();
        return PublishedAnswers.date(m, line, " at line " + (index + 1));
    }

    /** The numbered reference list after the last answer; unnumbered lines continue the previous entry. */
    private static List<Reference> references(List<String> lines, int from) {
        List<Reference> references = new ArrayList<>();
        int number = -1;
        StringBuilder citation = new StringBuilder();
        for (int i = from; i < lines.size(); i++) {
            Matcher m = PublishedAnswers.NUMBERED_REFERENCE.matcher(lines.get(i));
            if (m.matches()) {
                PublishedAnswers.addReference(references, number, citation);
                number = Integer.parseInt(m.group(1));
                citation.append(m.group(2));
            } else if (number > 0 && !lines.get(i).isEmpty()) {
                citation.append(' ').append(lines.get(i));
            } else if (number > 0) {
                PublishedAnswers.addReference(references, number, citation);
                number = -1;
            }
        }
        PublishedAnswers.addReference(references, number, citation);
        return references;
    }
}
