package org.gardpipeline.report;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.gardpipeline.store.ReportQueries.FetchRow;

/**
 * The fetches as the index shows them: the newest one by one, older ones summed by week, then by month, then by
 * year, so that ten years of daily fetches make about fifty rows instead of 3,650. The periods are reckoned from
 * the newest fetch's date, never from the clock, so the same database gives the same rows.
 */
final class FetchPeriods {
    /** Fetches shown one by one: two weeks of daily runs. */
    static final int RECENT = 14;
    /** Older fetches within this many weeks of the newest are summed by week, those within two years by month. */
    static final int WEEKS = 12;
    static final int MONTHS = 24;

    /**
     * One row: a fetch alone, or the fetches of one week, month or year in a row, with their counts summed.
     *
     * @param name the fetch's date and label, or the period: "week of 2023-03-06", "2023-03", "2021"
     */
    record Period(String name, List<FetchRow> fetches, boolean single) {
        Period {
            fetches = List.copyOf(fetches);
        }

        Set<Long> ids() {
            return Set.copyOf(fetches.stream().map(FetchRow::fetchId).toList());
        }

        String first() {
            return fetches.get(0).fetchedAt();
        }

        String last() {
            return fetches.get(fetches.size() - 1).fetchedAt();
        }

        /** Documents, quarantined, added, changed, removed and restored, summed over the fetches. */
        int[] counts() {
            int[] sums = new int[6];
            for (FetchRow f : fetches) {
                int[] n = {f.documents(), f.quarantined(), f.added(), f.changed(), f.removed(), f.restored()};
                for (int i = 0; i < sums.length; i++) {
                    sums[i] += n[i];
                }
            }
            return sums;
        }
    }

    private FetchPeriods() {
    }

    /** The rows for the fetches given oldest first; the rows come oldest first too. */
    static List<Period> of(List<FetchRow> fetches) {
        List<Period> periods = new ArrayList<>();
        if (fetches.isEmpty()) {
            return periods;
        }
        LocalDate newest = day(fetches.get(fetches.size() - 1));
        int summed = Math.max(0, fetches.size() - RECENT);
        String key = null;
        List<FetchRow> group = new ArrayList<>();
        for (int i = 0; i < summed; i++) {
            String k = period(day(fetches.get(i)), newest);
            if (!k.equals(key) && !group.isEmpty()) {
                periods.add(new Period(key, group, false));
                group = new ArrayList<>();
            }
            key = k;
            group.add(fetches.get(i));
        }
        if (!group.isEmpty()) {
            periods.add(new Period(key, group, false));
        }
        for (FetchRow f : fetches.subList(summed, fetches.size())) {
            periods.add(new Period(f.fetchedAt() + (f.label().isEmpty() ? "" : " " + f.label()), List.of(f), true));
        }
        return periods;
    }

    /** The week, month or year an older fetch is summed in, by its distance from the newest fetch. */
    static String period(LocalDate day, LocalDate newest) {
        if (!day.isBefore(newest.minusWeeks(WEEKS))) {
            return "week of " + day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        }
        if (!day.isBefore(newest.minusMonths(MONTHS))) {
            return day.toString().substring(0, 7);
        }
        return day.toString().substring(0, 4);
    }

    private static LocalDate day(FetchRow f) {
        return LocalDate.parse(f.fetchedAt().substring(0, 10));
    }
}
