package org.gardpipeline.parse;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Text normalisation shared by every parser, so that equal reader-visible text is equal as a string. */
public final class Texts {
    private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\n\\s*\\n");
    private static final Pattern CITATION = Pattern.compile("\\[(\\d{1,3})]");
    private static final Pattern NON_ALNUM = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern EDGE_DASHES = Pattern.compile("^-+|-+$");

    private Texts() {
    }

    /** One line of text: NFC, every run of whitespace (no-break spaces included) as one space, trimmed. */
    public static String inline(String text) {
        // Normalizer copies even ASCII text, which is most of what the parsers pass here.
        String nfc = isAscii(text) ? text : Normalizer.normalize(text, Normalizer.Form.NFC);
        return collapseSpaces(nfc).strip();
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /**
     * Every run of {@link #isInlineSpace} characters as one space; the same string when there is nothing to
     * change. By hand rather than with a regex replace, which copies every string and was a hot spot.
     */
    private static String collapseSpaces(String text) {
        StringBuilder out = null;
        int copied = 0;
        for (int i = 0; i < text.length(); i++) {
            if (!isInlineSpace(text.charAt(i))) {
                continue;
            }
            int end = i + 1;
            while (end < text.length() && isInlineSpace(text.charAt(end))) {
                end++;
            }
            if (text.charAt(i) != ' ' || end - i > 1) {
                if (out == null) {
                    out = new StringBuilder(text.length());
                }
                // the stretch since the last run goes in whole: a character at a time was a hot spot
                out.append(text, copied, i).append(' ');
                copied = end;
            }
            i = end - 1;
        }
        return out == null ? text : out.append(text, copied, text.length()).toString();
    }

    /** True when the text is empty once made {@link #inline}, found without building that copy. */
    public static boolean isBlank(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isInlineSpace(c) && !Character.isWhitespace(c)) {
                return false;
            }
        }
        return true;
    }

    /** Regex {@code \s} (ASCII whitespace), the no-break spaces and the zero-width space. */
    private static boolean isInlineSpace(char c) {
        return c == ' ' || c >= '\t' && c <= '\r' || c == '\u00A0' || c == '\u2007' || c == '\u202F' || c == '\u200B';
    }

    /** Paragraphs joined by one blank line, each paragraph made {@link #inline}; empty ones dropped. */
    public static String paragraphs(List<String> paragraphs) {
        List<String> kept = new ArrayList<>();
        for (String p : paragraphs) {
            String line = inline(p);
            if (!line.isEmpty()) {
                kept.add(line);
            }
        }
        return String.join("\n\n", kept);
    }

    /**
     * Lines as a reader reads them: consecutive non-blank lines are one paragraph, joined by a space, and a blank line
     * ends one. The lines are taken as given (each already {@link #inline}).
     */
    static List<String> paragraphsOfLines(List<String> lines) {
        List<String> paragraphs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : lines) {
            if (line.isEmpty()) {
                if (current.length() > 0) {
                    paragraphs.add(current.toString());
                    current.setLength(0);
                }
            } else {
                current.append(current.length() == 0 ? "" : " ").append(line);
            }
        }
        if (current.length() > 0) {
            paragraphs.add(current.toString());
        }
        return paragraphs;
    }

    /** Splits text on blank lines (any line ending) into normalised paragraphs. */
    public static String paragraphs(String text) {
        String unix = text.replace("\r\n", "\n").replace('\r', '\n');
        return paragraphs(List.of(PARAGRAPH_BREAK.split(unix)));
    }

    /** The {@code [n]} citation numbers in the text, in order of first use, each once. */
    public static List<Integer> citations(String text) {
        Set<Integer> seen = new LinkedHashSet<>();
        Matcher m = CITATION.matcher(text);
        while (m.find()) {
            seen.add(Integer.parseInt(m.group(1)));
        }
        return List.copyOf(seen);
    }

    /** A name reduced for matching: lower case, accents and punctuation ignored, words joined by '-'. */
    public static String nameKey(String name) {
        String decomposed = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFKD)).replaceAll("");
        return EDGE_DASHES.matcher(NON_ALNUM.matcher(decomposed.toLowerCase(Locale.ROOT)).replaceAll("-")).replaceAll("");
    }
}
