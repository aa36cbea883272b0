package org.gardpipeline.report;

import static org.gardpipeline.FetchSeries.answerText;
import static org.gardpipeline.FetchSeries.edit;
import static org.gardpipeline.FetchSeries.fetch;

import java.nio.file.Path;
import org.gardpipeline.cli.Main;

/** The databases and reports the report tests read: the samples of raw/, and an answer edited to hold markup. */
final class SampleReport {
    /** Answer text a page must show as text: were it markup, it would run a script or load an image. */
    static final String SCRIPT = "<script>alert('gard')</script>";
    static final String IMG = "\"><img src=x onerror=alert(1)>";

    private SampleReport() {
    }

    /** {@code gard run} over raw/ into {@code dir}/gard.sqlite and {@code dir}/out; returns the output folder. */
    static Path samples(Path dir) {
        Path out = dir.resolve("out");
        int code = Main.execute("run", "--raw", "raw", "--db", dir.resolve("gard.sqlite").toString(), "--out", out.toString(),
                "--quiet");
        if (code != 0) {
            throw new AssertionError("gard run over raw/ exited " + code);
        }
        return out;
    }

    /** The dates of {@link #years}: two in 2019, two in 2021, then 100 days in a row from 2022-12-01 to 2023-03-10. */
    static java.util.List<String> yearsDates() {
        java.util.List<String> dates = new java.util.ArrayList<>(java.util.List.of("2019-03-01", "2019-09-01", "2021-05-01", "2021-08-01"));
        java.time.LocalDate day = java.time.LocalDate.of(2022, 12, 1);
        for (int i = 0; i < 100; i++) {
            dates.add(day.plusDays(i).toString());
        }
        return dates;
    }

    /**
     * A history over years: a fetch of the text answer on each of {@link #yearsDates}, its causes reworded and put
     * back by turns, so that every fetch after the first changes one answer (103 changes); returns the output folder.
     */
    static Path years(Path dir) {
        Path raw = dir.resolve("raw");
        String reworded = edit(answerText(), "poorly managed", "poorly controlled");
        java.util.List<String> dates = yearsDates();
        for (int i = 0; i < dates.size(); i++) {
            fetch(raw, dates.get(i), "a.txt", i % 2 == 0 ? answerText() : reworded);
        }
        Path out = dir.resolve("out");
        int code = Main.execute("run", "--raw", raw.toString(), "--db", dir.resolve("gard.sqlite").toString(), "--out",
                out.toString(), "--quiet");
        if (code != 0) {
            throw new AssertionError("gard run exited " + code);
        }
        return out;
    }

    /** Two fetches of the text answer, the second with markup put into the causes; returns the output folder. */
    static Path hostileAnswer(Path dir) {
        Path raw = dir.resolve("raw");
        fetch(raw, "2016-01-01", "a.txt", answerText());
        fetch(raw, "2016-02-01", "a.txt", edit(answerText(), "poorly managed", "poorly managed " + SCRIPT + " and " + IMG));
        Path out = dir.resolve("out");
        int code = Main.execute("run", "--raw", raw.toString(), "--db", dir.resolve("gard.sqlite").toString(), "--out",
                out.toString(), "--quiet");
        if (code != 0) {
            throw new AssertionError("gard run exited " + code);
        }
        return out;
    }
}
