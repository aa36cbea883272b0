package org.gardpipeline.report;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gardpipeline.model.Topic;
import org.gardpipeline.store.ReportQueries.ChangeCount;
import org.gardpipeline.store.ReportQueries.FetchRow;

/**
 * An inline SVG of the change events per fetch (rows) and topic (columns), each cell a bar of added, changed,
 * removed and restored answers. Bar lengths are logarithmic: a first fetch adds thousands of answers and a
 * later one changes a few dozen, and both must be seen. Each segment's tooltip gives its exact count.
 */
final class ChangeChart {
    static final List<String> KINDS = List.of("added", "changed", "removed", "restored");
    private static final Map<String, String> COLOURS = Map.of("added", "#4c9a5b", "changed", "#d39b22",
            "removed", "#c0392b", "restored", "#3b6fc4");
    private static final int LABEL = 150;
    private static final int CELL = 92;
    private static final int BAR = 84;
    private static final int ROW = 20;
    private static final int TOP = 40;

    private ChangeChart() {
    }

    static String svg(List<FetchRow> fetches, List<ChangeCount> counts) {
        List<String> topics = java.util.Arrays.stream(Topic.values()).map(Topic::key).toList();
        Map<String, Integer> count = new HashMap<>();
        int max = 1;
        Map<String, Integer> cellTotals = new HashMap<>();
        for (ChangeCount c : counts) {
            count.put(c.fetchId() + "/" + c.topic() + "/" + c.change(), c.count());
            cellTotals.merge(c.fetchId() + "/" + c.topic(), c.count(), Integer::sum);
        }
        for (int total : cellTotals.values()) {
            max = Math.max(max, total);
        }
        int width = LABEL + CELL * topics.size();
        int height = TOP + ROW * fetches.size() + 10;
        StringBuilder sb = new StringBuilder();
        sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"").append(width).append("\" height=\"")
                .append(height).append("\" viewBox=\"0 0 ").append(width).append(' ').append(height).append("\">\n")
                .append("<title>Answers added, changed, removed and restored per fetch and topic</title>\n");
        int x = 0;
        for (String kind : KINDS) {
            sb.append("<rect x=\"").append(x).append("\" y=\"2\" width=\"10\" height=\"10\" fill=\"").append(COLOURS.get(kind))
                    .append("\"/><text x=\"").append(x + 14).append("\" y=\"11\">").append(kind).append("</text>\n");
            x += 80;
        }
        for (int t = 0; t < topics.size(); t++) {
            sb.append("<text x=\"").append(LABEL + t * CELL).append("\" y=\"").append(TOP - 6).append("\">")
                    .append(topics.get(t)).append("</text>\n");
        }
        double scale = Math.log1p(max);
        for (int f = 0; f < fetches.size(); f++) {
            FetchRow fetch = fetches.get(f);
            int y = TOP + f * ROW;
            String name = fetch.fetchedAt() + (fetch.label().isEmpty() ? "" : " " + fetch.label());
            sb.append("<text x=\"0\" y=\"").append(y + 13).append("\">").append(Html.text(shorten(name))).append("</text>\n");
            for (int t = 0; t < topics.size(); t++) {
                String cell = fetch.fetchId() + "/" + topics.get(t);
                int total = cellTotals.getOrDefault(cell, 0);
                if (total == 0) {
                    continue;
                }
                double length = BAR * Math.log1p(total) / scale;
                double at = LABEL + t * CELL;
                for (String kind : KINDS) {
                    int n = count.getOrDefault(cell + "/" + kind, 0);
                    if (n == 0) {
                        continue;
                    }
                    double w = Math.max(1.0, length * n / total);
                    sb.append("<rect x=\"").append(fmt(at)).append("\" y=\"").append(y + 3).append("\" width=\"")
                            .append(fmt(w)).append("\" height=\"").append(ROW - 6).append("\" fill=\"")
                            .append(COLOURS.get(kind)).append("\"><title>").append(Html.text(name)).append(", ")
                            .append(topics.get(t)).append(": ").append(n).append(' ').append(kind)
                            .append("</title></rect>\n");
                    at += w;
                }
            }
        }
        return sb.append("</svg>\n").toString();
    }

    private static String shorten(String name) {
        return name.length() <= 24 ? name : name.substring(0, 23) + "…";
    }

    /** One decimal, with a point whatever the locale, so that the file is the same on every machine. */
    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
