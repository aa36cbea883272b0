package org.gardpipeline.parse;

import java.util.List;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;

/**
 * The parts of the Symptoms and Causes sections that both the landmark check and the answers read, found once
 * for both.
 *
 * @param symptomLists the {@code .symptom-list-container}s of the Symptoms section, in document order
 * @param dropdowns    its {@code .dropdown-list}s (the search list)
 * @param slides       its {@code .carousel-slide}s
 * @param causesTexts  the {@code .causes-text}s of the Causes section
 * @param causesBlocks its {@code .causes-tabs-container}s
 */
record Gard2022Parts(List<Element> symptomLists, List<Element> dropdowns, List<Element> slides,
                     List<Element> causesTexts, List<Element> causesBlocks) {

    static Gard2022Parts of(Gard2022Components page) {
        Element symptoms = page.get(Gard2022Components.SYMPTOMS);
        Element causes = page.get(Gard2022Components.CAUSES);
        return new Gard2022Parts(select(symptoms, Gard2022Answers.SYMPTOM_LIST),
                select(symptoms, Gard2022Answers.DROPDOWN_LIST), select(symptoms, Gard2022Answers.CAROUSEL_SLIDE),
                select(causes, Gard2022Answers.CAUSES_TEXT), select(causes, Gard2022Answers.CAUSES_TABS_CONTAINER));
    }

    /** The symptom list, or null. */
    Element symptomList() {
        return symptomLists.isEmpty() ? null : symptomLists.get(0);
    }

    /** The symptom search list, or null. */
    Element dropdown() {
        return dropdowns.isEmpty() ? null : dropdowns.get(0);
    }

    /** The elements the evaluator matches under the root (the root included); none without a root. */
    private static List<Element> select(Element root, Evaluator evaluator) {
        return root == null ? List.of() : root.select(evaluator);
    }
}
