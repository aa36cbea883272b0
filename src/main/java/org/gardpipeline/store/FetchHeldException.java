package org.gardpipeline.store;

import org.gardpipeline.review.ChangeGuard;
import org.gardpipeline.review.FetchReview;
/**
 * A fetch that the {@link ChangeGuard} held for review: nothing of it was committed. Carries the review for the
 * report.
 */
public final class FetchHeldException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient FetchReview review;

    public FetchHeldException(FetchReview review, String reason) {
        super("fetch " + review.fetch() + " held for review, nothing of it committed: " + reason);
        this.review = review;
    }

    public FetchReview review() {
        return review;
    }
}
