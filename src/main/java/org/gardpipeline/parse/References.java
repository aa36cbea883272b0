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

    /** What every PubMed id match starts with, in ASCII lower case. */
    private static final String[] PMID_STARTS = {"pmid", "pubmed/", "pubmed.ncbi.nlm.nih.gov/", "list_uids="};

    /** The reference numbered {@code number} with the given citation text, normalised to one line. */
    public static Reference of(int number, String citation) {
        String text = Texts.inline(citation);
        String lower = asciiLowerCase(text);
        return new Reference(number, text, first(URL, text, text.indexOf("http"), 0),
                first(PMID, text, earliest(lower, PMID_STARTS), 1), first(DOI, text, text.indexOf("10."), 1));
    }

    /**
     * The pattern's first match in the text, searched from {@code from}: the earliest place a match can start,
     * found with indexOf, for the regular expressions are slow to try at every place of a long citation.
     */
    private static String first(Pattern pattern, String text, int from, int group) {
        if (from < 0) {
            return null;
        }
        Matcher m = pattern.matcher(text);
        return m.find(from) ? trimTrailingPunctuation(m.group(group)) : null;
    }

    private static int earliest(String text, String[] starts) {
        int first = -1;
        for (String start : starts) {
            int at = text.indexOf(start);
            if (at >= 0 && (first < 0 || at < first)) {
                first = at;
            }
        }
        return first;
    }

    /** A-Z to a-z and nothing else, as the patterns' (?i) matches: same length, same indexes. */
    private static String asciiLowerCase(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] >= 'A' && chars[i] <= 'Z') {
                chars[i] += 'a' - 'A';
            }
        }
        return new String(chars);
    }

    private static String trimTrailingPunctuation(String s) {
        int end = s.length();
        while (end > 0 && ".,;:)]".indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        return s.substring(0, end);
    }
}
