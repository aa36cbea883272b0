package org.gardpipeline.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.gardpipeline.Fixtures;
import org.gardpipeline.model.Answer;
import org.gardpipeline.model.Format;
import org.gardpipeline.model.Page;
import org.gardpipeline.model.Phenotype;
import org.gardpipeline.model.Reference;
import org.gardpipeline.model.ReferenceParts;
import org.gardpipeline.model.Topic;
import org.junit.jupiter.api.Test;

/** GARD's API records of 2020, read from real records of ../shared/corpus/gard-api-2020.tar.xz. */
class ApiJsonParserTest {
    private static Page parse(String file) throws ParseException {
        return Parsers.parse(Fixtures.bytes("gard-api/" + file), file);
    }

    private static Page parse(byte[] bytes) throws ParseException {
        return Parsers.parse(bytes, "record.json");
    }

    private static Answer slot(Page page, String key) {
        return page.answers().stream().filter(a -> a.slotKey().equals(key)).findFirst().orElseThrow(
                () -> new AssertionError("no slot " + key + " in " + page.answers().stream().map(Answer::slotKey).toList()));
    }

    @Test
    void readsThePageItsNamesAndIdentifiers() throws Exception {
        Page page = parse("6007.json");
        assertEquals(Format.API_JSON, page.format());
        assertEquals("6007", page.gardId());
        assertEquals("caudal-regression-sequence", page.slug());
        assertEquals("Caudal regression sequence", page.title());
        assertEquals(List.of("Caudal dysplasia", "Sacral agenesis syndrome", "Sacral regression syndrome", "Sacral agenesis",
                "Sacral defect with anterior meningocele", "Caudal regression syndrome"), page.synonyms());
        assertEquals(Map.of("identifiers", "OMIM:600145; ORPHANET:3027", "categories",
                "Congenital and Genetic Diseases; Digestive Diseases; Kidney and Urinary Diseases; Nervous System Diseases"),
                page.facts());
        assertNull(page.inquiry());
        assertTrue(page.format().wholePage(), "a record holds every answered question of its page");
    }

    @Test
    void everyAnsweredQuestionOnceInItsSlot() throws Exception {
        Page page = parse("6007.json");
        // overview, five basic questions of which four answered... as the record holds them: each questionId once
        assertEquals(List.of("summary", "symptoms", "causes", "prognosis",
                "q:do-children-with-caudal-regression-syndrome-commonly-have-blue-feet",
                "q:is-there-evidence-that-caudal-regression-syndrome-may-be-caused-by-fetal-exposure-to-medications-during-pregnancy",
                "q:does-exposure-to-ciprofloxacin-in-pregnancy-cause-caudal-regression-syndrome",
                "q:does-caudal-regression-syndrome-cause-learning-disabilities-or-intellectual-disability"),
                page.answers().stream().map(Answer::slotKey).toList());
        // case questions classified "Cause" keep slots of their own, with that topic
        assertEquals(Topic.CAUSES, slot(page, "q:does-exposure-to-ciprofloxacin-in-pregnancy-cause-caudal-regression-syndrome").topic());
        assertEquals(Topic.OTHER, slot(page, "q:do-children-with-caudal-regression-syndrome-commonly-have-blue-feet").topic());
        assertEquals("What is caudal regression syndrome?", slot(page, "summary").question());
        assertEquals(LocalDate.of(2015, 9, 9), slot(page, "summary").lastUpdated());
    }

    /** The seed answer is case 36631 of record 6007: the same three answers, to the letter. */
    @Test
    void theSeedAndGardsRecordReadTheSame() throws Exception {
        Page seed = Parsers.parse(Fixtures.bytes("answer-text/caudal-regression-sequence.txt"), "seed.txt");
        Page record = parse("6007.json");
        for (Answer s : seed.answers()) {
            Answer r = slot(record, s.slotKey());
            assertEquals(s.question(), r.question());
            assertEquals(s.text(), r.text(), s.slotKey());
            assertEquals(s.lastUpdated(), r.lastUpdated(), s.slotKey());
            assertEquals(s.citations(), r.citations(), s.slotKey());
            assertEquals(s.references().stream().map(ApiJsonParserTest::readerVisible).toList(),
                    r.references().stream().map(ApiJsonParserTest::readerVisible).toList(), s.slotKey());
        }
    }

    private static List<Object> readerVisible(Reference r) {
        return Arrays.asList(r.number(), r.citation(), r.url(), r.pmid(), r.doi());
    }

    @Test
    void answerTextIsWhatAReaderSaw() throws Exception {
        Answer causes = slot(parse("6007.json"), "causes");
        String[] paragraphs = causes.text().split("\n\n");
        assertEquals(3, paragraphs.length);
        assertEquals("Diabetes in a pregnant woman (maternal diabetes) is a known risk factor for CRS.[2] Increased blood "
                + "sugar levels and other associated metabolic problems may harm fetal development, increasing the chance "
                + "to develop CRS. The risk is further increased if the mother's diabetes is poorly managed.[2]", paragraphs[1]);
        assertFalse(causes.text().contains("\r"));
        assertFalse(causes.text().contains("&nbsp;"));
        assertFalse(causes.text().contains("\u00a0"));
    }

    @Test
    void referencesAreStructuredAndNumberedByFirstCitation() throws Exception {
        Answer causes = slot(parse("6007.json"), "causes");
        assertEquals(List.of(1, 2), causes.citations());
        Reference boulas = causes.references().get(0);
        assertEquals("Boulas MM. Recognition of caudal regression syndrome. Adv Neonatal Care. April 2009; 9(2):61-69.",
                boulas.citation());
        assertEquals(new ReferenceParts("Boulas MM", "Recognition of caudal regression syndrome", "Adv Neonatal Care",
                "April 2009", "9(2)", "61-69"), boulas.parts());
        Reference ghr = causes.references().get(1);
        assertEquals(2, ghr.number());
        assertEquals("Caudal regression syndrome. Genetics Home Reference. August, 2015; "
                + "http://ghr.nlm.nih.gov/condition/caudal-regression-syndrome.", ghr.citation());
        assertEquals("http://ghr.nlm.nih.gov/condition/caudal-regression-syndrome", ghr.url());
    }

