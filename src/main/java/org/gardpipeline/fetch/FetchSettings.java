package org.gardpipeline.fetch;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * How a fetch behaves toward the server.
 *
 * @param userAgent       the User-Agent sent with every request
 * @param concurrency     at most this many requests in flight
 * @param delay           minimum time between the starts of two requests to one host
 * @param retries         how many times a connection error, 429 or 5xx is retried
 * @param backoff         the first retry waits about this long, doubling each time (plus jitter)
 * @param maxRetryAfter   a Retry-After longer than this gives up on the page instead of waiting
 * @param connectTimeout  connect timeout
 * @param readTimeout     the longest wait for the response to start, and the longest silence while reading its body
 * @param maxBodyBytes    the largest body accepted, as received (compressed or not)
 * @param maxDecodedBytes the largest body accepted after gzip decoding
 * @param maxRedirects    redirects followed per page
 * @param allowedHosts    hosts requests and redirects may go to
 * @param robots          whether robots.txt is honoured
 */
public record FetchSettings(String userAgent, int concurrency, Duration delay, int retries, Duration backoff,
                            Duration maxRetryAfter, Duration connectTimeout, Duration readTimeout, long maxBodyBytes,
                            long maxDecodedBytes, int maxRedirects, Set<String> allowedHosts, boolean robots) {
    public static final String AGENT_NAME = "gard-pipeline";

    public static String userAgent(String version, String contact) {
        return contact == null || contact.isBlank() ? AGENT_NAME + "/" + version
                : AGENT_NAME + "/" + version + " (+" + contact + ")";
    }

    /** host, or host:port when the port is explicit: the key of allowed hosts, of the host clock and of robots.txt. */
    public static String hostKey(URI uri) {
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        return uri.getPort() < 0 ? host : host + ":" + uri.getPort();
    }

    /** An allowed {@code host:port} allows that port; an allowed bare host, every port of it. */
    boolean allowsHost(URI uri) {
        return uri.getHost() != null && (allowedHosts.contains(hostKey(uri))
                || allowedHosts.contains(uri.getHost().toLowerCase(Locale.ROOT)));
    }

    public FetchSettings withAllowedHosts(Set<String> hosts) {
        return new FetchSettings(userAgent, concurrency, delay, retries, backoff, maxRetryAfter, connectTimeout,
                readTimeout, maxBodyBytes, maxDecodedBytes, maxRedirects, Set.copyOf(hosts), robots);
    }
}
