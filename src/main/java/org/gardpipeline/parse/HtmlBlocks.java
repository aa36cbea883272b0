package org.gardpipeline.parse;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.jsoup.select.QueryParser;

/**
 * Reads an HTML page as the sequence of text blocks a reader sees, top to bottom: each heading, paragraph
 * and list item is one block, whatever divs wrap it, and text that sits directly in a div between two
 * blocks is a block of its own. {@code <br>} breaks a block into lines; source line breaks do not.
 */
final class HtmlBlocks {
    /**
     * One block of text.
     *
     * @param text         its text, lines separated by '\n', other whitespace as the page had it
     * @param headingLevel 1 to 6 inside {@code <h1>}..{@code <h6>}, else 0
     * @param listNumber   the item's number inside an ordered list ({@code start}/{@code value} honoured), else 0
     */
    record Block(String text, int headingLevel, int listNumber) {
        boolean isHeading() {
            return headingLevel > 0;
        }

        /** The lines of the block, each normalised with {@link Texts#inline}; a blank line is kept as "". */
        List<String> lines() {
            List<String> lines = new ArrayList<>();
            for (String line : text.split("\n", -1)) {
                lines.add(Texts.inline(line));
            }
            return lines;
        }
    }

    /** The HTML elements that begin a new paragraph of what a reader sees: the one list of the parsers. */
    private static final Set<String> BLOCK_TAGS = Set.of("address", "article", "aside", "blockquote", "body",
            "caption", "dd", "details", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form",
            "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section",
            "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul");
    /** Never part of what the page says: code, styling, forms, embedded media. */
    private static final Evaluator NEVER_CONTENT = QueryParser.parse("script, style, noscript, template, svg, iframe, "
            + "object, form, button, select, [hidden], [aria-hidden=true]");
    /** Site chrome: navigation and the site-wide banner and footer, never the page's own content. */
    private static final Evaluator CHROME = QueryParser.parse("nav, aside, [role=navigation], [role=banner], "
            + "[role=contentinfo], [role=search], [class~=(?i)breadcrumb], [class~=(?i)skip-?link]");
    private static final Evaluator HEADER_OR_FOOTER = QueryParser.parse("header, footer");
    /** Line breaks and tabs inside a text node read as one space. */
    private static final Pattern LINE_BREAKS = Pattern.compile("[\\r\\n\\t]+");

    /** True for an element that starts a paragraph of its own. */
    static boolean isBlock(Element e) {
        return BLOCK_TAGS.contains(e.normalName());
    }

    private HtmlBlocks() {
    }

    /**
     * The body with scripts, forms, navigation and the site header and footer removed. A header or footer
     * inside the page's {@code main} or {@code article} is kept, since it may hold the page's own title.
     */
    static Element withoutChrome(Document doc) {
        Element body = doc.body();
        body.select(NEVER_CONTENT).remove();
        body.select(CHROME).remove();
        for (Element e : body.select(HEADER_OR_FOOTER)) {
            if (e.parents().stream().noneMatch(p -> p.nameIs("main") || p.nameIs("article")
                    || "main".equals(p.attr("role")))) {
                e.remove();
            }
        }
        return body;
    }

    /** The blocks of the element in document order; blocks with no visible text are left out. */
    static List<Block> of(Element root) {
        Collector collector = new Collector();
        NodeTraversor.traverse(collector, root);
        collector.flush();
        return collector.blocks;
    }

    /**
     * The paragraphs a reader sees in the blocks: each block one paragraph, except that a blank line inside it
     * ({@code <br><br>}) parts two, as a blank line does in GARD's plain-text answers; lines joined by one
     * {@code <br>} read as one paragraph.
     */
    static List<String> paragraphs(List<Block> blocks) {
        List<String> paragraphs = new ArrayList<>();
        for (Block block : blocks) {
            paragraphs.addAll(Texts.paragraphsOfLines(block.lines()));
        }
        return paragraphs;
    }

    /** Gathers text until a block element opens or closes, then emits it as a block of the innermost open one. */
    private static final class Collector implements NodeVisitor {
        final List<Block> blocks = new ArrayList<>();
        final Deque<Element> open = new ArrayDeque<>();
        final StringBuilder text = new StringBuilder();

        @Override
        public void head(Node node, int depth) {
            if (node instanceof TextNode t) {
                text.append(LINE_BREAKS.matcher(t.getWholeText()).replaceAll(" "));
            } else if (node instanceof Element e && e.nameIs("br")) {
                text.append('\n');
            } else if (node instanceof Element e && isBlock(e)) {
                flush();
                open.push(e);
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (node instanceof Element e && isBlock(e)) {
                flush();
                open.pop();
            }
        }

        void flush() {
            String raw = text.toString();
            if (!Texts.isBlank(raw)) {
                blocks.add(new Block(raw, headingLevel(), listNumber()));
            }
            text.setLength(0);
        }

        private int headingLevel() {
            for (Element e : open) {
                String tag = e.normalName();
                if (tag.length() == 2 && tag.charAt(0) == 'h' && tag.charAt(1) >= '1' && tag.charAt(1) <= '6') {
                    return tag.charAt(1) - '0';
                }
            }
            return 0;
        }

        /** The number of the innermost open list item when its list is ordered. */
        private int listNumber() {
            for (Element e : open) {
                if (e.nameIs("li")) {
                    Element list = e.parent();
                    return list != null && list.nameIs("ol") ? numberOf(e, list) : 0;
                }
            }
            return 0;
        }

        private static int numberOf(Element item, Element list) {
            int n = parsePositive(list.attr("start"), 1);
            for (Element child : list.children()) {
                if (child.nameIs("li")) {
                    n = parsePositive(child.attr("value"), n);
                    if (child == item) {
                        return n;
                    }
                    n++;
                }
            }
            return 0;
        }

        private static int parsePositive(String value, int fallback) {
            try {
                int n = Integer.parseInt(value.strip());
                return n > 0 ? n : fallback;
            } catch (NumberFormatException e) {
                return fallback;
            }
        }
    }
}
