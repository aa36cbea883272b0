package org.gardpipeline.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.gardpipeline.cli.Main;
import org.gardpipeline.diff.PhraseDiff.Kind;
import org.gardpipeline.diff.PhraseDiff.Run;
import org.gardpipeline.store.HistoryStore;
import org.gardpipeline.store.VersionRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Phrase diffs of the real cross-era rewrites in raw/ and of one-sentence edits, hunk by hunk. */
class PhraseDiffTest {
    @TempDir
    static Path dir;

    private static Path db;

    @BeforeAll
    static void ingestTheSamples() {
        db = dir.resolve("gard.sqlite");
        int code = Main.execute("run", "--raw", "raw", "--db", db.toString(), "--out", dir.resolve("out").toString(), "--quiet");
        assertTrue(code == 0 || code == 3, "run exited " + code);
    }

    /** The texts of a slot's versions, oldest first. */
    private static List<String> texts(String page, String slot) {
        try (HistoryStore store = HistoryStore.openExisting(db)) {
            return store.versions(store.findPage(page).orElseThrow(), slot).stream().filter(v -> v.slotKey().equals(slot))
                    .map(VersionRecord::answerText).toList();
        }
    }

    /** The first and the last text of a slot: MedQuAD's (or the plain-text answer's) and the 2022 page's. */
    private static List<String> firstAndLast(String page, String slot, int versions) {
        List<String> v = texts(page, slot);
        assertEquals(versions, v.size());
        return List.of(v.get(0), v.get(v.size() - 1));
    }

    private static List<String> hunks(String older, String newer) {
        return PhraseDiff.hunks(PhraseDiff.between(older, newer));
    }

    @Test
    void theMedQuadSummaryOfHirschsprungDiseaseReadsAsItsFewEdits() {
        List<String> v = firstAndLast("6660", "summary", 3);
        assertEquals(List.of("{+(HSCR) +}", "[-expel-]", "{+pass+}", "[-show up-]", "{+start+}",
                "[-sometimes not until adolescence or adulthood.-]", "{+may occur later.+}",
                "{+ Other signs and symptoms include vomiting, abdominal pain or swelling, diarrhea, poor feeding, "
                        + "malnutrition, and slow growth. There are two main types of Hirschsprung disease, known as "
                        + "short-segment disease and long-segment disease, defined by the region of the intestine lacking "
                        + "nerve cells (aganglionic segments). HSCR is considered a neurocristopathy, a disorder of cells and "
                        + "tissues derived from the neural crest, (a group of embryonic cells of the neural tube that forms "
                        + "several structures, of the body). HSCR may occur as an isolated finding or as part of a another "
                        + "disorder. Isolated HSCR is associated with genetic changes in several genes.+}"),
                hunks(v.get(0), v.get(1)));
    }

    @Test
    void theRewrittenCausesOfHirschsprungDiseaseAreOneReplacedPassage() {
        List<String> v = firstAndLast("6660", "causes", 3);
        assertTrue(v.get(0).startsWith("There are a number of different causes of Hirschsprung disease (HSCR)."), v.get(0));
        assertTrue(v.get(1).startsWith("Genetic Disease\n\nHirschsprung disease is a genetic disease"), v.get(1));
        // A word diff gave fifty alternating one-word hunks here ([-There-]{+Genetic+} [-are-]{+Disease...).
        assertEquals(List.of("[-" + v.get(0) + "-]", "{+" + v.get(1) + "+}"), hunks(v.get(0), v.get(1)));
    }

    @Test
    void theRewrittenCausesOfCaudalRegressionAreOneReplacedPassage() {
        List<String> v = firstAndLast("6007", "causes", 2);
        assertTrue(v.get(0).startsWith("Caudal regression syndrome (CRS) may have different causes in different people."));
        assertTrue(v.get(1).startsWith("Genetic Disease\n\nCaudal regression sequence is a genetic disease"), v.get(1));
        assertEquals(List.of("[-" + v.get(0) + "-]", "{+" + v.get(1) + "+}"), hunks(v.get(0), v.get(1)));
    }

    @Test
    void wordsChangedInOneSentenceAreThoseWords() {
        String older = texts("6007", "causes").get(0);
        String newer = older.replace("In many cases, the cause is unclear.", "In most cases, the cause is not known.");
        // A word keeps its punctuation and the citation markers written onto it: "unclear.[1][2]" is one word.
        assertEquals(List.of("[-many-]", "{+most+}", "[-unclear.[1][2]-]", "{+not known.[1][2]+}"), hunks(older, newer));
    }

    @Test
    void aRewrittenSentenceIsThatSentenceAndNothingAroundIt() {
        String older = texts("6007", "causes").get(0);
        String newer = older.replace("It is thought to be a multifactorial disorder, which means that genetic and "
                + "environmental factors likely interact to cause CRS.", "Most cases are believed to come from several "
                + "inherited and outside influences acting together.");
        assertEquals(List.of("[-It is thought to be a multifactorial disorder, which means that genetic and environmental "
                        + "factors likely interact to cause CRS.[2]-]",
                "{+Most cases are believed to come from several inherited and outside influences acting together.[2]+}"),
                hunks(older, newer));
    }

    @Test
    void aSentenceAddedAtTheEndIsOneInsertion() {
        String older = texts("6007", "causes").get(0);
        assertEquals(List.of("{+ A second sentence.+}"), hunks(older, older + " A second sentence."));
    }

    @Test
    void keptAndDeletedRunsGiveTheOlderTextAndKeptAndInsertedTheNewer() {
        for (String[] pair : new String[][] {{"6660", "summary"}, {"6660", "symptoms"}, {"6660", "causes"}, {"6007", "causes"}}) {
            List<String> v = texts(pair[0], pair[1]);
            List<Run> runs = PhraseDiff.between(v.get(0), v.get(1));
            assertEquals(v.get(0), join(runs, Kind.DELETED), pair[0] + " " + pair[1]);
            assertEquals(v.get(1), join(runs, Kind.INSERTED), pair[0] + " " + pair[1]);
        }
    }

    private static String join(List<Run> runs, Kind changed) {
        StringBuilder sb = new StringBuilder();
        runs.stream().filter(r -> r.kind() == Kind.KEPT || r.kind() == changed).forEach(r -> sb.append(r.text()));
        return sb.toString();
    }

    @Test
    void theSameTextIsOneKeptRunAndANewTextOneInsertion() {
        assertEquals(List.of(new Run(Kind.KEPT, "a b")), PhraseDiff.between("a b", "a b"));
        assertEquals(List.of(new Run(Kind.INSERTED, "new text")), PhraseDiff.between(null, "new text"));
    }
}
