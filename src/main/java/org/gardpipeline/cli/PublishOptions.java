package org.gardpipeline.cli;

import java.io.PrintWriter;
import org.gardpipeline.publish.PostgresUrl;
import org.gardpipeline.publish.PublishResult;
import org.gardpipeline.publish.Publisher;
import org.gardpipeline.store.HistoryStore;
import picocli.CommandLine.Option;

/** The options that name the PostgreSQL schema a publish writes into, shared by publish and run --publish. */
final class PublishOptions {
    @Option(names = "--schema", paramLabel = "NAME", defaultValue = "gard",
            description = "the PostgreSQL schema to publish into, made when absent (default: ${DEFAULT-VALUE})")
    String schema;

    /** Refuses a URL or schema name that cannot be used, before anything is done. */
    void check(String option, String url) {
        new Publisher(PostgresUrl.parse(option, url, System.getenv()), schema, System.getenv(), Main.version());
    }

    /** Publishes the store to the URL given as {@code option}; prints its line unless quiet. */
    PublishResult publish(HistoryStore store, String option, String url, boolean replace, boolean quiet, PrintWriter err) {
        PostgresUrl target = PostgresUrl.parse(option, url, System.getenv());
        PublishResult result = new Publisher(target, schema, System.getenv(), Main.version()).publish(store, replace);
        if (!quiet) {
            err.println(result.line());
        }
        return result;
    }

    /** The result for --json: counts only, the URL without anything secret. */
    static com.fasterxml.jackson.databind.node.ObjectNode json(PublishResult r) {
        com.fasterxml.jackson.databind.node.ObjectNode node = Json.object()
                .put("database", r.database().toString())
                .put("to", r.target())
                .put("schema", r.schema())
                .put("database_id", r.databaseId())
                .put("published", !r.nothingNew())
                .put("rows_added", r.rowsAdded())
                .put("rows_deleted", r.rowsDeleted())
                .put("seconds", Math.round(r.seconds() * 1000) / 1000.0);
        com.fasterxml.jackson.databind.node.ObjectNode tables = node.putObject("tables");
        for (PublishResult.TableChange c : r.tables()) {
            tables.putObject(c.table()).put("added", c.added()).put("deleted", c.deleted());
        }
        return node;
    }
}
