package org.gardpipeline.report;

import java.util.List;
import java.util.Map;
import org.gardpipeline.store.PageRef;
import org.gardpipeline.store.ReportQueries.ChangeCount;
import org.gardpipeline.store.ReportQueries.FetchRow;

/** The report's front page: the fetches, the chart of changes, the latest changes and every page that changed. */
final class IndexPage {
    /** Lines of latest changes on the front page; every change is on its disease's page. */
    static final int LATEST = 200;

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
        sb.append("<h2>Changes per fetch and topic</h2>\n").append(ChangeChart.svg(fetches, counts));
        fetchTable(sb, fetches);
        sb.append("<h2 id=\"latest\">Latest changes</h2>\n");
        if (changes.isEmpty()) {
            sb.append("<p>No changes yet: every answer is as the first fetch found it.</p>\n");
        } else {
            sb.append("<ul>\n");
            for (PageChanges c : changes.subList(0, Math.min(LATEST, changes.size()))) {
                sb.append("<li>").append(Html.text(c.fetchedAt())).append(" · <a href=\"").append(pageFiles.get(c.page()))
                        .append("\">").append(Html.text(c.page().title())).append("</a>: ").append(Html.text(c.summary()))
                        .append("</li>\n");
            }
            sb.append("</ul>\n");
            if (changes.size() > LATEST) {
                sb.append("<p class=\"meta\">").append(changes.size() - LATEST)
                        .append(" earlier changes are on the pages of their diseases below.</p>\n");
            }
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

    private static void fetchTable(StringBuilder sb, List<FetchRow> fetches) {
        sb.append("<h2>Fetches</h2>\n<table>\n<tr><th>fetched</th><th>label</th><th>source</th><th class=\"n\">documents</th>"
                + "<th class=\"n\">quarantined</th><th class=\"n\">added</th><th class=\"n\">changed</th>"
                + "<th class=\"n\">removed</th><th class=\"n\">restored</th></tr>\n");
        for (int i = fetches.size() - 1; i >= 0; i--) {
            FetchRow f = fetches.get(i);
            sb.append("<tr><td>").append(Html.text(f.fetchedAt())).append("</td><td>").append(Html.text(f.label()))
                    .append("</td><td>").append(Html.text(f.source() == null ? "" : f.source())).append("</td>");
            for (int n : new int[] {f.documents(), f.quarantined(), f.added(), f.changed(), f.removed(), f.restored()}) {
                sb.append("<td class=\"n\">").append(n).append("</td>");
            }
            sb.append("</tr>\n");
        }
        sb.append("</table>\n");
    }
}
