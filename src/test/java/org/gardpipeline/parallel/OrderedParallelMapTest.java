package org.gardpipeline.parallel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The one way an ingest uses several cores: results in order, failures as if done one after another, a bounded window. */
class OrderedParallelMapTest {
    private static final List<Integer> ITEMS = IntStream.range(0, 200).boxed().toList();

    @Test
    void resultsComeInTheItemsOrder() {
        assertEquals(ITEMS.stream().map(i -> "#" + i).toList(), OrderedParallelMap.map("ingest", ITEMS, i -> "#" + i, 2));
    }

    @Test
    void aNullResultIsKeptInItsPlace() {
        assertEquals(java.util.Arrays.asList(1, null, 3), OrderedParallelMap.map("ingest", List.of(1, 2, 3), i -> i == 2 ? null : i, 2));
    }

    @Test
    void theFirstItemThatFailsIsTheOneReportedThoughALaterOneFailedSooner() {
        for (int attempt = 0; attempt < 5; attempt++) {
            IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> OrderedParallelMap.map("ingest", ITEMS, i -> {
                if (i == 10) {
                    sleep(150); // fails last in time, first in order
                    throw new IllegalStateException("item 10");
                }
                if (i == 150) {
                    throw new IllegalStateException("item 150");
                }
                return i;
            }, 2));
            assertEquals("item 10", thrown.getMessage());
        }
    }

    @Test
    void anErrorIsThrownAsItIs() {
        StackOverflowError error = new StackOverflowError("deep");
        assertSame(error, assertThrows(StackOverflowError.class, () -> OrderedParallelMap.map("ingest", ITEMS, i -> {
            if (i == 3) {
                throw error;
            }
            return i;
        }, 2)));
    }

    @Test
    void noMoreThanTheWindowIsBegunAheadOfTheResultTaken() throws InterruptedException {
        AtomicInteger begun = new AtomicInteger();
        try (OrderedParallelMap<Integer, Integer> results = new OrderedParallelMap<>("ingest", ITEMS, i -> {
            begun.incrementAndGet();
            return i;
        }, 2, 10)) {
            waitFor(begun, 10);
            Thread.sleep(200);
            assertEquals(10, begun.get(), "begun beyond the window before any result was taken");
            assertEquals(0, results.next());
            waitFor(begun, 11);
            Thread.sleep(200);
            assertEquals(11, begun.get(), "one result taken lets one more item begin");
            List<Integer> rest = new ArrayList<>();
            results.forEachRemaining(rest::add);
            assertEquals(ITEMS.subList(1, ITEMS.size()), rest);
        }
    }

    private static void waitFor(AtomicInteger value, int expected) throws InterruptedException {
        for (int i = 0; i < 500 && value.get() < expected; i++) {
            Thread.sleep(10);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
