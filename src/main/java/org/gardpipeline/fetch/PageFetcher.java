package org.gardpipeline.fetch;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.gardpipeline.model.Sha256;

/**
 * Fetches pages into a new fetch folder {@code <out>/<YYYY-MM-DD>-fetch[-n]/}: {@code pages.warc.gz} (every HTTP
 * exchange as a request and a response record, the response with its headers and the exact bytes received),
 * {@code manifest.json} and {@code fetch.properties}. The folder is built under a hidden name and renamed when
 * complete, so a run never sees half a fetch. The fetcher names every file itself: no URL reaches a file name.
 */
public final class PageFetcher {
    private static final Pattern SITEMAP_LOC = Pattern.compile("<loc>\\s*([^<\\s]+)\\s*</loc>", Pattern.CASE_INSENSITIVE);

    private final FetchSettings settings;
    private final HttpClient client;
    private final HostClock clock;
    private final Map<String, Robots> robots = new HashMap<>();
    private final List<Manifest.RobotsEntry> robotsEntries = new ArrayList<>();

    /** What a fetch wrote. */
    public record Result(Path folder, Manifest manifest) {
        public List<Manifest.Entry> failed() {
            return manifest.failed();
        }
    }

    /** A page that ended without a usable response; the reason goes into the manifest. */
    private static final class Failure extends Exception {
        final Integer status;
        final int attempts;

        Failure(String reason, Integer status, int attempts) {
            super(reason);
            this.status = status;
            this.attempts = attempts;
        }
    }

    public PageFetcher(FetchSettings settings) {
        this.settings = settings;
        this.clock = new HostClock(settings.delay());
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(settings.connectTimeout())
                .build();
    }

    /** The page URL of a GARD id: {@code <base>/diseases/<id>} (the site redirects it to the slug URL). */
    public static URI idUrl(String baseUrl, String id) {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        return URI.create(base + "/diseases/" + id);
    }

    /** The page URLs a sitemap (or a sitemap index, one level down) lists. */
    public List<URI> sitemap(URI sitemap) throws IOException {
        List<URI> pages = new ArrayList<>();
        for (String loc : locs(sitemap)) {
            URI uri = URI.create(loc);
            if (uri.getPath() != null && uri.getPath().endsWith(".xml")) {
                for (String inner : locs(uri)) {
                    pages.add(URI.create(inner));
                }
            } else {
                pages.add(uri);
            }
        }
        return pages;
    }

