package org.gardpipeline.parse;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/** The facts of "Disease at a Glance" on a 2022 page: population estimate, categories, age of onset. */
final class Gard2022Facts {
    private static final Pattern TRAILING_SEPARATOR = Pattern.compile("[\\s;,]+$");
    static final Evaluator CONTENT_WRAPPER = QueryParser.parse(".content-wrapper");
    static final Evaluator CATEGORY = QueryParser.parse(".category");
    static final Evaluator UNDER = QueryParser.parse(".under");
    private static final Evaluator ACTIVE_AGE = QueryParser.parse(".under.active");
    private static final Evaluator UNDER_TITLE = QueryParser.parse(".under-title");
    private static final Evaluator UNDER_UNDER_AGE_RANGE = QueryParser.parse(".under-under-age-range");

    private Gard2022Facts() {
    }

    /** The facts the page states, in page order; a fact the page does not state is left out. */
    static Map<String, String> of(Gard2022Components page) {
        Map<String, String> facts = new LinkedHashMap<>();
        put(facts, "population_estimate", populationEstimate(page));
        put(facts, "categories", categories(page));
        put(facts, "age_of_onset", ageOfOnset(page));
        return facts;
    }

    private static void put(Map<String, String> facts, String key, List<String> values) {
        if (!values.isEmpty()) {
            facts.put(key, String.join("; ", values));
        }
    }

    /** Each estimate column reads "In the U.S., this disease is estimated to be fewer than 1,000". */
    private static List<String> populationEstimate(Gard2022Components page) {
        Set<String> estimates = new LinkedHashSet<>();
        for (Element column : within(page, Gard2022Components.PEOPLE_AFFECTED, CONTENT_WRAPPER)) {
            String estimate = Texts.inline(Gard2022Text.blockText(column).replace("\n", " "));
            if (!estimate.isEmpty() && !Gard2022Text.PLACEHOLDER.matcher(estimate).matches()) {
                estimates.add(estimate);
            }
        }
        return List.copyOf(estimates);
    }

    private static List<String> categories(Gard2022Components page) {
        Set<String> categories = new LinkedHashSet<>();
        for (Element category : within(page, Gard2022Components.CATEGORIES, CATEGORY)) {
            String name = TRAILING_SEPARATOR.matcher(Texts.inline(category.text())).replaceFirst("");
            if (!name.isEmpty()) {
                categories.add(name);
            }
        }
        return List.copyOf(categories);
    }

    /** The highlighted age groups, each with the range the page gives it: "Newborn (Birth-4 weeks)". */
    private static List<String> ageOfOnset(Gard2022Components page) {
        Set<String> ages = new LinkedHashSet<>();
        for (Element under : within(page, Gard2022Components.AGE_AT_ONSET, ACTIVE_AGE)) {
            Element title = under.selectFirst(UNDER_TITLE);
            Element range = under.selectFirst(UNDER_UNDER_AGE_RANGE);
            String name = title == null ? "" : Texts.inline(Gard2022Text.blockText(title));
            if (name.isEmpty()) {
                continue;
            }
            String span = range == null ? "" : Texts.inline(range.text());
            ages.add(span.isEmpty() ? name : name + " (" + span + ")");
        }
        return List.copyOf(ages);
    }

    /** The elements matching inside a component; none when the page lacks the component. */
    private static List<Element> within(Gard2022Components page, String component, Evaluator evaluator) {
        Element root = page.get(component);
        return root == null ? List.of() : root.select(evaluator);
    }
}
