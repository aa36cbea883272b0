package org.gardpipeline.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.gardpipeline.model.Fetch;
import org.gardpipeline.model.Page;
import org.gardpipeline.parse.Texts;

/**
 * Which page a document shows: the same page across fetches and redesigns when its GARD id is the same; a document
 * without an id by its title or other names. Names are looked up and kept a page at a time, one statement for all
 * of them (a record of GARD's API lists a dozen names or more).
 */
final class PageIdentity {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final StatementCache sql;
    private final boolean newestFetch;

    PageIdentity(StatementCache sql, boolean newestFetch) {
        this.sql = sql;
        this.newestFetch = newestFetch;
    }

    /**
     * The page a document belongs to: by GARD id; else by title or other name. A page first known without an id
     * takes the id of the first document that carries one and matches its name.
     */
    long of(Page p, Fetch fetch) throws SQLException {
        String names = namesJson(p);
        Long id = p.gardId() == null ? null : sql.single("SELECT page_id FROM page WHERE gard_id = ?", p.gardId());
        if (id == null) {
            id = byName(p, names);
            if (id != null && p.gardId() != null) {
                sql.update("UPDATE page SET gard_id = ?, page_key = ? WHERE page_id = ?", p.gardId(), "gard-" + p.gardId(), id);
            }
        }
        if (id == null) {
            id = create(p);
        } else if (isNewestSighting(id, fetch)) {
            sql.update("UPDATE page SET slug = coalesce(?, slug), title = ?, synonyms = ? WHERE page_id = ?",
                    p.slug(), p.title(), synonyms(p), id);
        }
        sql.update("INSERT OR IGNORE INTO page_name (name_key, page_id) SELECT value, ? FROM json_each(?)", id, names);
        return id;
    }

    /** The page of the first of the names (title first) that a page is known by; of several, the oldest. */
    private Long byName(Page p, String names) throws SQLException {
        return sql.single("SELECT n.page_id FROM json_each(?) j JOIN page_name n ON n.name_key = j.value "
                + "JOIN page p ON p.page_id = n.page_id" + (p.gardId() == null ? "" : " WHERE p.gard_id IS NULL")
                + " ORDER BY j.key, n.page_id LIMIT 1", names);
    }

    /** The page's title and other names, reduced for matching, each once, the title first, as JSON. */
    private static String namesJson(Page p) {
        List<String> names = new ArrayList<>();
        names.add(Texts.nameKey(p.title()));
        for (String s : p.synonyms()) {
            String key = Texts.nameKey(s);
            if (!key.isEmpty() && !names.contains(key)) {
                names.add(key);
            }
        }
        try {
            return JSON.writeValueAsString(names);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a list of strings always serialises", e);
        }
    }

    private long create(Page p) throws SQLException {
        String key = p.gardId() != null ? "gard-" + p.gardId() : "name-" + Texts.nameKey(p.title());
        return sql.single("INSERT INTO page (page_key, gard_id, slug, title, synonyms) VALUES (?, ?, ?, ?, ?) RETURNING page_id",
                key, p.gardId(), p.slug(), p.title(), synonyms(p));
    }

    /**
     * True for a page (the page id in place of {@code %s}) that a fetch after the one given (fetched_at, label) saw:
     * its names are that fetch's, which an older fetch must not overwrite.
     */
    static final String SEEN_LATER = """
            EXISTS (SELECT 1 FROM parse_result r
                    JOIN document_run_span d ON d.result_id = r.result_id
                    WHERE r.page_id = %s
                      AND d.last_position > (SELECT position FROM fetch WHERE fetched_at = ? AND label = ?))""";

    /** Titles and names are kept as the newest fetch that saw the page shows them. */
    private boolean isNewestSighting(long pageId, Fetch fetch) throws SQLException {
        return newestFetch || sql.single("SELECT " + SEEN_LATER.formatted("?"), pageId, fetch.fetchedAt(), fetch.label()) == 0;
    }

    static String synonyms(Page p) {
        return String.join("; ", p.synonyms());
    }
}
