package org.gardpipeline.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import org.gardpipeline.ingest.IngestOutcome;
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
        err.printf("fetch %s: %d documents, %d parsed, %d quarantined; %d added, %d changed, %d removed, %d restored; "
                        + "layout changed on %d pages (%.2f s; %d documents had been parsed before)%n", s.fetch().name(),
                s.documents(), s.parsed(), s.quarantined(), s.added(), s.changed(), s.removed(), s.restored(),
                s.layoutChanged(), s.seconds(), s.reused());
    }

    static ObjectNode json(IngestOutcome outcome, int exitCode) {
        ObjectNode root = Json.object();
        root.put("exit_code", exitCode);
        if (outcome.held() != null) {
            root.set("held", HeldReport.json(outcome.held()));
        }
        List<IngestSummary> summaries = outcome.summaries();
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
            if (!s.alreadyIngested()) {
                f.put("layout_changed_pages", s.layoutChanged());
            }
        }
        return root;
    }

    /**
     * Lists the quarantined documents of the fetches just ingested and reports a fetch held for review; returns the
     * exit code, {@link ExitCode#HELD} before {@link ExitCode#QUARANTINED}.
     */
    static int finish(PrintWriter err, HistoryStore store, IngestOutcome outcome) {
        int quarantined = 0;
        for (IngestSummary s : outcome.summaries()) {
            if (s.alreadyIngested()) {
                continue;
            }
            for (String[] q : store.quarantined(s.fetchId())) {
                err.printf("quarantined: %s/%s: %s%n", s.fetch().origin(), q[0], q[1]);
                quarantined++;
            }
        }
        if (outcome.held() != null) {
            HeldReport.print(err, outcome.held());
            return ExitCode.HELD;
        }
        return quarantined > 0 ? ExitCode.QUARANTINED : ExitCode.DONE;
    }
}
