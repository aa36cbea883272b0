package org.gardpipeline.model;

/** The document formats the pipeline recognises by content. */
public enum Format {
    /** A GARD answer published as plain text (site header, title, questions, sign-off, references). */
    ANSWER_TEXT("answer-text"),
    /** A page of the GARD site as saved in 2022 (Angular/Scully pre-rendered HTML). */
    GARD_2022_HTML("gard-2022-html"),
    /** A MedQuAD document built from the earlier question-and-answer GARD site. */
    MEDQUAD_XML("medquad-xml"),
    /** A GARD question-and-answer page saved as HTML (the layout of the text answer). */
    QA_HTML("qa-html");

    private final String key;

    Format(String key) {
        this.key = key;
    }

    /** The name used in the database and in JSON. */
    public String key() {
        return key;
    }
}
