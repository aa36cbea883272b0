package org.gardpipeline.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.gardpipeline.archive.ContentDecoding;
import org.gardpipeline.fetch.FetchFolder;
import org.gardpipeline.fetch.FetchSettings;
import org.gardpipeline.fetch.Manifest;
import org.gardpipeline.fetch.PageFetcher;
import org.gardpipeline.fetch.Progress;
import org.gardpipeline.fetch.SiteList;
import org.gardpipeline.fetch.SiteListException;
import picocli.CommandLine.Option;

/** The options of {@code gard fetch}, shared with {@code gard run --fetch}. */
final class FetchOptions {
    @Option(names = "--ids", paramLabel = "ID[,ID...]", split = ",", description = "GARD ids to fetch, as <base-url>/diseases/<id>")
    List<String> ids;

    @Option(names = "--urls", paramLabel = "FILE", description = "a file of page URLs, one per line (# comments allowed)")
    Path urls;

    @Option(names = "--sitemap", paramLabel = "URL", description = "a sitemap (or sitemap index) listing the pages")
    String sitemap;

    @Option(names = "--base-url", paramLabel = "URL", defaultValue = "https://rarediseases.info.nih.gov",
            description = "the site (default: ${DEFAULT-VALUE})")
    String baseUrl;

    @Option(names = "--allow-host", paramLabel = "HOST", split = ",",
            description = "more hosts requests and redirects may go to, as HOST (any port) or HOST:PORT (the base "
                    + "URL's host, and those of --urls and --sitemap, are always allowed)")
    List<String> allowHosts;

