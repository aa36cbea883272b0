package org.gardpipeline.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gardpipeline.model.Document;
import org.gardpipeline.model.Fetch;
import org.gardpipeline.model.IngestSummary;
import org.gardpipeline.model.PageNames;
import org.gardpipeline.review.ChangeGuard;
import org.gardpipeline.review.FetchReview;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records fetches: each in one transaction, so that after a failure the database is exactly as it was; and
 * recognises the fetches recorded before, by their listing or their content.
 */
final class FetchRecorder {
    private static final Logger LOG = LoggerFactory.getLogger(FetchRecorder.class);
    private final Path file;
    private final Connection db;

    FetchRecorder(Path file, Connection db) {
        this.file = file;
        this.db = db;
    }

    /**
     * Ingests one fetch. A fetch already ingested with the same content is a no-op; one with the same date
     * and label but other content is refused.
     */
    IngestSummary ingest(Fetch fetch, Iterable<Document> documents, PageNames names, ChangeGuard guard) {
        long started = System.nanoTime();
        try {
            db.setAutoCommit(false);
            try {
                IngestSummary summary = ingestInTransaction(fetch, null, documents, names, guard, started);
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

    /**
     * Writes one fetch inside the caller's transaction: a new one ({@code keepId} null), or one derived again under
     * the id it had ({@link HistoryRebuild}).
     */
    IngestSummary ingestInTransaction(Fetch fetch, Long keepId, Iterable<Document> documents, PageNames names,
                                      ChangeGuard guard, long started) throws SQLException {
        if (hasFetch(fetch.fetchedAt(), fetch.label())) {
            // Callers ask ingested(fetch) first; holding the run lock, nobody can have added it since.
            throw new StoreException("fetch " + fetch.name() + " is already in " + file, true);
        }
        try (StatementCache sql = new StatementCache(db)) {
            boolean newest = isNewest(fetch);
            DocumentWriter writer = new DocumentWriter(db, sql, newest);
            long fetchId = writer.insertFetch(fetch, keepId);
            Set<Long> pages = writer.writeDocuments(fetchId, fetch, documents);
            new ListedNames(sql).record(names); // the pages' other names the fetch's list of pages gives, if it holds one
            LOG.debug("fetch {}: documents written; updating the history of {} pages{}", fetch.name(), pages.size(),
                    newest ? "" : " (an older fetch: its timelines are derived again)");
            SlotHistory history = new SlotHistory(sql);
            // after an older fetch every affected slot is derived again
            Set<Long> changed = newest ? history.changedByNewest() : Set.of();
            for (long slotId : affectedSlots(pages, fetch.complete())) {
                if (!newest || changed.contains(slotId)) {
                    history.rederive(slotId);
                }
            }
            int layoutChanged = new PageLayouts(sql).changedPages(fetchId);
            if (!guard.acceptHeld()) {
                FetchReview review = new ReviewQueries(sql).review(fetchId, fetch.name(), layoutChanged);
                Optional<String> held = guard.holdReason(review);
                if (held.isPresent()) {
                    throw new FetchHeldException(review, held.get());
                }
            }
            history.indexForSearch();
            return finish(fetch, fetchId, started, layoutChanged);
        }
    }

    /** True when no stored fetch comes after this one in date order: then history only grows at its end. */
    private boolean isNewest(Fetch fetch) throws SQLException {
        Long later = Jdbc.single(db, "SELECT count(*) FROM fetch WHERE fetched_at > ? OR (fetched_at = ? AND label > ?)",
                fetch.fetchedAt(), fetch.fetchedAt(), fetch.label());
        return later == 0;
    }

    private IngestSummary finish(Fetch fetch, long fetchId, long started, int layoutChanged) throws SQLException {
        double seconds = Math.round((System.nanoTime() - started) / 1e7) / 100.0;
        Jdbc.update(db, "UPDATE fetch SET seconds = ? WHERE fetch_id = ?", seconds, fetchId);
        return summary(fetch, fetchId, false, layoutChanged);
    }

    private IngestSummary alreadyIngested(Fetch fetch, FetchListing listed) throws SQLException {
        long fetchId;
        FetchListing kept;
        try (PreparedStatement ps = Jdbc.prepare(db,
                "SELECT fetch_id, content_sha256, origin, listing_sha256, listing_dependencies FROM fetch WHERE fetched_at = ? AND label = ?",
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
            kept = new FetchListing(rs.getString(4), FetchListing.dependenciesOf(rs.getString(5)));
        }
        if (listed != null && !listed.equals(kept)) {
            // the same bytes, in files listed for the first time, or copied or touched since
            Jdbc.update(db, "UPDATE fetch SET listing_sha256 = ?, listing_dependencies = ? WHERE fetch_id = ?",
                    listed.sha256(), listed.dependencyLines(), fetchId);
        }
        return summary(fetch, fetchId, true, 0);
    }

    /**
     * The summary of this fetch when it was ingested before and its files have the listing kept for it, so they
     * have not changed since; empty when it was not, or when only its bytes can tell. The files beyond the folder
     * the listing took in are kept with it when they are not yet (a listing kept by an earlier release).
     */
    Optional<IngestSummary> ingestedFromUnchangedFiles(Fetch fetch, FetchListing listed) {
        if (listed == null) {
            return Optional.empty();
        }
        try (PreparedStatement ps = Jdbc.prepare(db, "SELECT fetch_id, listing_dependencies FROM fetch "
                + "WHERE fetched_at = ? AND label = ? AND listing_sha256 = ?", fetch.fetchedAt(), fetch.label(), listed.sha256());
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            long fetchId = rs.getLong(1);
            if (listed.dependencies() != null && !listed.dependencyLines().equals(rs.getString(2))) {
                Jdbc.update(db, "UPDATE fetch SET listing_dependencies = ? WHERE fetch_id = ?", listed.dependencyLines(), fetchId);
            }
            return Optional.of(summary(fetch, fetchId, true, 0));
        } catch (SQLException e) {
            throw failure("read fetches", e);
        }
    }

    /** The listing kept for the fetch of this date and label; null when there is none. */
    FetchListing keptListing(String fetchedAt, String label) {
        try (PreparedStatement ps = Jdbc.prepare(db, "SELECT listing_sha256, listing_dependencies FROM fetch "
                + "WHERE fetched_at = ? AND label = ? AND listing_sha256 IS NOT NULL", fetchedAt, label);
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? new FetchListing(rs.getString(1), FetchListing.dependenciesOf(rs.getString(2))) : null;
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

    /**
     * The fetch's summary; {@code layoutChanged} is counted only for a fetch ingested now (a run meets many fetches
     * ingested before, and says nothing of them).
     */
    private IngestSummary summary(Fetch fetch, long fetchId, boolean already, int layoutChanged) throws SQLException {
        try (PreparedStatement ps = Jdbc.prepare(db, """
                SELECT documents, parsed, quarantined, added, changed, removed, restored, coalesce(seconds, 0), reused
                FROM fetches WHERE fetch_id = ?""", fetchId);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return new IngestSummary(fetch, fetchId, already, rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4),
                    rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getDouble(8), rs.getInt(9), layoutChanged);
        }
    }

    /**
     * The summary of this fetch when it was ingested before, empty when it was not; refuses a fetch of an
     * ingested date and label whose content differs. When the content is the same, the listing of its files
     * (taken before they were read; null for none) is kept for the next run.
     */
    Optional<IngestSummary> ingested(Fetch fetch, FetchListing listed) {
        try {
            return Optional.ofNullable(alreadyIngested(fetch, listed));
        } catch (SQLException e) {
            throw failure("read fetches", e);
        }
    }

    /** The hashes of documents whose bytes need no parse: an earlier parse of them stands for them. */
    Set<String> parsedDocumentHashes() {
        try {
            return ReusedDocuments.reusableHashes(db);
        } catch (SQLException e) {
            throw failure("read document hashes", e);
        }
    }

    /** True when a fetch of that date and label is stored. */
    boolean hasFetch(String fetchedAt, String label) {
        try {
            Long n = Jdbc.single(db, "SELECT count(*) FROM fetch WHERE fetched_at = ? AND label = ?", fetchedAt, label);
            return n != null && n > 0;
        } catch (SQLException e) {
            throw failure("read fetches", e);
        }
    }

    private StoreException failure(String what, SQLException e) {
        return StoreException.cannot(what, file, e);
    }
}
