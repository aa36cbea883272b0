package org.gardpipeline.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gardpipeline.TestDb;

/**
 * Every row of every table and view of a database as text, each relation under a header naming its columns,
 * so that a database migrated by a later release can be read again with the same columns and compared.
 * {@code main(db, file)} writes the dump of a database.
 */
final class RelationDump {
    private RelationDump() {
    }

    /** A relation and the columns it had, as its dump's header names them. */
    record Relation(String name, List<String> columns) {
        String header() {
            return "== " + name + " (" + String.join(", ", columns) + ")";
        }

        static Relation parse(String header) {
            int open = header.indexOf(" (");
            return new Relation(header.substring(3, open),
                    List.of(header.substring(open + 2, header.length() - 1).split(", ")));
        }
    }

    /** The tables (but Flyway's and full-text search's own) and views of the database, with their columns. */
    static List<Relation> relations(Path db) {
        List<Relation> relations = new ArrayList<>();
        for (Map<String, Object> r : TestDb.rows(db, """
                SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'answer_search%'
                  AND name NOT LIKE 'flyway%' AND name NOT LIKE 'sqlite%' ORDER BY name""")) {
            String name = (String) r.get("name");
            List<String> columns = TestDb.rows(db, "SELECT name FROM pragma_table_info('" + name + "') ORDER BY cid").stream()
                    .map(c -> (String) c.get("name")).toList();
            relations.add(new Relation(name, columns));
        }
        return relations;
    }

    /** The relation's rows with those columns, in the order of all of them. */
    static String rows(Path db, Relation relation) {
        StringBuilder sb = new StringBuilder(relation.header()).append('\n');
        String columns = String.join(", ", relation.columns().stream().map(c -> "\"" + c + "\"").toList());
        for (Map<String, Object> row : TestDb.rows(db, "SELECT " + columns + " FROM \"" + relation.name() + "\" ORDER BY " + columns)) {
            sb.append(row).append('\n');
        }
        return sb.toString();
    }

    static String dump(Path db, List<Relation> relations) {
        StringBuilder sb = new StringBuilder();
        relations.forEach(r -> sb.append(rows(db, r)));
        return sb.toString();
    }

    public static void main(String[] args) throws IOException {
        Path db = Path.of(args[0]);
        Files.writeString(Path.of(args[1]), dump(db, relations(db)), StandardCharsets.UTF_8);
    }
}
