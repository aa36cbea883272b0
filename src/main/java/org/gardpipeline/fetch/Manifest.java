package org.gardpipeline.fetch;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.gardpipeline.archive.FetchFolderLayout;

/**
 * What a fetch asked for, what came back and what failed; the file {@value #FILE} beside the WARC.
 *
 * @param fetchedAt  when the fetch started (ISO-8601 instant)
 * @param finishedAt when it ended
 * @param source     what was asked (ids, URL file or sitemap) and from where
 * @param userAgent  the User-Agent sent
 * @param settings   the politeness settings in force
 * @param robots     per host, what robots.txt said
 * @param pages      one entry per page asked, in the order asked
 * @param siteList   GARD's list of pages the fetch asked for, when it fetched the whole site by it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Manifest(String fetchedAt, String finishedAt, String source, String userAgent,
                       Map<String, Object> settings, List<RobotsEntry> robots, List<Entry> pages,
                       SiteListEntry siteList) {
    public static final String FILE = FetchFolderLayout.MANIFEST_FILE;
    public static final String FETCHED = "fetched";
    public static final String UNCHANGED = "unchanged";
    public static final String FAILED = "failed";

    static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * robots.txt of one host.
     *
     * @param host         host or host:port
     * @param status       the HTTP status of robots.txt, null when it could not be fetched
     * @param rules        where the rules came from (robots.txt, none, or why the host is closed)
     * @param disallow     the Disallow rules in force
     * @param crawlDelayMs the Crawl-delay asked, when any: requests to the host are kept at least this far apart
     * @param sitemaps     the Sitemap lines, when any
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RobotsEntry(String host, Integer status, String rules, List<String> disallow, Long crawlDelayMs,
                              List<String> sitemaps) {
    }

    /**
     * GARD's list of pages as fetched: kept in the WARC as a resource record, so that the next fetch can compare
     * its list with this one.
     *
     * @param url          the list's URL
     * @param records      how many pages it named
     * @param sha256       SHA-256 of its bytes as decoded
     * @param warcRecordId the WARC-Record-ID of the resource record holding them
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SiteListEntry(String url, int records, String sha256, String warcRecordId) {
    }

    /**
     * One page asked for.
     *
     * @param asked           the URL asked for
     * @param url             the URL finally answered (after redirects)
     * @param status          the final HTTP status, null when no response came
     * @param outcome         {@code fetched}, {@code unchanged} (a 304, or a 200 with the payload of the latest
     *                        capture, written as a revisit) or {@code failed}
     * @param bytes           body bytes received, as sent (possibly gzip-compressed)
     * @param decodedBytes    body bytes after content decoding
     * @param sha256          SHA-256 of the decoded body: the document's hash at ingest; for {@code unchanged},
     *                        that of the earlier capture
     * @param contentType     Content-Type
     * @param contentEncoding Content-Encoding, when any
     * @param etag            ETag, for the next conditional request
     * @param lastModified    Last-Modified, for the next conditional request
     * @param attempts        requests made for the final URL (1 when no retry)
     * @param retries         attempts - 1, summed over redirect hops
     * @param redirects       the redirect chain followed
     * @param failure         why the page failed, for {@code failed}
     * @param warcRecordId    the WARC-Record-ID of the response holding the page's bytes
     * @param captureFetch    the fetch folder whose WARC holds those bytes (this one, or an earlier one for a 304)
     * @param elapsedMs       wall time spent on the page, waits included
     * @param payloadSha256   SHA-256 of the body as received (the WARC-Payload-Digest of its capture), so that the next
     *                        fetch can tell an identical payload and write a revisit
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Entry(String asked, String url, Integer status, String outcome, Long bytes, Long decodedBytes,
                        String sha256, String contentType, String contentEncoding, String etag, String lastModified,
                        int attempts, int retries, List<String> redirects, String failure, String warcRecordId,
                        String captureFetch, Long elapsedMs, String payloadSha256) {
        public boolean failed() {
            return FAILED.equals(outcome);
        }
    }

    public void write(Path file) throws IOException {
        JSON.writeValue(file.toFile(), this);
    }

    public static Manifest read(Path file) throws IOException {
        return JSON.readValue(file.toFile(), Manifest.class);
    }

    public List<Entry> failed() {
        return pages.stream().filter(Entry::failed).toList();
    }
}
