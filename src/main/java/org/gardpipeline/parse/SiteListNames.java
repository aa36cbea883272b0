package org.gardpipeline.parse;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.gardpipeline.model.PageNames;

/**
 * The names GARD's list of its disease pages ({@code assets/diseases.trimmed.json}: {@code [{id, name, encodedName,
 * synonyms?, ...}]}) gives each page: its name, then its synonyms, blank ones and repeats left out. A pure function
 * of the list's bytes, as every parser is; a list that is no JSON array of records with ids is refused.
 */
public final class SiteListNames {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SiteListNames() {
    }

    public static PageNames parse(byte[] bytes) throws ParseException {
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (IOException e) {
            throw new ParseException("GARD's list of pages is not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (root == null || !root.isArray()) {
            throw new ParseException("GARD's list of pages is not a JSON array of disease records");
        }
        Map<Long, List<String>> byId = new LinkedHashMap<>();
        for (JsonNode r : root) {
            JsonNode id = r.get("id");
            if (id == null || !id.isIntegralNumber() || id.asLong() <= 0) {
                throw new ParseException("GARD's list of pages: a record without a positive integer id: " + r);
            }
            List<String> names = byId.computeIfAbsent(id.asLong(), k -> new ArrayList<>());
            add(names, r.get("name"));
            JsonNode synonyms = r.get("synonyms");
            if (synonyms != null && synonyms.isArray()) {
                synonyms.forEach(s -> add(names, s));
            }
        }
        return new PageNames(PageNames.SITE_LIST, byId);
    }

    private static void add(List<String> names, JsonNode name) {
        if (name != null && name.isTextual()) {
            String text = Texts.inline(name.asText());
            if (!text.isEmpty() && !names.contains(text)) {
                names.add(text);
            }
        }
    }
}
