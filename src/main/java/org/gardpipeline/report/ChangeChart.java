package org.gardpipeline.report;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gardpipeline.model.Topic;
import org.gardpipeline.store.ReportQueries.ChangeCount;
import org.gardpipeline.store.ReportQueries.FetchRow;

/**
 * An inline SVG of the change events per fetch or period of fetches (rows, {@link FetchPeriods}) and topic
 * (columns), each cell a bar of added, changed, removed and restored answers with its total beside it. Bar lengths
 * are logarithmic: a first fetch adds thousands of answers and a later one changes a few dozen, and both must be
 * seen; the caption says so in words ({@link #scale}). Each segment's tooltip gives its exact count.
 */
final class ChangeChart {
    static final List<String> KINDS = List.of("added", "changed", "removed", "restored");
    private static final Map<String, String> COLOURS = Map.of("added", "#4c9a5b", "changed", "#d39b22",
            "removed", "#c0392b", "restored", "#3b6fc4");
    private static final int LABEL = 150;
    private static final int CELL = 92;
    /** The longest bar, leaving room for its count beside it. */
    private static final int BAR = 56;
    private static final int ROW = 20;
    private static final int TOP = 40;

    private ChangeChart() {
    }

    /** The chart's caption: what a bar's length and the number beside it say. */
    static String scale(int largest) {
        return "Each bar counts the answers of one topic that a fetch, or the fetches of a period, added, changed, "
                + "removed or restored, split by colour; the number beside it is its total. Bar lengths are logarithmic, "
                + "so that a first fetch's thousands of additions and a day's few changes both show: 1, 10, 100 and "
                + "1,000 answers are equally far apart, and the longest bar is " + largest + " answers.";
    }

    /** The largest total of one bar, which sets the scale. */
    static int largest(List<FetchPeriods.Period> periods, List<ChangeCount> counts) {
        return Math.max(1, totals(periods, counts).values().stream().mapToInt(Integer::intValue).max().orElse(1));
    }

    /** The total of each bar, by period index and topic. */
    private static Map<String, Integer> totals(List<FetchPeriods.Period> periods, List<ChangeCount> counts) {
        Map<Long, Integer> row = rows(periods);
        Map<String, Integer> totals = new HashMap<>();
        for (ChangeCount c : counts) {
            totals.merge(row.get(c.fetchId()) + "/" + c.topic(), c.count(), Integer::sum);
        }
        return totals;
    }

    /** The row of each fetch. */
    private static Map<Long, Integer> rows(List<FetchPeriods.Period> periods) {
        Map<Long, Integer> row = new HashMap<>();
        for (int p = 0; p < periods.size(); p++) {
            for (FetchRow f : periods.get(p).fetches()) {
                row.put(f.fetchId(), p);
            }
        }
        return row;
    }

    /** The chart, newest row last as the fetches run, labelled by {@code id} for the caption that says its scale. */
    static String svg(List<FetchPeriods.Period> periods, List<ChangeCount> counts, String captionId) {
        List<String> topics = java.util.Arrays.stream(Topic.values()).map(Topic::key).toList();
        Map<Long, Integer> row = rows(periods);
        Map<String, Integer> count = new HashMap<>();
        for (ChangeCount c : counts) {
            count.merge(row.get(c.fetchId()) + "/" + c.topic() + "/" + c.change(), c.count(), Integer::sum);
        }
        Map<String, Integer> cellTotals = totals(periods, counts);
        int max = largest(periods, counts);
        int width = LABEL + CELL * topics.size();
        int height = TOP + ROW * periods.size() + 10;
        StringBuilder sb = new StringBuilder();
        sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"chart-title ").append(captionId)
                .append("\" width=\"").append(width).append("\" height=\"")
                .append(height).append("\" viewBox=\"0 0 ").append(width).append(' ').append(height).append("\">\n")
                .append("<title id=\"chart-title\">Answers added, changed, removed and restored per fetch or period and topic</title>\n");
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
        for (int p = 0; p < periods.size(); p++) {
            String name = periods.get(p).name();
            int y = TOP + p * ROW;
            sb.append("<text x=\"0\" y=\"").append(y + 13).append("\">").append(Html.text(shorten(name))).append("</text>\n");
            for (int t = 0; t < topics.size(); t++) {
                String cell = p + "/" + topics.get(t);
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
                sb.append("<text x=\"").append(fmt(at + 3)).append("\" y=\"").append(y + 13).append("\">").append(total)
                        .append("</text>\n");
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
