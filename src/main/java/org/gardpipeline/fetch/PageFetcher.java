package org.gardpipeline.fetch;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gardpipeline.archive.FetchWarcWriter;
import org.gardpipeline.model.Sha256;
import org.gardpipeline.parallel.OrderedParallelMap;

/**
 * Fetches pages into a new fetch folder (see {@link FetchFolder}): every HTTP exchange into its WARC, one manifest
 * entry per page asked. Each page follows its redirects within the allowed hosts, asks robots.txt, and sends a
 * conditional request when an earlier fetch folder holds it with an ETag or Last-Modified. The fetcher names
 * every file itself: no URL reaches a file name.
 */
public final class PageFetcher {
    private final FetchSettings settings;
    private final PoliteClient client;

    /** What a fetch wrote. */
    public record Result(Path folder, Manifest manifest) {
        public List<Manifest.Entry> failed() {
            return manifest.failed();
        }
    }

    public PageFetcher(FetchSettings settings) {
        this.settings = settings;
        this.client = new PoliteClient(settings);
    }

    /** The page URL of a GARD id: {@code <base>/diseases/<id>} (the site redirects it to the slug URL). */
    public static URI idUrl(String baseUrl, String id) {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        return URI.create(base + "/diseases/" + id);
    }

    /** The page URLs a sitemap (or a sitemap index, one level down) lists. */
    public List<URI> sitemap(URI sitemap) throws IOException {
        return Sitemap.pages(client, sitemap);
    }

    /**
     * Fetches the pages into a new fetch folder under {@code out}, with conditional requests for pages an
     * earlier fetch folder there holds with an ETag or Last-Modified.
     */
    public Result fetch(List<URI> targets, Path out, String source, Progress progress) throws IOException {
        return fetch(targets, out, source, progress, null);
    }

