package org.gardpipeline.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gardpipeline.Fixtures;
import org.gardpipeline.model.Answer;
import org.gardpipeline.model.Format;
import org.gardpipeline.model.Page;
import org.gardpipeline.model.Phenotype;
import org.gardpipeline.model.Topic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real MedQuAD documents (src/test/resources/medquad, copied from 2_GARD_QA), values checked by eye. */
class MedQuadXmlParserTest {
    private static Page parse(String file) throws ParseException {
        return Parsers.parse(Fixtures.bytes("medquad/" + file), file);
    }

    private static Page parse(String xml, String name) throws ParseException {
        return Parsers.parse(xml.getBytes(StandardCharsets.UTF_8), name);
    }

    private static void assertAnswer(Answer a, String question, Topic topic, String slotKey, String textStart) {
        assertEquals(question, a.question());
        assertEquals(topic, a.topic());
        assertEquals(slotKey, a.slotKey());
        assertTrue(a.text().startsWith(textStart), a.text());
        assertNull(a.lastUpdated());
        assertEquals(List.of(), a.references());
    }

    @Test
    void readsIdSlugTitleAndSynonymsOfAOneAnswerDocument() throws Exception {
        Page page = parse("0000004.xml");
        assertEquals(Format.MEDQUAD_XML, page.format());
        assertEquals("335", page.gardId());
        assertEquals("abcd-syndrome", page.slug());
        assertEquals("ABCD syndrome", page.title());
        assertEquals(List.of("Albinism, Black lock, Cell migration disorder of the neurocytes of the gut and Deafness"),
                page.synonyms());
        assertNull(page.inquiry());
        assertEquals(List.of(), page.references());
        // its one answer was the phenotype table and nothing else: the page's phenotypes, and no answer
        assertEquals(List.of(), page.answers());
        assertEquals(List.of(new Phenotype("Abnormal auditory evoked potentials", null),
                new Phenotype("Aganglionic megacolon", null), new Phenotype("Albinism", null),
                new Phenotype("Autosomal recessive inheritance", null), new Phenotype("Hearing impairment", null),
                new Phenotype("Hypopigmentation of the fundus", null), new Phenotype("Large for gestational age", null)),
                page.phenotypes());
    }

    @Test
    void readsEveryQtypeOfASixAnswerDocument() throws Exception {
        Page page = parse("0000011.xml");
        assertEquals("5", page.gardId());
        assertEquals("abetalipoproteinemia", page.slug());
        assertEquals("Abetalipoproteinemia", page.title());
        assertEquals(List.of("Bassen Kornzweig syndrome", "Microsomal triglyceride transfer protein deficiency disease",
                "Microsomal triglyceride transfer protein deficiency", "ABL", "Abetalipoproteinemia neuropathy",
                "Familial hypobetalipoproteinemia"), page.synonyms());
        List<Answer> a = page.answers();
        assertEquals(6, a.size());
        // "information" answers carry no heading: the question is MedQuAD's, with its " ?" closed up.
        assertAnswer(a.get(0), "What is (are) Abetalipoproteinemia?", Topic.SUMMARY, "summary",
                "Abetalipoproteinemia is a condition characterized by the inability to fully absorb dietary fats,");
        assertAnswer(a.get(1), "What are the signs and symptoms of Abetalipoproteinemia?", Topic.SYMPTOMS, "symptoms",
                "The signs and symptoms of abetalipoproteinemia usually appear in the first few months of life.");
        assertEquals("What causes abetalipoproteinemia?", a.get(2).question());
        assertEquals(Topic.CAUSES, a.get(2).topic());
        assertEquals("causes", a.get(2).slotKey());
        assertEquals("Abetalipoproteinemia is caused by changes (mutations) in the MTTP gene. The MTTP gene gives the "
                + "body instructions to make a protein needed for creating beta-lipoproteins. These lipoproteins are "
                + "necessary for the body to absorb fats, cholesterol, and fat-soluble vitamins (vitamins A, D, E and K), "
                + "and for transporting these substances in the blood. Mutations in the MTTP result in a lack of "
                + "beta-lipoproteins, leading to an inability to absorb and transport these substances. This in turn "
                + "leads to the nutritional and neurologic problems in affected people.", a.get(2).text());
        // The heading is GARD's, so it wins over MedQuAD's "Is Abetalipoproteinemia inherited ?".
        assertAnswer(a.get(3), "How is abetalipoproteinemia inherited?", Topic.INHERITANCE, "inheritance",
                "Abetalipoproteinemia is inherited in an autosomal recessive manner.");
        // not the standard question of its topic ("How is X diagnosed?"): a slot of its own, as in GARD's API records
        assertAnswer(a.get(4), "Is genetic testing available for abetalipoproteinemia?", Topic.DIAGNOSIS,
                "q:is-genetic-testing-available-for-abetalipoproteinemia",
                "Yes. The Genetic Testing Registry (GTR) provides information");
        assertAnswer(a.get(5), "How might abetalipoproteinemia be treated?", Topic.TREATMENT, "treatment",
                "A nutritionist or other qualified medical professional should be consulted");
    }

