package org.gardpipeline.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Other names of pages, by GARD id, as one source gives them (GARD's list of its pages names each page and its
 * synonyms): names, not answers, recorded beside the names the pages' own documents give.
 *
 * @param source   where the names come from ({@link #SITE_LIST})
 * @param byGardId each page's names, in the source's order
 */
public record PageNames(String source, Map<Long, List<String>> byGardId) {
    /** GARD's list of its disease pages, {@code assets/diseases.trimmed.json}. */
    public static final String SITE_LIST = "site-list";
    /** No names: a fetch that holds no list. */
    public static final PageNames NONE = new PageNames(SITE_LIST, Map.of());

    public PageNames {
        Objects.requireNonNull(source, "source");
        Map<Long, List<String>> copy = new LinkedHashMap<>();
        byGardId.forEach((id, names) -> copy.put(id, List.copyOf(names)));
        byGardId = java.util.Collections.unmodifiableMap(copy);
    }
}