    /** Record 10757 cites in its overview two references that only its record's other lists hold. */
    @Test
    void citationsResolveInOtherListsOfTheRecord() throws Exception {
        Answer summary = slot(parse("10757.json"), "summary");
        assertTrue(summary.text().endsWith("an inherited condition that occurs with alkaptonuria.[2][1]"), summary.text());
        assertEquals(List.of(1, 2), summary.references().stream().map(Reference::number).toList());
        assertEquals("Bhattar PA, Zawar VP, Godse KV, Patil SP, Nakarni NJ, Gautam MM. Exogenous Ochronosis. Indian J Derm. "
                + "Nov-Dec 2015; 60(6):537-43; https://www.ncbi.nlm.nih.gov/pubmed/26677264.", summary.references().get(0).citation());
        assertEquals("26677264", summary.references().get(0).pmid());
    }

    /** Record 1089 cites reference 7502, which no list of the record holds: the citation stays, dangling. */
    @Test
    void aCitationThatPointsNowhereStaysDangling() throws Exception {
        Answer summary = slot(parse("1089.json"), "summary");
        assertEquals(List.of(1), summary.citations());
        assertEquals(List.of(), summary.references());
        assertTrue(summary.text().endsWith("The cause of the condition is unknown.[1]"), summary.text());
    }

    @Test
    void phenotypesAreTheRecordsOwnList() throws Exception {
        List<Phenotype> phenotypes = parse("6007.json").phenotypes();
        assertEquals(41, phenotypes.size());
        assertEquals(new Phenotype("Abnormal vertebral segmentation and fusion", "Very frequent (80%-99%)"), phenotypes.get(0));
        assertEquals(new Phenotype("Urinary retention", null), phenotypes.get(40));
    }

    @Test
    void aRecordWithoutAnyAnswerHasNone() throws Exception {
        byte[] empty = ("{\"mainPropery\":{\"diseaseId\":12016,\"diseaseName\":\"Primary melanoma of the central nervous system\"},"
                + "\"overviewQuestion\":{\"questionId\":0,\"dateModified\":\"0001-01-01T00:00:00\"},\"basicQuestions\":[],"
                + "\"gardCases\":[],\"phenoTypes\":[]}").getBytes(StandardCharsets.UTF_8);
        Page page = parse(empty);
        assertEquals(List.of(), page.answers()); // and removes none: ApiHistoryTest.aRecordWithoutAnswersRemovesNone
    }

    @Test
    void thePlaceholderDateIsNoDate() throws Exception {
        byte[] record = ("{\"mainPropery\":{\"diseaseId\":1,\"diseaseName\":\"X syndrome\"},\"overviewQuestion\":"
                + "{\"questionId\":5,\"questionText\":\"What is X syndrome?\",\"answerText\":\"A rare disease.\","
                + "\"dateModified\":\"0001-01-01T00:00:00\"},\"aKeyNoParserKnows\":{\"x\":[1,2]}}").getBytes(StandardCharsets.UTF_8);
        Answer a = parse(record).answers().get(0);
        assertNull(a.lastUpdated());
        assertEquals("A rare disease.", a.text());
    }

    @Test
    void theListOfDiseasesIsNoPage() {
        NotAPageException e = assertThrows(NotAPageException.class, () -> parse("diseases-list-first-3.json"));
        assertTrue(e.getMessage().startsWith("GARD API list of diseases"), e.getMessage());
    }

    @Test
    void theSitesOwnListOfPagesIsNoPageEither() {
        NotAPageException e = assertThrows(NotAPageException.class,
                () -> Parsers.parse(Fixtures.bytes("gard-list/diseases.trimmed.json"), "diseases.trimmed.json"));
        assertTrue(e.getMessage().startsWith("GARD's list of its disease pages"), e.getMessage());
    }

    @Test
    void aTruncatedRecordIsRefusedInOneLine() {
        byte[] whole = Fixtures.bytes("gard-api/6007.json");
        ParseException e = assertThrows(ParseException.class, () -> parse(Arrays.copyOf(whole, 5000)));
        assertTrue(e.getMessage().startsWith("gard-api-json is not well-formed JSON (cut short in saving?): "), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void aFieldOfTheWrongTypeIsNamed() {
        String record = new String(Fixtures.bytes("gard-api/6007.json"), StandardCharsets.UTF_8)
                .replace("\"diseaseName\": \"Caudal regression sequence\"", "\"diseaseName\": 6007")
                .replace("\"diseaseName\":\"Caudal regression sequence\"", "\"diseaseName\":6007");
        ParseException e = assertThrows(ParseException.class, () -> parse(record.getBytes(StandardCharsets.UTF_8)));
        assertEquals("gard-api-json field mainPropery.diseaseName is a number, expected a string", e.getMessage());
    }

    @Test
    void aRecordWithoutItsDiseaseIdIsRefused() {
        byte[] record = "{\"mainPropery\":{\"diseaseName\":\"X\"},\"basicQuestions\":[]}".getBytes(StandardCharsets.UTF_8);
        ParseException e = assertThrows(ParseException.class, () -> parse(record));
        assertEquals("gard-api-json record has no mainPropery.diseaseId (the disease's GARD id)", e.getMessage());
    }
}
