package org.gardpipeline.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The guard's rule at its edges: the share, the least number of changes, and changes under moved markup. */
class ChangeGuardTest {
    private static FetchReview review(int answers, int changed, int removed, int changesOnDriftPages) {
        return new FetchReview("2023-02-01", answers, changed, removed, 0, 0, changesOnDriftPages > 0 ? 1 : 0,
                changesOnDriftPages, Map.of(), List.of());
    }

    @Test
    void aShareAboveTheLimitIsHeldAtTheLimitIsNot() {
        assertEquals(Optional.empty(), ChangeGuard.DEFAULT.holdReason(review(100, 15, 5, 0)));
        Optional<String> held = ChangeGuard.DEFAULT.holdReason(review(100, 16, 5, 0));
        assertEquals(Optional.of("it would mark 21 of the 100 answers it touches as changed or removed (21.0%, more "
                + "than the 20.0% of --max-change-share)"), held);
        assertEquals(Optional.empty(), new ChangeGuard(0.25, false).holdReason(review(100, 16, 5, 0)));
    }

    @Test
    void fewerThanTenChangesAreNeverHeld() {
        assertEquals(Optional.empty(), ChangeGuard.DEFAULT.holdReason(review(9, 9, 0, 9)));
        assertTrue(ChangeGuard.DEFAULT.holdReason(review(10, 10, 0, 0)).isPresent());
    }

    @Test
    void moreThanHalfOfTheChangesOnPagesWhoseMarkupMovedIsHeld() {
        assertEquals(Optional.empty(), ChangeGuard.DEFAULT.holdReason(review(1000, 20, 0, 10)));
        assertEquals(Optional.of("11 of its 20 changed or removed answers are on the 1 pages whose markup changed in "
                + "the same fetch while their landmarks did not"), ChangeGuard.DEFAULT.holdReason(review(1000, 20, 0, 11)));
    }

    @Test
    void acceptingHoldsNothingAndAShareIsFromZeroToOne() {
        assertEquals(Optional.empty(), new ChangeGuard(0.2, true).holdReason(review(10, 10, 0, 10)));
        assertThrows(IllegalArgumentException.class, () -> new ChangeGuard(1.5, false));
        assertThrows(IllegalArgumentException.class, () -> new ChangeGuard(Double.NaN, false));
    }
}
