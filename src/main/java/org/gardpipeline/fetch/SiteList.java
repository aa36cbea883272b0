package org.gardpipeline.fetch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.gardpipeline.archive.FetchFolderLayout;

/**
 * GARD's own list of its disease pages, as the site's app loads it ({@value #PATH}): a JSON array of records
 * {@code {id, name, encodedName, synonyms?, ...}}, each page at {@code /diseases/<id>/<encodedName>}. Ids are
 * stable; slugs change over the years, so the list, not an old fetch, says where each page is today.
 *
 * @param uri     where the list was fetched from
 * @param bytes   the list exactly as decoded from the response, kept in the fetch's WARC
 * @param entries the records, in the list's order
 */
public record SiteList(URI uri, byte[] bytes, List<Entry> entries) {
    /** The list's path on the site. */
    public static final String PATH = FetchFolderLayout.SITE_LIST_PATH;
    /** A slug is one URL path segment of unreserved characters; no dot, so never {@code ..}. */
    private static final Pattern SLUG = Pattern.compile("[A-Za-z0-9_~-]+");
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One page the list names.
     *
     * @param id          the GARD id
     * @param name        the page's name
     * @param encodedName the slug of its URL
     * @param synonyms    its other names, as the list gives them (empty when none)
     */
    public record Entry(long id, String name, String encodedName, List<String> synonyms) {
    }

    public SiteList {
        bytes = bytes.clone();
        entries = List.copyOf(entries);
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The list's URL on a site. */
    public static URI uri(String baseUrl) {
        return URI.create(trimmed(baseUrl) + PATH);
    }

    private static String trimmed(String baseUrl) {
        return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** The page URLs, {@code <base>/diseases/<id>/<encodedName>}, in the list's order. */
    public List<URI> pages(String baseUrl) {
        String base = trimmed(baseUrl);
        return entries.stream().map(e -> URI.create(base + "/diseases/" + e.id() + "/" + e.encodedName())).toList();
    }

    /** The ids the list names. */
    public Set<Long> ids() {
        Set<Long> ids = new LinkedHashSet<>();
        entries.forEach(e -> ids.add(e.id()));
        return ids;
    }

    /**
     * Reads a list; anything but a non-empty array of records each with a positive integer id and a slug is refused
     * with one line naming the URL and what is wrong, so a broken list never stands for the site.
     */
    public static SiteList parse(URI uri, byte[] bytes) throws SiteListException {
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new SiteListException("GARD's list " + uri + " is not valid JSON (" + bytes.length + " bytes, cut short?): "
                    + e.getOriginalMessage().lines().findFirst().orElse(""));
        } catch (java.io.IOException e) {
            throw new SiteListException("GARD's list " + uri + " cannot be read: " + e.getMessage());
        }
        if (root == null || !root.isArray()) {
            throw new SiteListException("GARD's list " + uri + " is not a JSON array of disease records");
        }
        if (root.isEmpty()) {
            throw new SiteListException("GARD's list " + uri + " is empty: it names no page");
        }
        List<Entry> entries = new ArrayList<>(root.size());
        Set<Long> seen = new LinkedHashSet<>();
        for (int i = 0; i < root.size(); i++) {
            JsonNode r = root.get(i);
            JsonNode id = r.get("id");
            JsonNode slug = r.get("encodedName");
            if (id == null || !id.canConvertToLong() || !id.isIntegralNumber() || id.asLong() <= 0) {
                throw new SiteListException("GARD's list " + uri + ": record " + (i + 1) + " has no positive integer id");
            }
            if (slug == null || !slug.isTextual() || !SLUG.matcher(slug.asText()).matches()) {
                throw new SiteListException("GARD's list " + uri + ": record " + (i + 1) + " (id " + id.asLong()
                        + ") has no usable encodedName: " + slug);
            }
            if (!seen.add(id.asLong())) {
                continue; // a page named twice is fetched once
            }
            List<String> synonyms = new ArrayList<>();
            JsonNode s = r.get("synonyms");
            if (s != null && s.isArray()) {
                s.forEach(n -> synonyms.add(n.asText()));
            }
            JsonNode name = r.get("name");
            entries.add(new Entry(id.asLong(), name == null ? null : name.asText(), slug.asText(), synonyms));
        }
        return new SiteList(uri, bytes, entries);
    }

    /**
     * Refuses a list that names fewer than nine tenths of the pages the last list named: a list cut short or
     * emptied by a fault of the site must not remove half the history. A real shrink is let through by the caller.
     */
    public void checkAgainst(Set<Long> lastIds, String lastWhere) throws SiteListException {
        if (lastIds.isEmpty()) {
            return;
        }
        long kept = lastIds.stream().filter(ids()::contains).count();
        if (kept * 10 < lastIds.size() * 9L) {
            throw new SiteListException("GARD's list " + uri + " names only " + kept + " of the " + lastIds.size()
                    + " pages the last list (" + lastWhere + ") named, fewer than nine tenths: nothing fetched; "
                    + "if GARD really removed them, fetch again with --allow-shrink");
        }
    }
}
