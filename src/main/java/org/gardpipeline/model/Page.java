package org.gardpipeline.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the parsers extract from one document: one disease page with its answers.
 *
 * @param format     the format the document was recognised as
 * @param gardId     the GARD id when the document carries one, else null
 * @param slug       the page's URL slug when known, else null
 * @param title      the page title (the disease name)
 * @param synonyms   other names of the disease, each once, in page order
 * @param inquiry    the inquirer's question that a published answer responds to, else null
 * @param facts      page-level facts (population estimate, categories, age of onset), in page order
 * @param answers    the answers in page order, each with a slot key unique on the page
 * @param references the page's reference list in order
 * @param phenotypes the signs and symptoms the page lists apart from its answers, in page order
 */
public record Page(Format format, String gardId, String slug, String title, List<String> synonyms,
                   String inquiry, Map<String, String> facts, List<Answer> answers,
                   List<Reference> references, List<Phenotype> phenotypes) {
    public Page {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(title, "title");
        synonyms = List.copyOf(synonyms);
        facts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(facts));
        answers = List.copyOf(answers);
        references = List.copyOf(references);
        phenotypes = List.copyOf(phenotypes);
    }

    /** A page that lists no phenotypes apart from its answers. */
    public Page(Format format, String gardId, String slug, String title, List<String> synonyms, String inquiry,
                Map<String, String> facts, List<Answer> answers, List<Reference> references) {
        this(format, gardId, slug, title, synonyms, inquiry, facts, answers, references, List.of());
    }
}
