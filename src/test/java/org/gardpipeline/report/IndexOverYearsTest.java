package org.gardpipeline.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The index over years of fetches (104 fetches from 2019 to 2023, one change each after the first): older fetches
 * summed by week, month and year with their counts beside the bars and the scale said in words, and the list of
 * changes in pages.
 */
class IndexOverYearsTest {
    @TempDir
    static Path dir;

    private static String index;

    @BeforeAll
    static void runOverYears() throws Exception {
        Path out = SampleReport.years(dir);
        index = Files.readString(out.resolve("report/index.html"), StandardCharsets.UTF_8);
    }

    private static String read(String file) throws Exception {
        return Files.readString(dir.resolve("out/report").resolve(file), StandardCharsets.UTF_8);
    }

    private static int count(String text, String what) {
        return text.split(Pattern.quote(what), -1).length - 1;
    }

    @Test
    void olderFetchesAreSummedByWeekMonthAndYearAndTheNewestShownOneByOne() {
        String table = index.substring(index.indexOf("<h2>Fetches</h2>"), index.indexOf("<h2 id=\"latest\">"));
        // 2019 is more than two years before the newest fetch (2023-03-10): one row for the year
        assertTrue(table.contains("<tr><td>2019-03-01 to 2019-09-01</td><td>2 fetches (2019)</td><td></td><td class=\"n\">2</td>"
                + "<td class=\"n\">0</td><td class=\"n\">3</td><td class=\"n\">1</td>"), table);
        assertTrue(table.contains("<tr><td>2021-05-01</td><td>1 fetch (2021-05)</td>"), table);
        assertTrue(table.contains("<tr><td>2021-08-01</td><td>1 fetch (2021-08)</td>"), table);
        // December 2022 up to twelve weeks before the newest is summed by month, the weeks after by week
        assertTrue(table.contains("<tr><td>2022-12-01 to 2022-12-15</td><td>15 fetches (2022-12)</td>"), table);
        assertTrue(table.contains("<tr><td>2022-12-16 to 2022-12-18</td><td>3 fetches (week of 2022-12-12)</td>"), table);
        assertTrue(table.contains("<tr><td>2022-12-19 to 2022-12-25</td><td>7 fetches (week of 2022-12-19)</td>"), table);
        // the newest fourteen fetches have a row each
        for (int i = 0; i < FetchPeriods.RECENT; i++) {
            String day = LocalDate.of(2023, 3, 10).minusDays(i).toString();
            assertEquals(1, count(table, "<tr><td>" + day + "</td><td></td><td>"), day);
        }
        assertFalse(table.contains("<tr><td>2023-02-24</td>"), "the fifteenth newest is in its week");
        // 104 fetches in 1 year + 3 months + 11 weeks + 14 fetches: 29 rows, and as many in the chart
        assertEquals(1 + 29, count(table, "<tr>"), table);
        String chart = index.substring(index.indexOf("<svg"), index.indexOf("</svg>"));
        assertEquals(29, count(chart, "<text x=\"0\" y="), chart);
    }

    @Test
    void everyBarHasItsCountBesideItAndTheScaleIsSaidInWords() {
        String chart = index.substring(index.indexOf("<svg"), index.indexOf("</svg>"));
        // the year 2019 added the three answers of the first fetch (one per topic, here: causes and two of other)
        // and changed the causes once; each bar's total is written after it
        assertTrue(Pattern.compile("<title>2019, causes: 1 added</title></rect>\n<rect [^>]+><title>2019, causes: 1 changed"
                + "</title></rect>\n<text x=\"[0-9.]+\" y=\"[0-9]+\">2</text>").matcher(chart).find(), chart);
        assertTrue(Pattern.compile("<title>2023-03-10, causes: 1 changed</title></rect>\n<text x=\"[0-9.]+\" y=\"[0-9]+\">1</text>")
                .matcher(chart).find(), chart);
        assertTrue(index.contains("<figcaption id=\"chart-scale\">"), index);
        assertTrue(index.contains("Bar lengths are logarithmic"), index);
        assertTrue(index.contains("the longest bar is 15 answers"), "the causes of 2022-12-01 to 2022-12-15: " + index);
        assertTrue(index.contains("aria-labelledby=\"chart-title chart-scale\""), index);
    }

    @Test
    void theChangesArePagedAndEveryPageLinksToTheOthers() throws Exception {
        String latest = index.substring(index.indexOf("<h2 id=\"latest\">"), index.indexOf("<h2 id=\"diseases\">"));
        assertEquals(ChangeList.FIRST, count(latest, "<li>2"), latest);
        assertTrue(latest.contains("<li>2023-03-10 · <a href=\"pages/name-caudal-regression-sequence.html\">"), latest);
        assertTrue(latest.contains("<li><strong aria-current=\"page\">1</strong> (2023-01-20 to 2023-03-10)</li>"), latest);
        assertTrue(latest.contains("<li><a href=\"changes-2.html\">2</a> (2019-09-01 to 2023-01-19)</li>"), latest);
        String second = read("changes-2.html");
        assertEquals(103 - ChangeList.FIRST, count(second, "<li>2"), second);
        assertTrue(second.contains("<h1>Changes, page 2 of 2</h1>"), second);
        assertTrue(second.contains("<li><a href=\"index.html\">1</a> (2023-01-20 to 2023-03-10)</li>"), second);
        assertTrue(second.contains("<li><strong aria-current=\"page\">2</strong>"), second);
        assertTrue(second.contains("<li>2019-09-01 · <a href=\"pages/name-caudal-regression-sequence.html\">"), second);
        assertFalse(Files.exists(dir.resolve("out/report/changes-3.html")));
    }

    @Test
    void periodsAreReckonedFromTheNewestFetch() {
        LocalDate newest = LocalDate.of(2023, 3, 10);
        assertEquals("week of 2022-12-12", FetchPeriods.period(LocalDate.of(2022, 12, 16), newest));
        assertEquals("2022-12", FetchPeriods.period(LocalDate.of(2022, 12, 15), newest));
        assertEquals("2021-03", FetchPeriods.period(LocalDate.of(2021, 3, 10), newest));
        assertEquals("2021", FetchPeriods.period(LocalDate.of(2021, 3, 9), newest));
        assertEquals(List.of(), FetchPeriods.of(List.of()));
    }
}
