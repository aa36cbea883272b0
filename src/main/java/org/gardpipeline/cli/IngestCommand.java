package org.gardpipeline.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.gardpipeline.archive.ArchiveIndex;
import org.gardpipeline.ingest.FetchSource;
import org.gardpipeline.ingest.IngestOutcome;
import org.gardpipeline.ingest.Ingester;
import org.gardpipeline.ingest.Rederivation;
import org.gardpipeline.store.HistoryStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Ingest one fetch: a folder YYYY-MM-DD[-label]/ of documents (or holding a WARC file), a single document "
                + "file, or a WARC file (.warc or .warc.gz; one fetch per capture day).")
final class IngestCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PATH", description = "the fetch folder, document file or WARC file")
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

    @Mixin
    GuardOptions guard;

    @Override
    public Integer call() {
        ArchiveIndex archive = new ArchiveIndex(); // the WARC files of this ingest, each read once
        List<FetchSource> sources = FetchSource.openAll(path, new FetchSource.Overrides(fetchedAt, complete), archive);
        try (HistoryStore store = HistoryStore.open(database.db)) {
            // as gard run does: the fetch is compared with the history today's parsers give (its documents at their origins)
            Rederivation.Outcome parsers = new Rederivation(store, Runtime.getRuntime().availableProcessors(), archive).run(sources, false);
            RederivationReport.print(spec.commandLine().getErr(), parsers, logging);
            IngestOutcome outcome = new Ingester(store, guard.guard())
                    .ingestAll(sources, s -> IngestReport.print(spec.commandLine().getErr(), s, logging));
            int code = IngestReport.finish(spec.commandLine().getErr(), store, outcome);
            if (json) {
                spec.commandLine().getOut().println(Json.write(IngestReport.json(outcome, code)
                        .set("parsers", RederivationReport.json(parsers))));
            }
            return code;
        }
    }
}
