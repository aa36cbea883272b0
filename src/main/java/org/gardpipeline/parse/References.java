package org.gardpipeline.parse;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gardpipeline.model.Reference;

/** Builds a {@link Reference} from citation text, picking out its URL, PubMed id and DOI. */
public final class References {
    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"]+");
    private static final Pattern PMID = Pattern.compile(
            "(?i)(?:PMID:?\\s*|pubmed/|pubmed\\.ncbi\\.nlm\\.nih\\.gov/|list_uids=)(\\d{1,9})");
    private static final Pattern DOI = Pattern.compile("(?i)\\b(10\\.\\d{4,9}/[^\\s\"<>]+)");

    private References() {
    }

    /** The reference numbered {@code number} with the given citation text, normalised to one line. */
    public static Reference of(int number, String citation) {
        String text = Texts.inline(citation);
        return new Reference(number, text, first(URL, text, 0), first(PMID, text, 1), first(DOI, text, 1));
    }

    private static String first(Pattern pattern, String text, int group) {
        Matcher m = pattern.matcher(text);
        return m.find() ? trimTrailingPunctuation(m.group(group)) : null;
    }

    private static String trimTrailingPunctuation(String s) {
        int end = s.length();
        while (end > 0 && ".,;:)]".indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        return s.substring(0, end);
    }
}
