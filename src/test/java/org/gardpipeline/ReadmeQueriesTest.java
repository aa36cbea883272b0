package org.gardpipeline;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.gardpipeline.cli.Main;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every SQL query in the README runs against a database built from raw/ and returns rows. To give the
 * date-honesty queries something to find, one edited re-fetch of the raw/ 2022 pages is added (made here,
 * never committed to raw/): one sentence edited under the same date, and one page's date moved.
 */
class ReadmeQueriesTest {
    private static final Pattern SQL_BLOCK = Pattern.compile("```sql\\n(.*?)```", Pattern.DOTALL);

    @TempDir
    static Path dir;

    private static Path db;

    @BeforeAll
    static void buildFromRaw() throws IOException {
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
        db = dir.resolve("gard.sqlite");
        int code = Main.execute("run", "--raw", raw.toString(), "--db", db.toString(), "--out", dir.resolve("out").toString());
        assertTrue(code == 0, "run exited " + code);
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

    static List<String> readmeQueries() throws IOException {
        List<String> queries = new ArrayList<>();
        Matcher m = SQL_BLOCK.matcher(Files.readString(Path.of("README.md")));
        while (m.find()) {
            queries.add(m.group(1).strip());
        }
        return queries;
    }

    @TestFactory
    Stream<DynamicTest> everyReadmeQueryReturnsRows() throws IOException {
        List<String> queries = readmeQueries();
        assertTrue(queries.size() >= 8, "the README holds " + queries.size() + " SQL queries");
        return queries.stream().map(q -> DynamicTest.dynamicTest(q.lines().findFirst().orElse(q), () ->
                assertTrue(!TestDb.rows(db, q).isEmpty(), "no rows from README query:\n" + q)));
    }
}
