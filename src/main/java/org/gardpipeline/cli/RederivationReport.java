package org.gardpipeline.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import org.gardpipeline.ingest.Rederivation;

/** Says what deriving the history again did: one line on stderr, and the {@code parsers} object of {@code --json}. */
final class RederivationReport {
    private RederivationReport() {
    }

    /**
     * The line, when there is one. A history kept as older parsers made it is said even with {@code --quiet}: the
     * person who reads only warnings is the one who can put the fetches back.
     */
    static void print(PrintWriter err, Rederivation.Outcome outcome, LoggingOptions logging) {
        String line = outcome.line();
        if (line != null && (outcome.kept() || !logging.quiet)) {
            err.println(line);
        }
    }

    static ObjectNode json(Rederivation.Outcome outcome) {
        ObjectNode parsers = Json.object();
        outcome.drift().changes().forEach(parsers.putArray("changed")::add);
        parsers.put("outdated_parse_results", outcome.drift().results());
        parsers.put("rederived", outcome.rederived());
        if (outcome.rederived()) {
            parsers.put("fetches", outcome.rebuilt().fetches());
            parsers.put("seconds", outcome.rebuilt().seconds());
            parsers.put("change_events_before", outcome.rebuilt().eventsBefore());
            parsers.put("change_events_after", outcome.rebuilt().eventsAfter());
        } else if (outcome.kept()) {
            parsers.put("kept", outcome.line());
        }
        return parsers;
    }
}
