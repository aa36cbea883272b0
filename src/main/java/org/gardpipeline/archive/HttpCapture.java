package org.gardpipeline.archive;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An HTTP exchange as it goes into a fetch's WARC file: the response (status, headers and body exactly as received)
 * and the request as sent.
 */
public record HttpCapture(URI uri, Instant date, int status, Map<String, List<String>> headers, byte[] body,
                          UUID requestId, byte[] requestBlock) {
}
