package org.gardpipeline.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gardpipeline.model.Phenotype;

/**
 * The phenotype table that MedQuAD flattened into the end of a symptoms answer: the question-and-answer page showed
 * the Human Phenotype Ontology's list of signs and symptoms as a table under the answer, and MedQuAD kept it as one
 * run of text ("... Signs and Symptoms Approximate number of patients (when available) Abnormal facial shape 90%
 * Ataxia - ... The Human Phenotype Ontology (HPO) has collected information ... may be rare or common."). Of the
 * 2,243 symptoms answers that hold one, 1,917 are nothing but the table.
 *
 * <p>The table is the page's phenotype list, not the answer's words: it is taken out of the text, so that the
 * symptoms answer is compared with the other eras' answers on its own words, and read as {@link Phenotype}s.
 */
final class MedQuadPhenotypes {
    private static final String INTRO = "The Human Phenotype Ontology provides the following list of signs and symptoms";
    private static final String HEADER = "Signs and Symptoms Approximate number of patients (when available)";
    private static final String EXPLAINER = "The Human Phenotype Ontology (HPO) has collected information";
    private static final String EXPLAINER_END = "may be rare or common.";
    /** A term and its frequency: "-" (none stated), "90%", "7.5%", "25/25" or "3 of 4". */
    private static final Pattern ITEM = Pattern.compile("(.+?) (-|\\d+(?:\\.\\d+)?%|\\d+/\\d+|\\d+ of \\d+)(?: |$)");

    /** The answer's own words and the table's phenotypes. */
    record Split(String text, List<Phenotype> phenotypes) {
    }

    private MedQuadPhenotypes() {
    }

    /**
     * The answer without its table, and the table read; the answer as it is, with no phenotypes, when it holds
     * no table.
     *
     * @throws ParseException when the table is there but its rows cannot be read as terms with frequencies
     */
    static Split split(String answer, String where) throws ParseException {
        int intro = answer.indexOf(INTRO);
        if (intro < 0) {
            return new Split(answer, List.of());
        }
        int header = answer.indexOf(HEADER, intro);
        int explainer = header < 0 ? -1 : answer.indexOf(EXPLAINER, header);
        int end = explainer < 0 ? -1 : answer.indexOf(EXPLAINER_END, explainer);
        if (end < 0) {
            throw new ParseException("medquad-xml " + where + " starts a phenotype table but lacks its "
                    + (header < 0 ? "header '" + HEADER + "'" : "closing explanation '" + EXPLAINER + " ... " + EXPLAINER_END + "'"));
        }
        List<Phenotype> phenotypes = rows(answer.substring(header + HEADER.length(), explainer).strip(), where);
        String text = answer.substring(0, intro).strip() + " " + answer.substring(end + EXPLAINER_END.length()).strip();
        return new Split(text.strip(), phenotypes);
    }

    private static List<Phenotype> rows(String table, String where) throws ParseException {
        List<Phenotype> phenotypes = new ArrayList<>();
        Matcher m = ITEM.matcher(table);
        int at = 0;
        while (at < table.length()) {
            if (!m.find(at) || m.start() != at) {
                throw new ParseException("medquad-xml " + where + " has a phenotype table row that is no term with a "
                        + "frequency: '" + abbreviated(table.substring(at)) + "'");
            }
            String frequency = m.group(2);
            phenotypes.add(new Phenotype(m.group(1).strip(), frequency.equals("-") ? null : frequency));
            at = m.end();
        }
        return phenotypes;
    }

    private static String abbreviated(String s) {
        return s.length() <= 80 ? s : s.substring(0, 80) + "...";
    }
}
