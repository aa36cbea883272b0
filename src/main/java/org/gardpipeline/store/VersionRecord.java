package org.gardpipeline.store;

/**
 * One version of an answer slot, with the event that started it.
 *
 * @param validTo the fetch date from which it was replaced, or null while it is the newest
 * @param change  the event that started it: added, changed or restored
 */
public record VersionRecord(long versionId, String slotKey, String topic, String question, String answerText,
                            String lastUpdated, String validFrom, String validTo, String change,
                            boolean textChanged, boolean dateChanged, boolean referencesChanged, boolean present) {
}