    @Option(names = "--contact", paramLabel = "CONTACT",
            description = "a URL or e-mail address (mailto:...) for the site's operators, sent in the User-Agent; "
                    + "polite crawlers give one")
    String contact;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "2", description = "requests in flight at most (default: ${DEFAULT-VALUE})")
    int concurrency;

    @Option(names = "--delay", paramLabel = "DURATION", defaultValue = "1s",
            description = "minimum time between two requests to one host, e.g. 1s, 500ms (default: ${DEFAULT-VALUE})")
    String delay;

    @Option(names = "--retries", paramLabel = "N", defaultValue = "3",
            description = "retries on connection errors, timeouts, 429 and 5xx (default: ${DEFAULT-VALUE})")
    int retries;

    @Option(names = "--backoff", paramLabel = "DURATION", defaultValue = "2s",
            description = "first retry wait, doubled each time, plus jitter (default: ${DEFAULT-VALUE})")
    String backoff;

    @Option(names = "--max-retry-after", paramLabel = "DURATION", defaultValue = "120s",
            description = "give up on a page whose Retry-After asks for longer (default: ${DEFAULT-VALUE})")
    String maxRetryAfter;

    @Option(names = "--connect-timeout", paramLabel = "DURATION", defaultValue = "10s", description = "(default: ${DEFAULT-VALUE})")
    String connectTimeout;

    @Option(names = "--read-timeout", paramLabel = "DURATION", defaultValue = "30s",
            description = "longest wait for a response to start or for more of its body (default: ${DEFAULT-VALUE})")
    String readTimeout;

    @Option(names = "--max-body", paramLabel = "BYTES", defaultValue = "10000000",
            description = "largest body accepted as received (default: ${DEFAULT-VALUE})")
    long maxBody;

    @Option(names = "--no-robots", description = "do not honour robots.txt (only for your own test servers)")
    boolean noRobots;

    @Option(names = "--allow-shrink", description = "accept GARD's list of pages although it names fewer than nine "
            + "tenths of the pages the last list named (after a look: the pages it no longer names are removed)")
    boolean allowShrink;

    /** Whether any page source, or an option of the whole-site fetch, was given. */
    boolean given() {
        return ids != null && !ids.isEmpty() || urls != null || sitemap != null || allowShrink;
    }

    FetchSettings settings() {
        if (concurrency < 1) {
            throw new UsageException("--concurrency must be at least 1");
        }
        if (retries < 0) {
            throw new UsageException("--retries must not be negative");
        }
        Set<String> hosts = new LinkedHashSet<>();
        hosts.add(FetchSettings.hostKey(uri(baseUrl, "--base-url")));
        if (allowHosts != null) {
            allowHosts.forEach(h -> hosts.add(h.strip().toLowerCase(Locale.ROOT)));
        }
        if (sitemap != null) {
            hosts.add(FetchSettings.hostKey(uri(sitemap, "--sitemap")));
        }
        return new FetchSettings(FetchSettings.userAgent(Main.version(), contact), concurrency, duration(delay, "--delay"),
                retries, duration(backoff, "--backoff"), duration(maxRetryAfter, "--max-retry-after"),
                duration(connectTimeout, "--connect-timeout"), duration(readTimeout, "--read-timeout"), maxBody,
                ContentDecoding.DEFAULT_MAX_DECODED, 5, hosts, !noRobots);
    }

    /** Fetches into a new folder under {@code out}; prints failed pages on stderr. */
    PageFetcher.Result fetch(Path out, PrintWriter err) {
        int sources = (ids != null && !ids.isEmpty() ? 1 : 0) + (urls != null ? 1 : 0) + (sitemap != null ? 1 : 0);
        if (sources > 1) {
            throw new UsageException("give at most one of --ids, --urls FILE or --sitemap URL (none: the whole site, by GARD's list)");
        }
        if (sources == 1 && allowShrink) {
            throw new UsageException("--allow-shrink is for the whole-site fetch by GARD's list, not with --ids, --urls or --sitemap");
        }
        if (sources == 0) {
            return wholeSite(out, err);
        }
        FetchSettings settings = settings();
        List<URI> targets = new ArrayList<>();
        String source;
        if (ids != null && !ids.isEmpty()) {
            for (String id : ids) {
                if (!id.strip().matches("\\d{1,9}")) {
                    throw new UsageException("not a GARD id: '" + id + "' (ids are numbers, e.g. --ids 6007,1163)");
                }
                targets.add(PageFetcher.idUrl(baseUrl, id.strip()));
            }
            source = "gard fetch --ids " + String.join(",", ids) + " from " + baseUrl;
        } else if (urls != null) {
            targets.addAll(readUrls(urls));
            source = "gard fetch --urls " + urls.getFileName();
        } else {
            source = "gard fetch --sitemap " + sitemap;
        }
        Set<String> hosts = new LinkedHashSet<>(settings.allowedHosts());
        targets.forEach(t -> hosts.add(FetchSettings.hostKey(t)));
        settings = settings.withAllowedHosts(hosts);
        PageFetcher fetcher = new PageFetcher(settings);
        try {
            if (sitemap != null) {
                targets.addAll(fetcher.sitemap(uri(sitemap, "--sitemap")));
                if (targets.isEmpty()) {
                    throw new UsageException("sitemap " + sitemap + " lists no pages");
                }
            }
            PageFetcher.Result result = fetcher.fetch(targets, out, source, Progress.forStderr(err, targets.size()));
            return printFailed(result, err);
        } catch (IOException e) {
            throw new UsageException("fetch into " + out + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * Every page GARD's list names, the list kept in the fetch; a list that cannot be had, is no list, is empty or
     * names fewer than nine tenths of the last list's pages stops the fetch before anything is written.
     */
    private PageFetcher.Result wholeSite(Path out, PrintWriter err) {
        FetchSettings settings = settings();
        PageFetcher fetcher = new PageFetcher(settings);
        URI listUri = SiteList.uri(baseUrl);
        try {
            SiteList list = fetcher.siteList(listUri);
            if (!allowShrink) {
                var last = FetchFolder.lastSiteList(out);
                if (last.isPresent()) {
                    list.checkAgainst(last.get().getValue(), last.get().getKey());
                }
            }
            List<URI> targets = list.pages(baseUrl);
            String source = "gard fetch: the " + targets.size() + " pages of " + listUri;
            return printFailed(fetcher.fetch(targets, out, source, Progress.forStderr(err, targets.size()), list), err);
        } catch (SiteListException e) {
            throw new java.io.UncheckedIOException(e); // exit 1 with its line (Main): a failure, not a usage error
        } catch (IOException e) {
            throw new UsageException("fetch into " + out + " failed: " + e.getMessage(), e);
        }
    }

    private static PageFetcher.Result printFailed(PageFetcher.Result result, PrintWriter err) {
        for (Manifest.Entry e : result.failed()) {
            err.printf("failed: %s: %s%n", e.asked(), e.failure());
        }
        return result;
    }

    private List<URI> readUrls(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UsageException("cannot read URL file " + file + ": " + e.getMessage());
        }
        URI base = uri(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/", "--base-url");
        List<URI> result = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            URI u;
            try {
                u = base.resolve(new URI(line)).normalize();
            } catch (URISyntaxException | IllegalArgumentException e) {
                throw new UsageException(file + " line " + (i + 1) + ": not a URL: " + line);
            }
            if (!"http".equalsIgnoreCase(u.getScheme()) && !"https".equalsIgnoreCase(u.getScheme()) || u.getHost() == null) {
                throw new UsageException(file + " line " + (i + 1) + ": not an http(s) URL: " + line);
            }
            result.add(u);
        }
        if (result.isEmpty()) {
            throw new UsageException("URL file " + file + " lists no URLs");
        }
        return result;
    }

    private static URI uri(String value, String option) {
        try {
            URI u = new URI(value);
            if (u.getScheme() == null || u.getHost() == null
                    || !u.getScheme().equalsIgnoreCase("http") && !u.getScheme().equalsIgnoreCase("https")) {
                throw new UsageException(option + " must be an http(s) URL: " + value);
            }
            return u;
        } catch (URISyntaxException e) {
            throw new UsageException(option + " is not a URL: " + value);
        }
    }

    static Duration duration(String value, String option) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        try {
            if (v.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
            }
            if (v.endsWith("s")) {
                return Duration.ofMillis(Math.round(Double.parseDouble(v.substring(0, v.length() - 1)) * 1000));
            }
            if (v.endsWith("m")) {
                return Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1)) * 60);
            }
            return Duration.parse(value);
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new UsageException(option + ": not a duration: '" + value + "' (e.g. 1s, 500ms, 2m)");
        }
    }
}