    @Test
    void decodesEntitiesAndTakesOffTheIsXInheritedHeading() throws Exception {
        Page page = parse("0000006.xml");
        assertEquals("9181", page.gardId());
        assertEquals("abdominal-aortic-aneurysm", page.slug());
        assertEquals(List.of("Aneurysm, abdominal aortic"), page.synonyms());
        List<Answer> a = page.answers();
        // the symptoms answer was only the phenotype table
        assertEquals(List.of("summary", "inheritance"), a.stream().map(Answer::slotKey).toList());
        assertFalse(page.phenotypes().isEmpty());
        assertTrue(a.get(0).text().contains("it may be considered \"familial abdominal aortic aneurysm.\" Treatment"));
        assertAnswer(a.get(1), "Is abdominal aortic aneurysm inherited?", Topic.INHERITANCE, "inheritance",
                "Abdominal aortic aneurysm (AAA) is thought to be a multifactorial condition,");
    }

    @Test
    void anAnswerThatIsOnlyItsHeadingKeepsTheHeadingAsQuestionAndHasNoText() throws Exception {
        Page page = parse("0000676.xml");
        assertEquals("5906", page.gardId());
        assertEquals("bells-palsy", page.slug());
        assertEquals("Bell's palsy", page.title());
        assertEquals(List.of("Facial palsy", "Facial cranial nerve paralysis", "Bell palsy", "Antoni's palsy",
                "Facial nerve palsy"), page.synonyms());
        List<Answer> a = page.answers();
        assertEquals(4, a.size());
        assertTrue(a.get(0).text().startsWith("Bell's palsy is a form of temporary facial paralysis"));
        assertAnswer(a.get(1), "What are the symptoms of Bell's palsy?", Topic.SYMPTOMS, "symptoms", "");
        assertAnswer(a.get(2), "What causes Bell's palsy?", Topic.CAUSES, "causes", "");
        assertAnswer(a.get(3), "How might Bell's palsy be treated?", Topic.TREATMENT, "treatment", "");
        for (Answer each : a.subList(1, 4)) {
            assertEquals("", each.text());
        }
    }

    @Test
    void listsARepeatedSynonymOnce() throws Exception {
        Page page = parse("0001397.xml");
        assertEquals("1420", page.gardId());
        assertEquals("cockayne-syndrome-type-ii", page.slug());
        assertEquals("Cockayne syndrome type II", page.title());
        assertEquals(List.of("Cockayne syndrome type B", "Cockayne syndrome type 2", "Cockayne syndrome"),
                page.synonyms());
        assertEquals(List.of(Topic.SUMMARY), page.answers().stream().map(Answer::topic).toList(),
                "the symptoms answer was only the phenotype table");
        // MedQuAD's double spaces between sentences are collapsed.
        assertTrue(page.answers().get(0).text().contains("eye and bone abnormalities. Cockayne syndrome type 1"));
    }

