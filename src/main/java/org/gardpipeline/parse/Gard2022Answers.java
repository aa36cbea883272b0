package org.gardpipeline.parse;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.gardpipeline.model.Answer;
import org.gardpipeline.model.Phenotype;
import org.gardpipeline.model.Reference;
import org.gardpipeline.model.Topic;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/** The three answers of a 2022 page: its Summary, its Symptoms and its Causes section. */
final class Gard2022Answers {
    private static final Pattern SYNONYM_LABEL = Pattern.compile("(?i)^Synonyms?:\\s*");
    // Selectors are compiled once and only run inside one component: parsing them per call costs time, and
    // descendant combinators over the whole page (with their per-thread memo) cost more than the parse.
    static final Evaluator HEADING = QueryParser.parse("h1, h2, h3, h4, h5, h6");
    static final Evaluator MAIN_TERM = QueryParser.parse(".main-term");
    private static final Evaluator BAR_HEADER = QueryParser.parse("app-bar-header");
    private static final Evaluator BAR_HEADING = QueryParser.parse("h1, h2, h3");
    static final Evaluator SYMPTOM_LIST = QueryParser.parse(".symptom-list-container");
    static final Evaluator LIST_ITEM_BUTTON = QueryParser.parse("button.list-item");
    static final Evaluator DROPDOWN_LIST = QueryParser.parse(".dropdown-list");
    static final Evaluator BUTTON = QueryParser.parse("button");
    static final Evaluator MARKER_TEXT = QueryParser.parse(".marker-text");
    static final Evaluator TEXT = QueryParser.parse(".text");
    static final Evaluator CAROUSEL_SLIDE = QueryParser.parse(".carousel-slide");
    static final Evaluator MEDICAL_TERM_HEADER = QueryParser.parse(".medical-term-header");
    static final Evaluator CAUSES_TEXT = QueryParser.parse(".causes-text");
    static final Evaluator CAUSES_TABS_CONTAINER = QueryParser.parse(".causes-tabs-container");
    private static final Evaluator BLOCK_HEADING = QueryParser.parse("h5, h4, h3");
    static final Evaluator TABS_DESCRIPTION = QueryParser.parse(".tabs-description");
    private static final Evaluator UL_ROLE_TABLIST = QueryParser.parse("ul[role=tablist]");
    private static final Evaluator ROLE_TAB = QueryParser.parse("[role=tab]");

    private Gard2022Answers() {
    }

    /** A question heading and the answer text under it, before dates and references are attached. */
    private record Section(String question, String text) {
    }

    /** The page's answers in page order: summary, symptoms, causes, each only when it has text. */
    static List<Answer> of(Gard2022Components page, Gard2022Parts parts, List<Symptom> symptoms, LocalDate lastUpdated,
                           List<Reference> references) {
        List<Answer> answers = new ArrayList<>();
        add(answers, Topic.SUMMARY, summary(page), lastUpdated, references);
        add(answers, Topic.SYMPTOMS, symptoms(page, symptoms), lastUpdated, references);
        add(answers, Topic.CAUSES, causes(page, parts), lastUpdated, references);
        return answers;
    }

    private static void add(List<Answer> answers, Topic topic, Section section, LocalDate lastUpdated,
                            List<Reference> references) {
        if (section == null || section.text().isEmpty()) {
            return;
        }
        answers.add(new Answer(section.question(), topic, topic.key(), section.text(), lastUpdated,
                Texts.citations(section.text()), references));
    }

    private static Section summary(Gard2022Components page) {
        Element summary = page.get(Gard2022Components.SUMMARY);
        if (summary == null) {
            return null;
        }
        Element heading = summary.selectFirst(HEADING);
        List<String> paragraphs = new ArrayList<>();
        for (Element child : summary.children()) {
            if (child != heading) {
                paragraphs.add(Gard2022Text.blockText(child));
            }
        }
        return new Section(heading == null ? "Summary" : Texts.inline(heading.text()),
                Gard2022Text.withoutPlaceholders(paragraphs));
    }

    /** The section's bar header ({@code app-bar-header}), or null. */
    static Element barHeader(Element section) {
        return section.selectFirst(BAR_HEADER);
    }

    /** The heading a section component shows in its bar header, or the fallback when it has none. */
    private static String barHeading(Element section, String fallback) {
        Element bar = barHeader(section);
        Element h = bar == null ? null : bar.selectFirst(BAR_HEADING);
        String heading = h == null ? "" : Texts.inline(h.text());
        return heading.isEmpty() ? fallback : heading;
    }

    /** One sign or symptom of the Symptoms section: the term, its lay names, its frequency when stated. */
    record Symptom(String term, List<String> synonyms, String frequency) {
    }

