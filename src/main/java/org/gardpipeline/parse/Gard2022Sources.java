package org.gardpipeline.parse;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gardpipeline.model.Reference;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/** The foot of a 2022 page: its "Last Updated" date and its sources and references. */
final class Gard2022Sources {
    private static final Pattern LAST_UPDATED =
            Pattern.compile("(?i)Last Updated:?\\s*([A-Za-z]+)\\.?\\s*(\\d{1,2}),?\\s*(\\d{4})");
    private static final Pattern REFERENCE_LABEL = Pattern.compile("(?i)^References?:\\s*");
    static final Evaluator ARTICLE = QueryParser.parse(".article");
    static final Evaluator LAST_UPDATED_LINE = QueryParser.parse("p:containsOwn(Last Updated)");
    private static final Evaluator LI = QueryParser.parse("li");
    private static final Evaluator A_HREF = QueryParser.parse("a[href]");
    private static final String[] MONTHS = {"january", "february", "march", "april", "may", "june", "july",
        "august", "september", "october", "november", "december"};

    private Gard2022Sources() {
    }

    /** The page's "Last Updated: Nov. 8, 2021" date, from its date block (else from anywhere in the page), or null. */
    static LocalDate lastUpdated(Gard2022Components page) throws ParseException {
        Element bottom = page.get(Gard2022Components.DATE);
        Element where = bottom != null ? bottom : page.get(Gard2022Components.ABOUT);
        for (Element p : where.select(LAST_UPDATED_LINE)) {
            Matcher m = LAST_UPDATED.matcher(Texts.inline(p.text()));
            if (m.find()) {
                return date(m);
            }
        }
        return null;
    }

    /** "Nov. 8, 2021", "Sept. 8, 2021", "November 8 2021": a month name or abbreviation, dot optional. */
    private static LocalDate date(Matcher m) throws ParseException {
        String word = m.group(1).toLowerCase(Locale.ROOT);
        for (int month = 0; month < MONTHS.length; month++) {
            if (word.length() >= 3 && MONTHS[month].startsWith(word)) {
                try {
                    return LocalDate.of(Integer.parseInt(m.group(3)), month + 1, Integer.parseInt(m.group(2)));
                } catch (DateTimeException e) {
                    throw new ParseException("gard-2022-html page states an impossible date: '" + m.group() + "'");
                }
            }
        }
        throw new ParseException("gard-2022-html page states a date with an unknown month: '" + m.group() + "'");
    }

    /**
     * The sources block: each list item is one reference ("Reference: " label dropped); after the bold
     * "Content References:" each entry up to a line break is one. The prose between the lists says what
     * each data source is used for and is not a reference.
     */
    static List<Reference> references(Gard2022Components page) {
        Element sources = page.get(Gard2022Components.SOURCES);
        Element article = sources == null ? null : sources.selectFirst(ARTICLE);
        if (article == null) {
            return List.of();
        }
        List<Reference> references = new ArrayList<>();
        StringBuilder entry = new StringBuilder();
        List<String> links = new ArrayList<>();
        boolean contentReferences = false;
        for (Node node : article.childNodes()) {
            if (node instanceof Element e && (e.nameIs("ul") || e.nameIs("ol"))) {
                for (Element li : e.select(LI)) {
                    addReference(references, Gard2022Text.blockText(li), hrefs(li));
                }
            } else if (node instanceof Element e && (e.nameIs("b") || e.nameIs("strong"))
                    && Texts.inline(e.text()).toLowerCase(Locale.ROOT).startsWith("content references")) {
                contentReferences = true;
            } else if (contentReferences && node instanceof Element e && e.nameIs("br")) {
                addReference(references, entry.toString(), links);
                entry.setLength(0);
                links = new ArrayList<>();
            } else if (contentReferences && node instanceof TextNode t) {
                entry.append(t.text());
            } else if (contentReferences && node instanceof Element e) {
                entry.append(Gard2022Text.blockText(e).replace('\n', ' '));
                links.addAll(hrefs(e));
            } // comments and other non-content nodes are not part of a reference

        }
        addReference(references, entry.toString(), links);
        return references;
    }

    private static List<String> hrefs(Element e) {
        List<String> hrefs = new ArrayList<>();
        if (e.hasAttr("href")) {
            hrefs.add(e.attr("href"));
        }
        for (Element a : e.select(A_HREF)) {
            if (a != e) {
                hrefs.add(a.attr("href"));
            }
        }
        return hrefs;
    }

    /**
     * The citation text is what the reader saw; its URL, PubMed id and DOI come from the text when it holds
     * them, else from the links the citation is made of (the page links titles rather than printing URLs).
     */
    private static void addReference(List<Reference> references, String text, List<String> links) {
        String citation = REFERENCE_LABEL.matcher(Texts.inline(text)).replaceFirst("");
        if (citation.isEmpty()) {
            return;
        }
        int number = references.size() + 1;
        Reference fromText = References.of(number, citation);
        Reference fromLinks = References.of(number, String.join(" ", links).isEmpty() ? "-" : String.join(" ", links));
        references.add(new Reference(number, fromText.citation(),
                fromText.url() != null ? fromText.url() : fromLinks.url(),
                fromText.pmid() != null ? fromText.pmid() : fromLinks.pmid(),
                fromText.doi() != null ? fromText.doi() : fromLinks.doi()));
    }
}
