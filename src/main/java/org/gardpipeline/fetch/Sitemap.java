package org.gardpipeline.fetch;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The page URLs a sitemap lists, fetched through the polite client; a sitemap index is followed one level down. */
final class Sitemap {
    private static final Pattern LOC = Pattern.compile("<loc>\\s*([^<\\s]+)\\s*</loc>", Pattern.CASE_INSENSITIVE);

    private Sitemap() {
    }

    static List<URI> pages(PoliteClient client, URI sitemap) throws IOException {
        List<URI> pages = new ArrayList<>();
        for (String loc : locs(client, sitemap)) {
            URI uri = URI.create(loc);
            if (uri.getPath() != null && uri.getPath().endsWith(".xml")) {
                for (String inner : locs(client, uri)) {
                    pages.add(URI.create(inner));
                }
            } else {
                pages.add(uri);
            }
        }
        return pages;
    }

    private static List<String> locs(PoliteClient client, URI sitemap) throws IOException {
        try {
            if (!client.settings().allowsHost(sitemap)) {
                throw new IOException("sitemap " + sitemap + " is on a host not allowed");
            }
            Exchange ex = client.get(sitemap, Map.of());
            if (ex.status() != 200) {
                throw new IOException("sitemap " + sitemap + " answered HTTP " + ex.status());
            }
            String xml = new String(client.decoded(ex), StandardCharsets.UTF_8);
            List<String> locs = new ArrayList<>();
            Matcher m = LOC.matcher(xml);
            while (m.find()) {
                locs.add(m.group(1).replace("&amp;", "&"));
            }
            return locs;
        } catch (FetchFailure f) {
            throw new IOException("sitemap " + sitemap + ": " + f.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted");
        }
    }
}
