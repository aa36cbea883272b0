package org.gardpipeline.ingest;

import java.util.List;
import org.gardpipeline.model.IngestSummary;
import org.gardpipeline.store.FetchHeldException;

/**
 * What ingesting a list of fetches did: a summary of each fetch committed (or found ingested before), in order,
 * and the fetch held for review, if one was. The fetches after a held one are left for a later run, so that the
 * history is never written past a fetch that a person has not seen.
 *
 * @param summaries the fetches committed or ingested before, in order
 * @param held      the fetch held for review, or null when none was
 */
public record IngestOutcome(List<IngestSummary> summaries, FetchHeldException held) {
    public IngestOutcome {
        summaries = List.copyOf(summaries);
    }
}
