package org.gardpipeline.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gardpipeline.diff.ChangeSummary;
import org.gardpipeline.diff.PhraseDiff;
import org.gardpipeline.store.PageRef;
import org.gardpipeline.store.ReportQueries.VersionReference;
import org.gardpipeline.store.VersionRecord;

/**
 * The page of one disease: every answer slot with its versions on a timeline, its text as it stands, and the
 * diff of each change (newest first) with the dates and references beside it. The text of older versions is
 * in the diffs (kept and deleted runs), so it is not repeated: that keeps a page of many versions small.
 */
final class DiseasePage {
    private final PageRef page;
    private final List<VersionRecord> versions;
    private final Map<String, List<String>> removals;
    private final Map<Long, List<VersionReference>> references;

    DiseasePage(PageRef page, List<VersionRecord> versions, Map<String, List<String>> removals,
                Map<Long, List<VersionReference>> references) {
        this.page = page;
        this.versions = versions;
        this.removals = removals;
        this.references = references;
    }

    /** The page on GARD's site, or null for a page known only by name. */
    static String gardUrl(PageRef page) {
        if (page.gardId() == null) {
            return null;
        }
        return "https://rarediseases.info.nih.gov/diseases/" + page.gardId() + (page.slug() == null ? "" : "/" + page.slug());
    }

    String html(String toolVersion) {
        StringBuilder sb = new StringBuilder(Html.head(page.title() + " · GARD answer history", "../" + Html.STYLE_FILE));
        sb.append("<p class=\"meta\"><a href=\"../index.html\">All changes</a></p>\n");
        sb.append("<h1>").append(Html.text(page.title())).append("</h1>\n<p class=\"meta\">")
                .append(Html.text(page.pageKey()));
        String url = gardUrl(page);
        if (url != null) {
            sb.append(" · ").append(Html.link(url, "the page on GARD"));
        }
        sb.append("</p>\n");
        Map<String, List<VersionRecord>> slots = new LinkedHashMap<>();
        versions.forEach(v -> slots.computeIfAbsent(v.slotKey(), k -> new ArrayList<>()).add(v));
        sb.append("<nav><ul>\n");
        slots.keySet().forEach(k -> sb.append("<li><a href=\"#").append(anchor(k)).append("\">").append(Html.text(k))
                .append("</a></li>\n"));
        sb.append("</ul></nav>\n");
        slots.forEach((slot, list) -> slot(sb, slot, list));
        return sb.append(Html.foot(toolVersion)).toString();
    }

    /** An id for a slot key that is safe in a URL fragment ("q:" keys hold spaces and punctuation). */
    static String anchor(String slotKey) {
        return "slot-" + slotKey.replaceAll("[^A-Za-z0-9_-]", "_");
    }

    private void slot(StringBuilder sb, String slot, List<VersionRecord> list) {
        VersionRecord newest = list.get(list.size() - 1);
        List<String> removedOn = removals.getOrDefault(slot, List.of());
        sb.append("<section id=\"").append(anchor(slot)).append("\">\n<h2>").append(Html.text(slot)).append("</h2>\n");
        sb.append("<p class=\"meta\">").append(Html.text(newest.question())).append("</p>\n");
        sb.append("<ol class=\"timeline\">\n");
        for (VersionRecord v : list) {
            String event = v.startedBy(v == list.get(0));
            sb.append("<li><span class=\"").append(event.replace(' ', '-')).append("\">")
                    .append(Html.text(event)).append("</span> ")
                    .append(Html.text(v.validFrom())).append(" to ")
                    .append(Html.text(v.validTo() == null ? "now" : v.validTo())).append(" · ")
                    .append(Html.text(ChangeSummary.date(v.lastUpdated()))).append(" · ")
                    .append(references.getOrDefault(v.versionId(), List.of()).size()).append(" references</li>\n");
        }
        for (String date : removedOn) {
            sb.append("<li><span class=\"removed\">removed</span> ").append(Html.text(date)).append("</li>\n");
        }
        sb.append("</ol>\n");
        if (newest.present()) {
            sb.append("<h3>As it stands (").append(Html.text(ChangeSummary.date(newest.lastUpdated()))).append(")</h3>\n")
                    .append("<div class=\"answer\">").append(Html.text(newest.answerText())).append("</div>\n");
        } else {
            sb.append("<p><span class=\"removed\">No longer on the page.</span> Its last text is in the newest diff below"
                    + (list.size() == 1 ? " (none: it had one version):" : ".") + "</p>\n");
            if (list.size() == 1) {
                sb.append("<div class=\"answer\">").append(Html.text(newest.answerText())).append("</div>\n");
            }
        }
        for (int i = list.size() - 1; i > 0; i--) {
            change(sb, list.get(i - 1), list.get(i));
        }
        List<VersionReference> refs = references.getOrDefault(newest.versionId(), List.of());
        if (!refs.isEmpty()) {
            sb.append("<h3>References of the newest version</h3>\n<ol>\n");
            refs.forEach(r -> sb.append("<li value=\"").append(r.number()).append("\">")
                    .append(Html.link(r.url(), r.citation())).append("</li>\n"));
            sb.append("</ol>\n");
        }
        sb.append("</section>\n");
    }

    private void change(StringBuilder sb, VersionRecord older, VersionRecord newer) {
        ChangeSummary summary = ChangeSummary.between(older.lastUpdated(), newer.lastUpdated(), citations(older),
                citations(newer));
        sb.append("<h3>").append(Html.text(newer.startedBy(false))).append(" on ")
                .append(Html.text(newer.validFrom())).append("</h3>\n");
        if (summary.dateChanged()) {
            sb.append("<p class=\"meta\">Date: ").append(Html.text(ChangeSummary.date(older.lastUpdated())))
                    .append(" → ").append(Html.text(ChangeSummary.date(newer.lastUpdated()))).append("</p>\n");
        }
        if (summary.referencesChanged()) {
            sb.append("<p class=\"meta\">References: ").append(summary.referencesRemoved().size()).append(" removed, ")
                    .append(summary.referencesAdded().size()).append(" added</p>\n<ul class=\"meta\">\n");
            summary.referencesRemoved().forEach(c -> sb.append("<li><del>").append(Html.text(c)).append("</del></li>\n"));
            summary.referencesAdded().forEach(c -> sb.append("<li><ins>").append(Html.text(c)).append("</ins></li>\n"));
            sb.append("</ul>\n");
        }
        if (older.answerText().equals(newer.answerText())) {
            sb.append("<p class=\"meta\">The text is the same.</p>\n");
        } else {
            sb.append(Html.diff(PhraseDiff.between(older.answerText(), newer.answerText())));
        }
    }

    private List<String> citations(VersionRecord v) {
        return references.getOrDefault(v.versionId(), List.of()).stream().map(VersionReference::citation).toList();
    }
}
