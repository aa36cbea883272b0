package org.gardpipeline.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import org.gardpipeline.diff.ChangeSummary;
import org.gardpipeline.diff.PhraseDiff;
import org.gardpipeline.review.FetchReview;
import org.gardpipeline.store.FetchHeldException;

/** Tells a person (stderr) and a scheduler (JSON) about a fetch held for review, and what to do about it. */
final class HeldReport {
    /** Unchanged text longer than this is shortened in an example's diff. */
    private static final int CONTEXT = 40;
    private static final int EXAMPLE_LENGTH = 400;

    private HeldReport() {
    }

    static void print(PrintWriter err, FetchHeldException held) {
        FetchReview r = held.review();
        err.println(held.getMessage());
        err.printf(Locale.ROOT, "  %d answers touched: %d changed, %d removed (%.1f%%); %d more changed or removed "
                        + "across formats (not counted); layout changed on %d pages, %d of them with the same landmarks "
                        + "(%d changed or removed answers on those)%n", r.answers(), r.changed(), r.removed(),
                100 * r.changeShare(), r.crossFormat(), r.layoutChangedPages(), r.driftPages(), r.changesOnDriftPages());
        for (Map.Entry<String, Integer> e : r.landmarkChanges().entrySet()) {
            err.printf("  landmark %s: %d pages%n", e.getKey(), e.getValue());
        }
        for (FetchReview.Example x : r.examples()) {
            err.printf("  example %s %s, %s%s: %s%n", x.pageKey(), x.slotKey(), x.change(),
                    x.layoutChanged() ? ", layout changed" : "", diff(x));
        }
        err.println("  nothing of this fetch was committed. If GARD really changed this much, run again with "
                + "--accept-held to commit it as it is; if its markup changed, update the parser first. "
                + "Until then every run exits 5.");
    }

    static ObjectNode json(FetchHeldException held) {
        FetchReview r = held.review();
        ObjectNode node = Json.object();
        node.put("fetch", r.fetch());
        node.put("reason", held.getMessage());
        node.put("answers", r.answers());
        node.put("changed", r.changed());
        node.put("removed", r.removed());
        node.put("change_share", Math.round(r.changeShare() * 10000) / 10000.0);
        node.put("changed_across_formats", r.crossFormat());
        node.put("layout_changed_pages", r.layoutChangedPages());
        node.put("structure_changed_pages", r.driftPages());
        node.put("changes_on_structure_changed_pages", r.changesOnDriftPages());
        ObjectNode landmarks = node.putObject("landmark_changes");
        r.landmarkChanges().forEach(landmarks::put);
        ArrayNode examples = node.putArray("examples");
        for (FetchReview.Example x : r.examples()) {
            ObjectNode e = examples.addObject();
            e.put("page_key", x.pageKey());
            e.put("slot_key", x.slotKey());
            e.put("change", x.change());
            e.put("layout_changed", x.layoutChanged());
            e.put("diff", diff(x));
        }
        return node;
    }

    /**
     * A word diff of the example on one line, long unchanged stretches shortened, after the change of its stated date
     * when the date moved ("last updated 2021-11-08 -> 2023-01-03; text unchanged").
     */
    static String diff(FetchReview.Example x) {
        StringBuilder out = new StringBuilder();
        String dateAfter = x.after() == null ? x.dateBefore() : x.dateAfter();
        if (!java.util.Objects.equals(x.dateBefore(), dateAfter)) {
            out.append(ChangeSummary.date(x.dateBefore())).append(" -> ").append(ChangeSummary.date(dateAfter)).append("; ");
        }
        if (x.before().equals(x.after())) {
            return out.append("text unchanged").toString();
        }
        for (PhraseDiff.Run run : PhraseDiff.between(x.before(), x.after() == null ? "" : x.after())) {
            String text = run.text();
            if (run.kind() == PhraseDiff.Kind.KEPT && text.length() > 2 * CONTEXT) {
                text = text.substring(0, CONTEXT) + " ... " + text.substring(text.length() - CONTEXT);
            }
            out.append(PhraseDiff.render(java.util.List.of(new PhraseDiff.Run(run.kind(), text)), false));
        }
        String line = out.toString().replace("\n\n", " / ").replace("\n", " / ");
        return line.length() > EXAMPLE_LENGTH ? line.substring(0, EXAMPLE_LENGTH) + " ..." : line;
    }
}
