package org.gardpipeline.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.gardpipeline.model.Answer;
import org.gardpipeline.model.Page;
import org.gardpipeline.model.Reference;

/** Citation integrity: every {@code [n]} should point at reference n of its page, and every reference be cited. */
final class CitationCheck {
    private CitationCheck() {
    }

    /**
     * The citations of an answer that name no reference it carries, as "[n]". An answer carries the references of
     * its page that it cites (or, in GARD's API records, its own list), so this is a citation the page cannot
     * resolve.
     */
    static List<String> danglingCitations(Answer answer) {
        Set<Integer> numbers = new TreeSet<>();
        answer.references().forEach(r -> numbers.add(r.number()));
        List<String> dangling = new ArrayList<>();
        for (int n : answer.citations()) {
            if (!numbers.contains(n)) {
                dangling.add("[" + n + "] has no reference " + n + " on the page");
            }
        }
        return dangling;
    }

    /**
     * References of the page that no answer cites. Only for pages that cite at all: layouts without
     * citation markers (the 2022 pages) list sources for the whole page.
     */
    static List<String> unusedReferences(Page page) {
        Set<Integer> cited = new TreeSet<>();
        page.answers().forEach(a -> cited.addAll(a.citations()));
        List<String> unused = new ArrayList<>();
        if (cited.isEmpty()) {
            return unused;
        }
        for (Reference r : page.references()) {
            if (!cited.contains(r.number())) {
                unused.add("reference " + r.number() + " is cited by no answer");
            }
        }
        return unused;
    }
}
