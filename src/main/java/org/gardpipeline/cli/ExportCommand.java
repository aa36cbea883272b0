package org.gardpipeline.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.gardpipeline.export.CsvExporter;
import org.gardpipeline.export.ExportOptions;
import org.gardpipeline.report.ReportWriter;
import org.gardpipeline.store.HistoryStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write the CSV datasets and datapackage.json, the HTML report (report/) and the change feed "
                + "(changes.atom) from the database.")
final class ExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOption database;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "output", description = "where the CSV files, report/ and changes.atom go (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--as-of", paramLabel = "DATE", description = "answers.csv as it stood on this date (YYYY-MM-DD)")
    String asOf;

    @Option(names = "--excel", description = "for spreadsheets: write a BOM and neutralise cells that would run as formulas")
    boolean excel;

    @Override
    public Integer call() {
        String day = asOf == null ? null : IsoDate.parse(asOf, "--as-of");
        try (HistoryStore store = HistoryStore.openForExport(database.db)) {
            // as a run writes them: the disease pages of an output folder stamped before are kept when unchanged
            Outputs.Written written = new Outputs(store, out, new ExportOptions(day, excel)).write();
            CsvExporter.Result result = written.csv();
            spec.commandLine().getOut().printf("exported %d rows to %s%n", result.rows(), result.folder());
            ReportWriter.Result report = written.report();
            spec.commandLine().getOut().printf("wrote the report (%d disease pages, %d of them drawn again) to %s and the feed to %s%n",
                    report.pages(), report.pagesWritten(), report.folder(), report.feed());
            return ExitCode.DONE;
        }
    }
}
