package org.gardpipeline.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.gardpipeline.report.ReportWriter;
import org.gardpipeline.store.HistoryStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Write the browsable HTML report (DIR/report/index.html and a page per disease that changed) and "
                + "the Atom feed of changes (DIR/changes.atom) from the database.",
                "Static files that work offline and from file://; run and export write them too."})
final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOption database;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "output",
            description = "the folder that gets report/ and changes.atom (default: ${DEFAULT-VALUE})")
    Path out;

    @Override
    public Integer call() {
        try (HistoryStore store = HistoryStore.openExisting(database.db)) {
            ReportWriter.Result r = new ReportWriter(store, Main.version()).write(out);
            spec.commandLine().getOut().printf("wrote the report to %s (%d disease pages, %d bytes) and %s%n", r.folder(),
                    r.pages(), r.bytes(), r.feed());
            return ExitCode.DONE;
        }
    }
}
