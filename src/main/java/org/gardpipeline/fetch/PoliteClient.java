package org.gardpipeline.fetch;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.gardpipeline.archive.ContentDecoding;

/**
 * HTTP GETs as a polite client makes them: robots.txt read once per host, requests to one host kept apart by the
 * host clock (and by robots.txt's Crawl-delay when longer), connection errors, timeouts, 429 and 5xx retried with
 * backoff and Retry-After, bodies bounded in size. Redirects are not followed here: the caller decides each hop.
 */
final class PoliteClient {
    private final FetchSettings settings;
    private final HttpClient client;
    private final HostClock clock;
    /** Guarded by itself: the rules of each scheme://host[:port] fetched so far. */
    private final Map<String, Robots> robots = new HashMap<>();
    /** Guarded by {@link #robots}. */
    private final List<Manifest.RobotsEntry> robotsEntries = new ArrayList<>();

    PoliteClient(FetchSettings settings) {
        this.settings = settings;
        this.clock = new HostClock(settings.delay());
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(settings.connectTimeout())
                .build();
    }

    FetchSettings settings() {
        return settings;
    }

    /** What robots.txt said for each host asked so far, in the order asked. */
    List<Manifest.RobotsEntry> robotsEntries() {
        synchronized (robots) {
            return List.copyOf(robotsEntries);
        }
    }

