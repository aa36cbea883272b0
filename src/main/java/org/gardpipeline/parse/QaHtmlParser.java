package org.gardpipeline.parse;

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
    /** The information specialist's closing words: nothing after them belongs to the answer. */
    private static final Pattern SIGN_OFF = Pattern.compile(
            "(?i)^(We hope this information is helpful|Warm regards|Kind regards|Best regards|Sincerely"
                    + "|Please see our Disclaimer)\\b.*");
    /** "Caudal regression sequence | Genetic and Rare Diseases ...": the site name follows a separator. */
    private static final Pattern TITLE_SUFFIX = Pattern.compile("\\s+[|\u2013\u2014-]\\s+.*$");
    /** The page's own address, when saved with it: /gard/6007/caudal-regression-sequence or /diseases/6007/... */
    private static final Pattern GARD_URL = Pattern.compile("/(?:gard|diseases)/(\\d+)(?:/([a-z0-9-]+))?");

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
            if (blocks.get(i).headingLevel() == 1 && !Texts.isBlank(blocks.get(i).text())) {
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
        if (PublishedAnswers.isQuestion(heading)) {
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
            Matcher date = PublishedAnswers.LAST_UPDATED.matcher(line);
            boolean dated = date.matches();
            if (now == State.ANSWER && (dated || SIGN_OFF.matcher(line).matches())) {
                addParagraph(paragraph, now, inquiry, drafts);
                if (dated) {
                    drafts.get(drafts.size() - 1).lastUpdated = PublishedAnswers.date(date, line, "");
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

    /**
     * Numbered entries after the answers: an ordered-list item (numbered by its position, or by a "2. "
     * it writes itself) or a "2. ..." line; an unnumbered line continues the entry before it in the block.
     */
    private static void references(HtmlBlocks.Block block, List<Reference> references) {
        int number = -1;
        StringBuilder citation = new StringBuilder();
        boolean first = true;
        for (String line : block.lines()) {
            Matcher m = PublishedAnswers.NUMBERED_REFERENCE.matcher(line);
            if (line.isEmpty()) {
                PublishedAnswers.addReference(references, number, citation);
                number = -1;
            } else if (m.matches()) {
                PublishedAnswers.addReference(references, number, citation);
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
        PublishedAnswers.addReference(references, number, citation);
    }

    /** Each answer carries the references it cites, in the order of the list, as the text parser does. */
    private static List<Answer> answers(List<Draft> drafts, List<Reference> references) {
        List<Answer> answers = new ArrayList<>();
        for (Draft d : drafts) {
            answers.add(PublishedAnswers.answer(d.question, d.paragraphs, d.lastUpdated, references));
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
