package org.gardpipeline.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.gardpipeline.ingest.FetchSource;
import org.gardpipeline.ingest.Ingester;
import org.gardpipeline.model.IngestSummary;
import org.gardpipeline.store.HistoryStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Ingest one fetch: a folder YYYY-MM-DD[-label]/ of documents, or a single document file.")
final class IngestCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PATH", description = "the fetch folder or document file")
    Path path;

    @Option(names = "--fetched-at", paramLabel = "DATE",
            description = "when the fetch was taken (YYYY-MM-DD or ISO-8601 date-time); default: from the folder name")
    String fetchedAt;

    @Option(names = "--complete", description = "the fetch covered the whole site: pages missing from it were removed")
    Boolean complete;

    @Mixin
    DatabaseOption database;

    @Option(names = "--json", description = "print a machine-readable summary on stdout")
    boolean json;

    @Mixin
    LoggingOptions logging;

    @Override
    public Integer call() {
        FetchSource source = FetchSource.open(path, new FetchSource.Overrides(fetchedAt, complete));
        try (HistoryStore store = HistoryStore.open(database.db)) {
            IngestSummary summary = new Ingester(store).ingest(source);
            IngestReport.print(spec.commandLine().getErr(), summary, logging);
            int code = IngestReport.finish(spec.commandLine().getErr(), store, List.of(summary));
            if (json) {
                spec.commandLine().getOut().println(Json.write(IngestReport.json(List.of(summary), code)));
            }
            return code;
        }
    }
}
