package org.gardpipeline.store;

import java.util.List;

/**
 * The parse results of a database that a parser of another version than this build's made: what each format's
 * stored version is and what it is now, and how many results and fetches they are. Empty when every parse is this
 * build's.
 *
 * @param changes one entry per format and stored version, as "medquad-xml 1 -> 2" ("quarantined" for the results
 *                of quarantined documents)
 * @param results the parse results made by another version
 * @param fetches the fetches holding at least one of them
 */
public record ParserDrift(List<String> changes, long results, long fetches) {
    public static final ParserDrift NONE = new ParserDrift(List.of(), 0, 0);

    public ParserDrift {
        changes = List.copyOf(changes);
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    /** "medquad-xml 1 -> 2, quarantined 4 -> 5", or "none". */
    public String describe() {
        return changes.isEmpty() ? "none" : String.join(", ", changes);
    }
}
