package org.gardpipeline.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.gardpipeline.model.Answer;
import org.gardpipeline.model.Document;
import org.gardpipeline.model.Fetch;
import org.gardpipeline.model.FetchContentHash;
import org.gardpipeline.model.Page;
import org.gardpipeline.model.Reference;
import org.gardpipeline.model.Topic;
import org.gardpipeline.parse.ParserVersions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes one fetch's documents as facts (documents, pages, slots, contents, observations). */
final class DocumentWriter {
    private static final Logger LOG = LoggerFactory.getLogger(DocumentWriter.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Connection db;
    private final StatementCache sql;
    /** No stored fetch comes after the one being written: every page it sees is named as it shows it. */
    private final boolean newestFetch;
    private final PageIdentity pageIdentity;

    DocumentWriter(Connection db, StatementCache sql, boolean newestFetch) {
        this.db = db;
        this.sql = sql;
        this.newestFetch = newestFetch;
        this.pageIdentity = new PageIdentity(sql, newestFetch);
    }

    /**
     * The fetch's row, placed in date order (the fetches after it move one place on); its content hash and counts
     * are filled in by {@link #completeFetch} once its documents are written. {@code fetchId} is null for a new
     * fetch; a fetch derived again keeps its id, so that what names it (exports, feeds, scripts) still does.
     */
    long insertFetch(Fetch fetch, Long fetchId) throws SQLException {
        if (!newestFetch) {
            // positions are unique and SQLite checks that row by row: moving each one on at once would meet the
            // next before it moved, so they pass through their negatives (free, as places start at 1)
            update("UPDATE fetch SET position = -(position + 1) WHERE fetched_at > ? OR (fetched_at = ? AND label > ?)",
                    fetch.fetchedAt(), fetch.fetchedAt(), fetch.label());
            update("UPDATE fetch SET position = -position WHERE position < 0");
        }
        return single("""
                INSERT INTO fetch (fetch_id, fetched_at, label, source, complete, origin, content_sha256, ingested_at,
                                   documents, parsed, quarantined, position)
                VALUES (?, ?, ?, ?, ?, ?, '', ?, 0, 0, 0,
                        (SELECT count(*) + 1 FROM fetch WHERE fetched_at < ? OR (fetched_at = ? AND label < ?)))
                RETURNING fetch_id""", fetchId, fetch.fetchedAt(), fetch.label(), fetch.source(),
                fetch.complete() ? 1 : 0, fetch.origin(), Instant.now().toString(), fetch.fetchedAt(), fetch.fetchedAt(),
                fetch.label());
    }

    void completeFetch(long fetchId, String contentSha256, int documents, int quarantined, int reused) throws SQLException {
        update("""
                UPDATE fetch SET content_sha256 = ?, documents = ?, parsed = ?, quarantined = ?, reused = ?,
                    formats = coalesce((SELECT group_concat(format, ' ' ORDER BY format) FROM (
                                           SELECT DISTINCT r.format FROM temp.staged_document d
                                           JOIN parse_result r ON r.result_id = d.result_id WHERE r.format IS NOT NULL)), '')
                WHERE fetch_id = ?""", contentSha256, documents, documents - quarantined, quarantined, reused, fetchId);
    }

    /**
     * Writes the documents and returns the ids of the pages the fetch parsed. What the fetch showed is staged as
     * it is read, and merged into the runs at the end.
     */
    Set<Long> writeDocuments(long fetchId, Fetch fetch, Iterable<Document> documents) throws SQLException {
        RunTables.stageAnew(sql);
        Set<Long> pages = new LinkedHashSet<>();
        FetchContentHash hash = new FetchContentHash();
        ReusedDocuments reusedDocuments = new ReusedDocuments(db, sql, fetch, newestFetch);
        int written = 0;
        int quarantined = 0;
        int reused = 0;
        for (Document d : documents) {
            hash.add(d.path(), d.sha256());
            if (d.skipped() != null) {
                continue; // in the fetch's content, as every file is, but no document of the history
            }
            written++;
            quarantined += d.isQuarantined() ? 1 : 0;
            reused += d.reused() ? 1 : 0;
            if (d.reused()) {
                pages.addAll(reusedDocuments.add(d));
                pauseForTest(fetch, written);
                continue;
            }
            pages.addAll(reusedDocuments.flush());
            Long pageId = null;
            if (!d.isQuarantined()) {
                pageId = pageIdentity.of(d.page(), fetch);
                pages.add(pageId);
                List<String> unused = CitationCheck.unusedReferences(d.page());
                for (Answer a : d.page().answers()) {
                    long slotId = slot(pageId, a);
                    observe(slotId, content(a), a.question(), d.page().format().key());
                    note(slotId, "dangling_citation", CitationCheck.danglingCitations(a));
                    note(slotId, "unused_reference", unused);
                }
            }
            insertDocument(d, pageId);
            pauseForTest(fetch, written);
        }
        pages.addAll(reusedDocuments.flush());
        completeFetch(fetchId, hash.hex(), written, quarantined, reused);
        mergeIntoRuns(fetchId, fetch, written);
        return pages;
    }

    /** What the fetch showed, staged document by document, joins the runs. */
    private void mergeIntoRuns(long fetchId, Fetch fetch, int documents) throws SQLException {
        long started = System.nanoTime();
        new PageLayouts(sql).stage();
        new Phenotypes(sql).stage();
        markAlone(fetchId);
        RunTables.storeNoteSets(sql);
        RunTables.Place place = RunTables.Place.of(sql, fetchId);
        for (RunTables tables : RunTables.values()) {
            tables.record(sql, place);
        }
        LOG.debug("fetch {}: {} documents merged into the runs in {} ms", fetch.name(), documents,
                (System.nanoTime() - started) / 1_000_000);
    }

    /** The crash tests' kill point: a document written inside the fetch's transaction, not committed. */
    private static void pauseForTest(Fetch fetch, int written) {
        TestPause.at("fetch " + fetch.name() + ", " + written + " documents written, not committed");
    }

    /** Records the document in the fetch, with its parse result (kept once per distinct bytes). */
    private void insertDocument(Document d, Long pageId) throws SQLException {
        Page p = d.page();
        update("""
                INSERT INTO parse_result (sha256, format, whole_page, page_id, inquiry, facts, quarantine_reason,
                                          title, slug, synonyms, landmarks, outline_sha256, phenotype_list_id, parser_version, answers)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (sha256) DO UPDATE SET
                    title = CASE WHEN parse_result.title IS NULL THEN excluded.title ELSE parse_result.title END,
                    slug = CASE WHEN parse_result.title IS NULL THEN excluded.slug ELSE parse_result.slug END,
                    synonyms = CASE WHEN parse_result.title IS NULL THEN excluded.synonyms ELSE parse_result.synonyms END,
                    landmarks = coalesce(parse_result.landmarks, excluded.landmarks),
                    outline_sha256 = CASE WHEN parse_result.landmarks IS NULL THEN excluded.outline_sha256
                                          ELSE parse_result.outline_sha256 END
                WHERE parse_result.page_id IS NOT NULL
                  AND (parse_result.title IS NULL OR parse_result.landmarks IS NULL)""", d.sha256(), p == null ? null : p.format().key(),
                p != null && p.format().wholePage() ? 1 : 0, pageId,
                p == null ? null : p.inquiry(), p == null || p.facts().isEmpty() ? null : json(p), d.quarantineReason(),
                p == null ? null : p.title(), p == null ? null : p.slug(), p == null ? null : PageIdentity.synonyms(p),
                d.layout() == null ? null : String.join("\n", d.layout().landmarks()),
                d.layout() == null ? null : d.layout().outline(), p == null ? null : new Phenotypes(sql).list(p.phenotypes()),
                p == null ? ParserVersions.ofQuarantine() : ParserVersions.of(p.format()), p == null ? null : p.answers().size());
        insertFetchDocument(d.path(), single("SELECT result_id FROM parse_result WHERE sha256 = ?", d.sha256()));
    }

    private void insertFetchDocument(String path, long resultId) throws SQLException {
        update("INSERT OR IGNORE INTO document_path (path) VALUES (?)", path);
        update("INSERT INTO temp.staged_document (path_id, result_id) VALUES ((SELECT path_id FROM document_path WHERE path = ?), ?)",
                path, resultId);
    }

    private static String json(Page p) {
        try {
            return JSON.writeValueAsString(p.facts());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings always serialises", e);
        }
    }

    /**
     * The slot of the answer. A slot first known under no topic (a question of its own, from a format that
     * classifies none) takes the topic a later source gives it, so that its topic does not depend on the order of
     * ingest.
     */
    private long slot(long pageId, Answer a) throws SQLException {
        Long id = single("SELECT slot_id FROM slot WHERE page_id = ? AND slot_key = ?", pageId, a.slotKey());
        if (id != null) {
            if (a.topic() != Topic.OTHER) {
                update("UPDATE slot SET topic = ? WHERE slot_id = ? AND topic = 'other'", a.topic().key(), id);
            }
            return id;
        }
        return single("INSERT INTO slot (page_id, slot_key, topic) VALUES (?, ?, ?) RETURNING slot_id",
                pageId, a.slotKey(), a.topic().key());
    }

    private long content(Answer a) throws SQLException {
        storeReferenceParts(a);
        ContentHash hash = ContentHash.of(a);
        Long id = single("SELECT content_id FROM content WHERE sha256 = ?", hash.all());
        if (id != null) {
            return id;
        }
        long contentId = single("""
                INSERT INTO content (sha256, answer_text, last_updated, text_sha256, references_sha256, word_count)
                VALUES (?, ?, ?, ?, ?, ?) RETURNING content_id""", hash.all(), a.text(),
                a.lastUpdated() == null ? null : a.lastUpdated().toString(), hash.text(), hash.references(),
                wordCount(a.text()));
        if (!a.references().isEmpty()) {
            update("UPDATE content SET reference_list_id = ? WHERE content_id = ?", referenceList(hash.references(), a), contentId);
        }
        return contentId;
    }

    /**
     * Bytes that are the only document of their page in this fetch, seen so for the first time: this fetch's
     * observations of the page will stand for them when they come again. Only the fetch's documents are read.
     */
    private void markAlone(long fetchId) throws SQLException {
        update("""
                UPDATE parse_result SET alone_in = ?
                WHERE result_id IN (SELECT result_id FROM temp.staged_document)
                  AND alone_in IS NULL AND page_id IS NOT NULL
                  AND page_id NOT IN (SELECT r.page_id FROM temp.staged_document d CROSS JOIN parse_result r ON r.result_id = d.result_id
                                      WHERE r.page_id IS NOT NULL GROUP BY r.page_id HAVING count(*) > 1)""", fetchId);
    }

    /** The answer's reference list, stored once however many contents carry it. */
    private long referenceList(String sha256, Answer a) throws SQLException {
        Long id = single("SELECT list_id FROM reference_list WHERE sha256 = ?", sha256);
        if (id != null) {
            return id;
        }
        long listId = single("INSERT INTO reference_list (sha256) VALUES (?) RETURNING list_id", sha256);
        // an answer cites about seven references: one statement for them all, not one each
        update("""
                INSERT INTO reference_list_item (list_id, number, citation, url, pmid, doi)
                SELECT ?, value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4
                FROM json_each(?) ORDER BY key""", listId, referencesJson(a.references()));
        return listId;
    }

    /**
     * The parts of references whose source keeps them apart, by citation text, whichever content carries them: one
     * statement for the answer's list.
     */
    private void storeReferenceParts(Answer a) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        for (Reference r : a.references()) {
            if (r.parts() != null) {
                rows.add(new Object[] {r.citation(), r.parts().authors(), r.parts().title(), r.parts().container(),
                    r.parts().date(), r.parts().volume(), r.parts().pages()});
            }
        }
        if (!rows.isEmpty()) {
            update("""
                    INSERT OR IGNORE INTO reference_parts (citation, authors, title, container, published, volume, pages)
                    SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6
                    FROM json_each(?)""", json(rows));
        }
    }

