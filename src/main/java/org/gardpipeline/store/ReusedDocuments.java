package org.gardpipeline.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.gardpipeline.model.Document;
import org.gardpipeline.model.Fetch;

/**
 * The documents of a fetch whose bytes were parsed before, staged a batch at a time: what the first fetch in
 * which the same bytes were the only document of their page ({@code parse_result.alone_in}) observed of it stands
 * for them. (In a fetch where another document showed the page too, the page's observations may be that one's.) In a fetch
 * that changed little nearly every document is such a one, and a few set-wise statements per batch cost far
 * less than a handful of statements per document.
 *
 * <p>A batch is written, in fetch order, before any other document of the fetch, so that where two documents
 * show one page the later one's answer still stands for the fetch.
 */
final class ReusedDocuments {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ReusedDocuments.class);
    /** Rows per batch: enough to make the set-wise statements pay, few enough to keep memory flat. */
    private static final int BATCH = 2000;
    private final Connection db;
    private final StatementCache sql;
    private final Fetch fetch;
    private final boolean newestFetch;
    private final List<Document> pending = new ArrayList<>();
    private boolean tableReady;

    ReusedDocuments(Connection db, StatementCache sql, Fetch fetch, boolean newestFetch) {
        this.db = db;
        this.sql = sql;
        this.fetch = fetch;
        this.newestFetch = newestFetch;
    }

    /** Takes a reused document; returns the page ids of a batch it completed, in fetch order, else none. */
    List<Long> add(Document d) throws SQLException {
        pending.add(d);
        return pending.size() >= BATCH ? flush() : List.of();
    }

    /** Writes the documents taken so far; returns the ids of their pages in fetch order. */
    List<Long> flush() throws SQLException {
        if (pending.isEmpty()) {
            return List.of();
        }
        long started = System.nanoTime();
        stage();
        sql.update("INSERT OR IGNORE INTO document_path (path) SELECT path FROM temp.reused_document ORDER BY seq");
        sql.update("""
                INSERT INTO temp.staged_document (path_id, result_id)
                SELECT p.path_id, t.result_id
                FROM temp.reused_document t JOIN document_path p ON p.path = t.path
                ORDER BY t.seq""");
        // the runs that covered the earlier fetch: what it showed of the page. CROSS JOIN keeps SQLite to this
        // order, from the batch to each page's few runs; left to itself it reads every run for every batch.
        String earlier = """
                FROM temp.reused_document t
                CROSS JOIN fetch e ON e.fetch_id = t.earlier_fetch
                CROSS JOIN slot s ON s.page_id = t.page_id
                CROSS JOIN observation_run o ON o.slot_id = s.slot_id
                JOIN fetch a ON a.fetch_id = o.first_fetch
                LEFT JOIN fetch b ON b.fetch_id = o.last_fetch
                JOIN question q ON q.question_id = o.question_id AND q.format = t.format""";
        String covering = " WHERE a.position <= e.position AND (o.last_fetch IS NULL OR b.position >= e.position)";
        sql.update("INSERT OR REPLACE INTO temp.staged_observation (slot_id, content_id, question_id) "
                + "SELECT o.slot_id, o.content_id, o.question_id " + earlier + covering + " ORDER BY t.seq");
        sql.update("INSERT OR IGNORE INTO temp.staged_note (slot_id, kind, detail) SELECT o.slot_id, n.kind, n.detail "
                + earlier + " JOIN note_set_item n ON n.note_set_id = o.note_set_id" + covering + " ORDER BY t.seq");
        // a page is named as the newest fetch that saw it shows it; of two documents in one fetch, the later
        // (only where they differ: a page that keeps its names costs no write)
        String newestNames = """
                UPDATE page SET slug = coalesce(n.slug, page.slug), title = n.title, synonyms = n.synonyms
                FROM (SELECT t.page_id, r.slug, r.title, r.synonyms,
                             row_number() OVER (PARTITION BY t.page_id ORDER BY t.seq DESC) AS latest
                      FROM temp.reused_document t JOIN parse_result r ON r.result_id = t.result_id) n
                WHERE n.page_id = page.page_id AND n.latest = 1
                  AND (coalesce(n.slug, page.slug), n.title, n.synonyms) IS NOT (page.slug, page.title, page.synonyms)""";
        if (newestFetch) {
            sql.update(newestNames);
        } else {
            sql.update(newestNames + " AND NOT " + PageIdentity.SEEN_LATER.formatted("page.page_id"),
                    fetch.fetchedAt(), fetch.label());
        }
        List<Long> pages = new ArrayList<>();
        try (ResultSet rs = sql.query("SELECT page_id FROM temp.reused_document ORDER BY seq")) {
            while (rs.next()) {
                pages.add(rs.getLong(1));
            }
        }
        LOG.debug("{} documents parsed before staged in {} ms", pending.size(), (System.nanoTime() - started) / 1_000_000);
        pending.clear();
        return pages;
    }

    /**
     * Puts the pending documents, numbered in fetch order, into the connection's temporary table, each with
     * the parse result of its bytes, its page and format, and the earliest other fetch that held those bytes.
     */
    private void stage() throws SQLException {
        if (!tableReady) {
            sql.update("""
                    CREATE TEMP TABLE IF NOT EXISTS reused_document (
                        seq           INTEGER PRIMARY KEY,
                        path          TEXT NOT NULL,
                        sha256        TEXT NOT NULL,
                        result_id     INTEGER,
                        page_id       INTEGER,
                        format        TEXT,
                        earlier_fetch INTEGER)""");
            // the page's latest document in the batch names it: found by page, not by reading the batch per page
            sql.update("CREATE INDEX IF NOT EXISTS temp.reused_document_page ON reused_document (page_id, seq)");
            tableReady = true;
        }
        sql.update("DELETE FROM temp.reused_document");
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO temp.reused_document (seq, path, sha256) VALUES (?, ?, ?)")) {
            for (int i = 0; i < pending.size(); i++) {
                insert.setInt(1, i);
                insert.setString(2, pending.get(i).path());
                insert.setString(3, pending.get(i).sha256());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        sql.update("""
                UPDATE temp.reused_document
                SET (result_id, page_id, format) = (SELECT r.result_id, r.page_id, r.format FROM parse_result r
                                                    WHERE r.sha256 = reused_document.sha256)""");
        sql.update("""
                UPDATE temp.reused_document
                SET earlier_fetch = (SELECT r.alone_in FROM parse_result r WHERE r.result_id = reused_document.result_id)""");
        Long unmatched = sql.single("SELECT count(*) FROM temp.reused_document WHERE earlier_fetch IS NULL");
        if (unmatched != 0) {
            throw new IllegalStateException(unmatched + " documents taken as parsed before have no earlier fetch to stand for them");
        }
    }

    /**
     * The hashes of the documents that need no parse: parsed before (by a version that kept the page's names
     * with the parse), and once the only document of their page in a fetch, whose observations then stand for them.
     */
    static Set<String> reusableHashes(Connection db) throws SQLException {
        Set<String> hashes = new HashSet<>();
        try (PreparedStatement ps = db.prepareStatement("""
                SELECT r.sha256 FROM parse_result r
                WHERE r.page_id IS NOT NULL AND r.title IS NOT NULL AND r.alone_in IS NOT NULL""");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                hashes.add(rs.getString(1));
            }
        }
        return hashes;
    }
}
