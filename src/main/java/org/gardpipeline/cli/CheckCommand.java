package org.gardpipeline.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.gardpipeline.archive.ArchiveIndex;
import org.gardpipeline.store.HistoryStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Check the database: SQLite's integrity_check, foreign keys, and the history's invariants "
                + "(versions tile time, events point at real versions, current answers are the newest versions, "
                + "derived rows match the observations), and that every revisit record of the WARC files under the raw folder "
                + "finds its capture (a folder retired while later ones refer to it). Exits 1 on any violation.")
final class CheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOption database;

    @Option(names = "--raw", paramLabel = "DIR", defaultValue = "raw",
            description = "the folder of fetches whose revisit records are checked (default: ${DEFAULT-VALUE}; none when absent)")
    Path raw;

    @Override
    public Integer call() {
        try (HistoryStore store = HistoryStore.openExisting(database.db)) {
            List<String> violations = new ArrayList<>(store.check());
            for (String gone : revisitsWithoutCapture()) {
                violations.add("archive: " + gone);
            }
            violations.forEach(v -> spec.commandLine().getErr().println("violation: " + v));
            if (violations.isEmpty()) {
                spec.commandLine().getOut().println("ok: " + database.db + " passes every check");
                return ExitCode.DONE;
            }
            spec.commandLine().getErr().println("gard check: " + violations.size() + " violation(s) in " + database.db
                    + (Files.isDirectory(raw) ? " and " + raw : ""));
            return ExitCode.FAILED;
        }
    }

    /** The revisits under the raw folder whose capture is gone or is not theirs; none when there is no raw folder. */
    private List<String> revisitsWithoutCapture() {
        if (!Files.isDirectory(raw)) {
            return List.of();
        }
        try {
            return new ArchiveIndex().unresolvedRevisitsUnder(raw);
        } catch (IOException e) {
            throw new UsageException("cannot read raw folder " + raw + ": " + e.getMessage(), e);
        }
    }
}
