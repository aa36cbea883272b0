package org.gardpipeline.model;

/**
 * What ingesting one fetch did.
 *
 * @param fetch            the fetch
 * @param fetchId          its id in the database
 * @param alreadyIngested  true when the same fetch was ingested before and nothing was written
 * @param seconds          wall time of the ingest
 * @param reused           documents whose exact bytes were parsed in an earlier fetch, so not parsed again
 * @param layoutChanged    pages whose layout (format or outline) differs from their previous fetch's; 0 for a
 *                         fetch ingested before
 */
public record IngestSummary(Fetch fetch, long fetchId, boolean alreadyIngested, int documents, int parsed,
                            int quarantined, int added, int changed, int removed, int restored,
                            double seconds, int reused, int layoutChanged) {
}