    @Test
    void anEmptyAnswerAndNoSynonymsAreKept() throws Exception {
        Page page = parse("0002079.xml");
        assertEquals("2101", page.gardId());
        assertEquals("emery-dreifuss-muscular-dystrophy-dominant-type", page.slug());
        assertEquals("Emery-Dreifuss muscular dystrophy, dominant type", page.title());
        assertEquals(List.of(), page.synonyms());
        assertAnswer(page.answers().get(0), "What is (are) Emery-Dreifuss muscular dystrophy, dominant type?",
                Topic.SUMMARY, "summary", "");
        assertEquals("", page.answers().get(0).text());
    }

    @Test
    void twoStandardQuestionsOfOneTopicGetDistinctSlots() throws Exception {
        Page page = parse(document("""
                <QAPairs>
                  <QAPair pid="1"><Question qtype="causes">What causes X ?</Question>
                    <Answer>What causes X? A change in a gene.</Answer></QAPair>
                  <QAPair pid="2"><Question qtype="causes">What causes X ?</Question>
                    <Answer>What causes X? Nobody knows.</Answer></QAPair>
                </QAPairs>"""), "x.xml");
        assertEquals(List.of("causes", "causes-2"), page.answers().stream().map(Answer::slotKey).toList());
    }

    @Test
    void onlyTheStandardQuestionTakesItsTopicsSlotAndUnknownQtypesAreOther() throws Exception {
        Page page = parse(document("""
                <QAPairs>
                  <QAPair pid="1"><Question qtype="causes">What causes X ?</Question>
                    <Answer>What causes X? A change in a gene.[1]</Answer></QAPair>
                  <QAPair pid="2"><Question qtype="causes">Is there a hereditary cause for X ?</Question>
                    <Answer>Is there a hereditary cause for X? Not known.</Answer></QAPair>
                  <QAPair pid="3"><Question qtype="frequency">How many people are affected by X ?</Question>
                    <Answer>About 1 in 10,000 people.</Answer></QAPair>
                </QAPairs>"""), "x.xml");
        List<Answer> a = page.answers();
        assertEquals(List.of("causes", "q:is-there-a-hereditary-cause-for-x", "q:how-many-people-are-affected-by-x"),
                a.stream().map(Answer::slotKey).toList());
        assertEquals(List.of(Topic.CAUSES, Topic.CAUSES, Topic.OTHER), a.stream().map(Answer::topic).toList());
        assertEquals("A change in a gene.[1]", a.get(0).text());
        assertEquals(List.of(1), a.get(0).citations());
        assertEquals("How many people are affected by X?", a.get(2).question());
        assertEquals("About 1 in 10,000 people.", a.get(2).text());
    }

    @Test
    void aLongOpeningSentenceOrOneWithASentenceBreakIsNotAHeading() throws Exception {
        Page page = parse(document("""
                <QAPairs>
                  <QAPair pid="1"><Question qtype="information">What is (are) X ?</Question>
                    <Answer>X is rare. Is it inherited? Sometimes.</Answer></QAPair>
                </QAPairs>"""), "x.xml");
        assertEquals("What is (are) X?", page.answers().get(0).question());
        assertEquals("X is rare. Is it inherited? Sometimes.", page.answers().get(0).text());
    }

    @Test
    void xmlThatIsNotWellFormedIsRefusedWithTheParserMessageAndLine() {
        String broken = document("<QAPairs><QAPair><Question qtype=\"causes\">Q ?</Question>\n<Answer>A</QAPair></QAPairs>");
        ParseException e = assertThrows(ParseException.class, () -> parse(broken, "broken.xml"));
        assertTrue(e.getMessage().startsWith("medquad-xml is not well-formed XML: "), e.getMessage());
        assertTrue(e.getMessage().contains("Answer"), e.getMessage());
        assertTrue(e.getMessage().endsWith(" at line 5"), e.getMessage());
    }

