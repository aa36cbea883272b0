package org.gardpipeline.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.gardpipeline.store.PageRef;
import org.gardpipeline.store.ReportQueries.ChangeRow;

/** What one fetch changed on one page: a line of the latest changes and an entry of the feed. */
record PageChanges(long fetchId, String fetchedAt, String label, PageRef page, List<ChangeRow> slots) {
    PageChanges {
        slots = List.copyOf(slots);
    }

    /** Consecutive rows of the same fetch and page grouped, in the order given (newest fetch first). */
    static List<PageChanges> group(List<ChangeRow> rows) {
        List<PageChanges> groups = new ArrayList<>();
        List<ChangeRow> current = new ArrayList<>();
        for (ChangeRow r : rows) {
            if (!current.isEmpty() && (current.get(0).fetchId() != r.fetchId()
                    || current.get(0).page().pageId() != r.page().pageId())) {
                groups.add(of(current));
                current = new ArrayList<>();
            }
            current.add(r);
        }
        if (!current.isEmpty()) {
            groups.add(of(current));
        }
        return groups;
    }

    private static PageChanges of(List<ChangeRow> rows) {
        ChangeRow first = rows.get(0);
        return new PageChanges(first.fetchId(), first.fetchedAt(), first.label(), first.page(), rows);
    }

    /** "causes changed (text, date), symptoms added": what a person scanning a list needs. */
    String summary() {
        return slots.stream().map(PageChanges::describe).collect(Collectors.joining(", "));
    }

    static String describe(ChangeRow r) {
        List<String> what = new ArrayList<>();
        if (r.change().equals("changed") || r.change().equals("restored")) {
            if (r.textChanged()) {
                what.add("text");
            }
            if (r.dateChanged()) {
                what.add("date");
            }
            if (r.referencesChanged()) {
                what.add("references");
            }
        }
        return r.slotKey() + " " + r.change().toLowerCase(Locale.ROOT) + (what.isEmpty() ? "" : " (" + String.join(", ", what) + ")");
    }
}
