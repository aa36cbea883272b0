package org.gardpipeline.parse;

import static org.gardpipeline.parse.Gard2022Components.ABOUT;
import static org.gardpipeline.parse.Gard2022Components.AGE_AT_ONSET;
import static org.gardpipeline.parse.Gard2022Components.CATEGORIES;
import static org.gardpipeline.parse.Gard2022Components.CAUSES;
import static org.gardpipeline.parse.Gard2022Components.DATE;
import static org.gardpipeline.parse.Gard2022Components.PEOPLE_AFFECTED;
import static org.gardpipeline.parse.Gard2022Components.SOURCES;
import static org.gardpipeline.parse.Gard2022Components.SUMMARY;
import static org.gardpipeline.parse.Gard2022Components.SYMPTOMS;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * What a GARD 2022 "About the Disease" page always has, checked before it is read, so that a change of the
 * site's markup is reported as such and never read as a section that GARD removed or rewrote.
 *
 * <p>Every landmark was found in all 5,910 pages saved on 2022-12-20: the components of the page (summary,
 * population, categories, age of onset, symptoms, causes, date, sources), the disease name, the "Other Names"
 * list, a link to the page's own {@code /diseases/<id>/<slug>}, the "Last Updated" line in the date block and
 * the sources article. Each section shows either what the parser reads in it or GARD's placeholder "This section
 * is currently in development" (categories may be empty); text in a section outside the parts the parser reads
 * is text it cannot attribute. A page that lacks a landmark or holds such text is refused with a reason naming
 * the landmark ("layout changed: no &lt;app-symptoms-section&gt; in the page"). Inside the parts it reads,
 * {@link Gard2022Coverage} checks that the parser reads all they hold.
 */
final class Gard2022Landmarks {
    private static final String CHANGED = "gard-2022-html layout changed: ";
    private static final String UPDATE = "; the parser must learn the new markup before this page can be read";
    /** The age section's generic explainers: its question and definition, the legend, the data source. */
    private static final Evaluator AGE_EXPLAINERS = QueryParser.parse(".left, .lower-text, .onset-footer");
    /** The generic sentences under the symptoms bar ("This list does not include every symptom."). */
    private static final Evaluator SYMPTOMS_INTRO = QueryParser.parse(".header-sub");

    /**
     * An empty Angular comment saved with a space after its '<' ("&lt; !----&gt;"), which a parser reads as text; the
     * page 1q-duplications has one in its empty Categories. A reader sees the same stray marks all over that page,
     * so it is not text of the section.
     */
    private static final Pattern BROKEN_COMMENT = Pattern.compile("<\\s+!-*>");

    private Gard2022Landmarks() {
    }

    /**
     * Checks the page's layout (the page is known to end with its footer and to have its about component and
     * title) and returns the landmarks it shows, in page order; throws naming the first one missing.
     */
    static List<String> check(Gard2022Components page, Gard2022Parts parts) throws ParseException {
        List<String> found = new ArrayList<>(List.of(ABOUT, "h1.title"));
        for (String component : List.of(SUMMARY, PEOPLE_AFFECTED, CATEGORIES, AGE_AT_ONSET, SYMPTOMS, CAUSES, DATE,
                SOURCES)) {
            if (page.get(component) == null) {
                throw changed("no <" + component + "> in the page");
            }
        }
        if (page.synonymLists().isEmpty()) {
            throw changed("no <dl class=\"synonyms\"> (Other Names) in the page");
        }
        found.add("dl.synonyms");
        if (Gard2022HtmlParser.idAndSlug(page)[0] == null) {
            throw changed("no link to the page's own /diseases/<id>/<slug> in the page");
        }
        found.add("/diseases/<id>/<slug> link");
        // the parts read as a reader reads them (skipping ghosts and buttons); the causes blocks' descriptions are
        // checked with the blocks, and the categories, the ages and the symptoms are read from elements of their own
        List<Element> read = new ArrayList<>(page.synonymLists());
        read.add(page.get(SUMMARY));
        read.add(page.get(PEOPLE_AFFECTED));
        read.addAll(parts.causesTexts());
        Gard2022Coverage.clamps(read, page.synonymLists());
        found.add(summary(page.get(SUMMARY)));
        found.add(section(page.get(PEOPLE_AFFECTED), Gard2022Facts.CONTENT_WRAPPER, ".content-wrapper", true,
                Gard2022Answers.HEADING, true));
        found.add(section(page.get(CATEGORIES), Gard2022Facts.CATEGORY, ".category", false, Gard2022Answers.HEADING, true));
        found.add(section(page.get(AGE_AT_ONSET), Gard2022Facts.UNDER, ".under", true, AGE_EXPLAINERS, false));
        for (Element under : page.get(AGE_AT_ONSET).select(Gard2022Facts.UNDER)) {
            Gard2022Coverage.ageGroup(under);
        }
        found.add(symptoms(page.get(SYMPTOMS), parts));
        found.add(causes(page.get(CAUSES), parts));
        if (page.get(DATE).selectFirst(Gard2022Sources.LAST_UPDATED_LINE) == null) {
            throw changed("no 'Last Updated' line in <" + DATE + ">");
        }
        found.add(DATE + ": Last Updated");
        if (page.get(SOURCES).selectFirst(Gard2022Sources.ARTICLE) == null) {
            throw changed("no .article in <" + SOURCES + ">");
        }
        found.add(SOURCES + ": .article");
        return found;
    }

    private static ParseException changed(String what) {
        return new ParseException(CHANGED + what + UPDATE);
    }

