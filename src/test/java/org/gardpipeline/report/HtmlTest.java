package org.gardpipeline.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.gardpipeline.store.PageRef;
import org.gardpipeline.store.ReportQueries.ChangeRow;
import org.junit.jupiter.api.Test;

/** Escaping, links from the data, and the file names of disease pages. */
class HtmlTest {
    @Test
    void everyCharacterThatMeansMarkupIsEscaped() {
        assertEquals("&lt;b title=&quot;x&quot; data-a=&#39;y&#39;&gt;&amp;amp;&lt;/b&gt;", Html.text("<b title=\"x\" data-a='y'>&amp;</b>"));
        assertEquals("", Html.text(null));
    }

    @Test
    void onlyWebAddressesBecomeLinks() {
        assertEquals("<a href=\"https://example.org/a?b=1&amp;c=&quot;2&quot;\" rel=\"noopener noreferrer\">cite &lt;1&gt;</a>",
                Html.link("https://example.org/a?b=1&c=\"2\"", "cite <1>"));
        assertEquals("cite", Html.link("javascript:alert(1)", "cite"));
        assertEquals("cite", Html.link(null, "cite"));
    }

    @Test
    void pageFilesAreTheKeysWithOddCharactersReplacedAndThePageIdAdded() {
        PageRef gard = new PageRef(3, "gard-6007", "6007", "caudal-regression-sequence", "Caudal regression sequence");
        PageRef named = new PageRef(7, "name-caudal regression/sequence", null, null, "Caudal regression/sequence");
        List<ChangeRow> rows = List.of(row(named), row(gard), row(gard));
        Map<PageRef, String> files = ReportWriter.pageFiles(PageChanges.group(rows));
        assertEquals(Map.of(gard, "pages/gard-6007.html", named, "pages/name-caudal_regression_sequence-7.html"), files);
    }

    private static ChangeRow row(PageRef page) {
        return new ChangeRow(1, "2024-01-01", "", page, "causes", "causes", "changed", true, false, false);
    }
}
