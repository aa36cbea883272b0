package org.gardpipeline.export;

import static org.gardpipeline.export.Field.bool;
import static org.gardpipeline.export.Field.date;
import static org.gardpipeline.export.Field.fetchTime;
import static org.gardpipeline.export.Field.integer;
import static org.gardpipeline.export.Field.string;

import java.util.List;
import org.gardpipeline.export.Table.ForeignKey;
import org.gardpipeline.store.Dataset;

/** The eight CSV datasets of the export, described once for the files, the Data Package and docs/data.md. */
public final class Tables {
    private static final Field PAGE_KEY = string("page_key", "stable key of the page: gard-<GARD id>, or name-<title> for a page known only by name");
    private static final Field SLOT_KEY = string("slot_key", "key of the answer slot on its page: the topic for GARD's standard questions, q:<question> otherwise");
    private static final Field TOPIC = string("topic", "summary, symptoms, causes, inheritance, diagnosis, treatment, prognosis or other");
    private static final Field QUESTION = string("question", "the question (or section heading) as GARD wrote it");
    private static final Field ANSWER_TEXT = string("answer_text", "the answer as a reader saw it; paragraphs separated by a blank line");
    private static final Field LAST_UPDATED = date("last_updated", "the last-updated date GARD stated for the answer, if any");

    private static final Field ANSWER_SHA256 = string("answer_sha256", "SHA-256 of answer_text (UTF-8), to compare texts without reading them");
    private static final Field WORD_COUNT = integer("word_count", "words in answer_text");

