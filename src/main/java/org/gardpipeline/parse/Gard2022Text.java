package org.gardpipeline.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/** The text a reader sees in the elements of a 2022 page, and GARD's placeholder for a section it has not written. */
final class Gard2022Text {
    /** What GARD shows in a section it has not written yet; such a section yields no answer or fact. */
    static final Pattern PLACEHOLDER = Pattern.compile("(?i)^This section is currently in development\\b.*");
    /** Elements whose text is not content: button labels, tooltips, scripts (icons are empty {@code <i>}s). */
    private static final Set<String> SKIPPED_TAGS = Set.of("script", "style", "noscript", "template", "button", "img",
            "app-tooltip", "svg");
    /**
     * Layout copies, "Read More" / "Read Less", screen readers' labels ("Selected"): a selector for each class, tried in
     * turn as the class names were (one selector of the three was slower in the profile of the page walk), so that
     * Gard2022RenameTest finds them among the parser's selectors.
     */
    private static final List<Evaluator> SKIPPED_CLASSES = List.of(QueryParser.parse(".ghost"),
            QueryParser.parse(".read-button"), QueryParser.parse(".sr-only"));

    private Gard2022Text() {
    }

    /**
     * The text a reader sees in an element: block elements and double line breaks separate paragraphs
     * (blank line), one {@code <br>} is a line break, and whitespace inside text is collapsed first so that
     * re-indented markup reads the same. Layout copies, icons, button labels and tooltips are skipped.
     */
    static String blockText(Element element) {
        StringBuilder out = new StringBuilder();
        appendText(element, out, Set.of());
        return out.toString();
    }

    /**
     * The text a reader sees in an element outside the given parts (elements skipped with their subtrees), as
     * one line: what a section shows that none of its known parts holds.
     */
    static String textOutside(Element element, Set<Element> parts) {
        StringBuilder out = new StringBuilder();
        appendText(element, out, parts);
        return Texts.inline(out.toString());
    }

    /**
     * As {@link #textOutside(Element, Set)}, also leaving out the elements {@code furniture} matches, each added to
     * the parts as it is met: matching only the elements the walk reaches costs less than a select over the element.
     */
    static String textOutside(Element element, Set<Element> parts, Evaluator furniture) {
        StringBuilder out = new StringBuilder();
        appendText(element, out, parts, furniture);
        return Texts.inline(out.toString());
    }

    private static void appendText(Node node, StringBuilder out, Set<Element> parts) {
        appendText(node, out, parts, null);
    }

    private static void appendText(Node node, StringBuilder out, Set<Element> parts, Evaluator furniture) {
        for (Node child : node.childNodes()) {
            if (child instanceof TextNode t) {
                out.append(t.text());
            } else if (child instanceof Element e && !skipped(e) && !parts.contains(e)) {
                if (furniture != null && furniture.matches(e, e)) {
                    parts.add(e);
                } else if (e.nameIs("br")) {
                    out.append('\n');
                } else if (HtmlBlocks.isBlock(e)) {
                    out.append("\n\n");
                    appendText(e, out, parts, furniture);
                    out.append("\n\n");
                } else {
                    appendText(e, out, parts, furniture);
                }
            }
        }
    }

    private static boolean skipped(Element e) {
        if (SKIPPED_TAGS.contains(e.normalName())) {
            return true;
        }
        for (Evaluator c : SKIPPED_CLASSES) {
            if (c.matches(e, e)) {
                return true;
            }
        }
        return false;
    }

    /** The paragraphs joined as answer text, each paragraph that is GARD's placeholder left out. */
    static String withoutPlaceholders(List<String> paragraphs) {
        List<String> kept = new ArrayList<>();
        for (String paragraph : paragraphs) {
            for (String p : Texts.paragraphs(paragraph).split("\n\n")) {
                if (!PLACEHOLDER.matcher(p).matches()) {
                    kept.add(p);
                }
            }
        }
        return Texts.paragraphs(kept);
    }

    /** True when the element's text, read as paragraphs, holds GARD's placeholder. */
    static boolean showsPlaceholder(Element element) {
        for (String p : Texts.paragraphs(blockText(element)).split("\n\n")) {
            if (PLACEHOLDER.matcher(p).matches()) {
                return true;
            }
        }
        return false;
    }

    /** The first element under the root (or the root) that the evaluator matches, else the root. */
    static Element firstOrSelf(Element root, Evaluator evaluator) {
        Element found = root.selectFirst(evaluator);
        return found == null ? root : found;
    }
}
