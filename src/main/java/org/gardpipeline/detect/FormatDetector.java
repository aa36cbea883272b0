package org.gardpipeline.detect;

import java.util.Optional;
import java.util.regex.Pattern;
import org.gardpipeline.model.Format;

/** Recognises a document's format from its text, never from its file name. */
public final class FormatDetector {
    private static final Pattern LAST_UPDATED_LINE =
            Pattern.compile("(?im)^\\s*Last updated:\\s*\\d{1,2}/\\d{1,2}/\\d{4}\\s*$");
    /** "Last updated: 9/10/2015", also as "Last updated:</em> <span>9/10/2015". */
    private static final Pattern QA_LAST_UPDATED =
            Pattern.compile("(?i)Last updated:\\s*(?:<[^<>]{0,300}>\\s*){0,4}\\d{1,2}/\\d{1,2}/\\d{4}\\b");
    private static final Pattern MEDQUAD_ROOT = Pattern.compile("<Document[\\s>]");
    private static final int SNIFF_CHARS = 4096;
    private static final String[] API_PARTS = {"\"mainPropery\"", "\"overviewQuestion\"", "\"basicQuestions\"",
        "\"gardCases\""};

    private FormatDetector() {
    }

    /** The format of the text, or empty when it is none the pipeline knows. */
    public static Optional<Format> detect(String text) {
        String head = head(text);
        if (head.startsWith("{")) {
            return isApiRecord(text) ? Optional.of(Format.API_JSON) : Optional.empty();
        }
        if (head.startsWith("<")) {
            // An XML prolog does not make a document MedQuAD: XHTML pages start with one too.
            return isMedQuad(head, text) ? Optional.of(Format.MEDQUAD_XML) : detectHtml(head, text);
        }
        if (LAST_UPDATED_LINE.matcher(text).find()
                || head.contains("Genetic and Rare Diseases Information Center")) {
            return Optional.of(Format.ANSWER_TEXT);
        }
        return Optional.empty();
    }

    /**
     * A record of GARD's API: a JSON object with the parts only its records have. Found anywhere in the text, so
     * that a record missing its first part (the disease) is refused by the parser with that reason rather than
     * as an unknown format.
     */
    private static boolean isApiRecord(String text) {
        for (String part : API_PARTS) {
            if (text.contains(part)) {
                return true;
            }
        }
        return false;
    }

    /** GARD's own lists of its pages: documents the pipeline knows that hold no page. */
    public enum PageList {
        /** The API's list endpoint ({@code diseases.json}: {@code {"totalSize":6061,"records":[{"diseaseId"...}]}}). */
        API_DISEASES,
        /** The current site's list ({@code assets/diseases.trimmed.json}: {@code [{"id":..,"encodedName":..}, ...]}). */
        SITE_PAGES
    }

    /** Which of GARD's lists of pages the text is, if any; asked only of a text {@link #detect} found no format in. */
    public static Optional<PageList> pageList(String text) {
        String head = head(text);
        if (head.startsWith("{") && head.contains("\"records\"") && head.contains("\"diseaseId\"")) {
            return Optional.of(PageList.API_DISEASES);
        }
        if (head.startsWith("[") && head.contains("\"encodedName\"") && head.contains("\"id\"")) {
            return Optional.of(PageList.SITE_PAGES);
        }
        return Optional.empty();
    }

    /** The first characters of the text, leading white space and a BOM the caller did not decode away skipped. */
    private static String head(String text) {
        String head = text.substring(0, Math.min(text.length(), SNIFF_CHARS)).stripLeading();
        return head.startsWith("\uFEFF") ? head.substring(1).stripLeading() : head;
    }

    /**
     * MedQuAD's root is {@code <Document ...>} and its first child {@code <Focus>}; the head alone decides
     * unless a long prolog pushed the Focus out of it, when a {@code <QAPairs>} anywhere will do.
     */
    private static boolean isMedQuad(String head, String text) {
        // the plain search rules out HTML pages, which never match, without running the regex over the head
        return head.contains("<Document") && MEDQUAD_ROOT.matcher(head).find()
                && (head.contains("<Focus") || text.contains("<QAPairs"));
    }

    private static Optional<Format> detectHtml(String head, String text) {
        // The head of a 2022 page already holds _ngcontent- attributes; the whole text is searched only when not.
        if (isAngular(head) || isAngular(text)) {
            return Optional.of(Format.GARD_2022_HTML);
        }
        // One linear search, no copy of the page: the date may sit in its own element after the label.
        if (QA_LAST_UPDATED.matcher(text).find()) {
            return Optional.of(Format.QA_HTML);
        }
        return Optional.empty();
    }

    private static boolean isAngular(String text) {
        return text.contains("_ngcontent-") || text.contains("ng-version") || text.contains("scully");
    }
}
