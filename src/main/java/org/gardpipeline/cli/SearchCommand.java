package org.gardpipeline.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.gardpipeline.store.HistoryStore;
import org.gardpipeline.store.SearchHit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "search", mixinStandardHelpOptions = true,
        description = "Full-text search over the current answers: pages and slots holding every word of the query.")
final class SearchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "QUERY", description = "words to find, e.g. \"retinoic acid\"")
    String query;

    @Option(names = "--limit", defaultValue = "20", description = "at most this many results (default: ${DEFAULT-VALUE})")
    int limit;

    @Option(names = "--json", description = "JSON for scripts")
    boolean json;

    @Mixin
    DatabaseOption database;

    @Override
    public Integer call() {
        if (limit < 1) {
            throw new UsageException("--limit " + limit + ": give at least 1");
        }
        try (HistoryStore store = HistoryStore.openExisting(database.db)) {
            // one more than asked says whether the list was cut short
            List<SearchHit> hits = store.search(query, limit + 1);
            boolean more = hits.size() > limit;
            hits = more ? hits.subList(0, limit) : hits;
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                ArrayNode list = Json.MAPPER.createArrayNode();
                for (SearchHit h : hits) {
                    list.addObject().put("page_key", h.pageKey()).put("page_title", h.pageTitle()).put("slot_key", h.slotKey())
                            .put("topic", h.topic()).put("question", h.question()).put("snippet", h.snippet());
                }
                out.println(Json.write(list));
            } else {
                for (SearchHit h : hits) {
                    out.printf("%s  %s  %s%n    %s%n", h.pageKey(), h.pageTitle(), h.slotKey(), h.snippet().replace('\n', ' '));
                }
                out.printf(more ? "the first %d matching answer%s; more match (raise --limit)%n" : "%d matching answer%s%n",
                        hits.size(), hits.size() == 1 ? "" : "s");
            }
            return ExitCode.DONE;
        }
    }
}
