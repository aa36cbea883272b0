package org.gardpipeline.parse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * Accounts for the whole text of the parts of a 2022 page that the parser reads inside a container: every piece
 * of it is read, or is GARD's placeholder, or is furniture the parser knows (labels, view toggles, counts, the
 * mobile copy of a tab list, the generic explainer tabs). {@link Gard2022Landmarks} checks that each section holds
 * what the parser reads; this checks that the parser reads everything those parts hold, so that a renamed class
 * under them (a {@code .tabs-description} become {@code .tab-description}) quarantines the page instead of
 * dropping a paragraph from the answer in silence. The text left over is named, abbreviated, in one line.
 */
final class Gard2022Coverage {
    private static final String CHANGED = "gard-2022-html layout changed: text in <";
    private static final String UPDATE = "; the parser must learn the new markup before this page can be read";
    /** Furniture of a causes block: the mobile copy of its tab list and the explainer tabs every page shares. */
    static final Evaluator TABS_MOBILE = QueryParser.parse(".tabs-mobile");
    static final Evaluator TAB_CONTENT = QueryParser.parse(".tab-content");
    /** A tab list's "Questions:" and a frequency bar's "Uncommon" / "Always". */
    static final Evaluator LABEL = QueryParser.parse(".label");
    /** A slide's furniture: "Medical Term", "Frequency" and the term's description, which is HPO's, not GARD's. */
    static final Evaluator SLIDE_FURNITURE = QueryParser.parse(
            ".medical-term, .frequency-text, .symptom-list-synonym-or-description");
    /**
     * The symptoms section's furniture: the intro, a body system's explainer, the List / Tile View toggle, the HPO
     * credit, the body-system filters; matched during the walk of the section's text (they are the parts it meets).
     */
    static final Evaluator SYMPTOMS_FURNITURE = QueryParser.parse(
            ".header-sub, .person-text, toggle-controller, .symptom-footer, .filters");
    /** The count of the list, which the section shows twice ("47 Symptoms"). */
    private static final Pattern COUNT = Pattern.compile("\\b\\d+ Symptoms?\\b");
    /** The body-system filters, of which the section names the one in view beside the count ("Nervous System"). */
    private static final Evaluator SYSTEM_FILTERS = QueryParser.parse(".filters");
    static final Evaluator SR_ONLY = QueryParser.parse(".sr-only");
    static final Evaluator INACTIVE = QueryParser.parse(".inactive");
    private static final Evaluator ACTIVE = QueryParser.parse(".active");
    private static final Evaluator HOST = QueryParser.parse(".host");
    private static final Evaluator GHOST = QueryParser.parse(".ghost");
    private static final Evaluator HOST_OR_GHOST = QueryParser.parse(".host, .ghost");
    private static final Evaluator CLAMPER = QueryParser.parse(".clamper");
    private static final Evaluator AGE_PARTS = QueryParser.parse(".under-title, .under-under-age-range");

    private Gard2022Coverage() {
    }

    /**
     * A block of the Causes section: its heading, descriptions and first tab list are read; the tab list's label,
     * the mobile copy and the tab contents are furniture. Anything else is text the parser does not read.
     */
    static void causesBlock(Element block) throws ParseException {
        Set<Element> parts = identitySet();
        Element heading = Gard2022Answers.blockHeading(block);
        if (heading != null) {
            parts.add(heading);
        }
        List<Element> descriptions = block.select(Gard2022Answers.TABS_DESCRIPTION);
        clamps(descriptions, List.of());
        parts.addAll(descriptions);
        Element tabs = Gard2022Answers.blockTabs(block);
        if (tabs != null) {
            parts.addAll(tabs.select(LABEL));
        }
        parts.addAll(block.select(TABS_MOBILE));
        parts.addAll(block.select(TAB_CONTENT));
        require(Gard2022Components.CAUSES, block, parts);
    }

    /**
     * The Symptoms section with a list: the list, each search entry (term and lay names) and each slide (term and
     * frequency) are read whole; the rest is furniture: the bar header, the intro, labels, toggles, the count.
     */
    static void symptoms(Element section, Element barHeader, Gard2022Parts found) throws ParseException {
        String name = Gard2022Components.SYMPTOMS;
        Set<Element> parts = identitySet();
        if (barHeader != null) {
            parts.add(barHeader);
        }
        parts.addAll(found.symptomLists());
        for (Element dropdown : found.dropdowns()) {
            for (Element entry : dropdown.children()) {
                // an entry's text is its term and its lay names (each a div of its own), all children of the entry:
                // looking at its children, with no set or select for each of the hundreds of entries, keeps this cheap
                for (Node child : entry.childNodes()) {
                    boolean read = child instanceof Element e && (e.nameIs("div") || e.is(Gard2022Answers.MAIN_TERM));
                    String text = read ? "" : child instanceof TextNode t ? t.text()
                            : child instanceof Element e && e.hasText() ? Gard2022Text.textOutside(e, Set.of()) : "";
                    if (!text.isBlank()) {
                        throw unread(name, Texts.inline(text));
                    }
                }
            }
            parts.add(dropdown);
        }
        for (Element slide : found.slides()) {
            Set<Element> read = identitySet();
            read.addAll(slide.select(Gard2022Answers.MEDICAL_TERM_HEADER));
            read.addAll(slide.select(LABEL));
            read.addAll(slide.select(SLIDE_FURNITURE));
            for (Element marker : slide.select(Gard2022Answers.MARKER_TEXT)) {
                require(name, marker, identitySet(marker.select(Gard2022Answers.TEXT)));
                read.add(marker);
            }
            require(name, slide, read);
            parts.add(slide);
        }
        String rest = Texts.inline(Gard2022Text.textOutside(section, parts, SYMPTOMS_FURNITURE));
        if (!rest.isEmpty() && !isSystemInView(parts, Texts.inline(COUNT.matcher(rest).replaceAll(" ")))) {
            throw unread(name, rest);
        }
    }

