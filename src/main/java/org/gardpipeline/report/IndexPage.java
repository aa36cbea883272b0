package org.gardpipeline.report;

import java.util.List;
import java.util.Map;
import org.gardpipeline.store.PageRef;
import org.gardpipeline.store.ReportQueries.ChangeCount;
import org.gardpipeline.store.ReportQueries.FetchRow;

/**
 * The report's front page: the fetches (older ones summed by period), the chart of changes, the newest changes
 * with links to the further pages of the list, and every page that changed. It stays about the same size over
 * years of daily fetches.
 */
final class IndexPage {
    private IndexPage() {
    }

    static String html(List<FetchRow> fetches, List<ChangeCount> counts, List<PageChanges> changes,
                       Map<PageRef, String> pageFiles, String toolVersion) {
        StringBuilder sb = new StringBuilder(Html.head("GARD answer history", Html.STYLE_FILE));
        sb.append("<h1>GARD answer history</h1>\n<p class=\"meta\">What the NIH Genetic and Rare Diseases Information "
                + "Center said about each rare disease, fetch by fetch: ").append(fetches.size()).append(" fetches, ")
                .append(pageFiles.size()).append(" diseases changed after the first fetch.</p>\n");
        if (fetches.isEmpty()) {
            sb.append("<p>No fetches have been ingested yet.</p>\n");
            return sb.append(Html.foot(toolVersion)).toString();
        }
        List<FetchPeriods.Period> periods = FetchPeriods.of(fetches);
        sb.append("<h2>Changes per fetch and topic</h2>\n<figure>\n").append(ChangeChart.svg(periods, counts, "chart-scale"))
                .append("<figcaption id=\"chart-scale\">").append(Html.text(ChangeChart.scale(ChangeChart.largest(periods, counts))))
                .append(summed(fetches)).append("</figcaption>\n</figure>\n");
        fetchTable(sb, periods);
        sb.append("<h2 id=\"latest\">Latest changes</h2>\n");
        if (changes.isEmpty()) {
            sb.append("<p>No changes yet: every answer is as the first fetch found it.</p>\n");
        } else {
            ChangeList.items(sb, ChangeList.slice(changes, 1), pageFiles);
            if (changes.size() > ChangeList.FIRST) {
                sb.append("<p class=\"meta\">").append(changes.size() - ChangeList.FIRST)
                        .append(" earlier changes are on the further pages of changes and on the pages of their diseases.</p>\n");
            }
            ChangeList.nav(sb, changes, 1);
            sb.append("<h2 id=\"diseases\">Diseases that changed</h2>\n<ul>\n");
            pageFiles.entrySet().stream()
                    .sorted(Map.Entry.comparingByKey(java.util.Comparator.comparing(PageRef::title, String.CASE_INSENSITIVE_ORDER)
                            .thenComparing(PageRef::pageKey)))
                    .forEach(e -> sb.append("<li><a href=\"").append(e.getValue()).append("\">")
                            .append(Html.text(e.getKey().title())).append("</a></li>\n"));
            sb.append("</ul>\n");
        }
        return sb.append(Html.foot(toolVersion)).toString();
    }

    /** Says how rows are summed, when some are. */
    private static String summed(List<FetchRow> fetches) {
        return fetches.size() <= FetchPeriods.RECENT ? "" : " The newest " + FetchPeriods.RECENT + " fetches have a row each; "
                + "older ones are summed by week (those within " + FetchPeriods.WEEKS + " weeks of the newest), by month "
                + "(within " + FetchPeriods.MONTHS + " months) and by year; fetches.csv has every fetch.";
    }

    private static void fetchTable(StringBuilder sb, List<FetchPeriods.Period> periods) {
        sb.append("<h2>Fetches</h2>\n<table>\n<tr><th scope=\"col\">fetched</th><th scope=\"col\">label</th>"
                + "<th scope=\"col\">source</th><th scope=\"col\" class=\"n\">documents</th>"
                + "<th scope=\"col\" class=\"n\">quarantined</th><th scope=\"col\" class=\"n\">added</th>"
                + "<th scope=\"col\" class=\"n\">changed</th><th scope=\"col\" class=\"n\">removed</th>"
                + "<th scope=\"col\" class=\"n\">restored</th></tr>\n");
        for (int i = periods.size() - 1; i >= 0; i--) {
            FetchPeriods.Period p = periods.get(i);
            if (p.single()) {
                FetchRow f = p.fetches().get(0);
                sb.append("<tr><td>").append(Html.text(f.fetchedAt())).append("</td><td>").append(Html.text(f.label()))
                        .append("</td><td>").append(Html.text(f.source() == null ? "" : f.source())).append("</td>");
            } else {
                int n = p.fetches().size();
                sb.append("<tr><td>").append(Html.text(p.first())).append(n == 1 ? "" : " to " + Html.text(p.last()))
                        .append("</td><td>").append(n).append(n == 1 ? " fetch (" : " fetches (").append(Html.text(p.name()))
                        .append(")</td><td></td>");
            }
            for (int n : p.counts()) {
                sb.append("<td class=\"n\">").append(n).append("</td>");
            }
            sb.append("</tr>\n");
        }
        sb.append("</table>\n");
    }
}