    /** The heading of a section (its first), which names it and is no part of its content. */
    private static Element heading(Element component) {
        return component.selectFirst(Gard2022Answers.HEADING);
    }

    /** The summary: a heading and, after it, the summary text or the placeholder. */
    private static String summary(Element summary) throws ParseException {
        String text = outside(summary, parts(heading(summary)));
        if (text.isEmpty()) {
            throw changed("<" + SUMMARY + "> shows neither a summary nor GARD's placeholder");
        }
        return SUMMARY + (isPlaceholder(text) ? ": placeholder" : ": text");
    }

    /**
     * A section read from its parts (matched by {@code content}) besides its heading or explainers (the elements
     * {@code known} matches, only the first when {@code firstKnownOnly}): it shows them, or the placeholder, or (when
     * not {@code required}) nothing; any other text in it cannot be attributed.
     */
    private static String section(Element component, Evaluator content, String contentName, boolean required,
                                  Evaluator known, boolean firstKnownOnly) throws ParseException {
        String name = component.normalName();
        List<Element> contents = component.select(content);
        Set<Element> parts = parts(null);
        parts.addAll(contents);
        List<Element> explainers = component.select(known);
        parts.addAll(firstKnownOnly && !explainers.isEmpty() ? explainers.subList(0, 1) : explainers);
        String outside = outside(component, parts);
        if (!outside.isEmpty() && !isPlaceholder(outside)) {
            throw unattributed(name, outside, contentName);
        }
        if (!contents.isEmpty()) {
            return name + ": " + contentName;
        }
        if (isPlaceholder(outside) || Gard2022Text.showsPlaceholder(component)) {
            return name + ": placeholder";
        }
        if (required) {
            throw changed("<" + name + "> has no " + contentName + " and is not GARD's placeholder");
        }
        return name + ": empty";
    }

    /**
     * Symptoms: the symptom list with its items, the search list (synonyms) and the carousel (frequencies); or,
     * without a list, GARD's placeholder and nothing else beside the bar header and the generic intro. A section
     * with a list also holds the body-system navigation and view toggles, which say nothing of the disease.
     */
    private static String symptoms(Element section, Gard2022Parts found) throws ParseException {
        Element list = found.symptomList();
        if (list != null) {
            if (list.selectFirst(Gard2022Answers.LIST_ITEM_BUTTON) == null) {
                throw changed(".symptom-list-container in <" + SYMPTOMS + "> holds no button.list-item");
            }
            if (found.dropdown() == null) {
                throw changed("<" + SYMPTOMS + "> has a .symptom-list-container but no .dropdown-list");
            }
            if (found.slides().isEmpty()) {
                throw changed("<" + SYMPTOMS + "> has a .symptom-list-container but no .carousel-slide");
            }
            Gard2022Coverage.symptoms(section, Gard2022Answers.barHeader(section), found);
            return SYMPTOMS + ": .symptom-list-container";
        }
        Set<Element> parts = parts(Gard2022Answers.barHeader(section));
        parts.addAll(section.select(SYMPTOMS_INTRO));
        String outside = outside(section, parts);
        if (outside.isEmpty() && Gard2022Text.showsPlaceholder(section)) {
            return SYMPTOMS + ": placeholder";
        }
        if (outside.isEmpty() || isPlaceholder(outside)) {
            throw changed("<" + SYMPTOMS + "> has no .symptom-list-container and is not GARD's placeholder");
        }
        throw unattributed(SYMPTOMS, outside, "placeholder (it has no .symptom-list-container)");
    }

    /** Causes: its text paragraphs and its blocks of tabs (the placeholder sits in a text paragraph). */
    private static String causes(Element section, Gard2022Parts found) throws ParseException {
        List<Element> texts = found.causesTexts();
        List<Element> blocks = found.causesBlocks();
        Set<Element> parts = parts(Gard2022Answers.barHeader(section));
        parts.addAll(texts);
        parts.addAll(blocks);
        String outside = outside(section, parts);
        if (!outside.isEmpty()) {
            throw unattributed(CAUSES, outside, ".causes-text or .causes-tabs-container");
        }
        if (texts.isEmpty() && blocks.isEmpty()) {
            throw changed("<" + CAUSES + "> has no .causes-text or .causes-tabs-container");
        }
        for (Element block : blocks) {
            Gard2022Coverage.causesBlock(block);
        }
        return CAUSES + ": " + (blocks.isEmpty() ? ".causes-text" : ".causes-tabs-container");
    }

    /** The text of the section outside its known parts, stray comment marks left out. */
    private static String outside(Element section, Set<Element> parts) {
        return Texts.inline(BROKEN_COMMENT.matcher(Gard2022Text.textOutside(section, parts)).replaceAll(" "));
    }

    private static ParseException unattributed(String component, String text, String parts) {
        String shown = text.length() > 60 ? text.substring(0, 60) + "..." : text;
        return changed("<" + component + "> holds text outside its " + parts + ": '" + shown + "'");
    }

    /** GARD's placeholder, with what GARD adds after it ("We recommend speaking with a doctor ..."). */
    private static boolean isPlaceholder(String text) {
        return Gard2022Text.PLACEHOLDER.matcher(text).matches();
    }

    /** An identity set of the known parts of a section, with the given heading when there is one. */
    private static Set<Element> parts(Element heading) {
        Set<Element> parts = Collections.newSetFromMap(new IdentityHashMap<>());
        if (heading != null) {
            parts.add(heading);
        }
        return parts;
    }
}
