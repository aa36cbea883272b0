package org.gardpipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.gardpipeline.cli.Main;
import org.gardpipeline.export.Table;
import org.gardpipeline.export.Tables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/data.md is true: its data dictionary names exactly the columns each CSV file has, and every SQL query
 * in it returns what it says on a database built from raw/. To give the date-honesty queries something to
 * find, one edited re-fetch of the raw/ 2022 pages is added (made here, never committed to raw/): one
 * sentence edited under the same date, and one page's date moved.
 */
public class DataDocumentationTest {
    private static final Path DATA_DOC = Path.of("docs/data.md");
    private static final Pattern SQL_BLOCK = Pattern.compile("```sql\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern COLUMN = Pattern.compile("`([a-z_0-9]+)`");

    @TempDir
    static Path dir;

    private static Path db;

    @BeforeAll
    static void buildFromRaw() throws IOException {
        db = sampleDatabase(dir);
    }

    /**
     * Builds, under {@code dir}, the database the documented queries are run on: raw/ and the edited re-fetch.
     * Also the publish tests' samples.
     */
    public static Path sampleDatabase(Path dir) throws IOException {
        Path raw = dir.resolve("raw");
        try (Stream<Path> fetches = Files.list(Path.of("raw"))) {
            for (Path f : (Iterable<Path>) fetches::iterator) {
                FetchSeries.copyFolder(f, raw.resolve(f.getFileName()));
            }
        }
        Path refetch = FetchSeries.copyFolder(Path.of("raw/2022-12-20-site"), raw.resolve("2023-01-15-edited"));
        edit(refetch.resolve("hirschsprung-disease"), "Hirschsprung disease", "Hirschsprung disease (HSCR)", 1);
        edit(refetch.resolve("ollier-disease"), "Last Updated", "Last Updated", 0);
        moveDate(refetch.resolve("ollier-disease"));
        Path db = dir.resolve("gard.sqlite");
        int code = Main.execute("run", "--raw", raw.toString(), "--db", db.toString(), "--out", dir.resolve("out").toString());
        assertTrue(code == 0, "run exited " + code);
        return db;
    }

    /** Replaces the n-th occurrence of a phrase inside the page's summary paragraph (n = 1: the first after it). */
    private static void edit(Path page, String from, String to, int occurrence) throws IOException {
        if (occurrence == 0) {
            return;
        }
        String html = Files.readString(page, StandardCharsets.ISO_8859_1);
        int summary = html.indexOf("is a ", html.indexOf("Summary"));
        int at = html.lastIndexOf(from, summary);
        assertTrue(at > 0, "phrase not found in " + page);
        Files.writeString(page, html.substring(0, at) + to + html.substring(at + from.length()), StandardCharsets.ISO_8859_1);
    }

    private static void moveDate(Path page) throws IOException {
        String html = Files.readString(page, StandardCharsets.ISO_8859_1);
        Matcher m = Pattern.compile("(Last Updated:\\s*(?:<[^>]*>\\s*)*)([A-Z][a-z]+\\.? \\d{1,2}, \\d{4})").matcher(html);
        assertTrue(m.find(), "no Last Updated date in " + page);
        Files.writeString(page, html.substring(0, m.start(2)) + "Jan. 3, 2023" + html.substring(m.end(2)), StandardCharsets.ISO_8859_1);
    }

    public static List<String> documentedQueries() throws IOException {
        List<String> queries = new ArrayList<>();
        Matcher m = SQL_BLOCK.matcher(Files.readString(DATA_DOC));
        while (m.find()) {
            queries.add(m.group(1).strip());
        }
        return queries;
    }

    @Test
    void everyFileOfTheExportIsListedWithItsColumns() throws IOException {
        List<String> doc = Files.readAllLines(DATA_DOC);
        for (Table table : Tables.ALL) {
            String row = doc.stream().filter(l -> l.startsWith("| `" + table.file() + "` |")).findFirst().orElse(null);
            assertNotNull(row, "docs/data.md has no row for " + table.file());
            String columnsCell = row.substring(row.lastIndexOf("| ", row.length() - 3));
            List<String> listed = new ArrayList<>();
            Matcher m = COLUMN.matcher(columnsCell);
            while (m.find()) {
                listed.add(m.group(1));
            }
            assertEquals(table.fieldNames(), listed, table.file());
        }
    }

    @TestFactory
    Stream<DynamicTest> everyDocumentedQueryReturnsWhatItSays() throws IOException {
        List<String> queries = documentedQueries();
        assertEquals(EXPECTED.size(), queries.size(), "docs/data.md holds " + queries.size() + " SQL queries");
        return queries.stream().map(q -> DynamicTest.dynamicTest(q.lines().findFirst().orElse(q), () -> {
            String title = q.lines().findFirst().orElse("");
            List<String> expected = EXPECTED.get(title);
            assertNotNull(expected, "no expected rows for the documented query " + title);
            assertEquals(String.join("\n", expected), render(TestDb.rows(db, q)), q);
        }));
    }

    /** A row as its values joined by " | ", long texts cut to their first 40 characters, line breaks as \\n. */
    private static String render(List<Map<String, Object>> rows) {
        List<String> lines = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            List<String> cells = new ArrayList<>();
            for (Object v : row.values()) {
                String cell = String.valueOf(v);
                cell = cell.length() > 40 ? cell.substring(0, 40) + "..." : cell;
                cells.add(cell.replace("\n", "\\n"));
            }
            lines.add(String.join(" | ", cells));
        }
        return String.join("\n", lines);
    }

