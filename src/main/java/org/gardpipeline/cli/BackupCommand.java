package org.gardpipeline.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.gardpipeline.store.HistoryStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "backup", mixinStandardHelpOptions = true,
        description = "Write a consistent copy of the database (SQLite VACUUM INTO), safe while a run is in progress.")
final class BackupCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "the new file to write; it must not exist")
    Path target;

    @Mixin
    DatabaseOption database;

    @Override
    public Integer call() {
        try (HistoryStore store = HistoryStore.openExisting(database.db)) {
            store.backup(target);
            spec.commandLine().getOut().println("backed up " + database.db + " to " + target);
            return ExitCode.DONE;
        }
    }
}
