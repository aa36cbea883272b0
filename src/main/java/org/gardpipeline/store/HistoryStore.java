package org.gardpipeline.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.gardpipeline.model.Document;
import org.gardpipeline.model.Fetch;
import org.gardpipeline.model.IngestSummary;
import org.gardpipeline.model.PageNames;
import org.gardpipeline.review.ChangeGuard;

/**
 * The versioned history in one SQLite file: how it is opened (locked for writing, or read as it is), and the
 * store's whole public surface. Writing a fetch is {@link FetchRecorder}'s; reading is the query classes'.
 */
public final class HistoryStore implements AutoCloseable {
    private final Path file;
    private final Connection db;
    private final RunLock lock;
    private final FetchRecorder recorder;

    private HistoryStore(Path file, Connection db, RunLock lock) {
        this.file = file;
        this.db = db;
        this.lock = lock;
        this.recorder = new FetchRecorder(file, db);
    }

    /**
     * Opens (creating when absent) and migrates the database for writing, holding its run lock until closed;
     * refuses a file it must not touch, and throws {@link LockedException} while another run holds it.
     */
    public static HistoryStore open(Path file) {
        RunLock lock = RunLock.acquire(file);
        try {
            return new HistoryStore(file, Database.open(file, true), lock);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /**
     * Opens a database that must exist already, for commands that only read: no lock needed. A read-only file
     * is read as it is.
     */
    public static HistoryStore openExisting(Path file) {
        return new HistoryStore(file, Database.openForReading(file), null);
    }

    /**
     * Opens a database that must exist already for an export: with the run lock when it is free, so that
     * the tables can be read on several connections at once; without it while a run is in progress, and then
     * the tables are read one after another in one read transaction.
     */
    public static HistoryStore openForExport(Path file) {
        if (!Files.exists(file) || Database.isReadOnly(file)) {
            return openExisting(file); // nobody writes a read-only database: no lock to take
        }
        RunLock lock;
        try {
            lock = RunLock.acquire(file);
        } catch (LockedException running) {
            return openExisting(file);
        }
        try {
            return new HistoryStore(file, Database.open(file, false), lock);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /**
     * Opens a database that must exist already, migrated, holding its run lock until closed, for a command that
     * reads the whole history and must not race a run ({@code gard publish}); {@link LockedException} while
     * another run holds it.
     */
    public static HistoryStore openLocked(Path file) {
        RunLock lock = RunLock.acquire(file);
        try {
            return new HistoryStore(file, Database.open(file, false), lock);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /** The base tables read from one state of the database until the snapshot is closed. */
    public MirrorSnapshot mirrorSnapshot() {
        return new MirrorSnapshot(file, db);
    }

    public Path file() {
        return file;
    }

    /** The connection, for the store's read-only query classes (such as {@link ReportQueries}). */
    Connection connection() {
        return db;
    }

    /**
     * Ingests one fetch unless the guard holds it for review: then nothing of it is committed and
     * {@link FetchHeldException} says why. A fetch already ingested with the same content is a no-op; one with
     * the same date and label but other content is refused.
     */
    public IngestSummary ingest(Fetch fetch, Iterable<Document> documents, ChangeGuard guard) {
        return ingest(fetch, documents, PageNames.NONE, guard);
    }

    /**
     * As {@link #ingest(Fetch, Iterable, ChangeGuard)}, recording too the other names the fetch's list of pages gives
     * the pages it knows (names, not answers: no version, no event).
     */
    public IngestSummary ingest(Fetch fetch, Iterable<Document> documents, PageNames names, ChangeGuard guard) {
        return recorder.ingest(fetch, documents, names, guard);
    }

    /**
     * The summary of this fetch when it was ingested before and its files have the listing kept for it, so they
     * have not changed since; empty when it was not, or when only its bytes can tell.
     */
    public Optional<IngestSummary> ingestedFromUnchangedFiles(Fetch fetch, FetchListing listed) {
        return recorder.ingestedFromUnchangedFiles(fetch, listed);
    }

    /**
     * The summary of this fetch when it was ingested before, empty when it was not; refuses a fetch of an
     * ingested date and label whose content differs. When the content is the same, the listing of its files
     * (taken before they were read; null for none) is kept for the next run.
     */
    public Optional<IngestSummary> ingested(Fetch fetch, FetchListing listed) {
        return recorder.ingested(fetch, listed);
    }

    /**
     * The listing kept for the fetch of this date and label, with the files beyond its folder it took in; null when
     * none is kept. A run checks a folder's listing with those files, so it need not open the WARC file naming them.
     */
    public FetchListing keptListing(String fetchedAt, String label) {
        return recorder.keptListing(fetchedAt, label);
    }

    /** The hashes of documents whose bytes need no parse: an earlier parse of them stands for them. */
    public Set<String> parsedDocumentHashes() {
        return recorder.parsedDocumentHashes();
    }

    /** The parse results made by parsers of another version than this build's; empty when there are none. */
    public ParserDrift parserDrift() {
        try {
            return rebuilder().drift();
        } catch (SQLException e) {
            throw failure("read parse results", e);
        }
    }

    /** The stored fetches in date order, each as it was ingested (its origin and content hash included). */
    public List<Fetch> storedFetches() {
        try {
            return rebuilder().fetches();
        } catch (SQLException e) {
            throw failure("read fetches", e);
        }
    }

    /**
     * Derives the whole history again from the documents of these fetches (every stored one, in date order), read
     * and parsed anew by {@code documents}, in one transaction with no fetch held for review: the result is what a
     * fresh ingest with this build's parsers gives. A fetch whose documents are not those it was ingested from
     * leaves the database as it was, and the result says so.
     */
    public Rebuilt rebuild(List<Fetch> fetches, FetchDocuments documents) {
        try {
            return rebuilder().rebuild(fetches, documents);
        } catch (SQLException e) {
            throw new StoreException("cannot derive the history of " + file + " again, nothing of it was written: "
                    + e.getMessage(), false, e);
        }
    }

    private HistoryRebuild rebuilder() {
        return new HistoryRebuild(file, db, recorder);
    }

    /** True when a fetch of that date and label is stored. */
    public boolean hasFetch(String fetchedAt, String label) {
        return recorder.hasFetch(fetchedAt, label);
    }

    /** The fetches covered, for the description of an export. */
    public FetchSpan fetchSpan() {
        try {
            return new HistoryQueries(db).fetchSpan();
        } catch (SQLException e) {
            throw failure("read fetches", e);
        }
    }

    /** The quarantined documents of a fetch, as (path, reason), by path. */
    public List<String[]> quarantined(long fetchId) {
        try {
            return new HistoryQueries(db).quarantined(fetchId);
        } catch (SQLException e) {
            throw failure("read quarantine", e);
        }
    }

    /** The page a user names by GARD id, page key, slug, title or other name. */
    public Optional<PageRef> findPage(String reference) {
        try {
            return Optional.ofNullable(new HistoryQueries(db).findPage(reference));
        } catch (SQLException e) {
            throw failure("find page", e);
        }
    }

    /** The versions of a page's answers, by slot and time; {@code topicOrSlot} null for every slot. */
    public List<VersionRecord> versions(PageRef page, String topicOrSlot) {
        try {
            return new HistoryQueries(db).versions(page.pageId(), topicOrSlot);
        } catch (SQLException e) {
            throw failure("read versions", e);
        }
    }

    /** Current answers holding every word of the query. */
    public List<SearchHit> search(String query, int limit) {
        if (query.isBlank()) {
            throw new StoreException("the search query is empty", true);
        }
        try {
            return new HistoryQueries(db).search(query, limit);
        } catch (SQLException e) {
            throw failure("search", e);
        }
    }

    /** Every violation of SQLite's integrity and of the history's invariants; empty when all hold. */
    public List<String> check() {
        try {
            return new Invariants(db).violations();
        } catch (SQLException e) {
            throw failure("check", e);
        }
    }

    /** A consistent copy of the database, taken while other runs may be reading or writing it. */
    public void backup(Path target) {
        if (Files.exists(target)) {
            throw new StoreException("backup target " + target + " exists already; name a new file", true);
        }
        try {
            Jdbc.update(db, "VACUUM INTO ?", target.toAbsolutePath().toString());
        } catch (SQLException e) {
            throw new StoreException("cannot back up " + file + " to " + target + ": " + e.getMessage(), true, e);
        }
    }

    /** Receives the rows of a dataset one at a time, never the whole table. */
    public interface RowSink {
        void header(List<String> columns) throws Exception;

        void row(List<Object> values) throws Exception;
    }

    /** Streams a dataset's rows in its stable order. */
    public void stream(Dataset dataset, RowSink sink) {
        reader().stream(dataset, sink);
    }

    /**
     * Streams several datasets from one consistent state of the database; with {@code asOf} (an ISO date) the
     * answers are those that stood at the end of that day, the other datasets are whole.
     */
    public void streamAll(List<Dataset> datasets, String asOf, Function<Dataset, RowSink> sinks) {
        reader().streamAll(datasets, asOf, sinks);
    }

    /** The columns of a dataset's view, in order. */
    public List<String> columns(Dataset dataset) {
        return reader().columns(dataset);
    }

    private DatasetReader reader() {
        return new DatasetReader(file, db, lock != null);
    }

    private StoreException failure(String what, SQLException e) {
        return StoreException.cannot(what, file, e);
    }

    @Override
    public void close() {
        try {
            db.close();
        } catch (SQLException e) {
            throw failure("close", e);
        } finally {
            if (lock != null) {
                lock.close();
            }
        }
    }
}
