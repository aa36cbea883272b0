package org.gardpipeline.store;

/**
 * One version of an answer slot, with the event that started it.
 *
 * @param validTo the fetch date from which it was replaced, or null while it is the newest
 * @param change  the event that started it: added, changed or restored; null for none
 */
public record VersionRecord(long versionId, String slotKey, String topic, String question, String answerText,
                            String lastUpdated, String validFrom, String validTo, String change,
                            boolean textChanged, boolean dateChanged, boolean referencesChanged, boolean present) {
    /**
     * What began the version, as people read it: its change event; for a slot's first version, added; for a later
     * one with no event, "same words": another source stating the same answer, with a date or references the one
     * before did not state (DESIGN.md, "What counts as a change").
     */
    public String startedBy(boolean firstOfSlot) {
        return change != null ? change : firstOfSlot ? "added" : "same words";
    }
}
