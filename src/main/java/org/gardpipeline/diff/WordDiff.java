package org.gardpipeline.diff;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.DeltaType;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A word-level difference between two texts, as a list of kept, deleted and inserted runs. */
public final class WordDiff {
    /** What a run of text is in the newer version. */
    public enum Kind { KEPT, DELETED, INSERTED }

    /** A run of consecutive tokens (words and the whitespace between them) of one kind. */
    public record Run(Kind kind, String text) {
    }

    private static final Pattern TOKEN = Pattern.compile("\\s+|[^\\s]+");

    private WordDiff() {
    }

    public static List<Run> between(String older, String newer) {
        List<String> a = tokens(older);
        List<String> b = tokens(newer);
        List<Run> runs = new ArrayList<>();
        int position = 0;
        for (AbstractDelta<String> delta : DiffUtils.diff(a, b).getDeltas()) {
            int start = delta.getSource().getPosition();
            add(runs, Kind.KEPT, a.subList(position, start));
            if (delta.getType() != DeltaType.INSERT) {
                add(runs, Kind.DELETED, delta.getSource().getLines());
            }
            if (delta.getType() != DeltaType.DELETE) {
                add(runs, Kind.INSERTED, delta.getTarget().getLines());
            }
            position = start + delta.getSource().size();
        }
        add(runs, Kind.KEPT, a.subList(position, a.size()));
        return runs;
    }

    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(text == null ? "" : text);
        while (m.find()) {
            tokens.add(m.group());
        }
        return tokens;
    }

    private static void add(List<Run> runs, Kind kind, List<String> tokens) {
        if (tokens.isEmpty()) {
            return;
        }
        String text = String.join("", tokens);
        int last = runs.size() - 1;
        if (last >= 0 && runs.get(last).kind() == kind) {
            runs.set(last, new Run(kind, runs.get(last).text() + text));
        } else {
            runs.add(new Run(kind, text));
        }
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
