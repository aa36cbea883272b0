package org.gardpipeline.store;

import java.util.ArrayList;
import java.util.List;

/**
 * Derives one answer slot's versions and change events from what each fetch said about it, walked in
 * fetch-date order. Pure: the same observations give the same timeline whatever order fetches arrived in.
 */
final class Timeline {
    /** What one fetch said about the slot. {@code contentId} 0 means "the page was there without it". */
    record Point(long fetchId, long contentId, String question) {
        boolean present() {
            return contentId != 0;
        }
    }

    /**
     * The parts of a content that change flags are about: a hash of its words (citation markers aside), its stated
     * date (null: none stated) and a hash of its references (null: it carries none).
     */
    record ContentParts(String wordsHash, String lastUpdated, String referencesHash) {
        /**
         * What changed from {@code before} to this, as far as both state it: a source that states no date, or
         * carries no references (MedQuAD kept neither), says nothing about them.
         */
        Changes changesFrom(ContentParts before) {
            return new Changes(!wordsHash.equals(before.wordsHash),
                    lastUpdated != null && before.lastUpdated != null && !lastUpdated.equals(before.lastUpdated),
                    referencesHash != null && before.referencesHash != null && !referencesHash.equals(before.referencesHash));
        }
    }

    /** What a change event's flags say changed. */
    record Changes(boolean text, boolean date, boolean references) {
        static final Changes NONE = new Changes(false, false, false);

        boolean any() {
            return text || date || references;
        }
    }

    /** A run of one content: valid from one fetch until the fetch that replaced it (0: still valid). */
    record Version(long contentId, String question, long validFrom, long validTo) {
    }

    /** A change event; versions are named by their index in {@link Result#versions()}, -1 for none. */
    record Event(long fetchId, String change, boolean textChanged, boolean dateChanged, boolean referencesChanged,
                 int fromVersion, int toVersion) {
    }

    record Result(List<Version> versions, List<Event> events, boolean present) {
    }

    private Timeline() {
    }

    /**
     * @param points informative fetches in date order: those that parsed the page, and complete fetches
     *               that lacked it
     * @param parts  the parts of a content by id, to set the change flags
     */
    static Result derive(List<Point> points, java.util.function.LongFunction<ContentParts> parts) {
        List<Version> versions = new ArrayList<>();
        List<Event> events = new ArrayList<>();
        boolean present = false;
        for (Point p : points) {
            int last = versions.size() - 1;
            if (!p.present()) {
                if (present) {
                    events.add(new Event(p.fetchId(), "removed", false, false, false, last, -1));
                    present = false;
                }
                continue;
            }
            if (last < 0) {
                versions.add(new Version(p.contentId(), p.question(), p.fetchId(), 0));
                events.add(new Event(p.fetchId(), "added", false, false, false, -1, 0));
            } else {
                long previous = versions.get(last).contentId();
                boolean differs = previous != p.contentId();
                if (differs) {
                    Version closed = versions.get(last);
                    versions.set(last, new Version(closed.contentId(), closed.question(), closed.validFrom(), p.fetchId()));
                    versions.add(new Version(p.contentId(), p.question(), p.fetchId(), 0));
                }
                Changes changed = differs ? parts.apply(p.contentId()).changesFrom(parts.apply(previous)) : Changes.NONE;
                // A new content that reads as the one before (its words alike, and no date or reference list that
                // both state differs) is a version with no event: another source's packaging of the same answer.
                if (!present || changed.any()) {
                    events.add(new Event(p.fetchId(), present ? "changed" : "restored", changed.text(), changed.date(),
                            changed.references(), last, versions.size() - 1));
                }
            }
            present = true;
        }
        return new Result(versions, events, present);
    }
}
