package org.gardpipeline.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reads behind the HTML report, the change feed and the provenance of the Data Package. Every list comes in
 * a stable order, so that two reports of one database are byte-identical.
 */
public final class ReportQueries {
    private final HistoryStore store;
    private final Connection db;

    public ReportQueries(HistoryStore store) {
        this.store = store;
        this.db = store.connection();
    }

    /** A fetch with its counts of change events. */
    public record FetchRow(long fetchId, String fetchedAt, String label, String source, boolean complete, int documents,
                           int parsed, int quarantined, int added, int changed, int removed, int restored) {
    }

    /** How many events of one kind a fetch had in one topic. */
    public record ChangeCount(long fetchId, String topic, String change, int count) {
    }

    /** One change event with its page, for the lists of latest changes and the feed. */
    public record ChangeRow(long fetchId, String fetchedAt, String label, PageRef page, String slotKey, String topic,
                            String change, boolean textChanged, boolean dateChanged, boolean referencesChanged) {
    }

    /** A reference of a version, as GARD listed it. */
    public record VersionReference(int number, String citation, String url) {
    }

    /** A fetch's origin as the data records it: its source text and the formats of the documents it held. */
    public record FetchOrigin(long fetchId, String fetchedAt, String label, String source, List<String> formats) {
    }

    /** Every fetch, oldest first (the order of the history). */
    public List<FetchRow> fetches() {
        List<FetchRow> rows = new ArrayList<>();
        try (PreparedStatement ps = db.prepareStatement("""
                SELECT fetch_id, fetched_at, label, source, complete, documents, parsed, quarantined,
                       added, changed, removed, restored
                FROM fetches ORDER BY fetched_at, label""");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.add(new FetchRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5),
                        rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getInt(9), rs.getInt(10), rs.getInt(11), rs.getInt(12)));
            }
        } catch (SQLException e) {
            throw failure("read fetches", e);
        }
        return rows;
    }

    /** Change events counted per fetch, topic and kind. */
    public List<ChangeCount> changeCounts() {
        List<ChangeCount> rows = new ArrayList<>();
        try (PreparedStatement ps = db.prepareStatement("""
                SELECT e.fetch_id, s.topic, e.change, count(*)
                FROM change_event e JOIN slot s ON s.slot_id = e.slot_id
                GROUP BY e.fetch_id, s.topic, e.change
                ORDER BY e.fetch_id, s.topic, e.change""");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.add(new ChangeCount(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4)));
            }
        } catch (SQLException e) {
            throw failure("count changes", e);
        }
        return rows;
    }

    /**
     * The change events of every fetch but the first, newest fetch first, then by page and slot. The first
     * fetch only finds what was there (every event 'added'), so it is where the history starts, not a change.
     */
    public List<ChangeRow> changesAfterFirstFetch() {
        List<ChangeRow> rows = new ArrayList<>();
        try (PreparedStatement ps = db.prepareStatement("""
                SELECT f.fetch_id, f.fetched_at, f.label, p.page_id, p.page_key, p.gard_id, p.slug, p.title,
                       s.slot_key, s.topic, e.change, e.text_changed, e.date_changed, e.references_changed
                FROM change_event e
                JOIN fetch f ON f.fetch_id = e.fetch_id
                JOIN slot s ON s.slot_id = e.slot_id
                JOIN page p ON p.page_id = s.page_id
                WHERE f.fetch_id <> (SELECT fetch_id FROM fetch ORDER BY fetched_at, label LIMIT 1)
                ORDER BY f.fetched_at DESC, f.label DESC, p.page_key, s.slot_key""");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                PageRef page = new PageRef(rs.getLong(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8));
                rows.add(new ChangeRow(rs.getLong(1), rs.getString(2), rs.getString(3), page, rs.getString(9),
                        rs.getString(10), rs.getString(11), rs.getBoolean(12), rs.getBoolean(13), rs.getBoolean(14)));
            }
        } catch (SQLException e) {
            throw failure("read changes", e);
        }
        return rows;
    }

    /** The versions of every slot of a page, by slot then time. */
    public List<VersionRecord> versions(PageRef page) {
        return store.versions(page, null);
    }

    /** The events that ended a slot's presence ('removed'), as slot key to the fetch dates, oldest first. */
    public Map<String, List<String>> removals(PageRef page) {
        Map<String, List<String>> removals = new LinkedHashMap<>();
        try (PreparedStatement ps = Jdbc.prepare(db, """
                SELECT s.slot_key, f.fetched_at
                FROM change_event e
                JOIN slot s ON s.slot_id = e.slot_id
                JOIN fetch f ON f.fetch_id = e.fetch_id
                WHERE s.page_id = ? AND e.change = 'removed'
                ORDER BY s.slot_key, f.fetched_at, f.label""", page.pageId());
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                removals.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
            }
        } catch (SQLException e) {
            throw failure("read removals", e);
        }
        return removals;
    }

    /** The references of every version of a page, by version id, each list by number. */
    public Map<Long, List<VersionReference>> references(PageRef page) {
        Map<Long, List<VersionReference>> refs = new LinkedHashMap<>();
        try (PreparedStatement ps = Jdbc.prepare(db, """
                SELECT v.version_id, r.number, r.citation, r.url
                FROM version v
                JOIN slot s ON s.slot_id = v.slot_id
                JOIN content_reference r ON r.content_id = v.content_id
                WHERE s.page_id = ?
                ORDER BY v.version_id, r.number""", page.pageId());
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                refs.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(new VersionReference(rs.getInt(2), rs.getString(3), rs.getString(4)));
            }
        } catch (SQLException e) {
            throw failure("read references", e);
        }
        return refs;
    }

    /** Every fetch with its source and the formats of the documents it held (quarantined ones have none). */
    public List<FetchOrigin> origins() {
        List<FetchOrigin> rows = new ArrayList<>();
        try (PreparedStatement ps = db.prepareStatement("""
                SELECT f.fetch_id, f.fetched_at, f.label, f.source, nullif(f.formats, '')
                FROM fetch f ORDER BY f.position""");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String formats = rs.getString(5);
                rows.add(new FetchOrigin(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        formats == null ? List.of() : java.util.Arrays.stream(formats.split(" ")).sorted().toList()));
            }
        } catch (SQLException e) {
            throw failure("read fetch origins", e);
        }
        return rows;
    }

    private StoreException failure(String what, SQLException e) {
        return StoreException.cannot(what, store.file(), e);
    }
}
