package org.gardpipeline.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.gardpipeline.export.CsvExporter;
import org.gardpipeline.store.HistoryStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write the CSV datasets and datapackage.json from the database.")
final class ExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOption database;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "output", description = "where the CSV files go (default: ${DEFAULT-VALUE})")
    Path out;

    @Override
    public Integer call() {
        try (HistoryStore store = HistoryStore.open(database.db)) {
            CsvExporter.Result result = new CsvExporter(store).export(out, Main.version());
            spec.commandLine().getOut().printf("exported %d rows to %s%n", result.rows(), result.folder());
            return ExitCode.DONE;
        }
    }
}
