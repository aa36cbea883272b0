package org.gardpipeline.parse;

import java.util.OptionalInt;
import org.gardpipeline.model.Format;

/**
 * The version of each parser's output, stored with every parse result ({@code parse_result.parser_version}). A
 * parse is kept under its document's bytes and taken for the same bytes in later fetches, so a parser whose output
 * changed would otherwise leave the old output standing beside the new, and the difference would read as GARD's
 * edit. A run that finds parse results of another version derives the history again from the raw documents
 * (DESIGN.md, "Parser versions").
 *
 * <p>Bump a format's number in the commit that changes what its parser gives for any document that parsed before
 * (its page, answers, dates, references, names, facts or layout, or whether it is quarantined); a change that moves
 * no parse (ParseDigest over the corpus says so) keeps it. A change of the detector or the decoder bumps every format
 * it can move. A new format gets a line of its own, starting at 1: the switch has no default, so it cannot be
 * forgotten.
 */
public final class ParserVersions {
    private ParserVersions() {
    }

    /** The version of the parser of this format; 1 is the parsers of the release before versions were kept. */
    public static int of(Format format) {
        return switch (format) {
            // 2: the question templates take "What are symptoms of X?" and "How might X be diagnosed?" too
            case ANSWER_TEXT -> 2;
            // 2: the Symptoms section's terms are also the page's phenotype list
            case GARD_2022_HTML -> 2;
            // 2: the phenotype table is read apart from the symptoms answer; a heading that is not its topic's
            // standard question is a slot of its own
            case MEDQUAD_XML -> 2;
            // (the question templates' change above reaches MedQuAD and the API too: both are new in this release)
            case QA_HTML -> 2;
            case API_JSON -> 1;
        };
    }

    /**
     * The version a quarantined document's result carries: the sum of every format's version. It grows whenever
     * any parser changes or a format is added (either may read a document that was refused before), so a quarantine
     * is decided again by the next run after either. 4 is the four parsers at 1 of the release before.
     */
    public static int ofQuarantine() {
        int sum = 0;
        for (Format f : Format.values()) {
            sum += of(f);
        }
        return sum;
    }

    /**
     * The current version for a stored result's format key, null for a quarantined one; empty for a key this build
     * does not know (a database written by a newer build: its parses are not this build's to judge).
     */
    public static OptionalInt ofKey(String formatKey) {
        if (formatKey == null) {
            return OptionalInt.of(ofQuarantine());
        }
        for (Format f : Format.values()) {
            if (f.key().equals(formatKey)) {
                return OptionalInt.of(of(f));
            }
        }
        return OptionalInt.empty();
    }
}
