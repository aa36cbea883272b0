package org.gardpipeline.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.gardpipeline.parallel.OrderedParallelMap;
import org.gardpipeline.store.HistoryStore.RowSink;

/**
 * Reads the published datasets row by row. Several datasets are read from one consistent state: while the
 * run lock is held no writer can commit, so each is read on its own connection at once; otherwise one after
 * another inside one read transaction.
 */
final class DatasetReader {
    private final Path file;
    private final Connection db;
    private final boolean writersExcluded;

    DatasetReader(Path file, Connection db, boolean writersExcluded) {
        this.file = file;
        this.db = db;
        this.writersExcluded = writersExcluded;
    }

    void stream(Dataset dataset, RowSink sink) {
        stream(db, dataset, null, sink);
    }

    void streamAll(List<Dataset> datasets, String asOf, Function<Dataset, RowSink> sinks) {
        if (!writersExcluded || datasets.size() < 2) {
            inReadTransaction(() -> datasets.forEach(d -> stream(db, d, asOf, sinks.apply(d))));
            return;
        }
        // each dataset on a connection of its own, so that they are read at once
        OrderedParallelMap.map("export", largestFirst(datasets), d -> {
            try (Connection reader = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath())) {
                stream(reader, d, asOf, sinks.apply(d));
                return d;
            } catch (SQLException e) {
                throw failure("read " + d.viewName(), e);
            }
        }, Math.min(datasets.size(), Runtime.getRuntime().availableProcessors()));
    }

    /**
     * The datasets in the order of how much there is to write of them in a GARD history: references (about
     * seven rows per version), then the answer texts of current answers and versions, then the small ones. Taken
     * in that order, the threads finish together; in the declared order one thread wrote the last and largest
     * alone.
     */
    private static List<Dataset> largestFirst(List<Dataset> datasets) {
        List<Dataset> order = List.of(Dataset.REFERENCES, Dataset.PHENOTYPES, Dataset.CURRENT_ANSWERS, Dataset.ANSWER_VERSIONS, Dataset.PAGES,
                Dataset.ANSWER_CHANGES, Dataset.FETCHES, Dataset.QUARANTINE);
        List<Dataset> sorted = new ArrayList<>(datasets);
        sorted.sort(java.util.Comparator.comparingInt(order::indexOf));
        return sorted;
    }

    private void inReadTransaction(Runnable reads) {
        try {
            db.setAutoCommit(false);
            try {
                reads.run();
            } finally {
                db.commit();
                db.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failure("read", e);
        }
    }

    private void stream(Connection connection, Dataset dataset, String asOf, RowSink sink) {
        boolean past = asOf != null && dataset == Dataset.CURRENT_ANSWERS;
        try (PreparedStatement ps = past ? Jdbc.prepare(connection, Dataset.ANSWERS_AS_OF, asOf)
                : connection.prepareStatement(dataset.query());
             ResultSet rs = ps.executeQuery()) {
            ResultSetMetaData meta = rs.getMetaData();
            List<String> columns = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                columns.add(meta.getColumnLabel(i));
            }
            sink.header(columns);
            while (rs.next()) {
                List<Object> values = new ArrayList<>(columns.size());
                for (int i = 1; i <= columns.size(); i++) {
                    values.add(rs.getObject(i));
                }
                sink.row(values);
            }
        } catch (SQLException e) {
            throw failure("read " + dataset.viewName(), e);
        } catch (StoreException e) {
            throw e;
        } catch (Exception e) {
            throw new StoreException("writing " + dataset.viewName() + " failed: " + e.getMessage(), false, e);
        }
    }

    List<String> columns(Dataset dataset) {
        Set<String> columns = new LinkedHashSet<>();
        try (PreparedStatement ps = Jdbc.prepare(db, "SELECT name FROM pragma_table_info(?)", dataset.viewName());
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                columns.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw failure("read columns of " + dataset.viewName(), e);
        }
        return List.copyOf(columns);
    }

    private StoreException failure(String what, SQLException e) {
        return StoreException.cannot(what, file, e);
    }
}
