package org.gardpipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.gardpipeline.FetchSeries;
import org.gardpipeline.files.FileFingerprint;
import org.gardpipeline.output.OutputFiles;
import org.gardpipeline.output.OutputStamp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Equivalence of the shortcut of a nothing-new run: when it leaves the CSV files, the report and the feed as they
 * were (stamped with this database's state), they are byte for byte what writing them again gives; and whatever
 * makes them differ (a file deleted, edited or added, another command's export, a fetch ingested by another
 * command) makes the run write them again.
 */
class OutputStampTest {
    @TempDir
    Path dir;
    private Path raw;

    @BeforeEach
    void series() {
        raw = FetchSeries.answerTextAndOneEdit(dir.resolve("raw"));
    }

    private Path db() {
        return dir.resolve("gard.sqlite");
    }

    private Path out() {
        return dir.resolve("out");
    }

    private CommandLineRun run() {
        CommandLineRun r = CommandLineRun.of("run", "--raw", raw.toString(), "--db", db().toString(), "--out", out().toString(), "--json");
        assertEquals(0, r.exitCode(), r.err());
        return r;
    }

    private static boolean written(CommandLineRun r) {
        try {
            return new ObjectMapper().readTree(r.out()).get("outputs_written").asBoolean();
        } catch (IOException e) {
            throw new AssertionError(r.out(), e);
        }
    }

    /** The output folder holds exactly what a fresh export of the database writes into an empty folder. */
    private void assertSameAsWrittenAgain() throws IOException {
        FreshExport.assertSameAs(db(), out(), dir);
    }

    @Test
    void aNothingNewRunLeavesTheOutputsAsWrittenAndTheyAreWhatWritingThemAgainGives() throws IOException {
        assertTrue(written(run()));
        Path answers = out().resolve("answers.csv");
        FileTime before = Files.getLastModifiedTime(answers);
        Object inode = Files.getAttribute(answers, "unix:ino");

        CommandLineRun second = run();
        assertFalse(written(second), second.err());
        assertTrue(second.err().contains("are those of this database already: not written again"), second.err());
        assertEquals(before, Files.getLastModifiedTime(answers));
        assertEquals(inode, Files.getAttribute(answers, "unix:ino"));
        assertSameAsWrittenAgain();
    }

    @ParameterizedTest
    @ValueSource(strings = {"csv deleted", "csv edited, same size", "report page deleted", "report folder deleted",
            "file added to the report", "feed edited", "stamp deleted", "stamp of another state"})
    void anOutputNotAsWrittenMakesTheRunWriteThemAllAgain(String what) throws IOException {
        assertTrue(written(run()));
        Path report = out().resolve("report");
        Path page;
        try (Stream<Path> pages = Files.list(report.resolve("pages"))) {
            page = pages.findFirst().orElseThrow();
        }
        switch (what) {
            case "csv deleted" -> Files.delete(out().resolve("answer_versions.csv"));
            case "csv edited, same size" -> {
                byte[] bytes = Files.readAllBytes(out().resolve("answers.csv"));
                bytes[bytes.length - 3] ^= 1;
                Files.write(out().resolve("answers.csv"), bytes);
            }
            case "report page deleted" -> Files.delete(page);
            case "report folder deleted" -> OutputFiles.deleteQuietly(report);
            case "file added to the report" -> Files.writeString(report.resolve("notes.html"), "<p>mine</p>");
            case "feed edited" -> Files.writeString(out().resolve("changes.atom"), "<feed/>");
            case "stamp deleted" -> Files.delete(out().resolve(OutputStamp.FILE));
            case "stamp of another state" -> {
                List<String> lines = Files.readAllLines(out().resolve(OutputStamp.FILE), StandardCharsets.UTF_8);
                lines.set(1, "state " + "0".repeat(64));
                Files.write(out().resolve(OutputStamp.FILE), lines, StandardCharsets.UTF_8);
            }
            default -> throw new IllegalArgumentException(what);
        }
        CommandLineRun again = run();
        assertTrue(written(again), what + ": " + again.err());
        assertTrue(again.err().contains("exported"), again.err());
        assertSameAsWrittenAgain();
        assertFalse(written(run()), "then stamped again");
    }

    /**
     * The run after the one that wrote the files hashes them and stamps their listing once they have settled; the
     * run after that knows them by their listing alone, and an edit that keeps the size still shows (its change
     * time moves).
     */
    @Test
    void settledOutputsAreKnownByTheirListingAndAnEditStillShows() throws Exception {
        assertTrue(written(run()));
        Path stamp = out().resolve(OutputStamp.FILE);
        assertTrue(Files.readAllLines(stamp).get(2).equals("listing -"), "no listing for files written moments ago");
        Thread.sleep(3_100); // FileFingerprint.SETTLING, and a little more
        assertFalse(written(run()));
        List<String> listed = Files.readAllLines(stamp);
        assertTrue(listed.get(2).matches("listing [0-9a-f]{64}"), listed.get(2));
        Object inode = Files.getAttribute(stamp, "unix:ino");
        assertFalse(written(run()));
        assertEquals(inode, Files.getAttribute(stamp, "unix:ino"), "known by the listing: the stamp is not written again");

        byte[] bytes = Files.readAllBytes(out().resolve("pages.csv"));
        bytes[bytes.length - 3] ^= 1;
        Files.write(out().resolve("pages.csv"), bytes);
        assertTrue(written(run()));
        assertSameAsWrittenAgain();

        // a run that finds the listing stamped reads no more of the stamp: a file added beside the stamped ones
        // must still change the listing it compares
        Thread.sleep(3_100);
        assertFalse(written(run()));
        assertTrue(Files.readAllLines(stamp).get(2).matches("listing [0-9a-f]{64}"));
        Files.writeString(out().resolve("report/notes.html"), "<p>mine</p>");
        assertTrue(written(run()));
        assertSameAsWrittenAgain();
    }

    /** {@code gard export --excel} writes other bytes into the folder: the run writes its own again. */
    @Test
    void anExportWithOtherOptionsIsWrittenOver() throws IOException {
        assertTrue(written(run()));
        CommandLineRun excel = CommandLineRun.of("export", "--excel", "--db", db().toString(), "--out", out().toString());
        assertEquals(0, excel.exitCode(), excel.err());
        assertTrue(written(run()));
        assertSameAsWrittenAgain();
    }

    /** A fetch ingested by {@code gard ingest}, not under the run's raw folder: the database's state moved. */
    @Test
    void aFetchIngestedByAnotherCommandMakesTheRunWriteThemAgain() throws IOException {
        assertTrue(written(run()));
        Path other = FetchSeries.fetch(dir.resolve("elsewhere"), "2016-03-01", "a.txt",
                FetchSeries.edit(FetchSeries.answerText(), "Warm regards", "Kind regards"));
        CommandLineRun ingest = CommandLineRun.of("ingest", other.toString(), "--db", db().toString());
        assertEquals(0, ingest.exitCode(), ingest.err());

        CommandLineRun again = run();
        assertTrue(again.err().contains("nothing new under"), again.err());
        assertTrue(written(again), again.err());
        assertSameAsWrittenAgain();
    }
}
