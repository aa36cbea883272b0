package org.gardpipeline.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gardpipeline.export.CsvExporter;
import org.gardpipeline.export.ExportOptions;
import org.gardpipeline.output.OutputStamp;
import org.gardpipeline.report.ReportWriter;
import org.gardpipeline.store.HistoryStore;

/**
 * Writes the outputs of {@code run} and {@code export}: the CSV files, the report and the feed, stamped with the
 * database's state. The report keeps the disease pages whose source is unchanged when the output folder holds them
 * as the stamp says it was written; anything else there (no stamp, a file edited, added or removed under report/)
 * makes it draw every page again.
 */
final class Outputs {
    /** What was written; null parts when nothing was (the outputs were those of this database already). */
    record Written(CsvExporter.Result csv, ReportWriter.Result report) {
    }

    private final HistoryStore store;
    private final Path out;
    private final ExportOptions options;
    private final OutputStamp stamp;

    Outputs(HistoryStore store, Path out, ExportOptions options) {
        this.store = store;
        this.out = out;
        this.options = options;
        List<String> outputs = new ArrayList<>(CsvExporter.files());
        outputs.addAll(ReportWriter.files());
        this.stamp = OutputStamp.of(store, Main.version(), options, outputs);
    }

    /** True when the output folder holds the outputs of this database, each as stamped. */
    boolean current() {
        return stamp.matches(out);
    }

    Written write() {
        OutputStamp.Kept kept = stamp.kept(out, ReportWriter.FOLDER); // read before anything is written over
        OutputStamp.clear(out); // a run cut short leaves no stamp, so the next one writes everything
        CsvExporter.Result csv = new CsvExporter(store, options).export(out, Main.version());
        ReportWriter.Result report = new ReportWriter(store, Main.version()).write(out, kept.sources());
        stamp.write(out, report.sources(), kept);
        return new Written(csv, report);
    }
}
