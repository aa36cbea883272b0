package org.gardpipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gardpipeline.FetchSeries;
import org.gardpipeline.output.OutputStamp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Outputs in proportion to the change: a run that ingests a fetch draws again only the report pages of the diseases
 * whose history moved, and its output folder is then, file by file and byte for byte, what a full export of the same
 * database writes into an empty folder. Over the real samples of raw/ fed in one fetch a run, out of date order
 * (two backfills, one of them before the first fetch, which changes which diseases have a page), a nothing-new run,
 * a page renamed on GARD, a page known by name that takes its GARD id (its file's name moves), and an output
 * folder edited by hand.
 */
class IncrementalReportTest {
    private static final Pattern DRAWN = Pattern.compile("wrote the report \\((\\d+) disease pages, (\\d+) of them drawn again\\)");

    @TempDir
    Path dir;

    private Path raw() {
        return dir.resolve("raw");
    }

    private Path out() {
        return dir.resolve("out");
    }

    private void add(String sample) {
        FetchSeries.copyFolder(Path.of("raw", sample), raw().resolve(sample));
    }

    /** The run's disease pages and how many it drew; fails unless it exits 0 and wrote the outputs. */
    private int[] run() throws IOException {
        CommandLineRun r = CommandLineRun.of("run", "--raw", raw().toString(), "--db", dir.resolve("gard.sqlite").toString(),
                "--out", out().toString());
        assertEquals(0, r.exitCode(), r.err());
        Matcher m = DRAWN.matcher(r.err());
        assertTrue(m.find(), r.err());
        assertSameAsAFullExport();
        return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
    }

    private void assertSameAsAFullExport() throws IOException {
        FreshExport.assertSameAs(dir.resolve("gard.sqlite"), out(), dir);
    }

    private String page(String file) throws IOException {
        return Files.readString(out().resolve("report/pages/" + file), StandardCharsets.UTF_8);
    }

    @Test
    void aSeriesWithBackfillsANothingNewRunARenameAndAHandEditGivesWhatAFullExportGives() throws IOException {
        add("2019-01-01-medquad");
        assertEquals(0, run()[0], "the first fetch only finds what is there");

        add("2022-12-20-site");
        int[] site = run();
        assertEquals(site[0], site[1], "no stamped page to keep: every page drawn");
        assertTrue(site[0] > 0);

        add("2020-12-11-api"); // a backfill: between the two, it changes the history of the pages it holds
        int[] api = run();
        assertTrue(api[1] >= 1 && api[1] <= api[0], "the pages the backfill touches are drawn: " + api[1] + " of " + api[0]);

        CommandLineRun nothing = CommandLineRun.of("run", "--raw", raw().toString(), "--db", dir.resolve("gard.sqlite").toString(),
                "--out", out().toString());
        assertEquals(0, nothing.exitCode(), nothing.err());
        assertTrue(nothing.err().contains("not written again"), nothing.err());
        assertSameAsAFullExport();

        add("2017-01-01-answer-text"); // before the first fetch: the history now starts there
        int[] answerText = run();
        assertTrue(answerText[1] >= 1 && answerText[1] < answerText[0],
                "only the pages the plain-text answer touches are drawn: " + answerText[1] + " of " + answerText[0]);

        // GARD renames caudal regression sequence, no answer changed: that page alone is drawn, for its new name
        Path site2023 = FetchSeries.copyFolder(Path.of("raw", "2022-12-20-site"), raw().resolve("2023-01-01-site"));
        Path crs = site2023.resolve("caudal-regression-sequence");
        String html = Files.readString(crs, StandardCharsets.UTF_8);
        html = FetchSeries.edit(html, ">Caudal regression sequence</h1>", ">Caudal regression syndrome</h1>");
        Files.writeString(crs, html, StandardCharsets.UTF_8);
        int[] renamed = run();
        assertEquals(1, renamed[1], "only the page of the renamed disease is drawn again");
        assertTrue(page("gard-6007.html").contains("<h1>Caudal regression syndrome</h1>"));

        // a page edited and a file added by hand: nothing under report/ is trusted, every page is drawn again
        Path edited = out().resolve("report/pages/gard-6660.html");
        Files.writeString(edited, Files.readString(edited, StandardCharsets.UTF_8).replace("<h1>", "<h1>EDITED "), StandardCharsets.UTF_8);
        Files.writeString(out().resolve("report/pages/notes.html"), "<p>mine</p>", StandardCharsets.UTF_8);
        Path site2023b = FetchSeries.copyFolder(site2023, raw().resolve("2023-02-01-site"));
        Path ollier = site2023b.resolve("ollier-disease");
        Files.writeString(ollier, Files.readString(ollier, StandardCharsets.UTF_8).replaceFirst("\\. ", " (edited). "),
                StandardCharsets.UTF_8);
        int[] afterHandEdit = run();
        assertEquals(afterHandEdit[0], afterHandEdit[1], "a hand-edited report is drawn whole");
        assertFalse(page("gard-6660.html").contains("EDITED"));
        assertFalse(Files.exists(out().resolve("report/pages/notes.html")));

        // a stamp cut short (a disk full, a hand at work): nothing is trusted either
        Path stamp = out().resolve(OutputStamp.FILE);
        String text = Files.readString(stamp, StandardCharsets.UTF_8);
        Files.writeString(stamp, text.substring(0, text.length() / 2), StandardCharsets.UTF_8);
        Path site2023c = FetchSeries.copyFolder(site2023b, raw().resolve("2023-03-01-site"));
        Path hirschsprung = site2023c.resolve("hirschsprung-disease");
        Files.writeString(hirschsprung, Files.readString(hirschsprung, StandardCharsets.UTF_8).replaceFirst("\\. ", " (edited). "),
                StandardCharsets.UTF_8);
        int[] afterDamage = run();
        assertEquals(afterDamage[0], afterDamage[1], "a damaged stamp: the report is drawn whole");
    }

    @Test
    void aPageThatTakesItsGardIdLeavesNoFileUnderItsOldName() throws IOException {
        FetchSeries.answerTextAndOneEdit(raw()); // the plain-text answer, known by its name only, edited once
        run();
        assertTrue(Files.exists(out().resolve("report/pages/name-caudal-regression-sequence.html")));

        add("2020-12-11-api"); // GARD's API record carries the id: the page takes it, and its key with it
        run();
        assertTrue(Files.exists(out().resolve("report/pages/gard-6007.html")));
        assertFalse(Files.exists(out().resolve("report/pages/name-caudal-regression-sequence.html")));
    }

    @Test
    void anExportIntoAStampedFolderKeepsThePagesThatDidNotChange() throws IOException {
        add("2019-01-01-medquad");
        add("2020-12-11-api");
        int[] first = run();
        assertTrue(first[0] > 0);
        CommandLineRun export = CommandLineRun.of("export", "--db", dir.resolve("gard.sqlite").toString(), "--out", out().toString());
        assertEquals(0, export.exitCode(), export.err());
        assertTrue(export.out().contains("(" + first[0] + " disease pages, 0 of them drawn again)"), export.out());
        assertSameAsAFullExport();
    }
}
