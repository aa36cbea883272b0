package org.gardpipeline.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.gardpipeline.archive.ArchiveIndex;
import org.gardpipeline.ingest.FetchPacker;
import org.gardpipeline.ingest.FetchSource;
import org.gardpipeline.store.HistoryStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "pack", mixinStandardHelpOptions = true,
        description = "Turn ingested fetch folders under the raw folder into one deduplicated WARC file each, in place "
                + "(a document whose bytes were captured before becomes a revisit record pointing at that capture). "
                + "The folders give the same documents, byte for byte, so the history is unchanged.")
final class PackCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FETCH", arity = "0..*",
            description = "fetch folders under the raw folder, by name (default: every ingested one)")
    List<String> names = new ArrayList<>();

    @Option(names = "--raw", paramLabel = "DIR", defaultValue = "raw", description = "the folder of fetches (default: ${DEFAULT-VALUE})")
    Path raw;

    @Mixin
    DatabaseOption database;

    @Mixin
    LoggingOptions logging;

    @Override
    public Integer call() {
        ArchiveIndex archive = new ArchiveIndex(); // the WARC files of this pack, each read once
        List<FetchSource> sources = names.isEmpty() ? RunCommand.fetchesUnder(raw, archive) : named(archive);
        if (!Files.isRegularFile(database.db)) {
            throw new UsageException("no database " + database.db + ": only ingested fetches are packed; ingest them first "
                    + "(gard run), or pass --db FILE");
        }
        PrintWriter err = spec.commandLine().getErr();
        try (HistoryStore store = HistoryStore.open(database.db)) {
            new FetchPacker(store, raw, archive).packAll(sources, !names.isEmpty(), r -> {
                if (!logging.quiet || r.skipped() == null) {
                    err.println(r.line());
                }
            });
        }
        return ExitCode.DONE;
    }

    /** The fetch folders named, each by its name under the raw folder (or its path there), in date order. */
    private List<FetchSource> named(ArchiveIndex archive) {
        java.util.Set<Path> folders = new java.util.LinkedHashSet<>(); // a folder named twice is packed once
        for (String name : names) {
            folders.add(underRaw(name));
        }
        return RunCommand.inDateOrder(FetchSource.openEach(new ArrayList<>(folders), FetchSource.Overrides.NONE, archive));
    }

    private Path underRaw(String name) {
        Path byName = raw.resolve(name);
        if (Files.isDirectory(byName) && !Path.of(name).isAbsolute() && Path.of(name).getNameCount() == 1) {
            return byName;
        }
        Path given = Path.of(name);
        try {
            if (Files.isDirectory(given) && given.toRealPath().getParent().equals(raw.toRealPath())) {
                return raw.resolve(given.getFileName());
            }
        } catch (IOException e) {
            // refused below
        }
        throw new UsageException("no fetch folder " + name + " under " + raw + ": name a folder YYYY-MM-DD[-label] of the raw "
                + "folder (--raw DIR)");
    }
}
