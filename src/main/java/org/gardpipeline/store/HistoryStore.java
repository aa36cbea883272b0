package org.gardpipeline.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.gardpipeline.model.Document;
import org.gardpipeline.model.Fetch;
import org.gardpipeline.model.IngestSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The versioned history in one SQLite file. Every fetch is written in one transaction: after a failure
 * the database is exactly as it was.
 */
public final class HistoryStore implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HistoryStore.class);
    private final Path file;
    private final Connection db;
    private final RunLock lock;

    private HistoryStore(Path file, Connection db, RunLock lock) {
        this.file = file;
        this.db = db;
        this.lock = lock;
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
     * Opens for writing a database that exists already at this build's schema, and does nothing else to it;
     * empty when it is missing or needs migrating ({@link #open} creates and migrates). Throws as {@link #open}
     * for a file it must not touch or while another run holds the lock.
     */
    public static Optional<HistoryStore> openIfCurrent(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        RunLock lock = RunLock.acquire(file);
        try {
            Optional<HistoryStore> store = Database.openIfCurrent(file).map(db -> new HistoryStore(file, db, lock));
            if (store.isEmpty()) {
                lock.close();
            }
            return store;
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

    public Path file() {
        return file;
    }

    /**
     * Ingests one fetch. A fetch already ingested with the same content is a no-op; one with the same date
     * and label but other content is refused.
     */
    public IngestSummary ingest(Fetch fetch, Iterable<Document> documents) {
        return ingest(fetch, documents, ChangeGuard.NONE);
    }

    /**
     * Ingests one fetch unless the guard holds it for review: then nothing of it is committed and
     * {@link FetchHeldException} says why.
     */
    public IngestSummary ingest(Fetch fetch, Iterable<Document> documents, ChangeGuard guard) {
        long started = System.nanoTime();
        try {
            db.setAutoCommit(false);
            try {
                IngestSummary summary = ingestInTransaction(fetch, documents, guard, started);
                db.commit();
                LOG.debug("fetch {}: committed to {} in {} s", fetch.name(), file, summary.seconds());
                return summary;
            } catch (FetchHeldException e) {
                LOG.debug("fetch {}: held for review, rolling back", fetch.name());
                db.rollback();
                throw e;
            } catch (SQLException | RuntimeException e) {
                LOG.warn("fetch {}: rolling back: {}", fetch.name(), e.toString());
                db.rollback();
                throw e;
            } finally {
                db.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("ingest of fetch " + fetch.name() + " into " + file + " failed, nothing of it was "
                    + "written: " + e.getMessage(), false, e);
        }
    }

    private IngestSummary ingestInTransaction(Fetch fetch, Iterable<Document> documents, ChangeGuard guard, long started)
            throws SQLException {
        if (hasFetch(fetch.fetchedAt(), fetch.label())) {
            // Callers ask ingested(fetch) first; holding the run lock, nobody can have added it since.
            throw new StoreException("fetch " + fetch.name() + " is already in " + file, true);
        }
        try (Statements sql = new Statements(db)) {
            boolean newest = isNewest(fetch);
            FetchWriter writer = new FetchWriter(db, sql, newest);
            long fetchId = writer.insertFetch(fetch);
            Set<Long> pages = writer.writeDocuments(fetchId, fetch, documents);
            LOG.debug("fetch {}: documents written; updating the history of {} pages{}", fetch.name(), pages.size(),
                    newest ? "" : " (an older fetch: its timelines are derived again)");
            SlotHistory history = new SlotHistory(sql);
            // after an older fetch every affected slot is derived again
            SlotHistory.Changes changes = newest ? history.changesBy(fetchId) : SlotHistory.Changes.NONE;
            List<Long> slots = new ArrayList<>();
            for (long slotId : affectedSlots(pages, fetch.complete())) {
                if (!newest || changes.slots().contains(slotId)) {
                    slots.add(slotId);
                }
            }
            history.rederive(slots, changes.firstSeen(), fetchId);
            if (!guard.acceptHeld()) {
                FetchReview review = new FetchReviews(sql).review(fetchId, fetch.name());
                Optional<String> held = guard.holdReason(review);
                if (held.isPresent()) {
                    throw new FetchHeldException(review, held.get());
                }
            }
            history.indexForSearch();
            return finish(fetch, fetchId, started);
        }
    }

    /** True when no stored fetch comes after this one in date order: then history only grows at its end. */
    private boolean isNewest(Fetch fetch) throws SQLException {
        Long later = Sql.single(db, "SELECT count(*) FROM fetch WHERE fetched_at > ? OR (fetched_at = ? AND label > ?)",
                fetch.fetchedAt(), fetch.fetchedAt(), fetch.label());
        return later == 0;
    }

    private IngestSummary finish(Fetch fetch, long fetchId, long started) throws SQLException {
        double seconds = Math.round((System.nanoTime() - started) / 1e7) / 100.0;
        Sql.update(db, "UPDATE fetch SET seconds = ? WHERE fetch_id = ?", seconds, fetchId);
        return summary(fetch, fetchId, false);
    }

    private IngestSummary alreadyIngested(Fetch fetch, String listingSha256) throws SQLException {
        long fetchId;
        String listing;
        try (PreparedStatement ps = Sql.prepare(db,
                "SELECT fetch_id, content_sha256, origin, listing_sha256 FROM fetch WHERE fetched_at = ? AND label = ?",
                fetch.fetchedAt(), fetch.label());
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return null;
            }
            if (!rs.getString(2).equals(fetch.contentSha256())) {
                throw new StoreException("fetch " + fetch.name() + " from " + fetch.origin() + " differs from the fetch "
                        + "of that date already ingested from " + rs.getString(3) + "; give it a distinct label "
                        + "(name the folder YYYY-MM-DD-<label>)", true);
            }
            fetchId = rs.getLong(1);
            listing = rs.getString(4);
        }
        if (listingSha256 != null && !listingSha256.equals(listing)) {
            // the same bytes, in files listed for the first time, or copied or touched since
            Sql.update(db, "UPDATE fetch SET listing_sha256 = ? WHERE fetch_id = ?", listingSha256, fetchId);
        }
        return summary(fetch, fetchId, true);
    }

    /**
     * The summary of this fetch when it was ingested before and its files have the listing kept for it, so they
     * have not changed since; empty when it was not, or when only its bytes can tell.
     */
    public Optional<IngestSummary> ingestedFromUnchangedFiles(Fetch fetch, String listingSha256) {
        if (listingSha256 == null) {
            return Optional.empty();
        }
        try {
            Long fetchId = Sql.single(db, "SELECT fetch_id FROM fetch WHERE fetched_at = ? AND label = ? AND listing_sha256 = ?",
                    fetch.fetchedAt(), fetch.label(), listingSha256);
            return fetchId == null ? Optional.empty() : Optional.of(summary(fetch, fetchId, true));
        } catch (SQLException e) {
            throw failure("read fetches", e);
        }
    }

    /**
     * The slots whose timeline the fetch can change: those of the pages it parsed, page by page, or all of them
     * when complete; each page's in id order.
     */
    private List<Long> affectedSlots(Set<Long> pages, boolean complete) throws SQLException {
        Map<Long, List<Long>> byPage = new LinkedHashMap<>();
        try (PreparedStatement ps = db.prepareStatement("SELECT slot_id, page_id FROM slot ORDER BY slot_id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                byPage.computeIfAbsent(rs.getLong(2), p -> new ArrayList<>()).add(rs.getLong(1));
            }
        }
        List<Long> slots = new ArrayList<>();
        if (complete) {
            byPage.values().forEach(slots::addAll);
            slots.sort(null);
            return slots;
        }
        for (long pageId : pages) {
            slots.addAll(byPage.getOrDefault(pageId, List.of()));
        }
        return slots;
    }

    private IngestSummary summary(Fetch fetch, long fetchId, boolean already) throws SQLException {
        try (PreparedStatement ps = Sql.prepare(db, """
                SELECT documents, parsed, quarantined, added, changed, removed, restored, coalesce(seconds, 0), reused
                FROM fetches WHERE fetch_id = ?""", fetchId);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            // counted only for a fetch ingested now: a run meets many fetches ingested before, and says nothing of them
            int layoutChanged = 0;
            if (!already) {
                try (Statements sql = new Statements(db)) {
                    layoutChanged = new PageLayouts(sql).changedPages(fetchId);
                }
            }
            return new IngestSummary(fetch, fetchId, already, rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4),
                    rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getDouble(8), rs.getInt(9), layoutChanged);
        }
    }

    /**
     * The summary of this fetch when it was ingested before, empty when it was not; refuses a fetch of an
     * ingested date and label whose content differs. When the content is the same, the listing of its files
     * (taken before they were read; null for none) is kept for the next run.
     */
    public Optional<IngestSummary> ingested(Fetch fetch, String listingSha256) {
        try {
            return Optional.ofNullable(alreadyIngested(fetch, listingSha256));
        } catch (SQLException e) {
            throw failure("read fetches", e);
        }
    }

    /** The hashes of documents whose bytes need no parse: an earlier parse of them stands for them. */
    public Set<String> parsedDocumentHashes() {
        try {
            return ReusedDocuments.reusableHashes(db);
        } catch (SQLException e) {
            throw failure("read document hashes", e);
        }
    }

    /** True when a fetch of that date and label is stored. */
    public boolean hasFetch(String fetchedAt, String label) {
        try {
            Long n = Sql.single(db, "SELECT count(*) FROM fetch WHERE fetched_at = ? AND label = ?", fetchedAt, label);
            return n != null && n > 0;
        } catch (SQLException e) {
            throw failure("read fetches", e);
        }
    }

    /** The fetches covered, for the description of an export. */
    public FetchSpan fetchSpan() {
        try (PreparedStatement ps = db.prepareStatement(
                "SELECT count(*), min(fetched_at), max(fetched_at), max(ingested_at) FROM fetch");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return new FetchSpan(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4));
        } catch (SQLException e) {
            throw failure("read fetches", e);
        }
    }

    /** The quarantined documents of a fetch, as (path, reason), by path. */
    public List<String[]> quarantined(long fetchId) {
        List<String[]> rows = new ArrayList<>();
        try (PreparedStatement ps = Sql.prepare(db,
                "SELECT path, quarantine_reason FROM document WHERE fetch_id = ? AND quarantine_reason IS NOT NULL ORDER BY path",
                fetchId);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.add(new String[] {rs.getString(1), rs.getString(2)});
            }
        } catch (SQLException e) {
            throw failure("read quarantine", e);
        }
        return rows;
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
            Sql.update(db, "VACUUM INTO ?", target.toAbsolutePath().toString());
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
        return new StoreException("cannot " + what + " in " + file + ": " + e.getMessage(), false, e);
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