    public static final List<Table> ALL = List.of(
            new Table("fetches.csv", Dataset.FETCHES, "One row per ingested fetch of GARD pages.", List.of(
                    integer("fetch_id", "id of the fetch"),
                    fetchTime("fetched_at", "when the pages were fetched"),
                    string("label", "label of the fetch, from its folder name after the date; empty when none"),
                    bool("complete", "true when the fetch covered the whole site, so a page missing from it was removed"),
                    integer("documents", "documents in the fetch"),
                    integer("parsed", "documents parsed into a page"),
                    integer("quarantined", "documents that could not be parsed (see quarantine.csv)"),
                    integer("added", "answer slots seen for the first time"),
                    integer("changed", "answer slots whose text, date or references changed"),
                    integer("removed", "answer slots that disappeared"),
                    integer("restored", "answer slots that came back after being removed"),
                    string("source", "where the fetch came from, when stated"),
                    new Field("seconds", "number", "wall time of the fetch's ingest, in seconds"),
                    integer("reused", "documents whose exact bytes were parsed in an earlier fetch, so not parsed again")),
                    List.of("fetch_id"), List.of()),
            new Table("pages.csv", Dataset.PAGES, "One row per disease page.", List.of(
                    PAGE_KEY,
                    string("gard_id", "the GARD id, stable across site redesigns; empty for pages known only by name"),
                    string("slug", "the URL slug of the page"),
                    string("title", "the disease name, as last seen"),
                    string("synonyms", "other names of the disease, joined with '; ', as last seen"),
                    fetchTime("first_seen", "the first fetch that held the page"),
                    fetchTime("last_seen", "the last fetch that held the page"),
                    string("url", "the page's address on the GARD site, when its GARD id and slug are known")),
                    List.of("page_key"), List.of()),
            new Table("answers.csv", Dataset.CURRENT_ANSWERS, "One row per answer slot as it stands now.", List.of(
                    PAGE_KEY,
                    string("gard_id", "the GARD id of the page, if known"),
                    string("page_title", "the disease name"),
                    SLOT_KEY, TOPIC, QUESTION, ANSWER_TEXT, LAST_UPDATED,
                    fetchTime("first_seen", "the first fetch that held the answer"),
                    fetchTime("last_changed", "the fetch from which the current version is valid"),
                    integer("versions", "how many versions the answer has had"),
                    ANSWER_SHA256, WORD_COUNT,
                    string("url", "the page's address on the GARD site, when its GARD id and slug are known")),
                    List.of("page_key", "slot_key"),
                    List.of(new ForeignKey(List.of("page_key"), "pages", List.of("page_key")))),
            new Table("answer_versions.csv", Dataset.ANSWER_VERSIONS, "One row per version of an answer.", List.of(
                    integer("version_id", "id of the version"),
                    PAGE_KEY, SLOT_KEY, TOPIC, QUESTION, ANSWER_TEXT, LAST_UPDATED,
                    fetchTime("valid_from", "the fetch from which this was the answer"),
                    fetchTime("valid_to", "the fetch that replaced it; empty while it is the newest"),
                    ANSWER_SHA256, WORD_COUNT,
                    string("notes", "data-quality notes: citations with no reference, references cited by no answer")),
                    List.of("version_id"),
                    List.of(new ForeignKey(List.of("page_key"), "pages", List.of("page_key")))),
            new Table("answer_changes.csv", Dataset.ANSWER_CHANGES, "One row per change event of an answer slot in a fetch.", List.of(
                    integer("fetch_id", "the fetch in which the change was seen"),
                    fetchTime("fetched_at", "when that fetch was taken"),
                    PAGE_KEY, SLOT_KEY, TOPIC,
                    string("change", "added, changed, removed or restored"),
                    bool("text_changed", "the answer text differs from the previous version"),
                    bool("date_changed", "the stated last-updated date differs from the previous version"),
                    bool("references_changed", "the cited references differ from the previous version"),
                    integer("from_version", "the version before the change; empty for added"),
                    integer("to_version", "the version after the change; empty for removed"),
                    bool("layout_changed", "the page came in another format or markup layout (the outline of its "
                            + "content area) in this fetch than in the fetch before that showed it; false when either "
                            + "layout is unknown (parsed before layouts were kept)")),
                    List.of("fetch_id", "page_key", "slot_key"),
                    List.of(new ForeignKey(List.of("fetch_id"), "fetches", List.of("fetch_id")),
                            new ForeignKey(List.of("page_key"), "pages", List.of("page_key")),
                            new ForeignKey(List.of("from_version"), "answer-versions", List.of("version_id")),
                            new ForeignKey(List.of("to_version"), "answer-versions", List.of("version_id")))),
            new Table("references.csv", Dataset.REFERENCES, "One row per reference a version carries.", List.of(
                    integer("version_id", "the version that carries the reference"),
                    integer("number", "its number in the page's reference list, as cited by [n]"),
                    string("citation", "the full citation text"),
                    string("url", "the first URL in the citation"),
                    string("pmid", "the PubMed id, when present"),
                    string("doi", "the DOI, when present"),
                    string("authors", "the authors, when the source keeps the reference's parts apart (GARD's API)"),
                    string("title", "the article's or page's title, when the source keeps it apart"),
                    string("container", "the journal, book or website, when the source keeps it apart"),
                    string("published", "the date of publication as written, when the source keeps it apart"),
                    string("volume", "volume and issue, when the source keeps them apart"),
                    string("pages", "page range, when the source keeps it apart")),
                    List.of("version_id", "number"),
                    List.of(new ForeignKey(List.of("version_id"), "answer-versions", List.of("version_id")))),
            new Table("phenotypes.csv", Dataset.PHENOTYPES, "One row per sign or symptom (Human Phenotype Ontology term) "
                    + "a page listed apart from its answers, for each run of fetches that listed the same list.", List.of(
                    PAGE_KEY,
                    string("gard_id", "the GARD id of the page, if known"),
                    string("page_title", "the disease name"),
                    integer("position", "the term's place in the page's list, 1 for the first"),
                    string("term", "the term as the page names it"),
                    string("frequency", "how often it occurs, as the page states it; empty when it states none"),
                    fetchTime("listed_from", "the first fetch of the run that listed it so"),
                    fetchTime("listed_to", "the last fetch of that run"),
                    integer("fetches", "how many fetches the run covers")),
                    List.of("page_key", "listed_from", "position"),
                    List.of(new ForeignKey(List.of("page_key"), "pages", List.of("page_key")))),
            new Table("quarantine.csv", Dataset.QUARANTINE, "One row per document that could not be parsed.", List.of(
                    integer("fetch_id", "the fetch the document belongs to"),
                    string("path", "the document's path inside the fetch"),
                    string("reason", "why it could not be parsed")),
                    List.of("fetch_id", "path"),
                    List.of(new ForeignKey(List.of("fetch_id"), "fetches", List.of("fetch_id")))));

    private Tables() {
    }
}
