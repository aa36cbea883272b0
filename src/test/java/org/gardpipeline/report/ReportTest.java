package org.gardpipeline.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.gardpipeline.cli.CommandLineRun;
import org.gardpipeline.cli.Main;
import org.gardpipeline.store.HistoryStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report of the samples: what its pages hold, escaping, determinism, an empty database, a failed write. */
class ReportTest {
    @TempDir
    static Path dir;

    private static Path out;

    @BeforeAll
    static void runOnTheSamples() {
        out = SampleReport.samples(dir.resolve("samples"));
    }

    private static String read(Path file) throws Exception {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    private static int count(String text, String what) {
        return text.split(Pattern.quote(what), -1).length - 1;
    }

    @Test
    void theIndexListsTheFetchesChartsTheChangesAndLinksEveryDiseasePage() throws Exception {
        String index = read(out.resolve("report/index.html"));
        assertTrue(index.contains("4 fetches, 7 diseases changed after the first fetch"), index);
        assertTrue(index.contains("<svg xmlns=\"http://www.w3.org/2000/svg\""), index);
        assertTrue(index.contains("<title>2022-12-20 site, causes: 5 changed</title>"), index);
        assertTrue(index.contains("<td>2019-01-01</td><td>medquad</td><td>MedQuAD 2_GARD_QA"), index);
        assertTrue(index.contains("2022-12-20 · <a href=\"pages/gard-6007.html\">Caudal regression sequence</a>: causes "
                + "changed (text, date, references), prognosis removed"), index);
        List<String> pages;
        try (Stream<Path> files = Files.list(out.resolve("report/pages"))) {
            pages = files.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertEquals(List.of("gard-1163.html", "gard-11901.html", "gard-2237.html", "gard-6007.html", "gard-6660.html",
                "gard-7251.html", "gard-8722.html"), pages);
        String list = index.substring(index.indexOf("<h2 id=\"diseases\">"));
        for (String page : pages) {
            assertEquals(1, count(list, "href=\"pages/" + page + "\""), page + " in the list of diseases that changed");
        }
        // 6007 was first seen in the first fetch (not a change), gained answers in 2020 and changed in 2022; 6660 was
        // added in 2019 and changed in 2020 and in 2022.
        assertEquals(3, count(index, "href=\"pages/gard-6007.html\""));
        assertEquals(4, count(index, "href=\"pages/gard-6660.html\""));
    }

    @Test
    void theDiseasePageShowsEverySlotItsVersionsTheDiffAndTheReferenceChanges() throws Exception {
        String page = read(out.resolve("report/pages/gard-6007.html"));
        assertEquals(8, count(page, "<section id="), "every answer slot of caudal regression sequence");
        assertTrue(page.contains("<a href=\"https://rarediseases.info.nih.gov/diseases/6007/caudal-regression-sequence\""), page);
        assertTrue(page.contains("<li><span class=\"added\">added</span> 2017-01-01 to 2022-12-20 · last updated 2015-09-10 "
                + "· 2 references</li>"), page);
        assertTrue(page.contains("<li><span class=\"changed\">changed</span> 2022-12-20 to now · last updated 2021-11-08 "
                + "· 7 references</li>"), page);
        assertTrue(page.contains("<p class=\"meta\">Date: last updated 2015-09-10 → last updated 2021-11-08</p>"), page);
        assertTrue(page.contains("References: 2 removed, 7 added"), page);
        assertTrue(page.contains("<div class=\"diff\"><del>Caudal regression syndrome (CRS) may have different causes"), page);
        assertTrue(page.contains("<ins>Genetic Disease\n\nCaudal regression sequence is a genetic disease"), page);
        assertTrue(page.contains("<span class=\"removed\">removed</span> 2022-12-20"), "the plain-text questions the 2022 "
                + "page no longer has: " + page);
        assertFalse(page.contains("null"), page);
    }

    @Test
    void anAnswerWithNoDateSaysSo() throws Exception {
        String page = read(out.resolve("report/pages/gard-6660.html"));
        assertTrue(page.contains("2019-01-01 to 2020-12-11 · no date stated"), page);
        assertFalse(page.contains("null"), page);
    }

    @Test
    void markupInAnAnswerIsShownAsText() throws Exception {
        Path hostile = SampleReport.hostileAnswer(dir.resolve("hostile"));
        String page = read(hostile.resolve("report/pages/name-caudal-regression-sequence.html"));
        assertFalse(page.contains("<script"), page);
        assertFalse(page.contains("<img"), page);
        assertTrue(page.contains("<del>managed.[2]</del><ins>managed &lt;script&gt;alert(&#39;gard&#39;)&lt;/script&gt; and "
                + "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;.[2]</ins>"), page);
    }

    @Test
    void twoReportsOfOneDatabaseAreByteIdentical() throws Exception {
        Path db = dir.resolve("samples/gard.sqlite");
        for (String copy : List.of("a", "b")) {
            assertEquals(0, Main.execute("export", "--db", db.toString(), "--out", dir.resolve(copy).toString()));
        }
        Map<String, byte[]> a = files(dir.resolve("a"));
        Map<String, byte[]> b = files(dir.resolve("b"));
        assertEquals(a.keySet(), b.keySet());
        assertTrue(a.keySet().containsAll(List.of("changes.atom", "datapackage.json", "report/index.html",
                "report/pages/gard-6007.html")), a.keySet().toString());
        for (String name : a.keySet()) {
            assertArrayEquals(a.get(name), b.get(name), name);
        }
    }

    private static Map<String, byte[]> files(Path folder) throws Exception {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path p : (Iterable<Path>) all.filter(Files::isRegularFile)::iterator) {
                files.put(folder.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return files;
    }

    @Test
    void aDatabaseWithNoFetchesGivesAnEmptyReport() throws Exception {
        Path db = dir.resolve("empty.sqlite");
        HistoryStore.open(db).close();
        assertEquals(0, Main.execute("report", "--db", db.toString(), "--out", dir.resolve("empty").toString()));
        String index = read(dir.resolve("empty/report/index.html"));
        assertTrue(index.contains("0 fetches, 0 diseases changed") && index.contains("No fetches have been ingested yet."), index);
        try (Stream<Path> pages = Files.list(dir.resolve("empty/report/pages"))) {
            assertEquals(0, pages.count());
        }
    }

    @Test
    void anOutputFolderThatCannotBeMadeFailsWithOneLine() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "not a folder");
        StringWriter err = new StringWriter();
        int code = run(err, "report", "--db", dir.resolve("samples/gard.sqlite").toString(), "--out", file.resolve("out").toString());
        assertEquals(2, code);
        assertEquals(1, err.toString().lines().count(), err.toString());
        assertTrue(err.toString().startsWith("gard report: cannot write the report to output folder " + file.resolve("out")),
                err.toString());
    }

    @Test
    void aFailedWriteLeavesThePreviousReportInPlace() throws Exception {
        Path target = dir.resolve("previous");
        Path db = dir.resolve("samples/gard.sqlite");
        assertEquals(0, Main.execute("report", "--db", db.toString(), "--out", target.toString()));
        Map<String, byte[]> before = files(target.resolve("report"));
        // The feed's place taken by a folder with a file in it: the new feed cannot be moved in, as on a full
        // or broken disk, and that happens before the report folder is replaced.
        Files.delete(target.resolve("changes.atom"));
        Files.createDirectories(target.resolve("changes.atom/kept"));
        Files.writeString(target.resolve("report/index.html"), "the previous report");
        before.put("index.html", "the previous report".getBytes(StandardCharsets.UTF_8));
        StringWriter err = new StringWriter();
        assertEquals(1, run(err, "report", "--db", db.toString(), "--out", target.toString()));
        assertEquals(1, err.toString().lines().count(), err.toString());
        assertTrue(err.toString().startsWith("gard report: cannot write the report to " + target + ": "), err.toString());
        Map<String, byte[]> after = files(target.resolve("report"));
        assertEquals(before.keySet(), after.keySet());
        for (String name : before.keySet()) {
            assertArrayEquals(before.get(name), after.get(name), name);
        }
        try (Stream<Path> left = Files.list(target)) {
            assertEquals(List.of("changes.atom", "report"), left.map(p -> p.getFileName().toString()).sorted().toList(),
                    "no temporary file left behind");
        }
    }

    private static int run(StringWriter err, String... args) {
        CommandLineRun r = CommandLineRun.of(args);
        err.write(r.err());
        return r.exitCode();
    }

    /** The links of a page to files of the report, which must all exist (a browser shows none of them missing). */
    static List<String> localLinks(String html) {
        Matcher m = Pattern.compile("(?:href|src)=\"([^\"#:]+)\"").matcher(html);
        List<String> links = new java.util.ArrayList<>();
        while (m.find()) {
            links.add(m.group(1));
        }
        return links;
    }

    @Test
    void everyLinkWithinTheReportResolves() throws Exception {
        int checked = 0;
        try (Stream<Path> all = Files.walk(out.resolve("report"))) {
            for (Path page : (Iterable<Path>) all.filter(p -> p.toString().endsWith(".html"))::iterator) {
                for (String link : localLinks(read(page))) {
                    assertTrue(Files.isRegularFile(page.resolveSibling(link)), page + " links to missing " + link);
                    checked++;
                }
            }
        }
        assertTrue(checked > 20, "links checked: " + checked);
    }
}
