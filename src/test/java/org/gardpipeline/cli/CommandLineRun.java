package org.gardpipeline.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.gardpipeline.FetchSeries;

/** Runs the real command line in-process and keeps what it printed. */
public record CommandLineRun(int exitCode, String out, String err) {
    public static CommandLineRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cli = Main.commandLine(args);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new CommandLineRun(code, out.toString(), err.toString());
    }

    /**
     * {@code gard run} over {@link FetchSeries#answerTextAndOneEdit} under {@code dir}/raw, into {@code dir}/gard.sqlite
     * with its files in {@code dir}/run-out; fails unless it exits 0. Returns the database.
     */
    static Path answerTextAndOneEditDatabase(Path dir) {
        Path raw = FetchSeries.answerTextAndOneEdit(dir.resolve("raw"));
        Path db = dir.resolve("gard.sqlite");
        CommandLineRun r = of("run", "--raw", raw.toString(), "--db", db.toString(), "--out", dir.resolve("run-out").toString());
        if (r.exitCode() != 0) {
            throw new AssertionError("gard run exited " + r.exitCode() + ": " + r.err());
        }
        return db;
    }
}
