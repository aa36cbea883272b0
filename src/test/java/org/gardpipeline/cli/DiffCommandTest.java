package org.gardpipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ./gard diff on the cross-era samples: a readable replacement, the date and references beside it, no "null". */
class DiffCommandTest {
    @TempDir
    static Path dir;

    private static String db;

    @BeforeAll
    static void ingestTheSamples() {
        db = dir.resolve("gard.sqlite").toString();
        CommandLineRun r = CommandLineRun.of("run", "--raw", "raw", "--db", db, "--out", dir.resolve("out").toString(), "--quiet");
        assertEquals(0, r.exitCode(), r.err());
    }

    @Test
    void anAnswerWithNoDateSaysSoAndTheReferencesAddedAreListed() {
        // MedQuAD's copy of 2019 against GARD's own record of 2020
        CommandLineRun r = CommandLineRun.of("diff", "6660", "--topic", "causes", "--to", "2020-12-11", "--db", db);
        assertEquals(0, r.exitCode(), r.err());
        assertFalse(r.out().contains("null"), r.out());
        assertTrue(r.out().contains("--- v11  2019-01-01  no date stated\n"), r.out());
        assertTrue(r.out().contains("\ndate: no date stated -> last updated 2017-09-04\n"), r.out());
        assertTrue(r.out().contains("\nreferences: 0 removed, 2 added\n  + Hirschsprung disease. Genetics Home Reference (GHR). "
                + "August 2012; http://ghr.nlm.nih.gov/condition/hirschsprung-disease.\n"), r.out());
        assertTrue(r.out().contains("There are a number of different causes of [-Hirschsprung disease (HSCR).-]{+HSCR.+}"), r.out());
    }

    @Test
    void referencesRemovedAreListedByCitation() {
        CommandLineRun r = CommandLineRun.of("diff", "6007", "--topic", "causes", "--db", db);
        assertTrue(r.out().contains("\nreferences: 2 removed, 7 added\n  - Boulas MM. Recognition of caudal regression "
                + "syndrome. Adv Neonatal Care. April 2009; 9(2):61-69.\n"), r.out());
    }

    @Test
    void jsonCarriesTheReferenceChanges() throws Exception {
        JsonNode root = new ObjectMapper().readTree(CommandLineRun.of("diff", "6007", "--topic", "causes", "--json", "--db", db).out());
        assertEquals(2, root.get("references_removed").size());
        assertEquals(7, root.get("references_added").size());
        assertEquals(2, root.get("runs").size(), root.get("runs").toString());
    }
}
