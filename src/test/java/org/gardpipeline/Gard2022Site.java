package org.gardpipeline;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The 50 small real GARD 2022 pages kept under src/test/resources/gard-2022-site/, with their GARD ids. */
public final class Gard2022Site {
    /** One page: its GARD id, slug and bytes as the site served them. */
    public record Page(String id, String slug, byte[] bytes) {
        public String path() {
            return "/diseases/" + id + "/" + slug;
        }
    }

    private Gard2022Site() {
    }

    public static List<Page> pages() {
        List<Page> pages = new ArrayList<>();
        String index = new String(Fixtures.bytes("gard-2022-site/ids.tsv"), StandardCharsets.UTF_8);
        for (String line : index.strip().split("\n")) {
            String[] f = line.split("\t");
            pages.add(new Page(f[0], f[1], Fixtures.bytes("gard-2022-site/" + f[1] + ".html")));
        }
        return pages;
    }

    /**
     * Serves the pages the way GARD does: {@code /diseases/<id>} redirects to {@code /diseases/<id>/<slug>}; pages
     * with an even id go gzip-compressed to a client that accepts gzip. Every page has an ETag, and a request
     * with a matching If-None-Match gets a 304.
     */
    public static void serve(TestSite site, List<Page> pages) {
        for (Page p : pages) {
            site.on("/diseases/" + p.id(), (ex, n) -> TestSite.redirect(ex, 301, p.path()));
            String etag = "\"" + TestSite.sha256(p.bytes()).substring(0, 16) + "\"";
            site.on(p.path(), (ex, n) -> {
                ex.getResponseHeaders().set("ETag", etag);
                if (etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                    site.send(ex, 304, null, new byte[0]);
                } else if (Integer.parseInt(p.id()) % 2 == 0) {
                    site.sendMaybeGzip(ex, "text/html; charset=utf-8", p.bytes());
                } else {
                    site.send(ex, 200, "text/html; charset=utf-8", p.bytes());
                }
            });
        }
    }

}
