package org.gardpipeline.parse;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gardpipeline.model.Answer;
import org.gardpipeline.model.Format;
import org.gardpipeline.model.Page;
import org.gardpipeline.model.Reference;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Parses a GARD question-and-answer page saved as HTML: the layout of the plain-text answer
 * ({@link AnswerTextParser}) in markup. The page title is the {@code <h1>} (else the {@code <title>}),
 * every later heading that ends in '?' opens an answer, a {@code Last updated: M/D/YYYY} line closes it,
 * and after an answer is closed only numbered entries (ordered-list items or "1. ..." paragraphs) are
 * kept, as references; the sign-off, disclaimer and site chrome are dropped.
 *
 * <p>The same content gives the same page as the text parser (except the format), so a page's history
 * does not change when GARD publishes an answer as HTML instead of text.
 */
final class QaHtmlParser implements PageParser {
    private static final Pattern LAST_UPDATED = Pattern.compile("(?i)^Last updated:\\s*(\\d{1,2})/(\\d{1,2})/(\\d{4})$");
    private static final Pattern NUMBERED = Pattern.compile("^(\\d{1,3})\\.\\s+(.*)$");
    /** The information specialist's closing words: nothing after them belongs to the answer. */
    private static final Pattern SIGN_OFF = Pattern.compile(
            "(?i)^(We hope this information is helpful|Warm regards|Kind regards|Best regards|Sincerely"
                    + "|Please see our Disclaimer)\\b.*");
    /** "Caudal regression sequence | Genetic and Rare Diseases ...": the site name follows a separator. */
    private static final Pattern TITLE_SUFFIX = Pattern.compile("\\s+[|\u2013\u2014-]\\s+.*$");
    /** The page's own address, when saved with it: /gard/6007/caudal-regression-sequence or /diseases/6007/... */
    private static final Pattern GARD_URL = Pattern.compile("/(?:gard|diseases)/(\\d+)(?:/([a-z0-9-]+))?");
    private static final int MAX_QUESTION_CHARS = 400;

    /** An answer while its blocks are read. */
    private static final class Draft {
        final String question;
        final List<String> paragraphs = new ArrayList<>();
        LocalDate lastUpdated;

        Draft(String question) {
            this.question = question;
        }
    }

    /** What the blocks seen so far say about the next one. */
    private enum State { PREAMBLE, ANSWER, CLOSED }

    @Override
    public Page parse(String text, String name) throws ParseException {
        Document doc = Jsoup.parse(text);
        List<HtmlBlocks.Block> blocks = HtmlBlocks.of(HtmlBlocks.withoutChrome(doc));
        int titleIndex = firstTitleHeading(blocks);
        String title = titleIndex >= 0 ? Texts.inline(blocks.get(titleIndex).text()) : titleElement(doc);
        if (title.isEmpty()) {
            throw new ParseException("no page title: the HTML has no <h1> and no <title>");
        }

        List<String> inquiry = new ArrayList<>();
        List<Draft> drafts = new ArrayList<>();
        List<Reference> references = new ArrayList<>();
        State state = State.PREAMBLE;
        for (HtmlBlocks.Block block : blocks.subList(titleIndex + 1, blocks.size())) {
            if (block.isHeading()) {
                state = heading(Texts.inline(block.text()), drafts);
            } else if (state == State.CLOSED) {
                references(block, references);
            } else {
                state = paragraphs(block, state, inquiry, drafts);
            }
        }
        if (drafts.isEmpty()) {
            throw new ParseException("no recognisable question: no heading after the title ends with '?'");
        }
        String[] id = gardIdAndSlug(doc);
        return new Page(Format.QA_HTML, id[0], id[1], title, List.of(),
                inquiry.isEmpty() ? null : Texts.paragraphs(inquiry), Map.of(), answers(drafts, references), references);
    }

    private static int firstTitleHeading(List<HtmlBlocks.Block> blocks) {
        for (int i = 0; i < blocks.size(); i++) {
            if (blocks.get(i).headingLevel() == 1 && !Texts.inline(blocks.get(i).text()).isEmpty()) {
                return i;
            }
        }
        return -1;
    }

    private static String titleElement(Document doc) {
        return TITLE_SUFFIX.matcher(Texts.inline(doc.title())).replaceFirst("");
    }

    /** A heading that asks a question opens an answer; any other ("References") closes the current one. */
    private static State heading(String heading, List<Draft> drafts) {
        if (heading.endsWith("?") && heading.length() <= MAX_QUESTION_CHARS) {
            drafts.add(new Draft(heading));
            return State.ANSWER;
        }
        return drafts.isEmpty() ? State.PREAMBLE : State.CLOSED;
    }

