package org.gardpipeline.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.gardpipeline.model.Fetch;
import org.gardpipeline.model.PageNames;
import org.gardpipeline.parse.ParserVersions;
import org.gardpipeline.review.ChangeGuard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Derives the whole history again from the raw documents of every fetch, after a parser's output changed: in one
 * transaction, every fact and everything derived from them is emptied and each fetch written again in date order
 * by the ingest's own path with the change guard off, so that the result is what a fresh ingest with today's
 * parsers gives, and nothing of the software's change is recorded as a change of GARD's answers or held for review.
 * Each fetch keeps its id, its ingest time and duration and the listing of its files; a fetch whose documents are
 * not those it was ingested from ends it, and the database is as it was.
 */
final class HistoryRebuild {
    private static final Logger LOG = LoggerFactory.getLogger(HistoryRebuild.class);
    /** Every table of the history but Flyway's, children before the tables they refer to. */
    private static final List<String> TABLES = List.of("answer_search", "change_event", "version", "observation_run",
            "document_run", "page_layout_run", "page_phenotype_run", "note_set_item", "note_set", "reference_list_item",
            "content", "reference_list", "reference_parts", "question", "slot", "page_name", "parse_result",
            "phenotype_list_item", "phenotype_list", "page", "document_path", "layout", "fetch");
    private final Path file;
    private final Connection db;
    private final FetchRecorder recorder;

    HistoryRebuild(Path file, Connection db, FetchRecorder recorder) {
        this.file = file;
        this.db = db;
        this.recorder = recorder;
    }

    /** The stored parse results made by parsers of another version than this build's. */
    ParserDrift drift() throws SQLException {
        List<String> changes = new ArrayList<>();
        long results = 0;
        StringBuilder outdated = new StringBuilder();
        try (PreparedStatement ps = db.prepareStatement(
                "SELECT format, parser_version, count(*) FROM parse_result GROUP BY format, parser_version ORDER BY format, parser_version");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String format = rs.getString(1);
                int stored = rs.getInt(2);
                OptionalInt current = ParserVersions.ofKey(format);
                if (current.isPresent() && current.getAsInt() != stored) {
                    changes.add((format == null ? "quarantined" : format) + " " + stored + " -> " + current.getAsInt());
                    results += rs.getLong(3);
                    outdated.append(outdated.isEmpty() ? "" : " OR ").append("(r.format IS ").append(format == null ? "NULL" : "'" + format.replace("'", "''") + "'")
                            .append(" AND r.parser_version = ").append(stored).append(')');
                }
            }
        }
        if (changes.isEmpty()) {
            return ParserDrift.NONE;
        }
        Long fetches = Jdbc.single(db, "SELECT count(*) FROM fetch f WHERE EXISTS (SELECT 1 FROM document_run_span d "
                + "JOIN parse_result r ON r.result_id = d.result_id WHERE f.position BETWEEN d.first_position AND d.last_position AND ("
                + outdated + "))");
        return new ParserDrift(changes, results, fetches);
    }

    /** The stored fetches in date order, as they were ingested (origin and content hash included). */
    List<Fetch> fetches() throws SQLException {
        List<Fetch> fetches = new ArrayList<>();
        try (PreparedStatement ps = db.prepareStatement(
                "SELECT fetched_at, label, source, complete, origin, content_sha256 FROM fetch ORDER BY position");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                fetches.add(new Fetch(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4) == 1, rs.getString(5),
                        rs.getString(6)));
            }
        }
        return fetches;
    }

    /** The row of a fetch that a rebuild keeps as it was. */
    private record Kept(long fetchId, String ingestedAt, Double seconds, String listing, String listingDependencies) {
    }

    Rebuilt rebuild(List<Fetch> fetches, FetchDocuments documents) throws SQLException {
        long started = System.nanoTime();
        db.setAutoCommit(false);
        try {
            long eventsBefore = Jdbc.single(db, "SELECT count(*) FROM change_event");
            List<Kept> kept = new ArrayList<>();
            for (Fetch f : fetches) {
                kept.add(kept(f));
            }
            for (String table : TABLES) {
                Jdbc.update(db, "DELETE FROM " + table);
            }
            LOG.debug("{}: the history of {} fetches emptied in {} s", file, fetches.size(), seconds(started));
            for (int i = 0; i < fetches.size(); i++) {
                Fetch f = fetches.get(i);
                Kept k = kept.get(i);
                List<Object> written = new ArrayList<>(1);
                PageNames names = documents.names(f);
                documents.read(f, docs -> {
                    try {
                        written.add(recorder.ingestInTransaction(f, k.fetchId(), docs, names,
                                new ChangeGuard(ChangeGuard.DEFAULT_MAX_CHANGE_SHARE, true), System.nanoTime()));
                    } catch (SQLException e) {
                        throw StoreException.cannot("derive fetch " + f.name() + " again", file, e);
                    }
                });
                if (written.isEmpty() || !f.contentSha256().equals(contentSha256(k.fetchId()))) {
                    db.rollback();
                    return new Rebuilt(false, "fetch " + f.name() + ": the documents at " + f.origin()
                            + " are not those it was ingested from", 0, eventsBefore, eventsBefore, seconds(started));
                }
                Jdbc.update(db, "UPDATE fetch SET ingested_at = ?, seconds = ?, listing_sha256 = ?, listing_dependencies = ? "
                        + "WHERE fetch_id = ?", k.ingestedAt(), k.seconds(), k.listing(), k.listingDependencies(), k.fetchId());
                LOG.debug("fetch {}: derived again", f.name());
            }
            long eventsAfter = Jdbc.single(db, "SELECT count(*) FROM change_event");
            db.commit();
            return new Rebuilt(true, null, fetches.size(), eventsBefore, eventsAfter, seconds(started));
        } catch (SQLException | RuntimeException e) {
            db.rollback();
            throw e;
        } finally {
            db.setAutoCommit(true);
        }
    }

    private Kept kept(Fetch f) throws SQLException {
        try (PreparedStatement ps = Jdbc.prepare(db, "SELECT fetch_id, ingested_at, seconds, listing_sha256, listing_dependencies FROM fetch "
                + "WHERE fetched_at = ? AND label = ?", f.fetchedAt(), f.label());
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new StoreException("fetch " + f.name() + " is not in " + file, false);
            }
            double seconds = rs.getDouble(3);
            Double known = rs.wasNull() ? null : seconds; // asked at once: wasNull speaks of the column read last
            return new Kept(rs.getLong(1), rs.getString(2), known, rs.getString(4), rs.getString(5));
        }
    }

    private String contentSha256(long fetchId) throws SQLException {
        try (PreparedStatement ps = Jdbc.prepare(db, "SELECT content_sha256 FROM fetch WHERE fetch_id = ?", fetchId);
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static double seconds(long started) {
        return Math.round((System.nanoTime() - started) / 1e7) / 100.0;
    }
}