    private static final Map<String, List<String>> EXPECTED = Map.ofEntries(
            Map.entry("-- 1. What GARD says now about the causes of a disease", List.of(
                    "Caudal regression sequence | Causes | Genetic Disease\\n\\nCaudal regression seque... | 2021-11-08")),
            Map.entry("-- 2. What changed in the last fetch", List.of(
                    "gard-6660 | summary | changed | 1 | 0 | 0",
                    "gard-7251 | causes | changed | 0 | 1 | 0",
                    "gard-7251 | summary | changed | 0 | 1 | 0",
                    "gard-7251 | symptoms | changed | 0 | 1 | 0")),
            Map.entry("-- 3. The full history of one answer slot, oldest first", List.of(
                    "1 | 2017-01-01 | 2022-12-20 | 2015-09-10 | What causes caudal regression syndrome? | 189",
                    "57 | 2022-12-20 | null | 2021-11-08 | Causes | 37")),
            Map.entry("-- 4. The slots that changed most often", List.of(
                    "gard-6660 | summary | 3",
                    "gard-7251 | causes | 3",
                    "gard-7251 | summary | 3",
                    "gard-7251 | symptoms | 3",
                    "gard-11901 | causes | 2",
                    "gard-11901 | summary | 2",
                    "gard-11901 | symptoms | 2",
                    "gard-2237 | causes | 2",
                    "gard-2237 | summary | 2",
                    "gard-2237 | symptoms | 2",
                    "gard-6660 | causes | 2",
                    "gard-8722 | summary | 2",
                    "gard-11901 | treatment | 1",
                    "gard-2237 | treatment | 1",
                    "gard-6007 | causes | 1",
                    "gard-6007 | summary | 1",
                    "gard-6007 | symptoms | 1",
                    "gard-6660 | inheritance | 1",
                    "gard-6660 | symptoms | 1",
                    "gard-7251 | treatment | 1")),
            Map.entry("-- 5. Stale dates: the text changed but the stated date stayed, or is older than the old text's last sighting", List.of(
                    "2020-12-11 | Factor V deficiency | causes | 2017-04-17 | 2019-01-01 | date before the previous text was last s...",
                    "2020-12-11 | Factor V deficiency | symptoms | 2017-04-17 | 2019-01-01 | date before the previous text was last s...",
                    "2020-12-11 | Factor V deficiency | treatment | 2017-04-17 | 2019-01-01 | date before the previous text was last s...",
                    "2020-12-11 | Hirschsprung disease | causes | 2017-09-04 | 2019-01-01 | date before the previous text was last s...",
                    "2020-12-11 | Hirschsprung disease | inheritance | 2017-09-04 | 2019-01-01 | date before the previous text was last s...",
                    "2020-12-11 | Hirschsprung disease | summary | 2017-09-04 | 2019-01-01 | date before the previous text was last s...",
                    "2020-12-11 | Juvenile amyotrophic lateral sclerosis | causes | 2017-05-11 | 2019-01-01 | date before the previous text was last s...",
                    "2020-12-11 | Juvenile amyotrophic lateral sclerosis | summary | 2018-05-24 | 2019-01-01 | date before the previous text was last s...",
                    "2020-12-11 | Juvenile amyotrophic lateral sclerosis | symptoms | 2017-05-11 | 2019-01-01 | date before the previous text was last s...",
                    "2020-12-11 | Juvenile amyotrophic lateral sclerosis | treatment | 2017-05-11 | 2019-01-01 | date before the previous text was last s...",
                    "2020-12-11 | Ollier disease | causes | 2016-12-26 | 2019-01-01 | date before the previous text was last s...",
                    "2020-12-11 | Ollier disease | summary | 2016-12-12 | 2019-01-01 | date before the previous text was last s...",
                    "2020-12-11 | Ollier disease | symptoms | 2016-12-28 | 2019-01-01 | date before the previous text was last s...",
                    "2020-12-11 | Ollier disease | treatment | 2016-12-26 | 2019-01-01 | date before the previous text was last s...",
                    "2020-12-11 | Paroxysomal nonkinesigenic dyskinesia | summary | 2016-06-21 | 2019-01-01 | date before the previous text was last s...",
                    "2023-01-15 | Hirschsprung disease | summary | 2021-11-08 | 2022-12-20 | date unchanged")),
            Map.entry("-- 6. Date-only changes: the stated date moved, the text did not", List.of(
                    "2023-01-15 | Ollier disease | summary | 2021-11-08 | 2023-01-03",
                    "2023-01-15 | Ollier disease | symptoms | 2021-11-08 | 2023-01-03",
                    "2023-01-15 | Ollier disease | causes | 2021-11-08 | 2023-01-03")),
            Map.entry("-- 7. Answers whose references cite a given PubMed id", List.of(
                    "gard-1163 | summary | 2022-12-20 | Data from the Newborn Screening Coding a...",
                    "gard-1163 | symptoms | 2022-12-20 | Data from the Newborn Screening Coding a...",
                    "gard-11901 | causes | 2022-12-20 | Data from the Newborn Screening Coding a...",
                    "gard-11901 | summary | 2022-12-20 | Data from the Newborn Screening Coding a...",
                    "gard-11901 | symptoms | 2022-12-20 | Data from the Newborn Screening Coding a...",
                    "gard-2237 | causes | 2022-12-20 | Data from the Newborn Screening Coding a...",
                    "gard-2237 | summary | 2022-12-20 | Data from the Newborn Screening Coding a...",
                    "gard-2237 | symptoms | 2022-12-20 | Data from the Newborn Screening Coding a...",
                    "gard-6007 | causes | 2022-12-20 | Data from the Newborn Screening Coding a...",
                    "gard-6007 | summary | 2022-12-20 | Data from the Newborn Screening Coding a...",
                    "gard-6007 | symptoms | 2022-12-20 | Data from the Newborn Screening Coding a...",
                    "gard-6660 | causes | 2022-12-20 | Data from the Newborn Screening Coding a...",
                    "gard-6660 | summary | 2022-12-20 | Data from the Newborn Screening Coding a...",
                    "gard-6660 | summary | 2023-01-15 | Data from the Newborn Screening Coding a...",
                    "gard-6660 | symptoms | 2022-12-20 | Data from the Newborn Screening Coding a...",
                    "gard-7251 | causes | 2022-12-20 | Data from the Newborn Screening Coding a...",
                    "gard-7251 | causes | 2023-01-15 | Data from the Newborn Screening Coding a...",
                    "gard-7251 | summary | 2022-12-20 | Data from the Newborn Screening Coding a...",
                    "gard-7251 | summary | 2023-01-15 | Data from the Newborn Screening Coding a...",
                    "gard-7251 | symptoms | 2022-12-20 | Data from the Newborn Screening Coding a...",
                    "gard-7251 | symptoms | 2023-01-15 | Data from the Newborn Screening Coding a...",
                    "gard-8722 | causes | 2022-12-20 | Data from the Newborn Screening Coding a...",
                    "gard-8722 | summary | 2022-12-20 | Data from the Newborn Screening Coding a...",
                    "gard-8722 | symptoms | 2022-12-20 | Data from the Newborn Screening Coding a...")),
            Map.entry("-- 8. What a page said before: the text that a change replaced", List.of(
                    "2020-12-11 | causes | There are a number of different causes o... | There are a number of different causes o...",
                    "2022-12-20 | causes | There are a number of different causes o... | Genetic Disease\\n\\nHirschsprung disease is...",
                    "2020-12-11 | inheritance | Hirschsprung's disease (HSCR) usually oc... | HSCR usually occurs by itself without ot...",
                    "2020-12-11 | summary | Hirschsprung disease is a disease of the... | Hirschsprung disease (HSCR) is a disease...",
                    "2022-12-20 | summary | Hirschsprung disease (HSCR) is a disease... | Hirschsprung disease (HSCR) is a disease...",
                    "2023-01-15 | summary | Hirschsprung disease (HSCR) is a disease... | Hirschsprung disease (HSCR) (HSCR) is a ...",
                    "2022-12-20 | symptoms | Signs and symptoms are due to the lack o... | Abdominal pain (Upset Stomach) — Very fr...")),
            Map.entry("-- 9. Answers removed from the site, and when", List.of(
                    "2020-12-11 | gard-8722 | q:are-there-non-genetic-causes-of-paroxy... | causes",
                    "2022-12-20 | gard-11901 | treatment | treatment",
                    "2022-12-20 | gard-2237 | inheritance | inheritance",
                    "2022-12-20 | gard-2237 | q:are-there-treatment-centers-for-factor... | treatment",
                    "2022-12-20 | gard-2237 | q:if-my-sibling-has-factor-v-deficiency-... | other",
                    "2022-12-20 | gard-2237 | q:is-factor-v-deficiency-always-inherite... | inheritance",
                    "2022-12-20 | gard-2237 | treatment | treatment",
                    "2022-12-20 | gard-6007 | prognosis | prognosis",
                    "2022-12-20 | gard-6007 | q:do-children-with-caudal-regression-syn... | other",
                    "2022-12-20 | gard-6007 | q:does-caudal-regression-syndrome-cause-... | causes",
                    "2022-12-20 | gard-6007 | q:does-exposure-to-ciprofloxacin-in-preg... | causes",
                    "2022-12-20 | gard-6007 | q:is-there-evidence-that-caudal-regressi... | causes",
                    "2022-12-20 | gard-6660 | inheritance | inheritance",
                    "2022-12-20 | gard-6660 | q:how-can-i-find-a-genetics-professional... | other",
                    "2022-12-20 | gard-6660 | q:how-can-i-learn-more-about-the-pull-th... | other",
                    "2022-12-20 | gard-6660 | q:how-hirschsprung-disease-might-be-trea... | treatment",
                    "2022-12-20 | gard-7251 | diagnosis | diagnosis",
                    "2022-12-20 | gard-7251 | prognosis | prognosis",
                    "2022-12-20 | gard-7251 | q:what-are-the-chances-that-the-benign-t... | other",
                    "2022-12-20 | gard-7251 | q:what-type-of-follow-up-should-individu... | other",
                    "2022-12-20 | gard-7251 | treatment | treatment",
                    "2022-12-20 | gard-8722 | q:are-there-non-genetic-causes-of-paroxy... | other")),
            Map.entry("-- 10. Full-text search over current answers", List.of(
                    "Caudal regression sequence | summary | ...Maternal diabetes, exposure to [retin...")),
            Map.entry("-- 11. Data-quality notes: citations with no reference, references nobody cites", List.of(
                    "gard-11901 | summary | 2020-12-11 | dangling_citation: [3] has no reference ...",
                    "gard-11901 | symptoms | 2019-01-01 | dangling_citation: [133] has no referenc...",
                    "gard-7251 | summary | 2019-01-01 | dangling_citation: [3] has no reference ...",
                    "gard-8722 | summary | 2020-12-11 | dangling_citation: [1] has no reference ...")),
            Map.entry("-- 12. How many answers each fetch held per topic", List.of(
                    "2017-01-01 | causes | 3",
                    "2019-01-01 | causes | 8",
                    "2019-01-01 | inheritance | 1",
                    "2019-01-01 | summary | 5",
                    "2019-01-01 | symptoms | 3",
                    "2019-01-01 | treatment | 3",
                    "2020-12-11 | causes | 9",
                    "2020-12-11 | diagnosis | 1",
                    "2020-12-11 | inheritance | 3",
                    "2020-12-11 | other | 7",
                    "2020-12-11 | prognosis | 2",
                    "2020-12-11 | summary | 6",
                    "2020-12-11 | symptoms | 5",
                    "2020-12-11 | treatment | 5",
                    "2022-12-20 | causes | 10",
                    "2022-12-20 | diagnosis | 1",
                    "2022-12-20 | inheritance | 3",
                    "2022-12-20 | other | 7",
                    "2022-12-20 | prognosis | 2",
                    "2022-12-20 | summary | 7",
                    "2022-12-20 | symptoms | 7",
                    "2022-12-20 | treatment | 5",
                    "2023-01-15 | causes | 10",
                    "2023-01-15 | diagnosis | 1",
                    "2023-01-15 | inheritance | 3",
                    "2023-01-15 | other | 7",
                    "2023-01-15 | prognosis | 2",
                    "2023-01-15 | summary | 7",
                    "2023-01-15 | symptoms | 7",
                    "2023-01-15 | treatment | 5")),
            Map.entry("-- 13. One answer's life across the sources of 2010-2022: when GARD last changed what it says about the causes", List.of(
                    "2019-01-01 | 2020-12-11 | null | added | 0 | What causes Hirschsprung disease? | There are a number of different causes o...",
                    "2020-12-11 | 2022-12-20 | 2017-09-04 | changed | 1 | What causes Hirschsprung disease? | There are a number of different causes o...",
                    "2022-12-20 | null | 2021-11-08 | changed | 1 | Causes | Genetic Disease\\n\\nHirschsprung disease is...")),
            Map.entry("-- 14. Phenotypes a page listed in one source and no longer in the next", List.of(
                    "2020-12-11 | gard-6007 | Abnormality of the wing of the ilium | Very frequent (80%-99%)",
                    "2020-12-11 | gard-6007 | Maternal diabetes | Very frequent (80%-99%)",
                    "2020-12-11 | gard-6007 | Arnold-Chiari malformation | Occasional (5%-29%)",
                    "2020-12-11 | gard-6007 | Absence of the sacrum | null",
                    "2020-12-11 | gard-6007 | Anterior sacral meningocele | null",
                    "2020-12-11 | gard-6007 | Autosomal dominant inheritance | null",
                    "2020-12-11 | gard-6007 | Back pain | null",
                    "2020-12-11 | gard-6007 | Constipation | null",
                    "2020-12-11 | gard-6007 | Dermoid cyst | null",
                    "2020-12-11 | gard-6007 | Headache | null",
                    "2020-12-11 | gard-6007 | Hemisacrum | null",
                    "2020-12-11 | gard-6007 | Meningitis | null",
                    "2020-12-11 | gard-6007 | Meningocele | null",
                    "2020-12-11 | gard-6007 | Neurogenic bladder | null",
                    "2020-12-11 | gard-6007 | Rectal abscess | null",
                    "2020-12-11 | gard-6007 | Sacral lipoma | null",
                    "2020-12-11 | gard-6007 | Urinary retention | null")));
}
