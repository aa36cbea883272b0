package org.gardpipeline.cli;

import java.io.PrintWriter;
import java.util.List;
import org.gardpipeline.model.IngestSummary;
import org.gardpipeline.store.HistoryStore;

/** Prints what ingesting fetches did, and decides the exit code from it. */
final class IngestReport {
    private IngestReport() {
    }

    static void print(PrintWriter out, IngestSummary s) {
        if (s.alreadyIngested()) {
            out.printf("fetch %s: already ingested, nothing changed%n", s.fetch().name());
            return;
        }
        out.printf("fetch %s: %d documents, %d parsed, %d quarantined; %d added, %d changed, %d removed, %d restored "
                        + "(%.1f s)%n", s.fetch().name(), s.documents(), s.parsed(), s.quarantined(), s.added(), s.changed(),
                s.removed(), s.restored(), s.seconds());
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
