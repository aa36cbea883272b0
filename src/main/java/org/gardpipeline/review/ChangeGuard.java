package org.gardpipeline.review;

import java.util.Locale;
import java.util.Optional;

/**
 * Decides whether a fetch is committed or held for a person to review: a fetch that would rewrite much of the
 * history at once is more likely a change of the site's markup read as a change of content than an editorial
 * round, and GARD's real mass edits (the 2021 relaunch rewrote every page) are rare enough to be looked at.
 *
 * <p>A fetch is held when at least {@value #MIN_CHANGES} of its answers change within a format and either
 * <ul>
 *   <li>they are more than {@code maxChangeShare} of the answers it touches (see {@link FetchReview#changeShare}),
 *       or</li>
 *   <li>more than half of them fall on pages whose outline changed in the same fetch while their format and
 *       landmarks did not: the markup moved under text the parser still found, but read differently.</li>
 * </ul>
 * Fewer changes are never held: a person reads them in the run's summary anyway.
 *
 * @param maxChangeShare the largest share of changed or removed answers committed without a review, 0 to 1
 * @param acceptHeld     true to commit a fetch that would be held, as an unguarded ingest would
 */
public record ChangeGuard(double maxChangeShare, boolean acceptHeld) {
    /**
     * The default share, a fifth. An editorial round that edits, re-dates or removes a sixth of a fetch's answers
     * (16.7%) passes; a change of markup that alters one kind of section across the site does not: of the 8,866
     * answers of the 5,910 pages of 2022-12-20, the causes are 24.2% (2,146), the symptoms 27.7% (2,459) and the
     * summaries 48.1% (4,261), and a change to the page's date line moves every answer at once.
     */
    public static final double DEFAULT_MAX_CHANGE_SHARE = 0.2;
    /** Fewer changed or removed answers than this are never held. */
    public static final int MIN_CHANGES = 10;
    public static final ChangeGuard DEFAULT = new ChangeGuard(DEFAULT_MAX_CHANGE_SHARE, false);

    public ChangeGuard {
        if (!(maxChangeShare >= 0 && maxChangeShare <= 1)) {
            throw new IllegalArgumentException("the largest change share is a number from 0 to 1, not " + maxChangeShare);
        }
    }

    /** Why the fetch is held, or empty when it may be committed. */
    public Optional<String> holdReason(FetchReview review) {
        if (acceptHeld || review.changes() < MIN_CHANGES) {
            return Optional.empty();
        }
        if (review.changeShare() > maxChangeShare) {
            return Optional.of(String.format(Locale.ROOT, "it would mark %d of the %d answers it touches as changed "
                            + "or removed (%.1f%%, more than the %.1f%% of --max-change-share)", review.changes(),
                    review.answers(), 100 * review.changeShare(), 100 * maxChangeShare));
        }
        if (review.changesOnDriftPages() >= MIN_CHANGES && 2 * review.changesOnDriftPages() > review.changes()) {
            return Optional.of(String.format(Locale.ROOT, "%d of its %d changed or removed answers are on the %d pages "
                            + "whose markup changed in the same fetch while their landmarks did not",
                    review.changesOnDriftPages(), review.changes(), review.driftPages()));
        }
        return Optional.empty();
    }
}
