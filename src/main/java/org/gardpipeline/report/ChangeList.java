package org.gardpipeline.report;

import java.util.List;
import java.util.Map;
import org.gardpipeline.store.PageRef;

/**
 * The list of changes, newest first, in pages: the newest {@value #FIRST} on the index, then
 * {@code changes-2.html}, {@code changes-3.html}, ... of {@value #PER_PAGE} each, every page linking to all the
 * others with the dates it covers. Static files, so the report still opens from file:// and any web server;
 * a year of daily fetches changing 1% of pages makes about 85 of them.
 */
final class ChangeList {
    static final int FIRST = 50;
    static final int PER_PAGE = 250;

    private ChangeList() {
    }

    /** How many pages the list takes, the index included. */
    static int pages(int changes) {
        return changes <= FIRST ? 1 : 2 + (changes - FIRST - 1) / PER_PAGE;
    }

    /** The file of page {@code n} (1 is the index), relative to the report folder. */
    static String file(int n) {
        return n == 1 ? "index.html" : "changes-" + n + ".html";
    }

    static List<PageChanges> slice(List<PageChanges> changes, int n) {
        int from = n == 1 ? 0 : FIRST + (n - 2) * PER_PAGE;
        int to = Math.min(changes.size(), n == 1 ? FIRST : from + PER_PAGE);
        return changes.subList(from, to);
    }

    /** The changes of one page as a list, each linking to its disease's page. */
    static void items(StringBuilder sb, List<PageChanges> slice, Map<PageRef, String> pageFiles) {
        sb.append("<ul>\n");
        for (PageChanges c : slice) {
            sb.append("<li>").append(Html.text(c.fetchedAt())).append(" · <a href=\"").append(pageFiles.get(c.page()))
                    .append("\">").append(Html.text(c.page().title())).append("</a>: ").append(Html.text(c.summary()))
                    .append("</li>\n");
        }
        sb.append("</ul>\n");
    }

    /** Links to every page of the list with the fetch dates each covers; the current one marked, not linked. */
    static void nav(StringBuilder sb, List<PageChanges> changes, int current) {
        int pages = pages(changes.size());
        if (pages == 1) {
            return;
        }
        sb.append("<nav aria-label=\"Pages of changes\" class=\"pages\">\n<p>Pages of changes, newest first:</p>\n<ol>\n");
        for (int n = 1; n <= pages; n++) {
            List<PageChanges> slice = slice(changes, n);
            String dates = slice.get(slice.size() - 1).fetchedAt() + " to " + slice.get(0).fetchedAt();
            sb.append("<li>");
            if (n == current) {
                sb.append("<strong aria-current=\"page\">").append(n).append("</strong> (").append(Html.text(dates)).append(')');
            } else {
                sb.append("<a href=\"").append(file(n)).append("\">").append(n).append("</a> (").append(Html.text(dates))
                        .append(')');
            }
            sb.append("</li>\n");
        }
        sb.append("</ol>\n</nav>\n");
    }

    /** Page {@code n}, 2 or more, of the list. */
    static String html(List<PageChanges> changes, int n, Map<PageRef, String> pageFiles, String toolVersion) {
        List<PageChanges> slice = slice(changes, n);
        StringBuilder sb = new StringBuilder(Html.head("Changes, page " + n + " · GARD answer history", Html.STYLE_FILE));
        sb.append("<p class=\"meta\"><a href=\"index.html\">All changes</a></p>\n<h1>Changes, page ").append(n)
                .append(" of ").append(pages(changes.size())).append("</h1>\n<p class=\"meta\">Changes ")
                .append(FIRST + (n - 2) * PER_PAGE + 1).append(" to ").append(FIRST + (n - 2) * PER_PAGE + slice.size())
                .append(" of ").append(changes.size()).append(", newest first: fetched ")
                .append(Html.text(slice.get(slice.size() - 1).fetchedAt())).append(" to ")
                .append(Html.text(slice.get(0).fetchedAt())).append(".</p>\n");
        items(sb, slice, pageFiles);
        nav(sb, changes, n);
        return sb.append(Html.foot(toolVersion)).toString();
    }
}
