package org.gardpipeline.store;

/** The fetches a database covers: how many, the first and last fetch dates, and when the last was ingested. */
public record FetchSpan(int count, String first, String last, String lastIngestedAt) {
}
