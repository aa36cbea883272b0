package org.gardpipeline.parse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gardpipeline.detect.Decoder;
import org.gardpipeline.detect.FormatDetector;
import org.gardpipeline.model.Answer;
import org.gardpipeline.model.Format;
import org.gardpipeline.model.Page;
import org.gardpipeline.model.ParsedPage;

/** The one entry point to parsing: detects a document's format by content and runs its parser. */
public final class Parsers {
    /**
     * The largest document parsed: 8 MB, over 50 times the largest GARD page seen (about 145 KB). A bigger
     * file is not a GARD page, and parsing it would need a heap many times its size.
     */
    public static final int MAX_DOCUMENT_BYTES = 8 * 1024 * 1024;

    private Parsers() {
    }

    /**
     * Parses one document.
     *
     * @param bytes the document exactly as fetched
     * @param name  its file name or URL, used in messages
     * @throws ParseException with a reason a person can act on, for every input that is not a GARD page
     */
    public static Page parse(byte[] bytes, String name) throws ParseException {
        return parseWithLayout(bytes, name).page();
    }

    /**
     * Parses one document, with the layout it was read from (the landmarks found and its outline).
     *
     * @throws ParseException as {@link #parse}
     */
    public static ParsedPage parseWithLayout(byte[] bytes, String name) throws ParseException {
        if (bytes.length == 0) {
            throw new ParseException("empty file");
        }
        if (bytes.length > MAX_DOCUMENT_BYTES) {
            throw new ParseException(tooLarge(bytes.length));
        }
        if (looksBinary(bytes)) {
            throw new ParseException("binary content, not a text or HTML document");
        }
        String text = Decoder.decode(bytes);
        Format format = FormatDetector.detect(text).orElseThrow(() -> notAPage(text));
        try {
            ParsedPage parsed = parserFor(format).parseWithLayout(text, name);
            return new ParsedPage(withUniqueSlotKeys(parsed.page()), parsed.layout());
        } catch (RuntimeException | StackOverflowError bug) {
            throw new ParseException(format.key() + " parser failed: " + bug, bug);
        }
    }

    /** Why a text of no known format is refused: one of GARD's lists of pages, which is left out, or unknown. */
    private static ParseException notAPage(String text) {
        return FormatDetector.pageList(text).<ParseException>map(list -> switch (list) {
            case API_DISEASES -> new NotAPageException("GARD API list of diseases (the list endpoint's response), not "
                    + "a disease page: each disease's own record holds what it lists");
            case SITE_PAGES -> new NotAPageException("GARD's list of its disease pages (assets/diseases.trimmed.json), "
                    + "not a disease page: gard fetch fetches the pages it names");
        }).orElseGet(() -> new ParseException("unknown format: not GARD answer text, GARD 2022 HTML, MedQuAD XML, "
                + "GARD question-and-answer HTML or a GARD API record"));
    }

    /** The quarantine reason of a document over {@link #MAX_DOCUMENT_BYTES}; also given without reading it. */
    public static String tooLarge(long bytes) {
        return String.format(java.util.Locale.ROOT,
                "document of %.1f MB exceeds the limit of %d MB; no GARD page is that large, so it is not parsed",
                bytes / (1024.0 * 1024), MAX_DOCUMENT_BYTES / (1024 * 1024));
    }

    private static PageParser parserFor(Format format) {
        return switch (format) {
            case ANSWER_TEXT -> new AnswerTextParser();
            case MEDQUAD_XML -> new MedQuadXmlParser();
            case QA_HTML -> new QaHtmlParser();
            case GARD_2022_HTML -> new Gard2022HtmlParser();
            case API_JSON -> new ApiJsonParser();
        };
    }

    /** NUL bytes or many control characters mean the file is not text in any of the supported encodings. */
    private static boolean looksBinary(byte[] bytes) {
        if (bytes.length >= 2 && ((bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF
                || (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE)) {
            return false; // UTF-16 holds NUL bytes by design
        }
        int sample = Math.min(bytes.length, 8192);
        int control = 0;
        for (int i = 0; i < sample; i++) {
            int b = bytes[i] & 0xFF;
            if (b == 0) {
                return true;
            }
            if (b < 0x09 || b > 0x0D && b < 0x20) {
                control++;
            }
        }
        return control * 20 > sample;
    }

    /** Two answers on one page that map to one slot (two "other" questions alike) get "-2", "-3" suffixes. */
    static Page withUniqueSlotKeys(Page page) {
        Map<String, Integer> seen = new HashMap<>();
        List<Answer> answers = new ArrayList<>();
        boolean renamed = false;
        for (Answer a : page.answers()) {
            int n = seen.merge(a.slotKey(), 1, Integer::sum);
            if (n == 1) {
                answers.add(a);
            } else {
                renamed = true;
                answers.add(new Answer(a.question(), a.topic(), a.slotKey() + "-" + n, a.text(), a.lastUpdated(),
                        a.citations(), a.references()));
            }
        }
        return renamed ? new Page(page.format(), page.gardId(), page.slug(), page.title(), page.synonyms(),
                page.inquiry(), page.facts(), answers, page.references(), page.phenotypes()) : page;
    }
}
