package org.gardpipeline.publish;

import java.util.List;
import java.util.Set;

/**
 * A base table of the SQLite history and its copy in the PostgreSQL schema, of the same name and columns (and
 * mirror_row). {@code skipped} are SQLite columns that are bookkeeping of the pipeline, not history, and would make
 * a publish with nothing new write rows.
 */
record MirroredTable(String name, Set<String> skipped) {
    /**
     * Every table the views of docs/data.md read, and the rest of the history with them. A table added to the SQLite
     * schema is mirrored by a line here and a migration in migrations-postgresql/ that creates it (with mirror_row)
     * and its views.
     */
    static final List<MirroredTable> ALL = List.of(
            // the run's cache of the fetch folder's file listing and the files beyond it the listing took in,
            // retaken when files are touched
            new MirroredTable("fetch", Set.of("listing_sha256", "listing_dependencies")),
            plain("page"), plain("page_name"), plain("parse_result"), plain("document_path"), plain("slot"),
            plain("content"), plain("question"), plain("version"), plain("change_event"), plain("layout"),
            plain("reference_list"), plain("reference_list_item"), plain("note_set"), plain("note_set_item"),
            plain("observation_run"), plain("document_run"), plain("page_layout_run"), plain("answer_search"),
            plain("phenotype_list"), plain("phenotype_list_item"), plain("page_phenotype_run"), plain("reference_parts"));

    private static MirroredTable plain(String name) {
        return new MirroredTable(name, Set.of());
    }

    /** The name as PostgreSQL SQL writes it, schema-qualified and quoted (FETCH is a reserved word there). */
    String qualified(String schema) {
        return Identifiers.quote(schema) + "." + Identifiers.quote(name);
    }
}
