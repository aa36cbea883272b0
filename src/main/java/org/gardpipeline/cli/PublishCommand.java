package org.gardpipeline.cli;

import java.util.concurrent.Callable;
import org.gardpipeline.publish.PublishResult;
import org.gardpipeline.store.HistoryStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "publish", mixinStandardHelpOptions = true,
        description = "Mirror the history into a PostgreSQL schema (tables, the views of docs/data.md, full-text search), "
                + "sending only what changed since the last publish, in one transaction. The password comes from "
                + "PGPASSWORD or ~/.pgpass, never from the URL.")
final class PublishCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--to", paramLabel = "URL", required = true,
            description = "postgresql://user@host:port/database[?sslmode=...] or jdbc:postgresql://host:port/database?user=...")
    String to;

    @Option(names = "--replace", description = "mirror this database even when the schema mirrors another one (or a "
            + "later state of this one): what the schema held is replaced")
    boolean replace;

    @Option(names = "--json", description = "print a machine-readable summary on stdout")
    boolean json;

    @Mixin
    PublishOptions publish;

    @Mixin
    DatabaseOption database;

    @Mixin
    LoggingOptions logging;

    @Override
    public Integer call() {
        try (HistoryStore store = HistoryStore.openLocked(database.db)) {
            PublishResult result = publish.publish(store, "--to", to, replace, logging.quiet, spec.commandLine().getErr());
            if (json) {
                spec.commandLine().getOut().println(Json.write(PublishOptions.json(result)));
            }
            return ExitCode.DONE;
        }
    }
}
