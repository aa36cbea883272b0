package org.gardpipeline.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.gardpipeline.store.Dataset;
import org.gardpipeline.store.HistoryStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "runs", mixinStandardHelpOptions = true, description = "List the fetches ingested so far, with their counts.")
final class RunsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOption database;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (HistoryStore store = HistoryStore.openExisting(database.db)) {
            store.stream(Dataset.FETCHES, new HistoryStore.RowSink() {
                private static final String FORMAT = "%-8s %-24s %-20s %-8s %9s %7s %11s %6s %7s %7s %8s%n";

                @Override
                public void header(List<String> columns) {
                    out.printf(FORMAT, columns.subList(0, 11).toArray());
                }

                @Override
                public void row(List<Object> values) {
                    Object[] cells = values.subList(0, 11).stream().map(v -> v == null ? "" : v.toString()).toArray();
                    cells[3] = "1".equals(cells[3]) ? "yes" : "no";
                    out.printf(FORMAT, cells);
                }
            });
        }
        return ExitCode.DONE;
    }
}