    /**
     * Fetches the pages GARD's list names, keeping the list in the WARC; such a fetch is complete (a page missing
     * from it was removed) when every page answered. With {@code list} null, the fetch of the pages given.
     */
    public Result fetch(List<URI> targets, Path out, String source, Progress progress, SiteList list) throws IOException {
        Instant started = Instant.now();
        FetchFolder folder = FetchFolder.begin(out, started);
        Map<String, EarlierCapture> earlier = FetchFolder.earlierCaptures(out);
        List<Manifest.Entry> entries = new ArrayList<>();
        Manifest.SiteListEntry listEntry = null;
        try (FetchWarcWriter archive = new FetchWarcWriter(folder.warc())) {
            archive.info(started, settings.userAgent(), source);
            if (list != null) {
                String id = archive.resource(list.uri(), started, "application/json", list.bytes());
                listEntry = new Manifest.SiteListEntry(list.uri().toString(), list.entries().size(),
                        Sha256.hex(list.bytes()), id);
            }
            try {
                entries.addAll(OrderedParallelMap.map("fetch", targets, target -> {
                    Manifest.Entry e = page(target, earlier.get(target.toString()), folder.name(), archive);
                    progress.page(e);
                    return e;
                }, Math.max(1, settings.concurrency())));
            } catch (RuntimeException e) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedIOException("fetch interrupted");
                }
                throw new IOException("fetch failed: " + e, e);
            }
        }
        Manifest manifest = new Manifest(started.toString(), Instant.now().toString(), source, settings.userAgent(),
                shownSettings(), client.robotsEntries(), entries, listEntry);
        // a page that failed is missing but not removed: only a fetch of the whole list with no failure is complete
        boolean complete = list != null && manifest.failed().isEmpty();
        return new Result(folder.finish(manifest, complete), manifest);
    }

    /**
     * GARD's list of pages, asked politely like any page (robots.txt, host clock, retries); anything but a 200 with
     * a usable list is refused with one line naming the URL.
     */
    public SiteList siteList(URI uri) throws SiteListException {
        try {
            if (!settings.allowsHost(uri)) {
                throw new SiteListException("GARD's list " + uri + " is on a host not allowed");
            }
            if (settings.robots()) {
                Robots robots = client.robotsFor(uri);
                if (!robots.allows(uri)) {
                    throw new SiteListException("GARD's list " + uri + " could not be fetched: "
                            + ("robots.txt".equals(robots.origin()) ? "disallowed by robots.txt" : robots.origin()));
                }
            }
            Exchange ex = client.get(uri, Map.of());
            if (ex.status() != 200) {
                throw new SiteListException("GARD's list " + uri + " answered HTTP " + ex.status() + ": nothing fetched");
            }
            return SiteList.parse(uri, client.decoded(ex));
        } catch (FetchFailure f) {
            throw new SiteListException("GARD's list " + uri + " could not be fetched: " + f.getMessage() + ": nothing fetched");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SiteListException("GARD's list " + uri + ": interrupted");
        }
    }

    /** The settings as the manifest shows them. */
    private Map<String, Object> shownSettings() {
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
        return shown;
    }

    /** One page: redirects within the allowed hosts, robots.txt, retries; always an entry, never an exception. */
    private Manifest.Entry page(URI asked, EarlierCapture earlier, String folder, FetchWarcWriter archive) {
        long started = System.nanoTime();
        List<String> redirects = new ArrayList<>();
        URI current = asked;
        int retries = 0;
        try {
            for (int hop = 0; ; hop++) {
                if (!"http".equalsIgnoreCase(current.getScheme()) && !"https".equalsIgnoreCase(current.getScheme())) {
                    throw new FetchFailure("not an http(s) URL: " + current, null, 0);
                }
                if (!settings.allowsHost(current)) {
                    throw new FetchFailure(hop == 0 ? "host not allowed: " + current.getHost()
                            : "redirect to a host not allowed: " + current, null, 0);
                }
                if (settings.robots() && !client.robotsFor(current).allows(current)) {
                    throw new FetchFailure("disallowed by robots.txt: " + current, null, 0);
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
                    ex = client.get(current, conditional);
                } catch (FetchFailure f) {
                    throw new FetchFailure(f.getMessage(), f.status(), f.attempts() + retries);
                }
                int attempts = ex.attempts();
                retries += attempts - 1;
                int status = ex.status();
                if (status == 304 && earlier != null) {
                    archive.revisit(ex.capture(), earlier.reference());
                    Manifest.Entry e = earlier.entry();
                    return new Manifest.Entry(asked.toString(), current.toString(), 304, Manifest.UNCHANGED, 0L,
                            e.decodedBytes(), e.sha256(), e.contentType(), e.contentEncoding(),
                            ex.header("ETag").orElse(e.etag()), ex.header("Last-Modified").orElse(e.lastModified()),
                            attempts, retries, redirects, null, e.warcRecordId(), earlier.folder(), elapsed(started),
                            e.payloadSha256());
                }
                if (status == 200 && earlier != null && samePayload(ex, earlier)) {
                    archive.identicalRevisit(ex.capture(), earlier.reference());
                    Manifest.Entry e = earlier.entry();
                    return new Manifest.Entry(asked.toString(), current.toString(), 200, Manifest.UNCHANGED,
                            (long) ex.body().length, e.decodedBytes(), e.sha256(), ex.header("Content-Type").orElse(null),
                            ex.header("Content-Encoding").orElse(null), ex.header("ETag").orElse(null),
                            ex.header("Last-Modified").orElse(null), attempts, retries, redirects, null, e.warcRecordId(),
                            earlier.folder(), elapsed(started), e.payloadSha256());
                }
                String responseId = archive.response(ex.capture());
                if (status >= 300 && status < 400 && status != 304 && ex.header("Location").isPresent()) {
                    if (hop >= settings.maxRedirects()) {
                        throw new FetchFailure("more than " + settings.maxRedirects() + " redirects", status, attempts);
                    }
                    URI next = current.resolve(ex.header("Location").get().strip());
                    redirects.add(next.toString());
                    current = next;
                    continue;
                }
                if (status != 200) {
                    throw new FetchFailure("HTTP " + status, status, attempts);
                }
                byte[] body = client.decoded(ex);
                return new Manifest.Entry(asked.toString(), current.toString(), status, Manifest.FETCHED,
                        (long) ex.body().length, (long) body.length, Sha256.hex(body), ex.header("Content-Type").orElse(null),
                        ex.header("Content-Encoding").orElse(null), ex.header("ETag").orElse(null),
                        ex.header("Last-Modified").orElse(null), attempts, retries, redirects, null, responseId, folder,
                        elapsed(started), Sha256.hex(ex.body()));
            }
        } catch (FetchFailure f) {
            return new Manifest.Entry(asked.toString(), current.toString(), f.status(), Manifest.FAILED, null, null, null,
                    null, null, null, null, f.attempts(), retries, redirects, f.getMessage(), null, null, elapsed(started), null);
        } catch (IOException e) {
            return new Manifest.Entry(asked.toString(), current.toString(), null, Manifest.FAILED, null, null, null,
                    null, null, null, null, 0, retries, redirects, "cannot write the WARC: " + e.getMessage(), null, null,
                    elapsed(started), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Manifest.Entry(asked.toString(), current.toString(), null, Manifest.FAILED, null, null, null,
                    null, null, null, null, 0, retries, redirects, "interrupted", null, null, elapsed(started), null);
        }
    }

    /**
     * Whether a 200 carries exactly the payload of the page's latest capture (the same bytes as received, decoding
     * to the same document), so that a revisit can stand for it. The capture must be a response record whose id
     * the earlier manifest kept.
     */
    private boolean samePayload(Exchange ex, EarlierCapture earlier) throws FetchFailure {
        Manifest.Entry e = earlier.entry();
        if (e.warcRecordId() == null || e.payloadSha256() == null || e.sha256() == null
                || !e.payloadSha256().equals(Sha256.hex(ex.body()))) {
            return false;
        }
        return e.sha256().equals(Sha256.hex(client.decoded(ex)));
    }

    private static long elapsed(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }
}
