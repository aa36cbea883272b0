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
}