    private static String pathAndQuery(URI uri) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }

    /** robots.txt of the URL's host, fetched once (politely, like any page); 4xx allows all, failure disallows all. */
    Robots robotsFor(URI uri) throws InterruptedException {
        String host = FetchSettings.hostKey(uri);
        String key = uri.getScheme().toLowerCase(Locale.ROOT) + "://" + host;
        synchronized (robots) {
            Robots known = robots.get(key);
            if (known != null) {
                return known;
            }
            URI robotsUri = URI.create(key + "/robots.txt");
            Robots r;
            Integer status = null;
            try {
                Exchange ex = get(robotsUri, Map.of());
                status = ex.status();
                r = status == 200
                        ? Robots.parse(robotsUri, decoded(ex), ex.header("Content-Type").orElse(null))
                        : Robots.forStatus(status);
            } catch (FetchFailure f) {
                status = f.status();
                r = Robots.disallowAll("robots.txt unreachable: " + f.getMessage());
            }
            r.crawlDelay().ifPresent(delay -> clock.atLeast(host, delay));
            robots.put(key, r);
            robotsEntries.add(r.entry(host, status));
            return r;
        }
    }

    /** One URL, with retries on connection errors, timeouts, 429 and 5xx; a 4xx or 3xx is returned as is. */
    Exchange get(URI uri, Map<String, String> conditional) throws FetchFailure, InterruptedException {
        int maxAttempts = settings.retries() + 1;
        for (int attempt = 1; ; attempt++) {
            HostClock.Ticket ticket = clock.await(FetchSettings.hostKey(uri));
            Exchange ex;
            try {
                ex = exchange(uri, conditional, ticket);
            } catch (LimitedBody.TooLarge e) {
                throw new FetchFailure(e.getMessage(), null, attempt);
            } catch (IOException e) {
                String reason = describe(e);
                if (attempt >= maxAttempts) {
                    throw new FetchFailure(reason + (attempt > 1 ? " (after " + attempt + " attempts)" : ""), null, attempt);
                }
                Thread.sleep(Backoff.after(settings.backoff(), attempt).toMillis());
                continue;
            }
            int status = ex.status();
            if (status == 429 || status >= 500) {
                if (attempt >= maxAttempts) {
                    throw new FetchFailure("HTTP " + status + (attempt > 1 ? " (after " + attempt + " attempts)" : ""),
                            status, attempt);
                }
                Duration wait = Backoff.after(settings.backoff(), attempt);
                Optional<Duration> asked = Backoff.retryAfter(ex.header("Retry-After").orElse(null), Instant.now());
                if (asked.isPresent()) {
                    if (asked.get().compareTo(settings.maxRetryAfter()) > 0) {
                        throw new FetchFailure("HTTP " + status + " with Retry-After " + asked.get().toSeconds()
                                + " s, longer than the " + settings.maxRetryAfter().toSeconds() + " s allowed", status, attempt);
                    }
                    wait = asked.get().compareTo(wait) > 0 ? asked.get() : wait;
                }
                Thread.sleep(wait.toMillis());
                continue;
            }
            return ex.withAttempts(attempt);
        }
    }

    /** The body with its Content-Encoding removed, bounded; an unknown encoding or a bomb is a failure. */
    byte[] decoded(Exchange ex) throws FetchFailure {
        String encoding = ex.header("Content-Encoding").orElse("identity").strip().toLowerCase(Locale.ROOT);
        try {
            return ContentDecoding.decode(ex.body(), encoding, settings.maxDecodedBytes());
        } catch (IOException e) {
            throw new FetchFailure(e.getMessage(), ex.status(), 1);
        }
    }

    private static String describe(IOException e) {
        if (e instanceof HttpTimeoutException) {
            return "timeout: " + e.getMessage();
        }
        if (e instanceof ConnectException) {
            return "cannot connect: " + e.getMessage();
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return "connection error: " + message;
    }

    /** One HTTP GET; the body is bounded in size, and a silence longer than the read timeout aborts it. */
    private Exchange exchange(URI uri, Map<String, String> conditional, HostClock.Ticket ticket)
            throws IOException, InterruptedException {
        try {
            return exchangeOnce(uri, conditional, ticket);
        } finally {
            ticket.answered();
        }
    }

    private Exchange exchangeOnce(URI uri, Map<String, String> conditional, HostClock.Ticket ticket)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).GET().timeout(settings.readTimeout())
                .header("User-Agent", settings.userAgent())
                .header("Accept", "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5")
                .header("Accept-Encoding", "gzip");
        conditional.forEach(b::header);
        HttpRequest request = b.build();
        Instant date = Instant.now();
        LimitedBody body = new LimitedBody(settings.maxBodyBytes());
        CompletableFuture<HttpResponse<byte[]>> future = client.sendAsync(request, info -> {
            ticket.answered(); // the headers are in: the server has seen this request
            return body;
        });
        long timeout = settings.readTimeout().toNanos();
        long step = Math.max(10, Math.min(250, settings.readTimeout().toMillis() / 4));
        HttpResponse<byte[]> response;
        while (true) {
            try {
                response = future.get(step, TimeUnit.MILLISECONDS);
                break;
            } catch (TimeoutException e) {
                if (System.nanoTime() - body.lastActivityNanos() > timeout) {
                    HttpTimeoutException why = new HttpTimeoutException("read timed out: no data for "
                            + settings.readTimeout().toMillis() + " ms (" + body.received() + " body bytes received)");
                    body.abort(why);
                    future.cancel(true);
                    throw why;
                }
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof IOException io) {
                    throw io;
                }
                throw new IOException(String.valueOf(cause), cause);
            }
        }
        UUID requestId = UUID.randomUUID();
        return new Exchange(uri, response.statusCode(), response.headers().map(), response.body(), requestId,
                requestBlock(request, uri), date, 1);
    }

    private static byte[] requestBlock(HttpRequest request, URI uri) {
        StringBuilder sb = new StringBuilder();
        sb.append("GET ").append(pathAndQuery(uri)).append(" HTTP/1.1\r\n");
        sb.append("Host: ").append(uri.getRawAuthority()).append("\r\n");
        request.headers().map().forEach((k, vs) -> vs.forEach(v -> sb.append(k).append(": ").append(v).append("\r\n")));
        sb.append("\r\n");
        return sb.toString().getBytes(StandardCharsets.ISO_8859_1);
    }
}
