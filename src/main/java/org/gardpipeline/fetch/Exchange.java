package org.gardpipeline.fetch;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.gardpipeline.archive.HttpCapture;

/** An HTTP exchange that produced a response: the response as received, and the request as sent. */
record Exchange(URI uri, int status, Map<String, List<String>> headers, byte[] body, UUID requestId,
                byte[] requestBlock, Instant date, int attempts) {
    Exchange withAttempts(int n) {
        return new Exchange(uri, status, headers, body, requestId, requestBlock, date, n);
    }

    /** The exchange as the fetch's WARC file keeps it. */
    HttpCapture capture() {
        return new HttpCapture(uri, date, status, headers, body, requestId, requestBlock);
    }

    /** The first value of a header, whatever the case of its name. */
    Optional<String> header(String name) {
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                return Optional.of(e.getValue().get(0));
            }
        }
        return Optional.empty();
    }
}
