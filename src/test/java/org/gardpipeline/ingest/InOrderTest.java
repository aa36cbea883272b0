package org.gardpipeline.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class InOrderTest {
    private static final List<Integer> ITEMS = IntStream.range(0, 200).boxed().toList();

    @Test
    void resultsComeInTheItemsOrder() {
        assertEquals(ITEMS.stream().map(i -> "#" + i).toList(), InOrder.map(ITEMS, i -> "#" + i));
    }

    @Test
    void aNullResultIsKeptInItsPlace() {
        assertEquals(java.util.Arrays.asList(1, null, 3), InOrder.map(List.of(1, 2, 3), i -> i == 2 ? null : i));
    }

    @Test
    void theFirstItemThatFailsIsTheOneReportedThoughALaterOneFailedSooner() {
        for (int attempt = 0; attempt < 5; attempt++) {
            IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> InOrder.map(ITEMS, i -> {
                if (i == 10) {
                    sleep(150); // fails last in time, first in order
                    throw new IllegalStateException("item 10");
                }
                if (i == 150) {
                    throw new IllegalStateException("item 150");
                }
                return i;
            }));
            assertEquals("item 10", thrown.getMessage());
        }
    }

    @Test
    void anErrorIsThrownAsItIs() {
        StackOverflowError error = new StackOverflowError("deep");
        assertSame(error, assertThrows(StackOverflowError.class, () -> InOrder.map(ITEMS, i -> {
            if (i == 3) {
                throw error;
            }
            return i;
        })));
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