    @Test
    void aDocumentWithoutFocusIsRefused() {
        String noFocus = document("<QAPairs><QAPair><Question qtype=\"causes\">Q ?</Question><Answer>A</Answer>"
                + "</QAPair></QAPairs>").replace("<Focus>X</Focus>", "");
        ParseException e = assertThrows(ParseException.class, () -> parse(noFocus, "nofocus.xml"));
        assertEquals("medquad-xml has no <Focus> (the disease name) under <Document>", e.getMessage());
    }

    @Test
    void aDocumentWithoutQaPairsIsRefused() {
        ParseException e = assertThrows(ParseException.class, () -> parse(document("<QAPairs></QAPairs>"), "e.xml"));
        assertTrue(e.getMessage().startsWith("medquad-xml has no <QAPair>"), e.getMessage());
    }

    @Test
    void aDoctypeWithAnExternalEntityIsRefusedAndTheFileIsNeverRead(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-CONTENT");
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE Document [<!ENTITY xxe SYSTEM "%s">]>
                <Document id="1" source="GARD" url="https://rarediseases.info.nih.gov/gard/1/x">
                <Focus>&xxe;</Focus>
                <QAPairs><QAPair pid="1"><Question qtype="causes">What causes X ?</Question>
                <Answer>&xxe;</Answer></QAPair></QAPairs>
                </Document>
                """.formatted(secret.toUri());
        ParseException e = assertThrows(ParseException.class, () -> parse(xml, "xxe.xml"));
        assertEquals("medquad-xml declares a DOCTYPE, which is refused: a MedQuAD document has none, and DTDs and "
                + "external entities are never read", e.getMessage());
        // The parser itself is hardened too: behind a comment the pre-check still sees it, and a DOCTYPE the
        // pre-check cannot see (after the root element starts) is a parser error, never an expansion.
        String late = xml.replace("<!DOCTYPE Document [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>\n", "")
                .replace("<Focus>&xxe;</Focus>", "<Focus>X</Focus><!DOCTYPE x [<!ENTITY y SYSTEM \""
                        + secret.toUri() + "\">]>");
        ParseException parserError = assertThrows(ParseException.class, () -> parse(late, "late.xml"));
        assertTrue(parserError.getMessage().startsWith("medquad-xml is not well-formed XML: "), parserError.getMessage());
        assertFalse(parserError.getMessage().contains("TOP-SECRET"), parserError.getMessage());
    }

    @Test
    void theDoctypeCheckLooksPastTheDeclarationCommentsAndProcessingInstructions() {
        assertTrue(MedQuadXmlParser.declaresDoctype("<?xml version=\"1.0\"?>\n<!-- c -->\n<?pi x?>\n<!DOCTYPE d>"));
        assertFalse(MedQuadXmlParser.declaresDoctype("<?xml version=\"1.0\"?>\n<Document><!-- <!DOCTYPE d> -->"));
        assertFalse(MedQuadXmlParser.declaresDoctype(""));
    }

    @Test
    void theHardenedParserRefusesADoctypeEvenWithoutThePreCheck(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-CONTENT");
        String xml = "<!DOCTYPE Document [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>"
                + "<Document url=\"https://rarediseases.info.nih.gov/gard/1/x\"><Focus>&xxe;</Focus></Document>";
        ParseException e = assertThrows(ParseException.class, () -> MedQuadXmlParser.readHardened(xml));
        assertTrue(e.getMessage().startsWith("medquad-xml is not well-formed XML: "), e.getMessage());
        assertFalse(e.getMessage().contains("TOP-SECRET"), e.getMessage());
    }

    private static String document(String qaPairs) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<Document id=\"1\" source=\"GARD\" url=\"https://rarediseases.info.nih.gov/gard/1/x\">\n"
                + "<Focus>X</Focus>\n" + qaPairs + "\n</Document>\n";
    }
}