    /** True when the text is empty or the name of one of the body-system filters among the section's parts. */
    private static boolean isSystemInView(Set<Element> parts, String text) {
        if (text.isEmpty()) {
            return true;
        }
        for (Element part : parts) {
            if (!part.is(SYSTEM_FILTERS)) {
                continue;
            }
            for (Element filter : part.select(Gard2022Answers.BUTTON)) {
                if (Texts.inline(filter.text()).equalsIgnoreCase(text)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * An age group of the age of onset: its title and range, and, when it is highlighted, the screen readers'
     * "Selected" in its title, which the parser leaves out of the fact; it is highlighted or not, nothing else.
     */
    static void ageGroup(Element under) throws ParseException {
        String name = Gard2022Components.AGE_AT_ONSET;
        boolean active = under.is(ACTIVE);
        if (active == under.is(INACTIVE)) {
            throw new ParseException("gard-2022-html layout changed: an age group in <" + name + "> is neither "
                    + ".active nor .inactive: '" + abbreviated(Texts.inline(under.text())) + "'" + UPDATE);
        }
        if (active && under.selectFirst(SR_ONLY) == null) {
            throw new ParseException("gard-2022-html layout changed: the highlighted age group in <" + name
                    + "> has no .sr-only 'Selected': '" + abbreviated(Texts.inline(under.text())) + "'" + UPDATE);
        }
        require(name, under, identitySet(under.select(AGE_PARTS)));
    }

    /**
     * The clamped texts of the parts that are read as a reader reads them (skipping ghosts and buttons): each is a
     * {@code .host} the reader sees beside its measuring {@code .ghost} copy, and in a {@code .clamper} nothing else but
     * "Read More" / "Read Less" buttons. A renamed ghost would be read twice, a renamed button read as text: both
     * refuse the page instead. The Other Names are such a text, read from their host. (The symptoms' terms, the
     * categories and the ages are read from elements of their own; the explainer tabs and HPO's descriptions, clamped
     * too, are not read.)
     */
    static void clamps(List<Element> roots, List<Element> synonymLists) throws ParseException {
        for (Element list : synonymLists) {
            for (Element host : list.select(HOST)) {
                if (host.parent() == null || !host.parent().is(CLAMPER)) {
                    throw new ParseException("gard-2022-html layout changed: the Other Names in dl.synonyms are not in a "
                            + ".clamper: '" + abbreviated(Texts.inline(host.text())) + "'" + UPDATE);
                }
            }
        }
        List<Element> clamped = new ArrayList<>();
        for (Element root : roots) {
            clamped.addAll(root.select(HOST_OR_GHOST));
        }
        for (Element e : clamped) {
            Evaluator pair = e.is(HOST) ? GHOST : HOST;
            Element parent = e.parent();
            if (parent == null || parent.children().stream().noneMatch(sibling -> sibling.is(pair))) {
                throw new ParseException("gard-2022-html layout changed: a clamped text without its " + pair + " copy: '"
                        + abbreviated(Texts.inline(e.text())) + "'" + UPDATE);
            }
            if (e.is(HOST) && parent.is(CLAMPER)) {
                require("clamper", parent, identitySet(parent.select(HOST_OR_GHOST)));
            }
        }
    }

    /** Throws naming the section and the text when the element shows text outside the given parts. */
    private static void require(String section, Element element, Set<Element> parts) throws ParseException {
        String rest = Texts.inline(Gard2022Text.textOutside(element, parts));
        if (!rest.isEmpty()) {
            throw unread(section, rest);
        }
    }

    private static ParseException unread(String section, String text) {
        return new ParseException(CHANGED + section + "> that the parser does not read: \"" + abbreviated(text) + "\""
                + UPDATE);
    }

    private static String abbreviated(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "..." : text;
    }

    private static Set<Element> identitySet() {
        return Collections.newSetFromMap(new IdentityHashMap<>());
    }

    private static Set<Element> identitySet(List<Element> elements) {
        Set<Element> set = identitySet();
        set.addAll(elements);
        return set;
    }
}
