package org.gardpipeline.publish;

import java.nio.file.Path;
import java.util.List;

/**
 * What a publish did: per table, the rows it added and deleted; {@code nothingNew} when the schema mirrored the
 * database already and nothing was written.
 */
public record PublishResult(Path database, String target, String schema, String databaseId, boolean nothingNew,
        List<TableChange> tables, double seconds) {
    public PublishResult {
        tables = List.copyOf(tables);
    }

    /** One table's rows added and deleted (a row changed in place is one of each). */
    public record TableChange(String table, int added, int deleted) {
    }

    public long rowsAdded() {
        return tables.stream().mapToLong(TableChange::added).sum();
    }

    public long rowsDeleted() {
        return tables.stream().mapToLong(TableChange::deleted).sum();
    }

    /** The line a person reads on stderr. */
    public String line() {
        if (nothingNew) {
            return String.format("nothing new to publish: schema %s of %s mirrors %s as it is; nothing written",
                    schema, target, database);
        }
        return String.format("published %s to schema %s of %s: %,d rows added, %,d deleted, in %d tables (%.1f s)",
                database, schema, target, rowsAdded(), rowsDeleted(), tables.size(), seconds);
    }
}
