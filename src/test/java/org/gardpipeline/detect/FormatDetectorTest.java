package org.gardpipeline.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.gardpipeline.Fixtures;
import org.gardpipeline.model.Format;
import org.junit.jupiter.api.Test;

class FormatDetectorTest {
    private static Optional<Format> detect(String resource) {
        return FormatDetector.detect(Decoder.decode(Fixtures.bytes(resource)));
    }

    @Test
    void recognisesTheGardAnswerText() {
        assertEquals(Optional.of(Format.ANSWER_TEXT), detect("answer-text/caudal-regression-sequence.txt"));
    }

    @Test
    void recognisesMedQuadDocuments() {
        assertEquals(Optional.of(Format.MEDQUAD_XML), detect("medquad/0000004.xml"));
        assertEquals(Optional.of(Format.MEDQUAD_XML), detect("medquad/0002079.xml"));
    }

    @Test
    void recognisesTheQuestionAndAnswerHtml() {
        assertEquals(Optional.of(Format.QA_HTML), detect("qa-html/caudal-regression-sequence.html"));
    }

    @Test
    void recognisesA2022PageFromItsFirst1600Bytes() {
        // The head of pages/myotonic-dystrophy-type-1 from gard-2022-html.tar.xz, cut off mid-style.
        assertEquals(Optional.of(Format.GARD_2022_HTML), detect("detect/gard-2022-myotonic-dystrophy-type-1-head.html"));
    }

    @Test
    void medQuadIsRecognisedWithABomACommentOrADoctypeAndWithoutTheXmlDeclaration() {
        String doc = "<Document id=\"1\" url=\"https://rarediseases.info.nih.gov/gard/1/x\">\n<Focus>X</Focus>\n"
                + "<QAPairs></QAPairs></Document>";
        assertEquals(Optional.of(Format.MEDQUAD_XML), FormatDetector.detect(doc));
        assertEquals(Optional.of(Format.MEDQUAD_XML), FormatDetector.detect("\uFEFF<?xml version=\"1.0\"?>\n" + doc));
        assertEquals(Optional.of(Format.MEDQUAD_XML), FormatDetector.detect("<!-- saved -->\n" + doc));
        // Recognised so that the parser can refuse it with its reason.
        assertEquals(Optional.of(Format.MEDQUAD_XML),
                FormatDetector.detect("<?xml version=\"1.0\"?><!DOCTYPE Document [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                        + doc));
    }

    @Test
    void otherXmlIsNotMedQuadAndXhtmlWithAPrologIsStillHtml() {
        assertEquals(Optional.empty(), FormatDetector.detect("<?xml version=\"1.0\"?><feed><entry/></feed>"));
        assertEquals(Optional.empty(), FormatDetector.detect("<?xml version=\"1.0\"?><Documents><Focus/></Documents>"));
        assertEquals(Optional.of(Format.QA_HTML), FormatDetector.detect("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body><h1>X</h1><h2>What causes X?</h2><p>A.</p>"
                + "<p><em>Last updated:</em> <span>9/10/2015</span></p></body></html>"));
    }

    @Test
    void htmlWithoutADatedAnswerIsNoFormatAndPlainTextWithoutOneNeither() {
        assertEquals(Optional.empty(), FormatDetector.detect("<html><body><h1>News</h1><p>Last updated: yesterday</p>"
                + "</body></html>"));
        assertEquals(Optional.empty(), FormatDetector.detect("hello world"));
    }

    @Test
    void aLargePageWithoutADateIsDecidedQuickly() {
        String big = "<html><body>" + "<div><p>Last updated soon &lt;not&gt; <b>a</b> date.</p></div>\n".repeat(40_000)
                + "</body></html>";
        long start = System.nanoTime();
        assertEquals(Optional.empty(), FormatDetector.detect(big));
        long millis = (System.nanoTime() - start) / 1_000_000;
        // Generous: a few milliseconds on a laptop; the old tag-stripping regex copied the whole page.
        org.junit.jupiter.api.Assertions.assertTrue(millis < 2_000, millis + " ms");
    }
}
