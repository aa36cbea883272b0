package org.gardpipeline.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.gardpipeline.Fixtures;
import org.gardpipeline.model.Answer;
import org.gardpipeline.model.Format;
import org.gardpipeline.model.Page;
import org.gardpipeline.model.Reference;
import org.gardpipeline.model.Topic;
import org.junit.jupiter.api.Test;

class AnswerTextParserTest {
    private static final String SAMPLE = "answer-text/caudal-regression-sequence.txt";

    private static Page sample() throws Exception {
        return Parsers.parse(Fixtures.bytes(SAMPLE), SAMPLE);
    }

    @Test
    void extractsPageTitleAndInquiry() throws Exception {
        Page page = sample();
        assertEquals(Format.ANSWER_TEXT, page.format());
        assertEquals("Caudal regression sequence", page.title());
        assertNull(page.gardId());
        assertEquals("In a non-diabetic mother, what is the most common cause of this condition in a baby? "
                + "Is there any evidence it can be caused by exposure to medication such as ciproxin?", page.inquiry());
    }

    @Test
    void extractsThreeAnswersInOrder() throws Exception {
        List<Answer> answers = sample().answers();
        assertEquals(3, answers.size());

        Answer causes = answers.get(0);
        assertEquals("What causes caudal regression syndrome?", causes.question());
        assertEquals(Topic.CAUSES, causes.topic());
        assertEquals("causes", causes.slotKey());
        assertEquals(LocalDate.of(2015, 9, 10), causes.lastUpdated());
        assertEquals(List.of(1, 2), causes.citations());
        // The issue counted four blocks; the file holds the heading and three paragraphs (lines 12, 14, 16).
        String[] paragraphs = causes.text().split("\n\n");
        assertEquals(3, paragraphs.length);
        assertEquals("Caudal regression syndrome (CRS) may have different causes in different people. In many cases, "
                + "the cause is unclear.[1][2] It is thought to be a multifactorial disorder, which means that genetic "
                + "and environmental factors likely interact to cause CRS.[2]", paragraphs[0]);
        assertTrue(paragraphs[2].startsWith("Some researchers believe CRS may be caused by a disruption of mesoderm"));
        assertTrue(paragraphs[2].endsWith("decreased blood flow to the caudal (lower) areas of the developing fetus.[2]"));

        Answer medications = answers.get(1);
        assertEquals("Is there evidence that caudal regression syndrome may be caused by fetal exposure to medications "
                + "during pregnancy?", medications.question());
        assertEquals(Topic.OTHER, medications.topic());
        assertEquals(LocalDate.of(2012, 9, 28), medications.lastUpdated());
        assertEquals(List.of(1), medications.citations());
        assertFalse(medications.text().contains("\n"));
        assertTrue(medications.text().startsWith("Sporadic, inconclusive studies have implicated that teratogens other"));

        Answer ciprofloxacin = answers.get(2);
        assertEquals("Does exposure to ciprofloxacin in pregnancy cause caudal regression syndrome?", ciprofloxacin.question());
        assertEquals(Topic.OTHER, ciprofloxacin.topic());
        assertEquals(LocalDate.of(2012, 9, 28), ciprofloxacin.lastUpdated());
        assertEquals(List.of(), ciprofloxacin.citations());
        assertEquals("To our knowledge there have not been any reports of caudal regression syndrome being caused by "
                + "exposure to ciprofloxacin during pregnancy.", ciprofloxacin.text());
    }

    @Test
    void otherQuestionsGetDistinctSlotKeysFromTheirText() throws Exception {
        List<Answer> answers = sample().answers();
        assertEquals("q:is-there-evidence-that-caudal-regression-syndrome-may-be-caused-by-fetal-exposure-to-"
                + "medications-during-pregnancy", answers.get(1).slotKey());
        assertEquals("q:does-exposure-to-ciprofloxacin-in-pregnancy-cause-caudal-regression-syndrome",
                answers.get(2).slotKey());
    }

    @Test
    void extractsTheReferenceList() throws Exception {
        List<Reference> references = sample().references();
        assertEquals(2, references.size());
        assertEquals(new Reference(1, "Boulas MM. Recognition of caudal regression syndrome. Adv Neonatal Care. "
                + "April 2009; 9(2):61-69.", null, null, null), references.get(0));
        Reference ghr = references.get(1);
        assertEquals(2, ghr.number());
        assertEquals("Caudal regression syndrome. Genetics Home Reference. August, 2015; "
                + "http://ghr.nlm.nih.gov/condition/caudal-regression-syndrome.", ghr.citation());
        assertEquals("http://ghr.nlm.nih.gov/condition/caudal-regression-syndrome", ghr.url());
        assertEquals(List.of(references.get(0), ghr), sample().answers().get(0).references());
        assertEquals(List.of(references.get(0)), sample().answers().get(1).references());
    }

    @Test
    void keepsHeaderGreetingAndSignOffOutOfEveryAnswer() throws Exception {
        for (Answer a : sample().answers()) {
            for (String boilerplate : List.of("National Center for Advancing", "We hope this information is helpful",
                    "Warm regards", "GARD Information Specialist", "Please see our Disclaimer", "Last updated",
                    "Boulas MM")) {
                assertFalse(a.text().contains(boilerplate), a.question() + " holds " + boilerplate);
            }
        }
    }

    @Test
    void whitespaceCrlfAndBomDoNotChangeWhatIsExtracted() throws Exception {
        String original = new String(Fixtures.bytes(SAMPLE), StandardCharsets.UTF_8);
        String respaced = "\uFEFF" + original.replace("\n", "  \r\n").replace(". ", ".   ");
        Page again = Parsers.parse(respaced.getBytes(StandardCharsets.UTF_8), "respaced.txt");
        assertEquals(sample(), again);
    }

    @Test
    void textWithNoQuestionIsRefusedWithAReason() {
        byte[] bytes = ("National Center for Advancing and Translational Sciences Genetic and Rare Diseases "
                + "Information Center\n\nSome title\n\nJust a paragraph.\n").getBytes(StandardCharsets.UTF_8);
        ParseException e = assertThrows(ParseException.class, () -> Parsers.parse(bytes, "x.txt"));
        assertTrue(e.getMessage().contains("no recognisable question"), e.getMessage());
    }

    @Test
    void emptyBinaryAndUnknownInputsAreRefused() {
        assertEquals("empty file", assertThrows(ParseException.class, () -> Parsers.parse(new byte[0], "e")).getMessage());
        assertTrue(assertThrows(ParseException.class, () -> Parsers.parse(new byte[] {1, 0, 2, 3}, "b"))
                .getMessage().startsWith("binary content"));
        assertTrue(assertThrows(ParseException.class,
                () -> Parsers.parse("hello world".getBytes(StandardCharsets.UTF_8), "u"))
                .getMessage().startsWith("unknown format"));
    }
}
