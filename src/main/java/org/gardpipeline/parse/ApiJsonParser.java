package org.gardpipeline.parse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gardpipeline.model.Answer;
import org.gardpipeline.model.Format;
import org.gardpipeline.model.Page;
import org.gardpipeline.model.Phenotype;

/**
 * Parses a record of GARD's former API ({@code api/diseases/<id>}, 2010-2020): the page (GARD id, name, other
 * names, the identifiers it lists), every answered question in its slot ({@link ApiAnswers}), with its date and
 * structured references, and the phenotype list. News, conferences, organisations and the other parts that are
 * no answer are not read, so a change to them is no change of the page's answers.
 */
final class ApiJsonParser implements PageParser {
    private static final String FORMAT = Format.API_JSON.key();
    /** Jackson's reader is thread-safe once configured; one serves every parse. */
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final Pattern PAGE_URL = Pattern.compile("/diseases/(\\d+)/([^/?#]+)");

    @Override
    public Page parse(String text, String name) throws ParseException {
        JsonNode record = read(text);
        JsonNode main = ApiFields.object(record, "mainPropery", "record");
        if (main == null) {
            throw new ParseException(FORMAT + " record has no mainPropery (the disease it is about)");
        }
        Long id = ApiFields.id(main, "diseaseId", "mainPropery");
        if (id == null || id <= 0) {
            throw new ParseException(FORMAT + " record has no mainPropery.diseaseId (the disease's GARD id)");
        }
        String title = Texts.inline(nullToEmpty(ApiFields.text(main, "diseaseName", "mainPropery")));
        if (title.isEmpty()) {
            throw new ParseException(FORMAT + " record " + id + " has no mainPropery.diseaseName");
        }
        List<String> synonyms = synonyms(main, title);
        Set<String> names = new HashSet<>();
        names.add(Texts.nameKey(title));
        synonyms.forEach(s -> names.add(Texts.nameKey(s)));
        ApiReferences references = new ApiReferences();
        references.index(ApiFields.objects(record, "references", "record"), "references");
        List<Answer> answers = ApiAnswers.of(record, title, names::contains, references);
        return new Page(Format.API_JSON, id.toString(), slug(main, id), title, synonyms, null, facts(record, main),
                answers, List.of(), phenotypes(record));
    }

    private static JsonNode read(String text) throws ParseException {
        try {
            JsonNode root = JSON.readTree(text);
            if (root == null || !root.isObject()) {
                throw new ParseException(FORMAT + " is not a JSON object");
            }
            return root;
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr();
            throw new ParseException(FORMAT + " is not well-formed JSON (cut short in saving?): "
                    + Texts.inline(e.getOriginalMessage()) + where, e);
        }
    }

    private static List<String> synonyms(JsonNode main, String title) throws ParseException {
        Set<String> synonyms = new LinkedHashSet<>();
        for (String s : ApiFields.texts(main, "synonyms", "mainPropery")) {
            String synonym = Texts.inline(s);
            if (!synonym.isEmpty() && !synonym.equals(title)) {
                synonyms.add(synonym);
            }
        }
        return List.copyOf(synonyms);
    }

    private static String slug(JsonNode main, long id) throws ParseException {
        String url = ApiFields.text(main, "websiteUrl", "mainPropery");
        Matcher m = url == null ? null : PAGE_URL.matcher(url);
        return m != null && m.find() && m.group(1).equals(Long.toString(id)) ? m.group(2) : null;
    }

    /** The identifiers the page lists (OMIM, ORPHANET, UMLS, ...) and its categories. */
    private static Map<String, String> facts(JsonNode record, JsonNode main) throws ParseException {
        Map<String, String> facts = new LinkedHashMap<>();
        List<String> identifiers = new ArrayList<>();
        for (JsonNode i : ApiFields.objects(main, "identifiers", "mainPropery")) {
            String type = ApiFields.text(i, "identifierType", "mainPropery.identifiers");
            String value = ApiFields.text(i, "identifierId", "mainPropery.identifiers");
            if (type != null && value != null && !value.isBlank()) {
                identifiers.add(Texts.inline(type) + ":" + Texts.inline(value));
            }
        }
        put(facts, "identifiers", identifiers);
        List<String> categories = new ArrayList<>();
        for (JsonNode c : ApiFields.objects(record, "diseaseCategories", "record")) {
            String category = ApiFields.text(c, "diseaseTypeName", "diseaseCategories");
            if (category != null && !category.isBlank()) {
                categories.add(Texts.inline(category));
            }
        }
        put(facts, "categories", categories);
        return facts;
    }

    private static void put(Map<String, String> facts, String key, List<String> values) {
        if (!values.isEmpty()) {
            facts.put(key, String.join("; ", values));
        }
    }

    /** The phenotype list: each term with its frequency as stated ("Very frequent (80%-99%)"). */
    private static List<Phenotype> phenotypes(JsonNode record) throws ParseException {
        List<Phenotype> phenotypes = new ArrayList<>();
        for (JsonNode p : ApiFields.objects(record, "phenoTypes", "record")) {
            String term = Texts.inline(nullToEmpty(ApiFields.text(p, "phenoTypeName", "phenoTypes")));
            if (term.isEmpty()) {
                continue;
            }
            String stated = Texts.inline(nullToEmpty(ApiFields.text(p, "frequencyText", "phenoTypes")));
            String range = Texts.inline(nullToEmpty(ApiFields.text(p, "percentRanges", "phenoTypes")));
            range = range.equals("-") ? "" : range;
            String frequency = stated.isEmpty() ? range : range.isEmpty() ? stated : stated + " (" + range + ")";
            phenotypes.add(new Phenotype(term, frequency.isEmpty() ? null : frequency));
        }
        return phenotypes;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
