package org.gardpipeline.archive;

import java.time.Instant;

/**
 * The earlier capture a revisit record stands for: its record id ({@code <urn:uuid:...>}), target URI and date, and
 * the fetch folder beside this one whose WARC file holds it.
 */
public record CaptureReference(String recordId, String targetUri, Instant date, String folder) {
}
