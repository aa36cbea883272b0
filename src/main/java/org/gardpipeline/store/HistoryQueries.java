package org.gardpipeline.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gardpipeline.parse.Texts;

/** Reads the history for people: the fetches and their quarantine, finds pages, lists versions, searches current answers. */
final class HistoryQueries {
    private final Connection db;

    HistoryQueries(Connection db) {
        this.db = db;
    }

    /** The fetches covered, for the description of an export. */
    FetchSpan fetchSpan() throws SQLException {
        try (PreparedStatement ps = db.prepareStatement(
                "SELECT count(*), min(fetched_at), max(fetched_at), max(ingested_at) FROM fetch");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return new FetchSpan(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4));
        }
    }

    /** The quarantined documents of a fetch, as (path, reason), by path. */
    List<String[]> quarantined(long fetchId) throws SQLException {
        List<String[]> rows = new ArrayList<>();
        try (PreparedStatement ps = Jdbc.prepare(db,
                "SELECT path, reason FROM quarantine WHERE fetch_id = ? ORDER BY path",
                fetchId);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.add(new String[] {rs.getString(1), rs.getString(2)});
            }
        }
        return rows;
    }

    /** The page a user names by GARD id, page key, slug, title or other name; null when none matches. */
    PageRef findPage(String reference) throws SQLException {
        String ref = reference.trim();
        String sql = "SELECT page_id, page_key, gard_id, slug, title FROM page WHERE ";
        for (String condition : List.of("gard_id = ?", "page_key = ?", "slug = ?", "lower(title) = lower(?)")) {
            PageRef found = onePage(sql + condition + " ORDER BY page_id LIMIT 1", ref);
            if (found != null) {
                return found;
            }
        }
        return onePage(sql + "page_id = (SELECT min(page_id) FROM page_name WHERE name_key = ?)", Texts.nameKey(ref));
    }

    private PageRef onePage(String sql, String arg) throws SQLException {
        try (PreparedStatement ps = Jdbc.prepare(db, sql, arg); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? new PageRef(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)) : null;
        }
    }

    /** The versions of a page's slots, by slot then time; {@code topicOrSlot} null for all slots. */
    List<VersionRecord> versions(long pageId, String topicOrSlot) throws SQLException {
        String filter = topicOrSlot == null ? "" : " AND (s.topic = ? OR s.slot_key = ?)";
        List<VersionRecord> rows = new ArrayList<>();
        try (PreparedStatement ps = db.prepareStatement("""
                SELECT v.version_id, s.slot_key, s.topic, v.question, c.answer_text, c.last_updated,
                       ff.fetched_at, ft.fetched_at, e.change, e.text_changed, e.date_changed, e.references_changed,
                       s.present AND v.valid_to_fetch IS NULL
                FROM version v
                JOIN slot s ON s.slot_id = v.slot_id
                JOIN content c ON c.content_id = v.content_id
                JOIN fetch ff ON ff.fetch_id = v.valid_from_fetch
                LEFT JOIN fetch ft ON ft.fetch_id = v.valid_to_fetch
                LEFT JOIN change_event e ON e.slot_id = v.slot_id AND e.fetch_id = v.valid_from_fetch
                WHERE s.page_id = ?""" + filter + " ORDER BY s.slot_key, ff.fetched_at, ff.label")) {
            ps.setLong(1, pageId);
            if (topicOrSlot != null) {
                ps.setString(2, topicOrSlot.toLowerCase(Locale.ROOT));
                ps.setString(3, topicOrSlot);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new VersionRecord(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                            rs.getBoolean(10), rs.getBoolean(11), rs.getBoolean(12), rs.getBoolean(13)));
                }
            }
        }
        return rows;
    }

    /** Current answers matching every word of the query, best first. */
    List<SearchHit> search(String query, int limit) throws SQLException {
        List<SearchHit> hits = new ArrayList<>();
        try (PreparedStatement ps = Jdbc.prepare(db, """
                SELECT p.page_key, p.title, s.slot_key, s.topic, v.question,
                       snippet(answer_search, 2, '[', ']', ' ... ', 12)
                FROM answer_search
                JOIN slot s ON s.slot_id = answer_search.rowid
                JOIN page p ON p.page_id = s.page_id
                JOIN version v ON v.version_id = s.current_version_id
                WHERE answer_search MATCH ?
                ORDER BY rank, p.page_key, s.slot_key
                LIMIT ?""", matchExpression(query), limit);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                hits.add(new SearchHit(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6)));
            }
        }
        return hits;
    }

    /** Every word quoted, so that user input is never read as FTS5 syntax (a stray '-' or '"' would be). */
    static String matchExpression(String query) {
        List<String> terms = new ArrayList<>();
        for (String word : query.trim().split("\\s+")) {
            if (!word.isEmpty()) {
                terms.add('"' + word.replace("\"", "\"\"") + '"');
            }
        }
        return String.join(" ", terms);
    }
}
