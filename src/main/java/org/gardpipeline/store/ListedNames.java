package org.gardpipeline.store;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.gardpipeline.model.PageNames;
import org.gardpipeline.parse.Texts;

/**
 * Records the other names a source gives pages by GARD id (GARD's list of its pages) in {@code page_name}, with the
 * source and the name as written, inside the transaction of the fetch that held them. Only pages the history knows
 * take names: a list names pages that no fetch may have shown yet, and a name is no page. Names are not answers:
 * nothing here touches a slot, a version or an event, and a page's title stays its own heading's.
 */
final class ListedNames {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final StatementCache sql;

    ListedNames(StatementCache sql) {
        this.sql = sql;
    }

    /** Adds each name not yet recorded for its page from this source; one statement for the whole list. */
    void record(PageNames names) throws SQLException {
        if (names.byGardId().isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>();
        for (Map.Entry<Long, List<String>> page : names.byGardId().entrySet()) {
            for (String name : page.getValue()) {
                String key = Texts.nameKey(name);
                if (!key.isEmpty()) {
                    rows.add(new Object[] {page.getKey(), key, name});
                }
            }
        }
        String json;
        try {
            json = JSON.writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("ids and strings always serialise", e);
        }
        sql.update("""
                INSERT OR IGNORE INTO page_name (name_key, page_id, source, name)
                SELECT json_extract(j.value, '$[1]'), p.page_id, ?, json_extract(j.value, '$[2]')
                FROM json_each(?) j JOIN page p ON p.gard_id = json_extract(j.value, '$[0]')""", names.source(), json);
    }
}