    /**
     * The lines of a block before or inside an answer. Lines joined by {@code <br>} are one paragraph, as
     * consecutive lines are in the text layout, and a blank line separates two; a date line ends the
     * answer and a sign-off closes it.
     */
    private static State paragraphs(HtmlBlocks.Block block, State state, List<String> inquiry, List<Draft> drafts)
            throws ParseException {
        StringBuilder paragraph = new StringBuilder();
        State now = state;
        for (String line : block.lines()) {
            if (line.isEmpty()) { // <br><br>: a blank line between paragraphs, as in the text layout
                addParagraph(paragraph, now, inquiry, drafts);
                continue;
            }
            Matcher date = LAST_UPDATED.matcher(line);
            if (now == State.ANSWER && (date.matches() || SIGN_OFF.matcher(line).matches())) {
                addParagraph(paragraph, now, inquiry, drafts);
                if (date.matches()) {
                    drafts.get(drafts.size() - 1).lastUpdated = date(date, line);
                }
                now = State.CLOSED;
            } else if (now != State.CLOSED) {
                paragraph.append(paragraph.length() == 0 ? "" : " ").append(line);
            }
        }
        addParagraph(paragraph, now, inquiry, drafts);
        return now;
    }

    /** Before the first question only the inquirer's question(s) count; page chrome there does not end in '?'. */
    private static void addParagraph(StringBuilder paragraph, State state, List<String> inquiry, List<Draft> drafts) {
        String text = Texts.inline(paragraph.toString());
        paragraph.setLength(0);
        if (text.isEmpty()) {
            return;
        }
        if (state == State.ANSWER) {
            drafts.get(drafts.size() - 1).paragraphs.add(text);
        } else if (state == State.PREAMBLE && text.endsWith("?")) {
            inquiry.add(text);
        }
    }

    private static LocalDate date(Matcher m, String line) throws ParseException {
        try {
            return LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        } catch (DateTimeException e) {
            throw new ParseException("impossible date '" + line + "'");
        }
    }

    /**
     * Numbered entries after the answers: an ordered-list item (numbered by its position, or by a "2. "
     * it writes itself) or a "2. ..." line; an unnumbered line continues the entry before it in the block.
     */
    private static void references(HtmlBlocks.Block block, List<Reference> references) {
        int number = -1;
        StringBuilder citation = new StringBuilder();
        boolean first = true;
        for (String line : block.lines()) {
            Matcher m = NUMBERED.matcher(line);
            if (line.isEmpty()) {
                addReference(references, number, citation);
                number = -1;
            } else if (m.matches()) {
                addReference(references, number, citation);
                number = Integer.parseInt(m.group(1));
                citation.append(m.group(2));
            } else if (first && block.listNumber() > 0) {
                number = block.listNumber();
                citation.append(line);
            } else if (number > 0) {
                citation.append(' ').append(line);
            }
            first = false;
        }
        addReference(references, number, citation);
    }

    private static void addReference(List<Reference> references, int number, StringBuilder citation) {
        if (number > 0 && !Texts.inline(citation.toString()).isEmpty()) {
            references.add(References.of(number, citation.toString()));
        }
        citation.setLength(0);
    }

    /** Each answer carries the references it cites, in the order of the list, as the text parser does. */
    private static List<Answer> answers(List<Draft> drafts, List<Reference> references) {
        List<Answer> answers = new ArrayList<>();
        for (Draft d : drafts) {
            String text = Texts.paragraphs(d.paragraphs);
            List<Integer> citations = Texts.citations(text);
            List<Reference> cited = references.stream().filter(r -> citations.contains(r.number())).toList();
            QuestionTemplates.Slot slot = QuestionTemplates.classify(d.question);
            answers.add(new Answer(d.question, slot.topic(), slot.slotKey(), text, d.lastUpdated, citations, cited));
        }
        return answers;
    }

    /** The GARD id and slug from the page's canonical or og:url address, when it was saved with one. */
    private static String[] gardIdAndSlug(Document doc) {
        for (Element link : doc.select("link[rel=canonical][href], meta[property=og:url][content]")) {
            String url = link.hasAttr("href") ? link.attr("href") : link.attr("content");
            Matcher m = GARD_URL.matcher(url);
            if (m.find()) {
                return new String[] {m.group(1), m.group(2)};
            }
        }
        return new String[] {null, null};
    }
}