    private List<String> locs(URI sitemap) throws IOException {
        try {
            if (!allowedHost(sitemap)) {
                throw new IOException("sitemap " + sitemap + " is on a host not allowed");
            }
            Exchange ex = exchangeWithRetries(sitemap, Map.of());
            if (ex.status() != 200) {
                throw new IOException("sitemap " + sitemap + " answered HTTP " + ex.status());
            }
            String xml = new String(decoded(ex), StandardCharsets.UTF_8);
            List<String> locs = new ArrayList<>();
            Matcher m = SITEMAP_LOC.matcher(xml);
            while (m.find()) {
                locs.add(m.group(1).replace("&amp;", "&"));
            }
            return locs;
        } catch (Failure f) {
            throw new IOException("sitemap " + sitemap + ": " + f.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted");
        }
    }

    /**
     * Fetches the pages into a new fetch folder under {@code out}, with conditional requests for pages an
     * earlier fetch folder there holds with an ETag or Last-Modified.
     */
    public Result fetch(List<URI> targets, Path out, String source, Progress progress) throws IOException {
        Instant started = Instant.now();
        Files.createDirectories(out);
        Map<String, EarlierCapture> earlier = earlierCaptures(out);
        String name = newFolderName(out, LocalDate.ofInstant(started, ZoneOffset.UTC));
        Path partial = out.resolve("." + name + ".partial");
        deleteRecursively(partial);
        Files.createDirectories(partial);
        List<Manifest.Entry> entries = new ArrayList<>();
        try (FetchArchive archive = new FetchArchive(partial.resolve(Manifest.WARC_FILE))) {
            archive.info(started, settings.userAgent(), source);
            ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, settings.concurrency()), r -> {
                Thread t = new Thread(r, "fetch");
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<Manifest.Entry>> futures = new ArrayList<>();
                for (URI target : targets) {
                    futures.add(pool.submit(() -> {
                        Manifest.Entry e = page(target, earlier.get(target.toString()), name, archive);
                        progress.page(e);
                        return e;
                    }));
                }
                for (Future<Manifest.Entry> f : futures) {
                    entries.add(f.get());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("fetch interrupted");
            } catch (ExecutionException e) {
                throw new IOException("fetch failed: " + e.getCause(), e.getCause());
            } finally {
                pool.shutdownNow();
            }
        }
        Instant finished = Instant.now();
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("concurrency", settings.concurrency());
        shown.put("delay_ms", settings.delay().toMillis());
        shown.put("retries", settings.retries());
        shown.put("backoff_ms", settings.backoff().toMillis());
        shown.put("connect_timeout_ms", settings.connectTimeout().toMillis());
        shown.put("read_timeout_ms", settings.readTimeout().toMillis());
        shown.put("max_body_bytes", settings.maxBodyBytes());
        shown.put("max_decoded_bytes", settings.maxDecodedBytes());
        shown.put("allowed_hosts", settings.allowedHosts().stream().sorted().toList());
        shown.put("robots", settings.robots());
        Manifest manifest = new Manifest(started.toString(), finished.toString(), source, settings.userAgent(), shown,
                List.copyOf(robotsEntries), entries);
        manifest.write(partial.resolve(Manifest.FILE));
        java.util.Properties props = new java.util.Properties();
        props.setProperty("fetched_at", started.toString());
        props.setProperty("source", source);
        props.setProperty("complete", "false");
        try (java.io.Writer w = Files.newBufferedWriter(partial.resolve("fetch.properties"), StandardCharsets.UTF_8)) {
            props.store(w, "written by gard fetch");
        }
        Path folder = out.resolve(name);
        Files.move(partial, folder, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return new Result(folder, manifest);
    }

    /** One page: redirects within the allowed hosts, robots.txt, retries; always an entry, never an exception. */
    private Manifest.Entry page(URI asked, EarlierCapture earlier, String folder, FetchArchive archive) {
        long started = System.nanoTime();
        List<String> redirects = new ArrayList<>();
        URI current = asked;
        int retries = 0;
        try {
            for (int hop = 0; ; hop++) {
                if (!"http".equalsIgnoreCase(current.getScheme()) && !"https".equalsIgnoreCase(current.getScheme())) {
                    throw new Failure("not an http(s) URL: " + current, null, 0);
                }
                if (!allowedHost(current)) {
                    throw new Failure(hop == 0 ? "host not allowed: " + current.getHost()
                            : "redirect to a host not allowed: " + current, null, 0);
                }
                if (settings.robots() && !robotsFor(current).allows(pathAndQuery(current))) {
                    throw new Failure("disallowed by robots.txt: " + current, null, 0);
                }
                Map<String, String> conditional = new LinkedHashMap<>();
                if (earlier != null) {
                    if (earlier.entry().etag() != null) {
                        conditional.put("If-None-Match", earlier.entry().etag());
                    }
                    if (earlier.entry().lastModified() != null) {
                        conditional.put("If-Modified-Since", earlier.entry().lastModified());
                    }
                }
                Exchange ex;
                try {
                    ex = exchangeWithRetries(current, conditional);
                } catch (Failure f) {
                    throw new Failure(f.getMessage(), f.status, f.attempts + retries);
                }
                int attempts = ex.attempts();
                retries += attempts - 1;
                int status = ex.status();
                if (status == 304 && earlier != null) {
                    archive.revisit(ex, earlier);
                    Manifest.Entry e = earlier.entry();
                    return new Manifest.Entry(asked.toString(), current.toString(), 304, Manifest.UNCHANGED, 0L,
                            e.decodedBytes(), e.sha256(), e.contentType(), e.contentEncoding(),
                            ex.header("ETag").orElse(e.etag()), ex.header("Last-Modified").orElse(e.lastModified()),
                            attempts, retries, redirects, null, e.warcRecordId(), earlier.folder(), elapsed(started));
                }
                String responseId = archive.response(ex);
                if (status >= 300 && status < 400 && status != 304 && ex.header("Location").isPresent()) {
                    if (hop >= settings.maxRedirects()) {
                        throw new Failure("more than " + settings.maxRedirects() + " redirects", status, attempts);
                    }
                    URI next = current.resolve(ex.header("Location").get().strip());
                    redirects.add(next.toString());
                    current = next;
                    continue;
                }
                if (status != 200) {
                    throw new Failure("HTTP " + status, status, attempts);
                }
                byte[] body = decoded(ex);
                return new Manifest.Entry(asked.toString(), current.toString(), status, Manifest.FETCHED,
                        (long) ex.body().length, (long) body.length, Sha256.hex(body), ex.header("Content-Type").orElse(null),
                        ex.header("Content-Encoding").orElse(null), ex.header("ETag").orElse(null),
                        ex.header("Last-Modified").orElse(null), attempts, retries, redirects, null, responseId, folder,
                        elapsed(started));
            }
        } catch (Failure f) {
            return new Manifest.Entry(asked.toString(), current.toString(), f.status, Manifest.FAILED, null, null, null,
                    null, null, null, null, f.attempts, retries, redirects, f.getMessage(), null, null, elapsed(started));
        } catch (IOException e) {
            return new Manifest.Entry(asked.toString(), current.toString(), null, Manifest.FAILED, null, null, null,
                    null, null, null, null, 0, retries, redirects, "cannot write the WARC: " + e.getMessage(), null, null,
                    elapsed(started));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Manifest.Entry(asked.toString(), current.toString(), null, Manifest.FAILED, null, null, null,
                    null, null, null, null, 0, retries, redirects, "interrupted", null, null, elapsed(started));
        }
    }

    private static long elapsed(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }

    private static String pathAndQuery(URI uri) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }

    /** An allowed {@code host:port} allows that port; an allowed bare host, every port of it. */
    private boolean allowedHost(URI uri) {
        return uri.getHost() != null && (settings.allowedHosts().contains(hostKey(uri))
                || settings.allowedHosts().contains(uri.getHost().toLowerCase(Locale.ROOT)));
    }

    /** host, or host:port when the port is explicit. */
    public static String hostKey(URI uri) {
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        return uri.getPort() < 0 ? host : host + ":" + uri.getPort();
    }

    /** robots.txt of the URL's host, fetched once (politely, like any page); 4xx allows all, failure disallows all. */
    private Robots robotsFor(URI uri) throws InterruptedException {
        String key = uri.getScheme().toLowerCase(Locale.ROOT) + "://" + hostKey(uri);
        synchronized (robots) {
            Robots known = robots.get(key);
            if (known != null) {
                return known;
            }
            URI robotsUri = URI.create(key + "/robots.txt");
            Robots r;
            Integer status = null;
            try {
                Exchange ex = exchangeWithRetries(robotsUri, Map.of());
                status = ex.status();
                if (status == 200) {
                    r = Robots.parse(new String(decoded(ex), StandardCharsets.UTF_8), FetchSettings.AGENT_NAME);
                } else if (status >= 400 && status < 500) {
                    r = Robots.ALLOW_ALL;
                } else {
                    r = Robots.disallowAll("robots.txt answered HTTP " + status);
                }
            } catch (Failure f) {
                status = f.status;
                r = Robots.disallowAll("robots.txt unreachable: " + f.getMessage());
            }
            robots.put(key, r);
            robotsEntries.add(new Manifest.RobotsEntry(hostKey(uri), status, r.origin(), r.disallowed()));
            return r;
        }
    }

    /** One URL, with retries on connection errors, timeouts, 429 and 5xx; a 4xx or 3xx is returned as is. */
    private Exchange exchangeWithRetries(URI uri, Map<String, String> conditional) throws Failure, InterruptedException {
        int maxAttempts = settings.retries() + 1;
        for (int attempt = 1; ; attempt++) {
            HostClock.Ticket ticket = clock.await(hostKey(uri));
            Exchange ex;
            try {
                ex = exchange(uri, conditional, ticket);
            } catch (LimitedBody.TooLarge e) {
                throw new Failure(e.getMessage(), null, attempt);
            } catch (IOException e) {
                String reason = describe(e);
                if (attempt >= maxAttempts) {
                    throw new Failure(reason + (attempt > 1 ? " (after " + attempt + " attempts)" : ""), null, attempt);
                }
                Thread.sleep(Backoff.after(settings.backoff(), attempt).toMillis());
                continue;
            }
            int status = ex.status();
            if (status == 429 || status >= 500) {
                if (attempt >= maxAttempts) {
                    throw new Failure("HTTP " + status + (attempt > 1 ? " (after " + attempt + " attempts)" : ""), status,
                            attempt);
                }
                Duration wait = Backoff.after(settings.backoff(), attempt);
                Optional<Duration> asked = Backoff.retryAfter(ex.header("Retry-After").orElse(null), Instant.now());
                if (asked.isPresent()) {
                    if (asked.get().compareTo(settings.maxRetryAfter()) > 0) {
                        throw new Failure("HTTP " + status + " with Retry-After " + asked.get().toSeconds()
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

    private byte[] requestBlock(HttpRequest request, URI uri) {
        StringBuilder sb = new StringBuilder();
        sb.append("GET ").append(pathAndQuery(uri)).append(" HTTP/1.1\r\n");
        sb.append("Host: ").append(uri.getRawAuthority()).append("\r\n");
        request.headers().map().forEach((k, vs) -> vs.forEach(v -> sb.append(k).append(": ").append(v).append("\r\n")));
        sb.append("\r\n");
        return sb.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The body with its Content-Encoding removed, bounded; an unknown encoding or a bomb is a failure. */
    private byte[] decoded(Exchange ex) throws Failure {
        String encoding = ex.header("Content-Encoding").orElse("identity").strip().toLowerCase(Locale.ROOT);
        try {
            return ContentDecoding.decode(ex.body(), encoding, settings.maxDecodedBytes());
        } catch (IOException e) {
            throw new Failure(e.getMessage(), ex.status(), 1);
        }
    }

    /** Earlier captures under the out folder, newest fetch folder last so it wins: URL asked -> entry. */
    private static Map<String, EarlierCapture> earlierCaptures(Path out) throws IOException {
        Map<String, EarlierCapture> found = new HashMap<>();
        List<Path> folders;
        try (Stream<Path> children = Files.list(out)) {
            folders = children.filter(p -> Files.isRegularFile(p.resolve(Manifest.FILE)))
                    .filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        }
        for (Path folder : folders) {
            Manifest m;
            try {
                m = Manifest.read(folder.resolve(Manifest.FILE));
            } catch (IOException e) {
                continue; // a manifest we cannot read only costs a full download
            }
            for (Manifest.Entry e : m.pages()) {
                if (e.failed() || e.sha256() == null || e.etag() == null && e.lastModified() == null) {
                    continue;
                }
                String captured = e.captureFetch() == null ? folder.getFileName().toString() : e.captureFetch();
                found.put(e.asked(), new EarlierCapture(e, captured, e.captureFetch() == null || e.captureFetch().equals(folder.getFileName().toString())
                        ? m.fetchedAt() : found.containsKey(e.asked()) ? found.get(e.asked()).fetchedAt() : m.fetchedAt()));
            }
        }
        return found;
    }

    private static String newFolderName(Path out, LocalDate date) {
        String base = date.format(DateTimeFormatter.ISO_LOCAL_DATE) + "-fetch";
        String name = base;
        for (int n = 2; Files.exists(out.resolve(name)); n++) {
            name = base + "-" + n;
        }
        return name;
    }

    private static void deleteRecursively(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> all = Files.walk(p)) {
            for (Path f : (Iterable<Path>) all.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.delete(f);
            }
        }
    }
}
