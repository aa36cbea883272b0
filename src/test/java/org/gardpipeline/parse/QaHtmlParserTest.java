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

class QaHtmlParserTest {
    private static final String HTML = "qa-html/caudal-regression-sequence.html";
    private static final String TEXT = "answer-text/caudal-regression-sequence.txt";

    private static Page html() throws ParseException {
        return Parsers.parse(Fixtures.bytes(HTML), HTML);
    }

    private static Page parse(String html) throws ParseException {
        return Parsers.parse(html.getBytes(StandardCharsets.UTF_8), "page.html");
    }

    @Test
    void theHtmlLayoutGivesTheSamePageAsTheTextAnswer() throws Exception {
        Page html = html();
        Page text = Parsers.parse(Fixtures.bytes(TEXT), TEXT);
        assertEquals(Format.QA_HTML, html.format());
        assertEquals(text.title(), html.title());
        assertEquals(text.inquiry(), html.inquiry());
        assertEquals(text.references(), html.references());
        assertEquals(text.answers().size(), html.answers().size());
        for (int i = 0; i < text.answers().size(); i++) {
            Answer t = text.answers().get(i);
            Answer h = html.answers().get(i);
            assertEquals(t.question(), h.question());
            assertEquals(t.topic(), h.topic());
            assertEquals(t.slotKey(), h.slotKey());
            assertEquals(t.text(), h.text());
            assertEquals(t.lastUpdated(), h.lastUpdated());
            assertEquals(t.citations(), h.citations());
            assertEquals(t.references(), h.references());
        }
        // Everything else too: no id, no synonyms, no facts.
        assertEquals(new Page(Format.QA_HTML, text.gardId(), text.slug(), text.title(), text.synonyms(), text.inquiry(),
                text.facts(), text.answers(), text.references()), html);
    }

    @Test
    void readsTheValuesOfTheTextAnswer() throws Exception {
        Page page = html();
        assertEquals("Caudal regression sequence", page.title());
        assertNull(page.gardId());
        List<Answer> a = page.answers();
        assertEquals(List.of("What causes caudal regression syndrome?",
                "Is there evidence that caudal regression syndrome may be caused by fetal exposure to medications during "
                        + "pregnancy?",
                "Does exposure to ciprofloxacin in pregnancy cause caudal regression syndrome?"),
                a.stream().map(Answer::question).toList());
        assertEquals(List.of(Topic.CAUSES, Topic.OTHER, Topic.OTHER), a.stream().map(Answer::topic).toList());
        assertEquals(List.of(LocalDate.of(2015, 9, 10), LocalDate.of(2012, 9, 28), LocalDate.of(2012, 9, 28)),
                a.stream().map(Answer::lastUpdated).toList());
        assertEquals(3, a.get(0).text().split("\n\n").length);
        assertTrue(a.get(0).text().startsWith("Caudal regression syndrome (CRS) may have different causes in different "
                + "people. In many cases, the cause is unclear.[1][2] It is thought to be a multifactorial disorder,"));
        assertEquals(List.of(1, 2), a.get(0).citations());
        assertEquals(List.of(new Reference(1, "Boulas MM. Recognition of caudal regression syndrome. Adv Neonatal Care. "
                + "April 2009; 9(2):61-69.", null, null, null), new Reference(2, "Caudal regression syndrome. Genetics "
                + "Home Reference. August, 2015; http://ghr.nlm.nih.gov/condition/caudal-regression-syndrome.",
                "http://ghr.nlm.nih.gov/condition/caudal-regression-syndrome", null, null)), page.references());
    }

    @Test
    void dropsSiteChromeSignOffScriptsAndFooter() throws Exception {
        for (Answer a : html().answers()) {
            for (String boilerplate : List.of("Browse A-Z", "Search GARD", "Home", "We hope this information",
                    "Warm regards", "GARD Information Specialist", "Disclaimer", "Last updated", "NHGRI", "gardPage",
                    "Boulas MM", "References")) {
                assertFalse(a.text().contains(boilerplate), a.question() + " holds " + boilerplate);
            }
        }
    }

    @Test
    void aDateAfterABreakInTheLastParagraphAndReferencesAsNumberedParagraphs() throws Exception {
        Page page = parse("""
                <html><head><title>Some disease | GARD</title>
                <link rel="canonical" href="https://rarediseases.info.nih.gov/gard/6007/caudal-regression-sequence/cases/1">
                </head><body>
                <h2>How might some disease be treated?</h2>
                <p>First line
                   of the answer.[2]<br>Second line.<br><br>Another paragraph.<br>Last updated: 2/29/2016</p>
                <p>Warm regards,</p>
                <p>1. First reference.</p>
                <p>2. Second reference,<br>continued. PMID: 12345</p>
                </body></html>""");
        assertEquals("Some disease", page.title());
        assertEquals("6007", page.gardId());
        assertEquals("caudal-regression-sequence", page.slug());
        Answer a = page.answers().get(0);
        assertEquals(Topic.TREATMENT, a.topic());
        assertEquals("treatment", a.slotKey());
        assertEquals("First line of the answer.[2] Second line.\n\nAnother paragraph.", a.text());
        assertEquals(LocalDate.of(2016, 2, 29), a.lastUpdated());
        assertEquals(List.of(2), a.citations());
        assertEquals(List.of(new Reference(1, "First reference.", null, null, null),
                new Reference(2, "Second reference, continued. PMID: 12345", null, "12345", null)), page.references());
        assertEquals(List.of(page.references().get(1)), a.references());
    }

    @Test
    void anAnswerWithoutADateEndsAtTheNextHeadingAndListItemsHonourStart() throws Exception {
        Page page = parse("""
                <html><body><h1>X syndrome</h1>
                <h3>What causes X syndrome?</h3><div>Nobody knows.</div>
                <h3>Is X syndrome inherited?</h3><div><p>Rarely.[3]</p><p>Last updated: 1/2/2013</p></div>
                <h3>Sources</h3><ol start="3"><li><p>Third source.</p></li><li value="7">Seventh source.</li></ol>
                </body></html>""");
        List<Answer> a = page.answers();
        assertEquals(List.of("causes", "inheritance"), a.stream().map(Answer::slotKey).toList());
        assertEquals("Nobody knows.", a.get(0).text());
        assertNull(a.get(0).lastUpdated());
        assertEquals("Rarely.[3]", a.get(1).text());
        assertNull(page.inquiry());
        assertEquals(List.of(3, 7), page.references().stream().map(Reference::number).toList());
        assertEquals(List.of(page.references().get(0)), a.get(1).references());
    }

    @Test
    void aPageWithoutAQuestionHeadingIsRefused() {
        ParseException e = assertThrows(ParseException.class, () -> parse(
                "<html><body><h1>X</h1><p>Text.</p><p>Last updated: 1/2/2013</p></body></html>"));
        assertEquals("no recognisable question: no heading after the title ends with '?'", e.getMessage());
    }

    @Test
    void anImpossibleDateIsRefused() {
        ParseException e = assertThrows(ParseException.class, () -> parse(
                "<html><body><h1>X</h1><h2>What causes X?</h2><p>A.</p><p>Last updated: 2/30/2013</p></body></html>"));
        assertEquals("impossible date 'Last updated: 2/30/2013'", e.getMessage());
    }
}
