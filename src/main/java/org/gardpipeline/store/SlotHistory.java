package org.gardpipeline.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keeps a slot's derived rows (versions, change events, current version) equal to what
 * {@link Timeline} derives from its observations. Rows that stay the same keep their ids.
 */
final class SlotHistory {
    private final StatementCache sql;
    private final Map<Long, Timeline.ContentParts> parts = new HashMap<>();
    /** The runs of each page's documents read so far, by page: the slots of a page share them. */
    private final Map<Long, List<DocumentRun>> pageDocuments = new HashMap<>();
    private List<Place> places;
    /** Slots derived again whose search entry is still to be brought up to date, in the order derived. */
    private final List<Long> rederived = new ArrayList<>();

    SlotHistory(StatementCache sql) {
        this.sql = sql;
    }

    /**
     * After the newest fetch, the slots whose timeline it may change: those it shows otherwise than they stand
     * (other content, shown for the first time, or shown again after removal) or lacks while they stand. Every
     * other slot's timeline just goes on, so its rows stay as they are. What the newest fetch shows is what the
     * runs that reach it show.
     */
    Set<Long> changedByNewest() throws SQLException {
        Set<Long> changed = new HashSet<>();
        try (ResultSet rs = sql.query("""
                SELECT s.slot_id
                FROM slot s
                LEFT JOIN version cv ON cv.version_id = s.current_version_id
                LEFT JOIN observation_run o ON o.slot_id = s.slot_id AND o.last_fetch IS NULL
                WHERE CASE WHEN o.content_id IS NULL THEN s.present <> 0
                           ELSE s.present = 0 OR cv.content_id IS NOT o.content_id END""")) {
            while (rs.next()) {
                changed.add(rs.getLong(1));
            }
        }
        return changed;
    }

    /** Derives the slot's rows again; {@link #indexForSearch} then brings its search entry up to date. */
    void rederive(long slotId) throws SQLException {
        Timeline.Result result = Timeline.derive(points(slotId), this::parts);
        List<Long> versionIds = syncVersions(slotId, result.versions());
        syncEvents(slotId, result.events(), versionIds);
        Long current = versionIds.isEmpty() ? null : versionIds.get(versionIds.size() - 1);
        sql.update("UPDATE slot SET current_version_id = ?, present = ? WHERE slot_id = ?",
                current, result.present() ? 1 : 0, slotId);
        rederived.add(slotId);
    }

    /**
     * Brings the search index up to date for the slots derived again since the last call: it holds each slot's
     * current answer, and nothing of a removed one. One statement for them all costs half what a statement per
     * slot costs, and a first ingest derives every slot.
     */
    void indexForSearch() throws SQLException {
        if (rederived.isEmpty()) {
            return;
        }
        String slots = rederived.toString(); // a JSON array of the slot ids
        sql.update("DELETE FROM answer_search WHERE rowid IN (SELECT value FROM json_each(?))", slots);
        sql.update("""
                INSERT INTO answer_search (rowid, page_title, question, answer_text)
                SELECT s.slot_id, p.title, v.question, c.answer_text
                FROM json_each(?) j
                JOIN slot s ON s.slot_id = j.value
                JOIN page p ON p.page_id = s.page_id
                JOIN version v ON v.version_id = s.current_version_id
                JOIN content c ON c.content_id = v.content_id
                WHERE s.present = 1
                ORDER BY j.key""", slots);
        rederived.clear();
    }

    /**
     * True when the slot's stored versions, events and presence are exactly what its observations give: every
     * column the derivation writes, compared as {@link #syncVersions} and {@link #syncEvents} would write it.
     */
    boolean isUpToDate(long slotId) throws SQLException {
        Timeline.Result result = Timeline.derive(points(slotId), this::parts);
        List<Long> versionIds = new ArrayList<>();
        List<String> stored = new ArrayList<>();
        try (ResultSet rs = sql.query("""
                SELECT v.version_id, v.valid_from_fetch || ':' || v.content_id || ':' || coalesce(v.valid_to_fetch, 0)
                       || ':' || v.question
                FROM version v JOIN fetch f ON f.fetch_id = v.valid_from_fetch
                WHERE v.slot_id = ? ORDER BY f.fetched_at, f.label""", slotId)) {
            while (rs.next()) {
                versionIds.add(rs.getLong(1));
                stored.add(rs.getString(2));
            }
        }
        List<String> expected = new ArrayList<>();
        for (Timeline.Version v : result.versions()) {
            expected.add(v.validFrom() + ":" + v.contentId() + ":" + v.validTo() + ":" + v.question());
        }
        if (!expected.equals(stored)) {
            return false;
        }
        Set<String> expectedEvents = new HashSet<>();
        for (Timeline.Event e : result.events()) {
            expectedEvents.add(e.fetchId() + ":" + e.change() + ":" + (e.textChanged() ? 1 : 0) + ":" + (e.dateChanged() ? 1 : 0)
                    + ":" + (e.referencesChanged() ? 1 : 0) + ":" + versionId(versionIds, e.fromVersion()) + ":"
                    + versionId(versionIds, e.toVersion()));
        }
        Set<String> storedEvents = new HashSet<>();
        try (ResultSet rs = sql.query("""
                SELECT fetch_id || ':' || change || ':' || text_changed || ':' || date_changed || ':' || references_changed
                       || ':' || coalesce(from_version, 0) || ':' || coalesce(to_version, 0)
                FROM change_event WHERE slot_id = ?""", slotId)) {
            while (rs.next()) {
                storedEvents.add(rs.getString(1));
            }
        }
        Long present = sql.single("SELECT present FROM slot WHERE slot_id = ?", slotId);
        return expectedEvents.equals(storedEvents) && storedEvents.size() == result.events().size()
                && (present == 1) == result.present();
    }

