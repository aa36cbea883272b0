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
