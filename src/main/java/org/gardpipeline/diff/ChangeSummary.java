package org.gardpipeline.diff;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What changed beside an answer's text between two versions: its stated last-updated date, and the references
 * it carries, compared by citation (numbers are renumbered when a list is edited, so they say nothing).
 *
 * @param olderDate the older version's stated date, null when it stated none
 * @param newerDate the newer version's stated date, null when it states none
 */
public record ChangeSummary(String olderDate, String newerDate, List<String> referencesRemoved,
                            List<String> referencesAdded) {
    public ChangeSummary {
        referencesRemoved = List.copyOf(referencesRemoved);
        referencesAdded = List.copyOf(referencesAdded);
    }

    public static ChangeSummary between(String olderDate, String newerDate, List<String> olderCitations,
                                        List<String> newerCitations) {
        Set<String> older = normalised(olderCitations);
        Set<String> newer = normalised(newerCitations);
        List<String> removed = new ArrayList<>(older);
        removed.removeAll(newer);
        List<String> added = new ArrayList<>(newer);
        added.removeAll(older);
        return new ChangeSummary(olderDate, newerDate, removed, added);
    }

    private static Set<String> normalised(List<String> citations) {
        Set<String> set = new LinkedHashSet<>();
        citations.forEach(c -> set.add(c.strip().replaceAll("\\s+", " ")));
        return set;
    }

    /** A stated date as a person reads it: never "null". */
    public static String date(String lastUpdated) {
        return lastUpdated == null || lastUpdated.isBlank() ? "no date stated" : "last updated " + lastUpdated;
    }

    public boolean dateChanged() {
        return !Objects.equals(olderDate, newerDate);
    }

    public boolean referencesChanged() {
        return !referencesRemoved.isEmpty() || !referencesAdded.isEmpty();
    }

    /** The changes as lines for a terminal; none when only the text changed. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        if (dateChanged()) {
            lines.add("date: " + date(olderDate) + " -> " + date(newerDate));
        }
        if (referencesChanged()) {
            lines.add("references: " + referencesRemoved.size() + " removed, " + referencesAdded.size() + " added");
            referencesRemoved.forEach(c -> lines.add("  - " + c));
            referencesAdded.forEach(c -> lines.add("  + " + c));
        }
        return lines;
    }
}
