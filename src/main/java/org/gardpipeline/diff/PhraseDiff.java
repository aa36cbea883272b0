package org.gardpipeline.diff;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bitbucket.cowwoc.diffmatchpatch.DiffMatchPatch;
import org.bitbucket.cowwoc.diffmatchpatch.DiffMatchPatch.Diff;

/**
 * The difference between two versions of an answer as a person reads it: whole words, and runs of small
 * edits merged into one replaced passage. A plain word diff of a rewritten answer alternates one-word
 * deletions and insertions around every common "the" and "of"; diff-match-patch's semantic cleanup removes
 * such short equalities when the edits around them are longer, so a rewrite reads as a few replacements and an
 * edited sentence as that sentence.
 */
public final class PhraseDiff {
    /** What a run of text is in the newer version. */
    public enum Kind { KEPT, DELETED, INSERTED }

    /** A run of consecutive tokens (words and the whitespace between them) of one kind. */
    public record Run(Kind kind, String text) {
    }

    /** Words with their punctuation, and the whitespace between them: a diff never splits a word. */
    private static final Pattern TOKEN = Pattern.compile("\\s+|[^\\s]+");
    /**
     * Tokens are diffed as one character each. Private-use characters are neither letters, digits nor
     * whitespace, so the lossless step of the cleanup (which moves edits to word boundaries of real text)
     * finds no boundary to prefer and leaves the token boundaries where they are.
     */
    private static final char FIRST_CODE = '\uE000';
    private static final int PRIVATE_USE = Character.MAX_VALUE + 1 - FIRST_CODE;

    private PhraseDiff() {
    }

    public static List<Run> between(String older, String newer) {
        Map<String, Character> codes = new HashMap<>();
        List<String> vocabulary = new ArrayList<>();
        String a = encode(older, codes, vocabulary);
        String b = encode(newer, codes, vocabulary);
        DiffMatchPatch dmp = new DiffMatchPatch();
        // No time limit: with one, a slow machine could stop early and give another diff, and the report
        // must be the same on every run. Texts of a few thousand tokens take milliseconds.
        dmp.diffTimeout = 0;
        LinkedList<Diff> diffs = dmp.diffMain(a, b, false);
        dmp.diffCleanupSemantic(diffs);
        List<Run> runs = new ArrayList<>();
        for (Diff d : diffs) {
            Kind kind = switch (d.operation) {
                case EQUAL -> Kind.KEPT;
                case DELETE -> Kind.DELETED;
                case INSERT -> Kind.INSERTED;
            };
            add(runs, kind, decode(d.text, vocabulary));
        }
        return runs;
    }

    /** Each distinct token as one character (its index in the vocabulary, see {@link #code}). */
    private static String encode(String text, Map<String, Character> codes, List<String> vocabulary) {
        StringBuilder sb = new StringBuilder();
        Matcher m = TOKEN.matcher(text == null ? "" : text);
        while (m.find()) {
            Character code = codes.get(m.group());
            if (code == null) {
                code = code(vocabulary.size());
                codes.put(m.group(), code);
                vocabulary.add(m.group());
            }
            sb.append(code.charValue());
        }
        return sb.toString();
    }

    /**
     * The character of the n-th distinct token: the 8,192 characters from U+E000 first, then from U+0100 on
     * (an answer with more distinct words than that still diffs right, only its boundaries are not preferred);
     * never a surrogate, which would not be a character of its own.
     */
    private static char code(int n) {
        if (n < PRIVATE_USE) {
            return (char) (FIRST_CODE + n);
        }
        int c = 0x100 + n - PRIVATE_USE;
        if (c >= Character.MIN_SURROGATE) {
            throw new IllegalArgumentException("a text with over " + n + " distinct words is too long to diff");
        }
        return (char) c;
    }

    private static int index(char code) {
        return code >= FIRST_CODE ? code - FIRST_CODE : code - 0x100 + PRIVATE_USE;
    }

    private static String decode(String codes, List<String> vocabulary) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < codes.length(); i++) {
            sb.append(vocabulary.get(index(codes.charAt(i))));
        }
        return sb.toString();
    }

    private static void add(List<Run> runs, Kind kind, String text) {
        if (text.isEmpty()) {
            return;
        }
        int last = runs.size() - 1;
        if (last >= 0 && runs.get(last).kind() == kind) {
            runs.set(last, new Run(kind, runs.get(last).text() + text));
        } else {
            runs.add(new Run(kind, text));
        }
    }

    /** The changed runs only, each as {@code [-deleted-]} or {@code {+inserted+}}: what tests and summaries compare. */
    public static List<String> hunks(List<Run> runs) {
        List<String> hunks = new ArrayList<>();
        for (Run r : runs) {
            if (r.kind() != Kind.KEPT) {
                hunks.add(render(List.of(r), false));
            }
        }
        return hunks;
    }

    /** The diff as plain text, {@code [-deleted-]} and {@code {+inserted+}}, or with ANSI colours for a terminal. */
    public static String render(List<Run> runs, boolean colour) {
        StringBuilder sb = new StringBuilder();
        for (Run r : runs) {
            switch (r.kind()) {
                case KEPT -> sb.append(r.text());
                case DELETED -> sb.append(colour ? "\u001b[9;31m" + r.text() + "\u001b[0m" : "[-" + r.text() + "-]");
                case INSERTED -> sb.append(colour ? "\u001b[32m" + r.text() + "\u001b[0m" : "{+" + r.text() + "+}");
            }
        }
        return sb.toString();
    }
}