    private static Section symptoms(Gard2022Components page, List<Symptom> symptoms) {
        Element section = page.get(Gard2022Components.SYMPTOMS);
        if (section == null) {
            return null;
        }
        List<String> lines = new ArrayList<>();
        for (Symptom s : symptoms) {
            lines.add(symptomLine(s.term(), s.synonyms(), s.frequency()));
        }
        return new Section(barHeading(section, "Symptoms"), String.join("\n", lines));
    }

    /**
     * The Symptoms section's list as the page's phenotypes. The section is also the page's symptoms answer, read as
     * it reads: on the 2022 site the list is all that section says.
     */
    static List<Phenotype> phenotypes(List<Symptom> symptoms) {
        List<Phenotype> phenotypes = new ArrayList<>();
        for (Symptom s : symptoms) {
            phenotypes.add(new Phenotype(s.term(), s.frequency() == null || s.frequency().isEmpty() ? null : s.frequency()));
        }
        return phenotypes;
    }

    /** The terms of the Symptoms section's list, each once, with their lay names and frequencies. */
    static List<Symptom> symptomList(Gard2022Components page, Gard2022Parts parts) {
        if (page.get(Gard2022Components.SYMPTOMS) == null) {
            return List.of();
        }
        Element dropdown = parts.dropdown();
        Map<String, List<String>> synonyms = symptomSynonyms(dropdown);
        Map<String, String> frequencies = symptomFrequencies(parts.slides());
        List<String> terms = new ArrayList<>();
        Element list = parts.symptomList();
        for (Element item : list == null ? List.<Element>of() : list.select(LIST_ITEM_BUTTON)) {
            terms.add(Texts.inline(item.text()));
        }
        if (terms.isEmpty() && dropdown != null) {
            for (Element term : dropdown.select(MAIN_TERM)) {
                terms.add(Texts.inline(term.text()));
            }
        }
        List<Symptom> symptoms = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String term : terms) {
            String key = term.toLowerCase(Locale.ROOT);
            if (!term.isEmpty() && seen.add(key)) {
                symptoms.add(new Symptom(term, synonyms.getOrDefault(key, List.of()), frequencies.get(key)));
            }
        }
        return symptoms;
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
        for (Element entry : dropdown == null ? List.<Element>of() : dropdown.select(BUTTON)) {
            Element term = entry.selectFirst(MAIN_TERM);
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
    private static Map<String, String> symptomFrequencies(List<Element> slides) {
        Map<String, String> frequencies = new LinkedHashMap<>();
        for (Element slide : slides) {
            Element term = slide.selectFirst(MEDICAL_TERM_HEADER);
            Element marker = slide.selectFirst(MARKER_TEXT);
            Element frequency = marker == null ? null : marker.selectFirst(TEXT);
            if (term != null && frequency != null) {
                frequencies.putIfAbsent(Texts.inline(term.text()).toLowerCase(Locale.ROOT),
                        Texts.inline(frequency.text()));
            }
        }
        return frequencies;
    }

    private static Section causes(Gard2022Components page, Gard2022Parts parts) {
        Element section = page.get(Gard2022Components.CAUSES);
        if (section == null) {
            return null;
        }
        List<String> paragraphs = new ArrayList<>();
        for (Element p : parts.causesTexts()) {
            paragraphs.add(Gard2022Text.blockText(p));
        }
        for (Element block : parts.causesBlocks()) {
            addCausesBlock(block, paragraphs);
        }
        return new Section(barHeading(section, "Causes"), Gard2022Text.withoutPlaceholders(paragraphs));
    }

    /**
     * One block of the Causes section: heading, description, and the tab names that are disease-specific
     * (inheritance patterns). Tabs phrased as questions are the generic explainers, and the tab contents
     * are explainer text shared by every page; both are left out. Only the first tab list is read: the
     * second is its mobile copy.
     */
    private static void addCausesBlock(Element block, List<String> paragraphs) {
        Element heading = blockHeading(block);
        if (heading != null) {
            paragraphs.add(Texts.inline(heading.text()));
        }
        for (Element description : block.select(TABS_DESCRIPTION)) {
            paragraphs.add(Gard2022Text.blockText(description));
        }
        Element tabs = blockTabs(block);
        if (tabs != null) {
            for (Element tab : tabs.select(ROLE_TAB)) {
                String name = Texts.inline(tab.text());
                if (!name.endsWith("?")) {
                    paragraphs.add(name);
                }
            }
        }
    }

    /** A causes block's heading (its first, unless that is an explainer tab's), or null. */
    static Element blockHeading(Element block) {
        Element heading = block.selectFirst(BLOCK_HEADING);
        return heading != null && heading.closest(Gard2022Coverage.TAB_CONTENT) == null ? heading : null;
    }

    /** A causes block's tab list: its first, since the second is the mobile copy; or null. */
    static Element blockTabs(Element block) {
        return block.selectFirst(UL_ROLE_TABLIST);
    }
}
