package org.gardpipeline.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.gardpipeline.output.OutputException;
import org.gardpipeline.output.OutputFiles;
import org.gardpipeline.store.FetchSpan;
import org.gardpipeline.store.HistoryStore;
import org.gardpipeline.store.ReportQueries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the CSV datasets and {@code datapackage.json} into a folder. Everything is first written to a
 * temporary folder beside it and then moved in, so a failed or killed export leaves the previous files.
 */
public final class CsvExporter {
    private static final Logger LOG = LoggerFactory.getLogger(CsvExporter.class);
    private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();
    private final HistoryStore store;
    private final ExportOptions options;

    public CsvExporter(HistoryStore store, ExportOptions options) {
        this.store = store;
        this.options = options;
    }

    public CsvExporter(HistoryStore store) {
        this(store, ExportOptions.DEFAULT);
    }

    /** What an export wrote: the folder, and the rows of all its CSV files. */
    public record Result(Path folder, long rows) {
    }

    /** The files an export writes into the output folder. */
    public static List<String> files() {
        List<String> files = new ArrayList<>(Tables.ALL.stream().map(Table::file).toList());
        files.add(DataPackage.FILE);
        return files;
    }

    public Result export(Path out, String toolVersion) {
        FetchSpan span = store.fetchSpan();
        checkAsOf(span);
        Path temp = null;
        try {
            temp = OutputFiles.hiddenFolder(out, ".export-", "");
            long rows = writeTables(temp);
            DataPackage.write(temp.resolve(DataPackage.FILE), Tables.ALL, span, new ReportQueries(store).origins(), toolVersion,
                    options);
            moveAll(temp, out);
            return new Result(out, rows);
        } catch (IOException e) {
            throw new OutputException("cannot write the export to " + out + ": " + e.getMessage(), false, e);
        } finally {
            OutputFiles.deleteQuietly(temp);
        }
    }

    private void checkAsOf(FetchSpan span) {
        String first = span.first();
        if (options.asOf() != null && (first == null || options.asOf().compareTo(first.substring(0, 10)) < 0)) {
            throw new OutputException("--as-of " + options.asOf() + " is before the first fetch"
                    + (first == null ? " (the database holds none)" : " (" + first + ")"), true, null);
        }
    }

    /** Writes every table into the folder from one consistent view of the database; returns the rows written. */
    private long writeTables(Path folder) throws IOException {
        java.util.Map<org.gardpipeline.store.Dataset, TableFile> files = new java.util.LinkedHashMap<>();
        try {
            for (Table table : Tables.ALL) {
                checkColumns(table);
                files.put(table.dataset(), new TableFile(table, folder.resolve(table.file()), options.excel()));
            }
            store.streamAll(List.copyOf(files.keySet()), options.asOf(), files::get);
            long rows = 0;
            for (TableFile f : files.values()) {
                f.close();
                LOG.debug("{}: {} rows", f.table.file(), f.rows);
                rows += f.rows;
            }
            return rows;
        } finally {
            for (TableFile f : files.values()) {
                f.closeQuietly();
            }
        }
    }

    private void checkColumns(Table table) {
        List<String> columns = store.columns(table.dataset());
        if (!columns.equals(table.fieldNames())) {
            throw new IllegalStateException("view " + table.dataset().viewName() + " has columns " + columns
                    + " but " + table.file() + " describes " + table.fieldNames());
        }
    }

    /** One CSV file being written: receives its dataset's rows from the store. */
    private static final class TableFile implements HistoryStore.RowSink {
        private final Table table;
        private final boolean excel;
        private final BufferedWriter writer;
        private final CSVPrinter printer;
        private long rows;
        private boolean closed;

        TableFile(Table table, Path file, boolean excel) throws IOException {
            this.table = table;
            this.excel = excel;
            this.writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            this.printer = new CSVPrinter(writer, CSV);
            if (excel) {
                writer.write('\uFEFF');
            }
        }

        @Override
        public void header(List<String> names) throws IOException {
            printer.printRecord(names);
        }

        @Override
        public void row(List<Object> values) throws IOException {
            printer.printRecord(cells(table, values, excel));
            rows++;
        }

        void close() throws IOException {
            if (!closed) {
                closed = true;
                printer.close(true);
            }
        }

        void closeQuietly() {
            try {
                close();
            } catch (IOException ignored) {
                // Only after a failure that is already being reported; the temporary folder is deleted.
            }
        }
    }

    private static List<String> cells(Table table, List<Object> values, boolean excel) {
        List<String> cells = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            String cell = cell(table.fields().get(i), values.get(i));
            cells.add(excel ? SpreadsheetSafety.neutralise(cell) : cell);
        }
        return cells;
    }

    /** NULL is an empty cell; SQLite's 0/1 booleans are written as false/true. */
    private static String cell(Field field, Object value) {
        if (value == null) {
            return "";
        }
        if (field.type().equals("boolean")) {
            return ((Number) value).intValue() != 0 ? "true" : "false";
        }
        return value.toString();
    }

    private static void moveAll(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : (Iterable<Path>) files.sorted()::iterator) {
                OutputFiles.move(f, to.resolve(f.getFileName()));
            }
        }
    }
}