    /** A fetch in date order: its id, and whether it was complete and quarantined nothing. */
    private record Place(long fetchId, boolean completeAndClean) {
    }

    /**
     * A run of a page's document: the places of its first and last fetch, and how its bytes parsed; {@code answers}
     * is false for a document that showed none (a record of GARD's API without an answered question, a MedQuAD
     * document whose one answer was its phenotype table), which says nothing of any slot.
     */
    private record DocumentRun(long first, long last, String format, boolean wholePage, boolean answers) {
        boolean covers(long position) {
            return first <= position && position <= last;
        }
    }

    /** A run of the slot: where it starts and ends, and what it showed. */
    private record ObservationRun(long firstFetch, long first, long last, long contentId, String question, String format) {
    }

    /** Every fetch by its place in date order (index 0 is place 1), read once. */
    private List<Place> places() throws SQLException {
        if (places == null) {
            places = new ArrayList<>();
            try (ResultSet rs = sql.query("SELECT fetch_id, complete = 1 AND quarantined = 0 FROM fetch ORDER BY position")) {
                while (rs.next()) {
                    places.add(new Place(rs.getLong(1), rs.getBoolean(2)));
                }
            }
        }
        return places;
    }

    private List<DocumentRun> documentRuns(long pageId) throws SQLException {
        List<DocumentRun> runs = pageDocuments.get(pageId);
        if (runs == null) {
            runs = new ArrayList<>();
            try (ResultSet rs = sql.query("""
                    SELECT d.first_position, d.last_position, r.format, r.whole_page, coalesce(r.answers, 1) > 0
                    FROM parse_result r JOIN document_run_span d ON d.result_id = r.result_id
                    WHERE r.page_id = ?""", pageId)) {
                while (rs.next()) {
                    runs.add(new DocumentRun(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getBoolean(4),
                            rs.getBoolean(5)));
                }
            }
            pageDocuments.put(pageId, runs);
        }
        return runs;
    }

