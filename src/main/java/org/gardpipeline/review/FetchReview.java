package org.gardpipeline.review;

import java.util.List;
import java.util.Map;

/**
 * What a fetch would do to the history, seen inside its transaction before it is committed: the figures the
 * {@link ChangeGuard} decides on, and what a person needs to judge a held fetch.
 *
 * <p>Only changes within one format count: a change of a slot whose previous version came from another format
 * (the 2019 MedQuAD answers replaced by the 2022 pages) is the passage from one era of the site to the next,
 * which the parsers understand, and is counted apart in {@code crossFormat}.
 *
 * @param fetch               the fetch's name
 * @param answers             the answers the fetch shows (observations) plus those it removes within a format
 * @param changed             answers it marks changed (text, date or references) within a format
 * @param removed             answers it marks removed within a format
 * @param crossFormat         changed or removed answers whose previous version came from another format
 * @param layoutChangedPages  pages whose format or outline differs from the fetch before that showed them
 * @param driftPages          pages with changes whose outline changed while their format and landmarks did not
 * @param changesOnDriftPages changed or removed answers on those pages
 * @param landmarkChanges     landmarks lost ("- ...") or gained ("+ ...") by pages with changes, with how many pages
 * @param examples            a few of the changes, the ones on drift pages first
 */
public record FetchReview(String fetch, int answers, int changed, int removed, int crossFormat, int layoutChangedPages,
                          int driftPages, int changesOnDriftPages, Map<String, Integer> landmarkChanges,
                          List<Example> examples) {
    /** How many examples a review keeps. */
    public static final int EXAMPLES = 3;

    public FetchReview {
        landmarkChanges = Map.copyOf(landmarkChanges);
        examples = List.copyOf(examples);
    }

    /**
     * One change as a person would check it.
     *
     * @param before      the answer text before
     * @param after       the text after, null when removed
     * @param dateBefore  the stated last-updated date before (ISO), or null
     * @param dateAfter   the date after, or null
     */
    public record Example(String pageKey, String slotKey, String change, boolean layoutChanged, String before,
                          String after, String dateBefore, String dateAfter) {
    }

    /** Changed and removed answers within a format. */
    public int changes() {
        return changed + removed;
    }

    /** The share of the answers the fetch touches that it marks changed or removed; 0 for a fetch of no answers. */
    public double changeShare() {
        return answers == 0 ? 0 : (double) changes() / answers;
    }
}