    private void note(long slotId, String kind, List<String> details) throws SQLException {
        for (String detail : details) {
            update("INSERT OR IGNORE INTO temp.staged_note (slot_id, kind, detail) VALUES (?, ?, ?)", slotId, kind, detail);
        }
    }

    /** Two documents of one fetch for one page: the later path's answer stands for the fetch. */
    private void observe(long slotId, long contentId, String question, String format) throws SQLException {
        update("INSERT OR IGNORE INTO question (text, format) VALUES (?, ?)", question, format);
        update("""
                INSERT OR REPLACE INTO temp.staged_observation (slot_id, content_id, question_id)
                VALUES (?, ?, (SELECT question_id FROM question WHERE text = ? AND format = ?))""",
                slotId, contentId, question, format);
    }

    private static int wordCount(String text) {
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            boolean space = Character.isWhitespace(text.charAt(i));
            if (!space && !inWord) {
                words++;
            }
            inWord = !space;
        }
        return words;
    }

    /** The references as a JSON array of [number, citation, url, pmid, doi] rows. */
    private static String referencesJson(List<Reference> references) {
        List<Object[]> rows = new ArrayList<>(references.size());
        for (Reference r : references) {
            rows.add(new Object[] {r.number(), r.citation(), r.url(), r.pmid(), r.doi()});
        }
        return json(rows);
    }

    private static String json(List<Object[]> rows) {
        try {
            return JSON.writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("numbers and strings always serialise", e);
        }
    }

    private Long single(String query, Object... args) throws SQLException {
        return sql.single(query, args);
    }

    private void update(String statement, Object... args) throws SQLException {
        sql.update(statement, args);
    }
}
