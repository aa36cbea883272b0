package org.gardpipeline.export;

import java.util.EnumSet;
import java.util.Set;
import org.gardpipeline.model.Format;

/**
 * Who published the documents of a format, and under which licence: what the Data Package must say so that
 * a researcher can cite and reuse the data. The document format decides it, since a fetch's free-text source
 * may say nothing of it.
 */
enum Publisher {
    /** GARD's own pages and answers: works of the US government (NIH/NCATS), in the public domain in the US. */
    GARD("NIH Genetic and Rare Diseases Information Center (GARD)", "https://rarediseases.info.nih.gov",
            EnumSet.of(Format.ANSWER_TEXT, Format.GARD_2022_HTML, Format.QA_HTML, Format.API_JSON),
            new Licence("other-pd", "U.S. Government Work (public domain in the United States, 17 U.S.C. 105)",
                    "https://www.usa.gov/government-works")),
    /** MedQuAD's GARD question-answer pairs, redistributed by its authors under CC BY 4.0. */
    MEDQUAD("MedQuAD (Ben Abacha and Demner-Fushman, 2019), built from GARD question-and-answer pages",
            "https://github.com/abachaa/MedQuAD", EnumSet.of(Format.MEDQUAD_XML),
            new Licence("CC-BY-4.0", "Creative Commons Attribution 4.0 International",
                    "https://creativecommons.org/licenses/by/4.0/"));

    /** A licence as the Data Package profile describes one: an Open Definition id, a title and a URL. */
    record Licence(String name, String title, String path) {
    }

    private final String title;
    private final String path;
    private final Set<Format> formats;
    private final Licence licence;

    Publisher(String title, String path, Set<Format> formats, Licence licence) {
        this.title = title;
        this.path = path;
        this.formats = formats;
        this.licence = licence;
    }

    String title() {
        return title;
    }

    String path() {
        return path;
    }

    Licence licence() {
        return licence;
    }

    /** The publisher of a document format, by its key; every format the parsers know has one. */
    static Publisher of(String format) {
        for (Publisher p : values()) {
            if (p.formats.stream().anyMatch(f -> f.key().equals(format))) {
                return p;
            }
        }
        throw new IllegalArgumentException("no publisher known for document format " + format);
    }
}
