package org.gardpipeline.store;

/** The tables the store publishes, each a view of the schema, with the order its rows come in. */
public enum Dataset {
    FETCHES("fetches", "fetched_at, label"),
    PAGES("pages", "page_key"),
    CURRENT_ANSWERS("current_answers", "page_key, slot_key"),
    ANSWER_VERSIONS("answer_versions", "page_key, slot_key, valid_from, version_id"),
    ANSWER_CHANGES("answer_changes", "fetched_at, fetch_id, page_key, slot_key"),
    REFERENCES("version_references", "version_id, number"),
    PHENOTYPES("phenotypes", "page_key, listed_from, position"),
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
            SELECT r.page_key, r.gard_id, r.page_title, r.slot_key, r.topic, r.question, r.answer_text, r.last_updated,
                   r.first_seen, r.last_changed,
                   (SELECT count(*) FROM version v JOIN fetch f ON f.fetch_id = v.valid_from_fetch
                     WHERE v.slot_id = r.slot_id AND substr(f.fetched_at, 1, 10) <= ?1) AS versions,
                   r.answer_sha256, r.word_count, r.url
            FROM known k
            JOIN answer_rows r ON r.version_id = k.to_version
            WHERE k.newest = 1 AND k.change <> 'removed'
            ORDER BY r.page_key, r.slot_key""";
}
