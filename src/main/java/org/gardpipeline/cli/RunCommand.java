package org.gardpipeline.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.gardpipeline.archive.ArchiveIndex;
import org.gardpipeline.export.ExportOptions;
import org.gardpipeline.fetch.PageFetcher;
import org.gardpipeline.ingest.FetchPacker;
import org.gardpipeline.ingest.FetchSource;
import org.gardpipeline.ingest.IngestOutcome;
import org.gardpipeline.ingest.Ingester;
import org.gardpipeline.ingest.Rederivation;
import org.gardpipeline.model.IngestSummary;
import org.gardpipeline.store.HistoryStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Migrate the database, ingest every fetch under the raw folder not yet ingested (in date order), "
                + "and export the CSV datasets, the HTML report (report/) and the change feed (changes.atom). A fetch is a folder YYYY-MM-DD[-label]/ or a WARC file (.warc, .warc.gz). "
                + "With --fetch, first fetch pages into a new fetch folder. When a parser changed since the history was "
                + "derived, it is first derived again from the raw documents of every fetch (as gard reparse does).")
final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--raw", paramLabel = "DIR", defaultValue = "raw", description = "the folder of fetches (default: ${DEFAULT-VALUE})")
    Path raw;

    @Mixin
    DatabaseOption database;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "output", description = "where the CSV files, report/ and changes.atom go (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--json", description = "print a machine-readable summary of the run on stdout")
    boolean json;

    @Mixin
    LoggingOptions logging;

    @Mixin
    GuardOptions guard;

    @Option(names = "--fetch", description = "first fetch pages into a new fetch folder under the raw folder, with the "
            + "options of gard fetch: every page GARD's list names, or those of --ids, --urls or --sitemap")
    boolean fetch;

    @Mixin
    FetchOptions fetchOptions;

    @Option(names = "--pack", description = "after the run, pack the ingested fetch folders into deduplicated WARC files "
            + "(as gard pack does); a fetch held for review or not ingested is not packed")
    boolean pack;

    @Option(names = "--publish", paramLabel = "URL", description = "after the run, publish the history to PostgreSQL "
            + "(as gard publish --to URL does; --schema names the schema)")
    String publishTo;

    @Mixin
    PublishOptions publishOptions;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        int fetchFailed = 0;
        if (fetch) {
            PageFetcher.Result fetched = fetchOptions.fetch(raw, err);
            fetchFailed = fetched.failed().size();
            err.printf("fetched %d pages into %s: %d failed%n", fetched.manifest().pages().size(), fetched.folder(),
                    fetchFailed);
        } else if (fetchOptions.given()) {
            throw new UsageException("--ids, --urls, --sitemap and --allow-shrink need --fetch");
        }
        if (publishTo != null) {
            publishOptions.check("--publish", publishTo); // a bad URL is refused before anything is written
        }
        ArchiveIndex archive = new ArchiveIndex(); // the WARC files of this run, each read once
        List<FetchSource> fetches = fetchesUnder(raw, archive); // a bad fetch folder is refused before the database is opened
        try (HistoryStore store = HistoryStore.open(database.db)) {
            // before any new fetch: it is compared with, and reviewed against, the history today's parsers give
            Rederivation.Outcome parsers = new Rederivation(store, Runtime.getRuntime().availableProcessors(), archive).run(fetches, false);
            RederivationReport.print(err, parsers, logging);
            IngestOutcome outcome = new Ingester(store, guard.guard())
                    .ingestAll(fetches, s -> IngestReport.print(err, s, logging));
            List<IngestSummary> summaries = outcome.summaries();
            boolean nothingNew = outcome.held() == null && summaries.stream().allMatch(IngestSummary::alreadyIngested)
                    && !parsers.rederived();
            if (nothingNew && !logging.quiet) {
                err.printf("nothing new under %s: %d fetches, all ingested before%n", raw, summaries.size());
            }
            boolean written = writeOutputs(store, nothingNew, err);
            int code = IngestReport.finish(err, store, outcome);
            if (pack) {
                new FetchPacker(store, raw, archive).packAll(fetches, false, r -> {
                    if (r.skipped() == null && !logging.quiet) {
                        err.println(r.line());
                    }
                });
            }
            if (fetchFailed > 0 && code != ExitCode.HELD) {
                code = ExitCode.QUARANTINED;
            }
            // what the run committed is published, a held fetch aside; a failed publish fails the run (exit 1)
            org.gardpipeline.publish.PublishResult published = publishTo == null ? null
                    : publishOptions.publish(store, "--publish", publishTo, false, logging.quiet, err);
            if (json) {
                com.fasterxml.jackson.databind.node.ObjectNode node = IngestReport.json(outcome, code).put("outputs_written", written);
                node.set("parsers", RederivationReport.json(parsers));
                if (published != null) {
                    node.set("publish", PublishOptions.json(published));
                }
                spec.commandLine().getOut().println(Json.write(node));
            }
            return code;
        }
    }

    /**
     * Exports the CSV files, the report and the feed, and stamps them with the database's state; a run that
     * ingested nothing and finds the outputs stamped with this state, each as written, leaves them as they are
     * (they would be written again byte for byte). Otherwise only the disease pages whose history moved are drawn
     * again. Returns whether they were written.
     */
    private boolean writeOutputs(HistoryStore store, boolean nothingNew, PrintWriter err) {
        Outputs outputs = new Outputs(store, out, ExportOptions.DEFAULT);
        if (nothingNew && outputs.current()) {
            if (!logging.quiet) {
                err.printf("the CSV files, the report and the feed in %s are those of this database already: not written again%n", out);
            }
            return false;
        }
        Outputs.Written written = outputs.write();
        if (!logging.quiet) {
            err.printf("exported %d rows to %s%n", written.csv().rows(), written.csv().folder());
            err.printf("wrote the report (%d disease pages, %d of them drawn again) to %s and the feed to %s%n",
                    written.report().pages(), written.report().pagesWritten(), written.report().folder(), written.report().feed());
        }
        return true;
    }

    /** The fetch folders under raw/, in date-and-label order; any other folder there is a naming mistake. */
    static List<FetchSource> fetchesUnder(Path raw, ArchiveIndex archive) {
        if (!Files.isDirectory(raw)) {
            throw new UsageException("raw folder " + raw + " does not exist; create it and put fetch folders "
                    + "named YYYY-MM-DD[-label] in it, or pass --raw DIR");
        }
        List<Path> fetches = new ArrayList<>();
        try (Stream<Path> children = Files.list(raw)) {
            for (Path child : (Iterable<Path>) children.sorted()::iterator) {
                if (child.getFileName().toString().startsWith(".")) {
                    continue; // hidden, or a fetch still being written
                }
                if (Files.isDirectory(child) || FetchSource.isWarcFile(child)) {
                    fetches.add(child);
                }
            }
        } catch (IOException e) {
            throw new UsageException("cannot list raw folder " + raw + ": " + e.getMessage(), e);
        }
        return inDateOrder(FetchSource.openEach(fetches, FetchSource.Overrides.NONE, archive));
    }

    /** The fetches sorted by date and label, in the list given. */
    static List<FetchSource> inDateOrder(List<FetchSource> sources) {
        sources.sort(Comparator.comparing((FetchSource s) -> s.fetch("").fetchedAt()).thenComparing(s -> s.fetch("").label()));
        return sources;
    }
}
