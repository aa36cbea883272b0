package org.gardpipeline.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.gardpipeline.store.HistoryStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Check the database: SQLite's integrity_check, foreign keys, and the history's invariants "
                + "(versions tile time, events point at real versions, current answers are the newest versions, "
                + "derived rows match the observations). Exits 1 on any violation.")
final class CheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOption database;

    @Override
    public Integer call() {
        try (HistoryStore store = HistoryStore.openExisting(database.db)) {
            List<String> violations = store.check();
            violations.forEach(v -> spec.commandLine().getErr().println("violation: " + v));
            if (violations.isEmpty()) {
                spec.commandLine().getOut().println("ok: " + database.db + " passes every check");
                return ExitCode.DONE;
            }
            spec.commandLine().getErr().println("gard check: " + violations.size() + " violation(s) in " + database.db);
            return ExitCode.FAILED;
        }
    }
}
