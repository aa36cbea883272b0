package org.gardpipeline.parse;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;

/**
 * The parts of the Symptoms and Causes sections that both the landmark check and the answers read, found in one
 * walk of each section: these are the largest sections of a page (the symptom search list names every term with
 * its synonyms, the causes tabs hold explainer texts), and walking them once per part cost more than the check.
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
        List<List<Element>> symptoms = all(page.get(Gard2022Components.SYMPTOMS), Gard2022Answers.SYMPTOM_LIST,
                Gard2022Answers.DROPDOWN_LIST, Gard2022Answers.CAROUSEL_SLIDE);
        List<List<Element>> causes = all(page.get(Gard2022Components.CAUSES), Gard2022Answers.CAUSES_TEXT,
                Gard2022Answers.CAUSES_TABS_CONTAINER);
        return new Gard2022Parts(symptoms.get(0), symptoms.get(1), symptoms.get(2), causes.get(0), causes.get(1));
    }

    /** The symptom list, or null. */
    Element symptomList() {
        return symptomLists.isEmpty() ? null : symptomLists.get(0);
    }

    /** The symptom search list, or null. */
    Element dropdown() {
        return dropdowns.isEmpty() ? null : dropdowns.get(0);
    }

    /** The elements each evaluator matches under the root (the root included), in one walk; none without a root. */
    static List<List<Element>> all(Element root, Evaluator... evaluators) {
        List<List<Element>> found = new ArrayList<>();
        for (int i = 0; i < evaluators.length; i++) {
            found.add(new ArrayList<>());
        }
        if (root == null) {
            return found;
        }
        for (Element e : root.getAllElements()) {
            for (int i = 0; i < evaluators.length; i++) {
                if (evaluators[i].matches(root, e)) {
                    found.get(i).add(e);
                }
            }
        }
        return found;
    }
}
