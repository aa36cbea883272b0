package org.gardpipeline.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.gardpipeline.review.ChangeGuard;
import org.gardpipeline.review.FetchReview;

/** Reviews a fetch inside its transaction, once its history is derived and before it is committed. */
final class ReviewQueries {
    private final StatementCache sql;

    ReviewQueries(StatementCache sql) {
        this.sql = sql;
    }

    /** One changed or removed answer with the layout of its page in this fetch and the one before. */
    private record Change(String pageKey, String slotKey, String change, boolean sameFormat, boolean layoutChanged,
                          boolean drift, String landmarks, String previousLandmarks, String before, String after,
                          String dateBefore, String dateAfter) {
    }

    /**
     * The review of the fetch, whose pages' layouts changed on {@code layoutChangedPages} pages. When fewer answers
     * change than a guard ever holds for, the answers it shows (a pass over every page of the fetch) are left at 0:
     * nobody reads them, and a fetch that changed little should cost little.
     */
    FetchReview review(long fetchId, String name, int layoutChangedPages) throws SQLException {
        List<Change> changes = changes(fetchId);
        boolean mayHold = changes.stream().filter(Change::sameFormat).count() >= ChangeGuard.MIN_CHANGES;
        int observed = !mayHold ? 0 : sql.single("""
                SELECT count(*) FROM fetch f
                JOIN page_layout_run_span c ON f.position BETWEEN c.first_position AND c.last_position
                JOIN slot s ON s.page_id = c.page_id
                JOIN observation_run_span o ON o.slot_id = s.slot_id AND f.position BETWEEN o.first_position AND o.last_position
                WHERE f.fetch_id = ?""", fetchId).intValue();
        int changed = 0;
        int removed = 0;
        int crossFormat = 0;
        int onDrift = 0;
        Set<String> driftPages = new HashSet<>();
        Map<String, Integer> landmarkChanges = new TreeMap<>();
        Set<String> pagesSeen = new HashSet<>();
        for (Change c : changes) {
            if (!c.sameFormat()) {
                crossFormat++;
                continue;
            }
            if (c.change().equals("removed")) {
                removed++;
            } else {
                changed++;
            }
            if (c.drift()) {
                onDrift++;
                driftPages.add(c.pageKey());
            }
            if (pagesSeen.add(c.pageKey())) {
                countLandmarkChanges(c, landmarkChanges);
            }
        }
        List<FetchReview.Example> examples = new ArrayList<>();
        for (boolean drift : new boolean[] {true, false}) {
            for (Change c : changes) {
                if (c.sameFormat() && c.drift() == drift && examples.size() < FetchReview.EXAMPLES) {
                    examples.add(new FetchReview.Example(c.pageKey(), c.slotKey(), c.change(), c.layoutChanged(),
                            c.before(), c.after(), c.dateBefore(), c.dateAfter()));
                }
            }
        }
        return new FetchReview(name, observed + removed, changed, removed, crossFormat,
                layoutChangedPages, driftPages.size(), onDrift, landmarkChanges,
                examples);
    }

    /** The landmarks a page lost and gained since the fetch before, each counted once per page. */
    private static void countLandmarkChanges(Change c, Map<String, Integer> counts) {
        if (c.landmarks() == null || c.previousLandmarks() == null || c.landmarks().equals(c.previousLandmarks())) {
            return;
        }
        Set<String> now = lines(c.landmarks());
        Set<String> before = lines(c.previousLandmarks());
        for (String lost : before) {
            if (!now.contains(lost)) {
                counts.merge("- " + lost, 1, Integer::sum);
            }
        }
        for (String gained : now) {
            if (!before.contains(gained)) {
                counts.merge("+ " + gained, 1, Integer::sum);
            }
        }
    }

    /** The landmark lines of a page's layout (its documents' lists, the least and the greatest, joined). */
    private static Set<String> lines(String landmarks) {
        Set<String> lines = new HashSet<>(Arrays.asList(landmarks.split("\n")));
        lines.remove("");
        return lines;
    }

    private List<Change> changes(long fetchId) throws SQLException {
        List<Change> changes = new ArrayList<>();
        try (ResultSet rs = sql.query("""
                SELECT p.page_key, s.slot_key, e.change, qf.format,
                       (SELECT q.format FROM observation_run_span o JOIN question q ON q.question_id = o.question_id
                         WHERE o.slot_id = e.slot_id AND f.position BETWEEN o.first_position AND o.last_position) AS to_format,
                       cl.page_id IS NOT NULL, lc.formats, lp.formats, lc.landmarks, lp.landmarks, lc.outline, lp.outline,
                       coalesce(lc.formats <> lp.formats OR lc.outline <> lp.outline, 0), cf.answer_text, ct.answer_text,
                       cf.last_updated, ct.last_updated
                FROM change_event e
                JOIN slot s ON s.slot_id = e.slot_id
                JOIN page p ON p.page_id = s.page_id
                JOIN version vf ON vf.version_id = e.from_version
                JOIN content cf ON cf.content_id = vf.content_id
                LEFT JOIN version vt ON vt.version_id = e.to_version
                LEFT JOIN content ct ON ct.content_id = vt.content_id
                -- a version starts a run of its slot
                LEFT JOIN observation_run obf ON obf.slot_id = vf.slot_id AND obf.first_fetch = vf.valid_from_fetch
                LEFT JOIN question qf ON qf.question_id = obf.question_id
                -- the page's layout in this fetch and in the one before that parsed it (the run that starts last before
                -- this fetch), as page_layout_changes has them, sought here by key
                JOIN fetch f ON f.fetch_id = e.fetch_id
                LEFT JOIN page_layout_run_span cl ON cl.page_id = s.page_id AND f.position BETWEEN cl.first_position AND cl.last_position
                LEFT JOIN layout lc ON lc.layout_id = cl.layout_id
                LEFT JOIN page_layout_run_span pl ON pl.page_id = s.page_id
                     AND pl.first_position = (SELECT max(p2.first_position) FROM page_layout_run_span p2
                                              WHERE p2.page_id = s.page_id AND p2.first_position < f.position)
                LEFT JOIN layout lp ON lp.layout_id = pl.layout_id
                WHERE e.fetch_id = ? AND e.change IN ('changed', 'removed')
                ORDER BY p.page_key, s.slot_key""", fetchId)) {
            while (rs.next()) {
                String change = rs.getString(3);
                String fromFormat = rs.getString(4);
                boolean pageShown = rs.getBoolean(6);
                // removed from a complete fetch that lacks the page: no new format came in its place
                boolean sameFormat = change.equals("removed")
                        ? !pageShown || fromFormat == null || rs.getString(7).contains(fromFormat)
                        : Objects.equals(fromFormat, rs.getString(5));
                boolean drift = pageShown && sameFormatLayout(rs.getString(7), rs.getString(8))
                        && rs.getString(9) != null && rs.getString(9).equals(rs.getString(10))
                        && rs.getString(11) != null && rs.getString(12) != null
                        && !rs.getString(11).equals(rs.getString(12));
                changes.add(new Change(rs.getString(1), rs.getString(2), change, sameFormat, rs.getInt(13) == 1, drift,
                        rs.getString(9), rs.getString(10), rs.getString(14), rs.getString(15), rs.getString(16),
                        rs.getString(17)));
            }
        }
        return changes;
    }

    private static boolean sameFormatLayout(String formats, String previousFormats) {
        return formats != null && formats.equals(previousFormats);
    }
}
