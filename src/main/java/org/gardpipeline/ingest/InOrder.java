package org.gardpipeline.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Work on many fetches' files spread over the cores, with results and failures as if done one after another:
 * the results in the items' order, and the failure of the first item that failed, so that a run over a
 * folder of many fetches always names the same bad one.
 */
final class InOrder {
    private InOrder() {
    }

    /**
     * The function applied to each item, on all cores (null results kept); throws what the first failing item,
     * in order, threw.
     */
    static <T, R> List<R> map(List<T> items, Function<T, R> function) {
        List<Object> outcomes = items.parallelStream().map(item -> {
            try {
                return (Object) function.apply(item);
            } catch (RuntimeException | Error e) {
                return new Failure(e);
            }
        }).toList();
        List<R> results = new ArrayList<>(outcomes.size());
        for (Object outcome : outcomes) {
            if (outcome instanceof Failure f) {
                throw f.rethrown();
            }
            @SuppressWarnings("unchecked")
            R result = (R) outcome;
            results.add(result);
        }
        return results;
    }

    private record Failure(Throwable thrown) {
        RuntimeException rethrown() {
            if (thrown instanceof Error e) {
                throw e;
            }
            return (RuntimeException) thrown;
        }
    }
}
