package org.gardpipeline.store;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.gardpipeline.model.Answer;
import org.gardpipeline.model.Reference;
import org.gardpipeline.model.Sha256;

/** Hashes of what a reader sees of an answer: its text, its date and its references. */
record ContentHash(String all, String text, String references) {

    static ContentHash of(Answer answer) {
        String text = sha256(answer.text());
        String refs = sha256(canonical(answer.references()));
        String date = answer.lastUpdated() == null ? "" : answer.lastUpdated().toString();
        return new ContentHash(sha256(text + "\n" + date + "\n" + refs), text, refs);
    }

    private static String canonical(List<Reference> references) {
        StringBuilder sb = new StringBuilder();
        for (Reference r : references) {
            sb.append(r.number()).append('\u001f').append(r.citation()).append('\u001f')
                    .append(nullToEmpty(r.url())).append('\u001f').append(nullToEmpty(r.pmid())).append('\u001f')
                    .append(nullToEmpty(r.doi())).append('\u001e');
        }
        return sb.toString();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    /**
     * A hash of the words a reader reads, as every source can carry them: the text without its citation markers
     * ({@code [2]}: sources number them their own way, MedQuAD dropped them), white space, quotation marks and
     * apostrophes, and every character outside printable ASCII. MedQuAD dropped those characters ("aren’t" is
     * "arent" there, "Ménière" "Mnire", "β-galactosidase" "-galactosidase"), so a text that differs from its
     * MedQuAD copy only by them is the same words; so is a text whose typography alone changed.
     */
    static String words(String text) {
        String unmarked = CITATION_MARKERS.matcher(text).replaceAll("");
        StringBuilder kept = new StringBuilder(unmarked.length());
        for (int i = 0; i < unmarked.length(); i++) {
            char c = unmarked.charAt(i);
            if (c > ' ' && c < 0x7F && c != '\'' && c != '"' && c != '`') {
                kept.append(c);
            }
        }
        return sha256(kept.toString());
    }

    private static final java.util.regex.Pattern CITATION_MARKERS = java.util.regex.Pattern.compile("\\[\\d{1,3}]");

    static String sha256(String s) {
        return Sha256.hex(s.getBytes(StandardCharsets.UTF_8));
    }
}
