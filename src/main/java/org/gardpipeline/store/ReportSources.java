package org.gardpipeline.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import org.gardpipeline.model.Sha256;

/**
 * What each disease page of the report is written from, as one SHA-256 per page: the page's names, and for every
 * version of its slots the question, the content's hash (text, date and references), the fetches it is valid
 * from and to, the event that started it and whether the slot is present; and the fetches that removed a slot.
 * Those are all the rows a page shows, so two databases that give a page the same digest give it the same bytes
 * (for one build of the tool): a run rewrites the pages whose digest moved and keeps the others. Reading them
 * takes two queries over the changed pages' versions, without the answers' texts or the diffs a page draws.
 */
public final class ReportSources {
    /** The pages the report has a page for: those with a change event after the first fetch. */
    private static final String CHANGED_PAGES = """
            WITH changed AS (
                SELECT DISTINCT s.page_id FROM change_event e JOIN slot s ON s.slot_id = e.slot_id
                WHERE e.fetch_id <> (SELECT fetch_id FROM fetch ORDER BY fetched_at, label LIMIT 1))
            """;
    private static final char FIELD = '\u001f';
    private final HistoryStore store;
    private final Connection db;

    public ReportSources(HistoryStore store) {
        this.store = store;
        this.db = store.connection();
    }

    /** The digest of each page the report has a page for, by page id. */
    public Map<Long, String> digests() {
        Map<Long, MessageDigest> digests = new HashMap<>();
        try {
            versions(digests);
            removals(digests);
        } catch (SQLException e) {
            throw StoreException.cannot("read the report's sources", store.file(), e);
        }
        Map<Long, String> hex = new HashMap<>();
        digests.forEach((page, digest) -> hex.put(page, Sha256.hex(digest)));
        return hex;
    }

    private void versions(Map<Long, MessageDigest> digests) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement(CHANGED_PAGES + """
                SELECT p.page_id, p.page_key, p.gard_id, p.slug, p.title,
                       v.version_id, s.slot_key, s.topic, v.question, c.sha256, ff.fetched_at, ff.label, ft.fetched_at,
                       e.change, e.text_changed, e.date_changed, e.references_changed,
                       s.present AND v.valid_to_fetch IS NULL
                FROM changed
                JOIN page p ON p.page_id = changed.page_id
                JOIN slot s ON s.page_id = p.page_id
                JOIN version v ON v.slot_id = s.slot_id
                JOIN content c ON c.content_id = v.content_id
                JOIN fetch ff ON ff.fetch_id = v.valid_from_fetch
                LEFT JOIN fetch ft ON ft.fetch_id = v.valid_to_fetch
                LEFT JOIN change_event e ON e.slot_id = v.slot_id AND e.fetch_id = v.valid_from_fetch
                ORDER BY p.page_id, s.slot_key, ff.fetched_at, ff.label""");
             ResultSet rs = ps.executeQuery()) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                MessageDigest digest = digests.computeIfAbsent(rs.getLong(1), id -> Sha256.newDigest());
                add(digest, rs, 2, columns);
            }
        }
    }

    private void removals(Map<Long, MessageDigest> digests) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement(CHANGED_PAGES + """
                SELECT s.page_id, 'removed', s.slot_key, f.fetched_at
                FROM changed
                JOIN slot s ON s.page_id = changed.page_id
                JOIN change_event e ON e.slot_id = s.slot_id AND e.change = 'removed'
                JOIN fetch f ON f.fetch_id = e.fetch_id
                ORDER BY s.page_id, s.slot_key, f.fetched_at, f.label""");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                add(digests.computeIfAbsent(rs.getLong(1), id -> Sha256.newDigest()), rs, 2, 4);
            }
        }
    }

    /** Columns from..to of the row, each ended by a separator no value holds, NULL apart from the empty text. */
    private static void add(MessageDigest digest, ResultSet rs, int from, int to) throws SQLException {
        StringBuilder line = new StringBuilder();
        for (int i = from; i <= to; i++) {
            String value = rs.getString(i);
            line.append(value == null ? "\u0000" : value).append(FIELD);
        }
        digest.update(line.append('\n').toString().getBytes(StandardCharsets.UTF_8));
    }
}
