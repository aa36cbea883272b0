package org.gardpipeline.store;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import org.gardpipeline.model.Phenotype;
import org.gardpipeline.model.Sha256;

/**
 * The phenotype lists of the pages: each distinct list stored once ({@code phenotype_list}), named by the parse
 * result of the document that showed it, and staged per page once a fetch's documents are, so that a document
 * taken from an earlier parse carries its list too (as {@link PageLayouts} does for layouts).
 */
final class Phenotypes {
    private final StatementCache sql;

    Phenotypes(StatementCache sql) {
        this.sql = sql;
    }

    /** The id of the list, stored when new; null for a page that lists none. */
    Long list(List<Phenotype> phenotypes) throws SQLException {
        if (phenotypes.isEmpty()) {
            return null;
        }
        ArrayNode json = JsonNodeFactory.instance.arrayNode();
        for (Phenotype p : phenotypes) {
            json.addArray().add(p.term()).add(p.frequency());
        }
        String items = json.toString();
        String sha256 = Sha256.hex(items.getBytes(StandardCharsets.UTF_8));
        Long id = sql.single("SELECT list_id FROM phenotype_list WHERE sha256 = ?", sha256);
        if (id != null) {
            return id;
        }
        long listId = sql.single("INSERT INTO phenotype_list (sha256) VALUES (?) RETURNING list_id", sha256);
        sql.update("""
                INSERT INTO phenotype_list_item (list_id, position, term, frequency)
                SELECT ?, key + 1, value ->> 0, value ->> 1 FROM json_each(?) ORDER BY key""", listId, items);
        return listId;
    }

    /**
     * Stages the list of every page the fetch showed one for, from its staged documents. Of two documents of one
     * page that list differently in one fetch, the later-stored list stands.
     */
    void stage() throws SQLException {
        sql.update("""
                INSERT INTO temp.staged_page_phenotype (page_id, phenotype_list_id)
                SELECT r.page_id, max(r.phenotype_list_id)
                FROM temp.staged_document d JOIN parse_result r ON r.result_id = d.result_id
                WHERE r.page_id IS NOT NULL AND r.phenotype_list_id IS NOT NULL
                GROUP BY r.page_id""");
    }
}