    /**
     * The fetches that say something about the slot, in date order: the first of each run that showed it; and
     * after each run, the first fetch that said it was gone: one that parsed its page without it, from a document
     * that showed some answer, in a whole-page format or in a format that has shown the slot (a published answer in
     * plain text holds only some answers of its page, so it says nothing of the others), or a complete fetch that lacked the page and quarantined nothing
     * (a page that failed to parse must never read as removed). The other fetches of a run, and those after the
     * slot was gone, change nothing in its timeline.
     */
    private List<Timeline.Point> points(long slotId) throws SQLException {
        List<ObservationRun> runs = new ArrayList<>();
        try (ResultSet rs = sql.query("""
                SELECT o.first_fetch, o.first_position, o.last_position, o.content_id, q.text, q.format
                FROM observation_run_span o JOIN question q ON q.question_id = o.question_id
                WHERE o.slot_id = ? ORDER BY o.first_position""", slotId)) {
            while (rs.next()) {
                runs.add(new ObservationRun(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getString(5),
                        rs.getString(6)));
            }
        }
        Set<String> formats = new HashSet<>();
        runs.forEach(r -> formats.add(r.format()));
        List<DocumentRun> documents = documentRuns(sql.single("SELECT page_id FROM slot WHERE slot_id = ?", slotId));
        List<Place> places = places();
        List<Timeline.Point> points = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            ObservationRun run = runs.get(i);
            points.add(new Timeline.Point(run.firstFetch(), run.contentId(), run.question()));
            long gapEnd = i + 1 < runs.size() ? runs.get(i + 1).first() - 1 : places.size();
            for (long position = run.last() + 1; position <= gapEnd; position++) {
                if (saysGone(places.get((int) position - 1), position, documents, formats)) {
                    points.add(new Timeline.Point(places.get((int) position - 1).fetchId(), 0, null));
                    break;
                }
            }
        }
        return points;
    }

    private static boolean saysGone(Place place, long position, List<DocumentRun> documents, Set<String> formats) {
        boolean pageParsed = false;
        for (DocumentRun d : documents) {
            if (d.covers(position)) {
                if (d.answers() && (d.wholePage() || formats.contains(d.format()))) {
                    return true;
                }
                pageParsed = true;
            }
        }
        return !pageParsed && place.completeAndClean();
    }

    private Timeline.ContentParts parts(long contentId) {
        return parts.computeIfAbsent(contentId, id -> {
            try (ResultSet rs = sql.query("""
                    SELECT answer_text, last_updated, CASE WHEN reference_list_id IS NOT NULL THEN references_sha256 END
                    FROM content WHERE content_id = ?""", id)) {
                rs.next();
                return new Timeline.ContentParts(ContentHash.words(rs.getString(1)), rs.getString(2), rs.getString(3));
            } catch (SQLException e) {
                throw new IllegalStateException("content " + id + " unreadable", e);
            }
        });
    }

    private record StoredVersion(long versionId, long contentId, String question, long validTo) {
    }

    /** Makes the slot's version rows equal the derived ones; returns their ids in order. */
    private List<Long> syncVersions(long slotId, List<Timeline.Version> versions) throws SQLException {
        Map<Long, StoredVersion> stored = new HashMap<>();
        try (ResultSet rs = sql.query("""
                SELECT version_id, valid_from_fetch, content_id, question, coalesce(valid_to_fetch, 0)
                FROM version WHERE slot_id = ?""", slotId)) {
            while (rs.next()) {
                stored.put(rs.getLong(2), new StoredVersion(rs.getLong(1), rs.getLong(3), rs.getString(4), rs.getLong(5)));
            }
        }
        // Events point at versions: they are rewritten after the versions, so drop stale references first.
        List<Long> ids = new ArrayList<>();
        for (Timeline.Version v : versions) {
            StoredVersion old = stored.remove(v.validFrom());
            if (old == null) {
                ids.add(sql.single("INSERT INTO version (slot_id, content_id, question, valid_from_fetch, valid_to_fetch) "
                        + "VALUES (?, ?, ?, ?, ?) RETURNING version_id", slotId, v.contentId(), v.question(), v.validFrom(),
                        nullIfZero(v.validTo())));
            } else {
                if (old.contentId() != v.contentId() || !old.question().equals(v.question()) || old.validTo() != v.validTo()) {
                    sql.update("UPDATE version SET content_id = ?, question = ?, valid_to_fetch = ? WHERE version_id = ?",
                            v.contentId(), v.question(), nullIfZero(v.validTo()), old.versionId());
                }
                ids.add(old.versionId());
            }
        }
        for (StoredVersion gone : stored.values()) {
            sql.update("DELETE FROM change_event WHERE from_version = ? OR to_version = ?", gone.versionId(), gone.versionId());
            sql.update("DELETE FROM version WHERE version_id = ?", gone.versionId());
        }
        return ids;
    }

    private void syncEvents(long slotId, List<Timeline.Event> events, List<Long> versionIds) throws SQLException {
        Map<Long, Timeline.Event> wanted = new HashMap<>();
        for (Timeline.Event e : events) {
            wanted.put(e.fetchId(), e);
        }
        List<Long> stale = new ArrayList<>();
        try (ResultSet rs = sql.query("""
                SELECT fetch_id, change, text_changed, date_changed, references_changed,
                       coalesce(from_version, 0), coalesce(to_version, 0)
                FROM change_event WHERE slot_id = ?""", slotId)) {
            while (rs.next()) {
                Timeline.Event e = wanted.get(rs.getLong(1));
                if (e != null && e.change().equals(rs.getString(2)) && e.textChanged() == rs.getBoolean(3)
                        && e.dateChanged() == rs.getBoolean(4) && e.referencesChanged() == rs.getBoolean(5)
                        && versionId(versionIds, e.fromVersion()) == rs.getLong(6)
                        && versionId(versionIds, e.toVersion()) == rs.getLong(7)) {
                    wanted.remove(rs.getLong(1));
                } else {
                    stale.add(rs.getLong(1));
                }
            }
        }
        for (long fetchId : stale) {
            sql.update("DELETE FROM change_event WHERE slot_id = ? AND fetch_id = ?", slotId, fetchId);
        }
        for (Timeline.Event e : wanted.values()) {
            sql.update("""
                    INSERT INTO change_event (fetch_id, slot_id, change, text_changed, date_changed, references_changed,
                                              from_version, to_version)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", e.fetchId(), slotId, e.change(), e.textChanged() ? 1 : 0,
                    e.dateChanged() ? 1 : 0, e.referencesChanged() ? 1 : 0,
                    nullIfZero(versionId(versionIds, e.fromVersion())), nullIfZero(versionId(versionIds, e.toVersion())));
        }
    }

    private static long versionId(List<Long> ids, int index) {
        return index < 0 ? 0 : ids.get(index);
    }

    private static Long nullIfZero(long id) {
        return id == 0 ? null : id;
    }
}
