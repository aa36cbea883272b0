package org.gardpipeline.parse;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gardpipeline.model.Answer;
import org.gardpipeline.model.Format;
import org.gardpipeline.model.Page;
import org.gardpipeline.model.Reference;
import org.gardpipeline.model.Topic;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * Parses an "About the Disease" page of the GARD site as saved in 2022 (Angular/Scully pre-rendered HTML).
 *
 * <p>Elements are found by their Angular component names ({@code app-symptoms-section}) and stable CSS
 * classes, never by the generated {@code _ngcontent-*} attributes or ids, which change with every build of
 * the site. Blocks that the page renders twice for layout (the {@code ghost} copy of a clamped text, the
 * mobile copy of a tab list) are read once.
 *
 * <p>What becomes of each part of the page:
 * <ul>
 *   <li>GARD id and slug: from the page's own {@code /diseases/<id>/<slug>} links (canonical link first).</li>
 *   <li>Title: the {@code h1.title} disease name; synonyms: the "Other Names" list split at {@code ;}.</li>
 *   <li>Answer {@code summary}: the Summary paragraph of "Disease at a Glance".</li>
 *   <li>Answer {@code symptoms}: one line per symptom, in the order of the page's symptom list:
 *       {@code Term (Synonym; Synonym) — Frequency}. The parenthesis is left out when the term has no
 *       synonym, and {@code " — Frequency"} when the page states none: the saved HTML states the frequency
 *       only of the symptom shown open in the carousel, the others are loaded by script when a reader
 *       clicks. Synonyms come from the page's symptom search list (as the site capitalises them); a
 *       synonym equal to its term is left out.</li>
 *   <li>Answer {@code causes}: the Causes section: its own text, then for each of its blocks ("Genetic
 *       Disease", "Inheritance") the heading, the description paragraphs and the named inheritance
 *       patterns, each as a paragraph. The generic explainer tabs ("What is a gene?" and the text
 *       explaining each inheritance pattern) are the same on every page and are not part of the answer.</li>
 *   <li>Facts: {@code population_estimate}, {@code categories}, {@code age_of_onset}, when stated.</li>
 *   <li>References: the "View Sources &amp; References" block, one per list item and one per entry under
 *       "Content References"; the page has no {@code [n]} markers, so every answer carries them all.</li>
 *   <li>Every answer's date: the page's "Last Updated: Nov. 8, 2021" line.</li>
 * </ul>
 * A section showing only "This section is currently in development." yields no answer or fact.
 */
final class Gard2022HtmlParser implements PageParser {
    private static final Pattern DISEASE_LINK = Pattern.compile("/diseases/(\\d+)/([^/?#\\s]+)");
    private static final Pattern LAST_UPDATED =
            Pattern.compile("(?i)Last Updated:?\\s*([A-Za-z]+)\\.?\\s*(\\d{1,2}),?\\s*(\\d{4})");
    private static final Pattern PLACEHOLDER = Pattern.compile("(?i)^This section is currently in development\\b.*");
    private static final Pattern REFERENCE_LABEL = Pattern.compile("(?i)^References?:\\s*");
    private static final Pattern TRAILING_SEPARATOR = Pattern.compile("[\\s;,]+$");
    private static final Pattern SYNONYM_LABEL = Pattern.compile("(?i)^Synonyms?:\\s*");
    /** The Angular components a page is made of, collected in one walk over the document. */
    private static final Set<String> COMPONENTS = Set.of("app-disease-about", "app-footer", "footer",
            "app-disease-at-a-glance-summary", "app-disease-at-a-glance-people-affected",
            "app-disease-at-a-glance-categories", "app-age-at-onset", "app-symptoms-section", "app-causes-container",
            "app-bottom-sources-date-information", "app-view-sources-references");
    // Selectors are compiled once and only run inside one component: parsing them per call costs time, and
    // descendant combinators over the whole page (with their per-thread memo) cost more than the parse.
    private static final Evaluator SPAN_HOST = QueryParser.parse("span.host");
    private static final Evaluator DD = QueryParser.parse("dd");
    private static final Evaluator HEADING = QueryParser.parse("h1, h2, h3, h4, h5, h6");
    private static final Evaluator MAIN_TERM = QueryParser.parse(".main-term");
    private static final Evaluator BAR_HEADER = QueryParser.parse("app-bar-header");
    private static final Evaluator BAR_HEADING = QueryParser.parse("h1, h2, h3");
    private static final Evaluator SYMPTOM_LIST = QueryParser.parse(".symptom-list-container");
    private static final Evaluator LIST_ITEM_BUTTON = QueryParser.parse("button.list-item");
    private static final Evaluator DROPDOWN_LIST = QueryParser.parse(".dropdown-list");
    private static final Evaluator BUTTON = QueryParser.parse("button");
    private static final Evaluator MARKER_TEXT = QueryParser.parse(".marker-text");
    private static final Evaluator TEXT = QueryParser.parse(".text");
    private static final Evaluator CONTENT_WRAPPER = QueryParser.parse(".content-wrapper");
    private static final Evaluator CATEGORY = QueryParser.parse(".category");
    private static final Evaluator ACTIVE_AGE = QueryParser.parse(".under.active");
    private static final Evaluator ARTICLE = QueryParser.parse(".article");
    private static final Evaluator CAROUSEL_SLIDE = QueryParser.parse(".carousel-slide");
    private static final Evaluator MEDICAL_TERM_HEADER = QueryParser.parse(".medical-term-header");
    private static final Evaluator CAUSES_TEXT = QueryParser.parse(".causes-text");
    private static final Evaluator CAUSES_TABS_CONTAINER = QueryParser.parse(".causes-tabs-container");
    private static final Evaluator BLOCK_HEADING = QueryParser.parse("h5, h4, h3");
    private static final Evaluator TABS_DESCRIPTION = QueryParser.parse(".tabs-description");
    private static final Evaluator UL_ROLE_TABLIST = QueryParser.parse("ul[role=tablist]");
    private static final Evaluator ROLE_TAB = QueryParser.parse("[role=tab]");
    private static final Evaluator UNDER_TITLE = QueryParser.parse(".under-title");
    private static final Evaluator UNDER_UNDER_AGE_RANGE = QueryParser.parse(".under-under-age-range");
    private static final Evaluator LAST_UPDATED_LINE = QueryParser.parse("p:containsOwn(Last Updated)");
    private static final Evaluator LI = QueryParser.parse("li");
    private static final Evaluator A_HREF = QueryParser.parse("a[href]");
    private static final String[] MONTHS = {"january", "february", "march", "april", "may", "june", "july",
        "august", "september", "october", "november", "december"};
    /** Elements whose text is not content: button labels, tooltips, scripts (icons are empty {@code <i>}s). */
    private static final Set<String> SKIPPED_TAGS = Set.of("script", "style", "noscript", "template", "button", "img",
            "app-tooltip", "svg");
    private static final Set<String> SKIPPED_CLASSES = Set.of("ghost", "read-button", "sr-only");
    private static final Set<String> BLOCK_TAGS = Set.of("p", "div", "ul", "ol", "li", "dl", "dt", "dd", "h1",
            "h2", "h3", "h4", "h5", "h6", "table", "tr", "section", "article", "blockquote");

    @Override
    public Page parse(String text, String name) throws ParseException {
        Components about = new Components(Jsoup.parse(text));
        requireLayout(about, text);
        String title = title(about);
        String[] idAndSlug = idAndSlug(about);
        List<Reference> references = references(about);
        LocalDate lastUpdated = lastUpdated(about);

        List<Answer> answers = new ArrayList<>();
        addAnswer(answers, Topic.SUMMARY, summary(about), lastUpdated, references);
        addAnswer(answers, Topic.SYMPTOMS, symptoms(about), lastUpdated, references);
        addAnswer(answers, Topic.CAUSES, causes(about), lastUpdated, references);
        return new Page(Format.GARD_2022_HTML, idAndSlug[0], idAndSlug[1], title, synonyms(about), null,
                facts(about), answers, references);
    }

    /**
     * The components of one page: the first element of each component name, the title, the synonym lists,
     * the canonical link and the first link to a disease page, found in a single walk.
     */
    private static final class Components {
        private final Map<String, Element> first = new HashMap<>();
        private final List<Element> synonymLists = new ArrayList<>();
        private Element title;
        private Element canonical;
        private Element diseaseLink;

        Components(Document doc) {
            for (Element e : Descendants.of(doc)) {
                String tag = e.normalName();
                if (COMPONENTS.contains(tag)) {
                    first.putIfAbsent(tag, e);
                } else if (title == null && tag.equals("h1") && e.hasClass("title")) {
                    title = e;
                } else if (tag.equals("dl") && e.hasClass("synonyms")) {
                    synonymLists.add(e);
                } else if (diseaseLink == null && tag.equals("a") && e.attr("href").contains("/diseases/")
                        && DISEASE_LINK.matcher(e.attr("href")).find()) {
                    diseaseLink = e;
                } else if (canonical == null && tag.equals("link") && e.attr("rel").equalsIgnoreCase("canonical")) {
                    canonical = e;
                }
            }
        }

        /** The first element of the component, or null. */
        Element get(String component) {
            return first.get(component);
        }
    }

    /** A question heading and the answer text under it, before dates and references are attached. */
    private record Section(String question, String text) {
    }

    // ---- layout, identity, title ------------------------------------------------------------------------

    /**
     * The page's {@code app-disease-about} component. A file cut short loses its footer first, so a missing
     * footer means truncation; another page type of the 2022 site has no such component.
     */
    private static void requireLayout(Components page, String text) throws ParseException {
        if (page.get("app-footer") == null && page.get("footer") == null) {
            throw new ParseException("gard-2022-html page is truncated: it ends before the site footer ("
                    + text.length() + " characters); fetch or copy the page again");
        }
        if (page.get("app-disease-about") == null) {
            throw new ParseException("gard-2022-html document of an unknown layout: no <app-disease-about> "
                    + "element, so it is not a GARD 2022 'About the Disease' page");
        }
    }

    private static String title(Components page) throws ParseException {
        Element h1 = page.title;
        String title = h1 == null ? "" : Texts.inline(h1.text());
        if (title.isEmpty()) {
            throw new ParseException("gard-2022-html page has no title (no <h1> disease name)");
        }
        return title;
    }

    /** {id, slug} from the canonical link, else the first of the page's own disease links; nulls when none. */
    private static String[] idAndSlug(Components page) {
        for (Element link : new Element[] {page.canonical, page.diseaseLink}) {
            Matcher m = link == null ? null : DISEASE_LINK.matcher(link.attr("href"));
            if (m != null && m.find()) {
                return new String[] {m.group(1), m.group(2)};
            }
        }
        return new String[] {null, null};
    }

    /** The "Other Names" list: the visible copy of each list (not its measuring ghost), split at ';', each once. */
    private static List<String> synonyms(Components page) {
        Set<String> synonyms = new LinkedHashSet<>();
        for (Element dl : page.synonymLists) {
            Element host = Descendants.first(dl, SPAN_HOST);
            String list = host != null ? host.text() : blockText(firstOrSelf(dl, DD));
            for (String synonym : list.split(";")) {
                String s = Texts.inline(synonym);
                if (!s.isEmpty() && !s.equalsIgnoreCase("Other Names:")) {
                    synonyms.add(s);
                }
            }
        }
        return List.copyOf(synonyms);
    }

    // ---- answers ------------------------------------------------------------------------------------------

    private static void addAnswer(List<Answer> answers, Topic topic, Section section, LocalDate lastUpdated,
                                  List<Reference> references) {
        if (section == null || section.text().isEmpty()) {
            return;
        }
        answers.add(new Answer(section.question(), topic, topic.key(), section.text(), lastUpdated,
                Texts.citations(section.text()), references));
    }

    private static Section summary(Components page) {
        Element summary = page.get("app-disease-at-a-glance-summary");
        if (summary == null) {
            return null;
        }
        Element heading = Descendants.first(summary, HEADING);
        List<String> paragraphs = new ArrayList<>();
        for (Element child : summary.children()) {
            if (child != heading) {
                paragraphs.add(blockText(child));
            }
        }
        return new Section(heading == null ? "Summary" : Texts.inline(heading.text()), withoutPlaceholders(paragraphs));
    }

    /** The heading a section component shows in its bar header, or the fallback when it has none. */
    private static String barHeading(Element section, String fallback) {
        Element bar = Descendants.first(section, BAR_HEADER);
        Element h = bar == null ? null : Descendants.first(bar, BAR_HEADING);
        String heading = h == null ? "" : Texts.inline(h.text());
        return heading.isEmpty() ? fallback : heading;
    }

    private static Section symptoms(Components page) {
        Element section = page.get("app-symptoms-section");
        if (section == null) {
            return null;
        }
        Element dropdown = Descendants.first(section, DROPDOWN_LIST);
        Map<String, List<String>> synonyms = symptomSynonyms(dropdown);
        Map<String, String> frequencies = symptomFrequencies(section);
        List<String> terms = new ArrayList<>();
        Element list = Descendants.first(section, SYMPTOM_LIST);
        for (Element item : list == null ? List.<Element>of() : Descendants.all(list, LIST_ITEM_BUTTON)) {
            terms.add(Texts.inline(item.text()));
        }
        if (terms.isEmpty() && dropdown != null) {
            for (Element term : Descendants.all(dropdown, MAIN_TERM)) {
                terms.add(Texts.inline(term.text()));
            }
        }
        List<String> lines = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String term : terms) {
            String key = term.toLowerCase(Locale.ROOT);
            if (!term.isEmpty() && seen.add(key)) {
                lines.add(symptomLine(term, synonyms.getOrDefault(key, List.of()), frequencies.get(key)));
            }
        }
        return new Section(barHeading(section, "Symptoms"), String.join("\n", lines));
    }

    private static String symptomLine(String term, List<String> synonyms, String frequency) {
        StringBuilder line = new StringBuilder(term);
        List<String> others = synonyms.stream().filter(s -> !s.equalsIgnoreCase(term)).toList();
        if (!others.isEmpty()) {
            line.append(" (").append(String.join("; ", others)).append(')');
        }
        if (frequency != null && !frequency.isEmpty()) {
            line.append(" \u2014 ").append(frequency);
        }
        return line.toString();
    }

    /** Lower-cased term to its synonyms, from the symptom search list (which holds every term). */
    private static Map<String, List<String>> symptomSynonyms(Element dropdown) {
        Map<String, List<String>> synonyms = new HashMap<>();
        for (Element entry : dropdown == null ? List.<Element>of() : Descendants.all(dropdown, BUTTON)) {
            Element term = Descendants.first(entry, MAIN_TERM);
            if (term == null) {
                continue;
            }
            List<String> list = synonyms.computeIfAbsent(Texts.inline(term.text()).toLowerCase(Locale.ROOT),
                    k -> new ArrayList<>());
            // The entry's own divs, not every div under it: in a page whose closing tags are lost, each div holds
            // the rest of the page, and the text of every nested one is quadratic (seconds for one page).
            for (Element div : entry.children()) {
                if (!div.nameIs("div")) {
                    continue;
                }
                String synonym = Texts.inline(SYNONYM_LABEL.matcher(Texts.inline(div.text())).replaceFirst(""));
                if (!synonym.isEmpty() && !list.contains(synonym)) {
                    list.add(synonym);
                }
            }
        }
        return synonyms;
    }

    /** Lower-cased term to the frequency the carousel states for it (only the slide open in the saved page). */
    private static Map<String, String> symptomFrequencies(Element section) {
        Map<String, String> frequencies = new LinkedHashMap<>();
        for (Element slide : Descendants.all(section, CAROUSEL_SLIDE)) {
            Element term = Descendants.first(slide, MEDICAL_TERM_HEADER);
            Element marker = Descendants.first(slide, MARKER_TEXT);
            Element frequency = marker == null ? null : Descendants.first(marker, TEXT);
            if (term != null && frequency != null) {
                frequencies.putIfAbsent(Texts.inline(term.text()).toLowerCase(Locale.ROOT),
                        Texts.inline(frequency.text()));
            }
        }
        return frequencies;
    }

    private static Section causes(Components page) {
        Element section = page.get("app-causes-container");
        if (section == null) {
            return null;
        }
        List<String> paragraphs = new ArrayList<>();
        for (Element p : Descendants.all(section, CAUSES_TEXT)) {
            paragraphs.add(blockText(p));
        }
        for (Element block : Descendants.all(section, CAUSES_TABS_CONTAINER)) {
            addCausesBlock(block, paragraphs);
        }
        return new Section(barHeading(section, "Causes"), withoutPlaceholders(paragraphs));
    }

    /**
     * One block of the Causes section: heading, description, and the tab names that are disease-specific
     * (inheritance patterns). Tabs phrased as questions are the generic explainers, and the tab contents
     * are explainer text shared by every page; both are left out. Only the first tab list is read: the
     * second is its mobile copy.
     */
    private static void addCausesBlock(Element block, List<String> paragraphs) {
        Element heading = Descendants.first(block, BLOCK_HEADING);
        if (heading != null && heading.closest(".tab-content") == null) {
            paragraphs.add(Texts.inline(heading.text()));
        }
        for (Element description : Descendants.all(block, TABS_DESCRIPTION)) {
            paragraphs.add(blockText(description));
        }
        Element tabs = Descendants.first(block, UL_ROLE_TABLIST);
        if (tabs != null) {
            for (Element tab : Descendants.all(tabs, ROLE_TAB)) {
                String name = Texts.inline(tab.text());
                if (!name.endsWith("?")) {
                    paragraphs.add(name);
                }
            }
        }
    }

    private static String withoutPlaceholders(List<String> paragraphs) {
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

    // ---- facts ------------------------------------------------------------------------------------------------

    private static Map<String, String> facts(Components about) {
        Map<String, String> facts = new LinkedHashMap<>();
        putFact(facts, "population_estimate", populationEstimate(about));
        putFact(facts, "categories", categories(about));
        putFact(facts, "age_of_onset", ageOfOnset(about));
        return facts;
    }

    private static void putFact(Map<String, String> facts, String key, List<String> values) {
        if (!values.isEmpty()) {
            facts.put(key, String.join("; ", values));
        }
    }

    /** Each estimate column reads "In the U.S., this disease is estimated to be fewer than 1,000". */
    private static List<String> populationEstimate(Components page) {
        Set<String> estimates = new LinkedHashSet<>();
        for (Element column : within(page, "app-disease-at-a-glance-people-affected", CONTENT_WRAPPER)) {
            String estimate = Texts.inline(blockText(column).replace("\n", " "));
            if (!estimate.isEmpty() && !PLACEHOLDER.matcher(estimate).matches()) {
                estimates.add(estimate);
            }
        }
        return List.copyOf(estimates);
    }

    private static List<String> categories(Components page) {
        Set<String> categories = new LinkedHashSet<>();
        for (Element category : within(page, "app-disease-at-a-glance-categories", CATEGORY)) {
            String name = TRAILING_SEPARATOR.matcher(Texts.inline(category.text())).replaceFirst("");
            if (!name.isEmpty()) {
                categories.add(name);
            }
        }
        return List.copyOf(categories);
    }

    /** The highlighted age groups, each with the range the page gives it: "Newborn (Birth-4 weeks)". */
    private static List<String> ageOfOnset(Components page) {
        Set<String> ages = new LinkedHashSet<>();
        for (Element under : within(page, "app-age-at-onset", ACTIVE_AGE)) {
            Element title = Descendants.first(under, UNDER_TITLE);
            Element range = Descendants.first(under, UNDER_UNDER_AGE_RANGE);
            String name = title == null ? "" : Texts.inline(blockText(title));
            if (name.isEmpty()) {
                continue;
            }
            String span = range == null ? "" : Texts.inline(range.text());
            ages.add(span.isEmpty() ? name : name + " (" + span + ")");
        }
        return List.copyOf(ages);
    }

    /** The first element under the root (or the root) that the evaluator matches, else the root. */
    private static Element firstOrSelf(Element root, Evaluator evaluator) {
        Element found = Descendants.first(root, evaluator);
        return found == null ? root : found;
    }

    /** The elements matching inside a component; none when the page lacks the component. */
    private static List<Element> within(Components page, String component, Evaluator evaluator) {
        Element root = page.get(component);
        return root == null ? List.of() : Descendants.all(root, evaluator);
    }

    // ---- date and references ----------------------------------------------------------------------------------

    private static LocalDate lastUpdated(Components page) throws ParseException {
        Element bottom = page.get("app-bottom-sources-date-information");
        for (Element p : Descendants.all(bottom != null ? bottom : page.get("app-disease-about"), LAST_UPDATED_LINE)) {
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
    private static List<Reference> references(Components page) {
        Element sources = page.get("app-view-sources-references");
        Element article = sources == null ? null : Descendants.first(sources, ARTICLE);
        if (article == null) {
            return List.of();
        }
        List<Reference> references = new ArrayList<>();
        StringBuilder entry = new StringBuilder();
        List<String> links = new ArrayList<>();
        boolean contentReferences = false;
        for (Node node : article.childNodes()) {
            if (node instanceof Element e && (e.nameIs("ul") || e.nameIs("ol"))) {
                for (Element li : Descendants.all(e, LI)) {
                    addReference(references, blockText(li), hrefs(li));
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
                entry.append(blockText(e).replace('\n', ' '));
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
        for (Element a : Descendants.all(e, A_HREF)) {
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

    // ---- text ---------------------------------------------------------------------------------------------------

    /**
     * The text a reader sees in an element: block elements and double line breaks separate paragraphs
     * (blank line), one {@code <br>} is a line break, and whitespace inside text is collapsed first so that
     * re-indented markup reads the same. Layout copies, icons, button labels and tooltips are skipped.
     */
    static String blockText(Element element) {
        StringBuilder out = new StringBuilder();
        appendText(element, out);
        return out.toString();
    }

    private static void appendText(Node node, StringBuilder out) {
        for (Node child : node.childNodes()) {
            if (child instanceof TextNode t) {
                out.append(t.text());
            } else if (child instanceof Element e && !skipped(e)) {
                if (e.nameIs("br")) {
                    out.append('\n');
                } else if (BLOCK_TAGS.contains(e.normalName())) {
                    out.append("\n\n");
                    appendText(e, out);
                    out.append("\n\n");
                } else {
                    appendText(e, out);
                }
            }
        }
    }

    private static boolean skipped(Element e) {
        if (SKIPPED_TAGS.contains(e.normalName())) {
            return true;
        }
        for (String c : SKIPPED_CLASSES) {
            if (e.hasClass(c)) {
                return true;
            }
        }
        return false;
    }
}
