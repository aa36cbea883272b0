package org.gardpipeline.store;

/**
 * What deriving the history again from the raw documents did: done, with the change events before and after and
 * its time, or refused (nothing of it committed) with the one-line reason.
 *
 * @param done         true when the new history was committed
 * @param refusal      why it was not, naming the fetch and its origin; null when done
 * @param fetches      the fetches derived again
 * @param eventsBefore change events before
 * @param eventsAfter  change events after (equal to before when not done)
 * @param seconds      wall time, including the reading and parsing of every document
 */
public record Rebuilt(boolean done, String refusal, int fetches, long eventsBefore, long eventsAfter, double seconds) {
}
