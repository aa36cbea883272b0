package org.gardpipeline.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import org.gardpipeline.model.IngestSummary;
import org.gardpipeline.store.HistoryStore;

/**
 * Reports what ingesting fetches did: a line per fetch for people on stderr, a JSON summary for
 * schedulers on stdout, the quarantined documents, and the exit code.
 */
final class IngestReport {
    private IngestReport() {
    }

    static void print(PrintWriter err, IngestSummary s, LoggingOptions logging) {
        if (logging.quiet) {
            return;
        }
        if (s.alreadyIngested()) {
            err.printf("fetch %s: already ingested, nothing changed%n", s.fetch().name());
            return;
        }
        err.printf("fetch %s: %d documents, %d parsed, %d quarantined; %d added, %d changed, %d removed, %d restored "
                        + "(%.2f s; %d documents had been parsed before)%n", s.fetch().name(), s.documents(), s.parsed(),
                s.quarantined(), s.added(), s.changed(), s.removed(), s.restored(), s.seconds(), s.reused());
    }

    static ObjectNode json(List<IngestSummary> summaries, int exitCode) {
        ObjectNode root = Json.object();
        root.put("exit_code", exitCode);
        ArrayNode fetches = root.putArray("fetches");
        for (IngestSummary s : summaries) {
            ObjectNode f = fetches.addObject();
            f.put("fetch_id", s.fetchId());
            f.put("fetched_at", s.fetch().fetchedAt());
            f.put("label", s.fetch().label());
            f.put("origin", s.fetch().origin());
            f.put("already_ingested", s.alreadyIngested());
            f.put("documents", s.documents());
            f.put("parsed", s.parsed());
            f.put("quarantined", s.quarantined());
            f.put("added", s.added());
            f.put("changed", s.changed());
            f.put("removed", s.removed());
            f.put("restored", s.restored());
            f.put("seconds", s.seconds());
            f.put("reused", s.reused());
        }
        return root;
    }

    /** Lists the quarantined documents of the fetches just ingested; returns the exit code. */
    static int finish(PrintWriter err, HistoryStore store, List<IngestSummary> ingested) {
        int quarantined = 0;
        for (IngestSummary s : ingested) {
            if (s.alreadyIngested()) {
                continue;
            }
            for (String[] q : store.quarantined(s.fetchId())) {
                err.printf("quarantined: %s/%s: %s%n", s.fetch().origin(), q[0], q[1]);
                quarantined++;
            }
        }
        return quarantined > 0 ? ExitCode.QUARANTINED : ExitCode.DONE;
    }
}
