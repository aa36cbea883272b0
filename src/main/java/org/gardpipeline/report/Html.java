package org.gardpipeline.report;

import java.util.List;
import org.gardpipeline.diff.PhraseDiff;

/**
 * Escaping and the few shared pieces of the report's pages. Every text that comes from GARD or from a fetch
 * goes through {@link #text}: an answer holding {@code <script>} or {@code "><img onerror=...>} is shown as
 * those characters, never run.
 */
final class Html {
    /** The report's one style sheet, beside index.html. */
    static final String STYLE_FILE = "style.css";

    private Html() {
    }

    /** Text escaped for element content and for quoted attribute values alike. */
    static String text(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * A link to a web address from the data, or the bare text when it is not http(s): a reference's URL could
     * be {@code javascript:...}, which a link would run when clicked.
     */
    static String link(String url, String label) {
        if (url != null && (url.startsWith("https://") || url.startsWith("http://"))) {
            return "<a href=\"" + text(url) + "\" rel=\"noopener noreferrer\">" + text(label) + "</a>";
        }
        return text(label);
    }

    /** The start of a page, up to and including the opening of its main element. */
    static String head(String title, String styleHref) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                // An empty icon: otherwise a browser asks file:// for /favicon.ico and logs its absence as an error.
                + "<link rel=\"icon\" href=\"data:,\">\n"
                + "<title>" + text(title) + "</title>\n<link rel=\"stylesheet\" href=\"" + styleHref + "\">\n</head>\n"
                + "<body>\n<main>\n";
    }

    static String foot(String toolVersion) {
        return "</main>\n<footer>Written by gard-pipeline " + text(toolVersion) + " from its history database. "
                + "GARD content: U.S. Government work, public domain; MedQuAD content: CC BY 4.0.</footer>\n</body>\n</html>\n";
    }

    /** A phrase diff with deletions in {@code <del>} and insertions in {@code <ins>}. */
    static String diff(List<PhraseDiff.Run> runs) {
        StringBuilder sb = new StringBuilder("<div class=\"diff\">");
        for (PhraseDiff.Run r : runs) {
            switch (r.kind()) {
                case KEPT -> sb.append(text(r.text()));
                case DELETED -> sb.append("<del>").append(text(r.text())).append("</del>");
                case INSERTED -> sb.append("<ins>").append(text(r.text())).append("</ins>");
            }
        }
        return sb.append("</div>\n").toString();
    }

    static final String STYLE = """
            body { font: 16px/1.5 system-ui, sans-serif; margin: 0; color: #1b1b1b; background: #fff; }
            main { max-width: 60rem; margin: 0 auto; padding: 1rem 1.5rem 3rem; }
            footer { max-width: 60rem; margin: 0 auto; padding: 1rem 1.5rem; color: #555; font-size: 0.85rem; }
            h1 { font-size: 1.6rem; margin-bottom: 0.2rem; } h2 { font-size: 1.25rem; margin-top: 2.5rem; }
            h3 { font-size: 1rem; margin-bottom: 0.3rem; }
            table { border-collapse: collapse; font-size: 0.9rem; } th, td { padding: 0.2rem 0.6rem; text-align: left; }
            td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; } tr:nth-child(even) { background: #f4f4f4; }
            .meta { color: #555; font-size: 0.9rem; }
            .answer, .diff { white-space: pre-wrap; border-left: 3px solid #ccc; padding: 0.3rem 0.8rem; margin: 0.5rem 0; }
            ins { background: #d7f5dd; text-decoration: none; } del { background: #fbd9d9; color: #7a1f1f; }
            ol.timeline { list-style: none; padding: 0; border-left: 2px solid #888; margin-left: 0.5rem; }
            ol.timeline li { padding: 0.1rem 0 0.1rem 1rem; position: relative; }
            ol.timeline li::before { content: ""; position: absolute; left: -0.4rem; top: 0.6rem; width: 0.6rem;
                height: 0.6rem; border-radius: 50%; background: #888; }
            .added { color: #1d6b2f; } .changed { color: #8a5a00; } .removed { color: #a11; } .restored { color: #1b4f9c; }
            .same-words { color: #555; }
            svg text { font: 11px system-ui, sans-serif; fill: #333; }
            """;
}
