package org.gardpipeline.model;

/** The document formats the pipeline recognises by content. */
public enum Format {
    /** A GARD answer published as plain text (site header, title, questions, sign-off, references). */
    ANSWER_TEXT("answer-text", false),
    /** A page of the GARD site as saved in 2022 (Angular/Scully pre-rendered HTML). */
    GARD_2022_HTML("gard-2022-html", true),
    /** A MedQuAD document built from the earlier question-and-answer GARD site. */
    MEDQUAD_XML("medquad-xml", true),
    /** A GARD question-and-answer page saved as HTML (the layout of the text answer). */
    QA_HTML("qa-html", true),
    /**
     * A record of GARD's former API (2010-2020), one JSON object per disease: the data the question-and-answer
     * pages were rendered from, with every answered question, its date and its structured references.
     */
    API_JSON("gard-api-json", true);

    private final String key;
    private final boolean wholePage;

    Format(String key, boolean wholePage) {
        this.key = key;
        this.wholePage = wholePage;
    }

    /**
     * True when a document of this format shows every answer of its page, so an answer missing from it was
     * removed; a published plain-text answer holds only the answers to one inquiry.
     */
    public boolean wholePage() {
        return wholePage;
    }

    /** The name used in the database and in JSON. */
    public String key() {
        return key;
    }
}
