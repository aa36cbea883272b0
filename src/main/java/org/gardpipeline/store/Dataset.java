package org.gardpipeline.store;

/** The tables the store publishes, each a view of the schema, with the order its rows come in. */
public enum Dataset {
    FETCHES("fetches", "fetched_at, label"),
    PAGES("pages", "page_key"),
    CURRENT_ANSWERS("current_answers", "page_key, slot_key"),
    ANSWER_VERSIONS("answer_versions", "page_key, slot_key, valid_from, version_id"),
    ANSWER_CHANGES("answer_changes", "fetched_at, fetch_id, page_key, slot_key"),
    REFERENCES("version_references", "version_id, number"),
    QUARANTINE("quarantine", "fetch_id, path");

    private final String viewName;
    private final String orderBy;

    Dataset(String viewName, String orderBy) {
        this.viewName = viewName;
        this.orderBy = orderBy;
    }

    public String viewName() {
        return viewName;
    }

    String query() {
        return "SELECT * FROM " + viewName + " ORDER BY " + orderBy;
    }

    /**
     * The answers as they stood at the end of a day: for each slot the newest change event of a fetch on or
     * before it, unless that was a removal. Same columns as {@code current_answers}.
     */
    static final String ANSWERS_AS_OF = """
            WITH known AS (
                SELECT e.slot_id, e.change, e.to_version,
                       row_number() OVER (PARTITION BY e.slot_id ORDER BY f.fetched_at DESC, f.label DESC) AS newest
                FROM change_event e JOIN fetch f ON f.fetch_id = e.fetch_id
                WHERE substr(f.fetched_at, 1, 10) <= ?1
            )
            SELECT p.page_key,
                   p.gard_id,
                   p.title AS page_title,
                   s.slot_key,
                   s.topic,
                   v.question,
                   c.answer_text,
                   c.last_updated,
                   (SELECT min(f.fetched_at) FROM observation o JOIN fetch f ON f.fetch_id = o.fetch_id
                     WHERE o.slot_id = s.slot_id) AS first_seen,
                   fv.fetched_at AS last_changed,
                   (SELECT count(*) FROM version v2 JOIN fetch f2 ON f2.fetch_id = v2.valid_from_fetch
                     WHERE v2.slot_id = s.slot_id AND substr(f2.fetched_at, 1, 10) <= ?1) AS versions,
                   c.text_sha256 AS answer_sha256,
                   c.word_count,
                   CASE WHEN p.gard_id IS NOT NULL AND p.slug IS NOT NULL
                        THEN 'https://rarediseases.info.nih.gov/diseases/' || p.gard_id || '/' || p.slug END AS url
            FROM known k
            JOIN slot s ON s.slot_id = k.slot_id
            JOIN page p ON p.page_id = s.page_id
            JOIN version v ON v.version_id = k.to_version
            JOIN content c ON c.content_id = v.content_id
            JOIN fetch fv ON fv.fetch_id = v.valid_from_fetch
            WHERE k.newest = 1 AND k.change <> 'removed'
            ORDER BY p.page_key, s.slot_key""";
}
