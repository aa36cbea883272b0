package org.gardpipeline.parse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * The parts of one 2022 page that the parser reads, found in a single walk over the document: the first
 * element of each Angular component, the title, the synonym lists, the canonical link and the first link to a
 * disease page; the same walk takes the outline of the content area.
 */
final class Gard2022Components {
    static final Pattern DISEASE_LINK = Pattern.compile("/diseases/(\\d+)/([^/?#\\s]+)");
    static final String ABOUT = "app-disease-about";
    static final String SUMMARY = "app-disease-at-a-glance-summary";
    static final String PEOPLE_AFFECTED = "app-disease-at-a-glance-people-affected";
    static final String CATEGORIES = "app-disease-at-a-glance-categories";
    static final String AGE_AT_ONSET = "app-age-at-onset";
    static final String SYMPTOMS = "app-symptoms-section";
    static final String CAUSES = "app-causes-container";
    static final String DATE = "app-bottom-sources-date-information";
    static final String SOURCES = "app-view-sources-references";
    /** The Angular components a page is made of. */
    private static final Set<String> COMPONENTS = Set.of(ABOUT, "app-footer", "footer", SUMMARY, PEOPLE_AFFECTED,
            CATEGORIES, AGE_AT_ONSET, SYMPTOMS, CAUSES, DATE, SOURCES);
    // The title's and the synonyms' classes are tested by selectors, not by hasClass, so that every name the parser
    // selects on is in one of its selectors (Gard2022RenameTest renames each); the tag is compared first, for speed
    private static final Evaluator TITLE = QueryParser.parse("h1.title");
    private static final Evaluator SYNONYMS = QueryParser.parse("dl.synonyms");
    private final Map<String, Element> first = new HashMap<>();
    private final List<Element> synonymLists = new ArrayList<>();
    private final Gard2022Outline outline = new Gard2022Outline();
    private Element title;
    private Element canonical;
    private Element diseaseLink;

    Gard2022Components(Document doc) {
        // the content area is a run of the walk: from app-disease-about to the first element after its subtree
        boolean inAbout = false;
        Element afterAbout = null;
        for (Element e : doc.getAllElements()) {
            if (inAbout && e == afterAbout) {
                inAbout = false;
            }
            String tag = e.normalName();
            if (tag.equals(ABOUT) && !first.containsKey(ABOUT)) {
                inAbout = true;
                afterAbout = afterSubtree(e);
            }
            if (inAbout) {
                outline.add(e);
            }
            if (COMPONENTS.contains(tag)) {
                first.putIfAbsent(tag, e);
            } else if (title == null && tag.equals("h1") && TITLE.matches(doc, e)) {
                title = e;
            } else if (tag.equals("dl") && SYNONYMS.matches(doc, e)) {
                synonymLists.add(e);
            } else if (diseaseLink == null && tag.equals("a") && e.attr("href").contains("/diseases/")
                    && DISEASE_LINK.matcher(e.attr("href")).find()) {
                diseaseLink = e;
            } else if (canonical == null && tag.equals("link") && e.attr("rel").equalsIgnoreCase("canonical")) {
                canonical = e;
            }
        }
    }

    /** The first element in document order after the element and its descendants, or null. */
    private static Element afterSubtree(Element e) {
        for (Element at = e; at != null; at = at.parent()) {
            Element next = at.nextElementSibling();
            if (next != null) {
                return next;
            }
        }
        return null;
    }

    /** The SHA-256 (hex) of the outline of the content area ({@link Gard2022Outline}). */
    String outline() {
        return outline.sha256();
    }

    /** The first element of the component, or null. */
    Element get(String component) {
        return first.get(component);
    }

    /** The {@code h1.title} disease name, or null. */
    Element title() {
        return title;
    }

    /** The "Other Names" lists ({@code dl.synonyms}), each copy the page renders. */
    List<Element> synonymLists() {
        return synonymLists;
    }

    /** The canonical link, then the first link to a disease page; either may be null. */
    Element[] identityLinks() {
        return new Element[] {canonical, diseaseLink};
    }
}
