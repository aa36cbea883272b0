package org.gardpipeline.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.gardpipeline.archive.ArchiveIndex;
import org.gardpipeline.ingest.FetchSource;
import org.gardpipeline.ingest.Ingester;
import org.gardpipeline.ingest.Rederivation;
import org.gardpipeline.store.HistoryStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "reparse", mixinStandardHelpOptions = true,
        description = "Derive the whole history again from the raw documents of every fetch, parsed by this build's "
                + "parsers, in one transaction, with no fetch held for review: what a fresh ingest of the same fetches "
                + "would give (gard run does it by itself when a parser changed). A fetch's documents are looked for under "
                + "the raw folder, then where it was ingested from; when one is gone or changed, nothing is derived again "
                + "and it exits 1. Ingests no new fetch and writes no output files (the next gard run writes them).")
final class ReparseCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--raw", paramLabel = "DIR", defaultValue = "raw", description = "the folder of fetches (default: ${DEFAULT-VALUE})")
    Path raw;

    @Mixin
    DatabaseOption database;

    @Option(names = "--json", description = "print a machine-readable summary on stdout")
    boolean json;

    @Mixin
    LoggingOptions logging;

    @Override
    public Integer call() {
        ArchiveIndex archive = new ArchiveIndex(); // the WARC files of this run, each read once
        // fetches named by their origins alone when there is no raw folder: those ingested from elsewhere
        List<FetchSource> fetches = Files.isDirectory(raw) ? RunCommand.fetchesUnder(raw, archive) : List.of();
        if (!Files.exists(database.db)) {
            throw new UsageException("no database at " + database.db + "; run ./gard run first, or pass --db FILE");
        }
        try (HistoryStore store = HistoryStore.open(database.db)) {
            Rederivation.Outcome outcome = new Rederivation(store, Runtime.getRuntime().availableProcessors(), archive).run(fetches, true);
            RederivationReport.print(spec.commandLine().getErr(), outcome, logging);
            int code = outcome.rederived() ? ExitCode.DONE : ExitCode.FAILED;
            if (json) {
                spec.commandLine().getOut().println(Json.write(Json.object().put("exit_code", code)
                        .set("parsers", RederivationReport.json(outcome))));
            }
            return code;
        }
    }
}
