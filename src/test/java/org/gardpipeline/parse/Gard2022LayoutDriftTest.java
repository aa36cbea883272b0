package org.gardpipeline.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.gardpipeline.Fixtures;
import org.gardpipeline.SiteEdits;
import org.gardpipeline.model.ParsedPage;
import org.junit.jupiter.api.Test;

/**
 * Real 2022 pages with the markup changes GARD could make: those that leave a landmark missing or text the parser
 * cannot attribute are refused naming the landmark; those that leave the content readable read exactly the same.
 */
class Gard2022LayoutDriftTest {
    /** Symptom list with its carousel, Causes with two blocks of tabs. */
    private static final String FULL = "gard-2022/caudal-regression-sequence";
    /** Causes shows the placeholder in .causes-text, and a block of tabs. */
    private static final String PLACEHOLDER_CAUSES = "gard-2022/15q133-microdeletion-syndrome";

    private static String html(String resource) {
        return new String(Fixtures.bytes(resource), StandardCharsets.UTF_8);
    }

    private static ParsedPage parse(String html) throws ParseException {
        return Parsers.parseWithLayout(html.getBytes(StandardCharsets.UTF_8), "page");
    }

    private static String refusal(String html) {
        return assertThrows(ParseException.class, () -> parse(html)).getMessage();
    }

    private static String replaced(String html, String from, String to) {
        assertTrue(html.contains(from), "the page has no " + from);
        return html.replace(from, to);
    }

    @Test
    void theLandmarksOfAPageAreListedInPageOrder() throws Exception {
        assertEquals(List.of("app-disease-about", "h1.title", "dl.synonyms", "/diseases/<id>/<slug> link",
                "app-disease-at-a-glance-summary: text", "app-disease-at-a-glance-people-affected: .content-wrapper",
                "app-disease-at-a-glance-categories: .category", "app-age-at-onset: .under",
                "app-symptoms-section: .symptom-list-container", "app-causes-container: .causes-tabs-container",
                "app-bottom-sources-date-information: Last Updated", "app-view-sources-references: .article"),
                parse(html(FULL)).layout().landmarks());
        List<String> placeholders = parse(html("gard-2022/1q-duplications")).layout().landmarks();
        assertTrue(placeholders.contains("app-symptoms-section: placeholder"), placeholders.toString());
        assertTrue(placeholders.contains("app-causes-container: .causes-text"), placeholders.toString());
    }

    @Test
    void aRenamedComponentIsRefusedNamingIt() {
        String message = refusal(replaced(html(FULL), "app-symptoms-section", "app-symptoms-panel"));
        assertTrue(message.startsWith("gard-2022-html layout changed: no <app-symptoms-section> in the page"), message);
        assertTrue(refusal(replaced(html(FULL), "app-causes-container", "app-causes"))
                .contains("no <app-causes-container> in the page"));
        assertTrue(refusal(replaced(html(FULL), "app-view-sources-references", "app-sources"))
                .contains("no <app-view-sources-references> in the page"));
    }

    @Test
    void aRenamedSymptomListClassIsRefusedNamingIt() {
        String message = refusal(replaced(html(FULL), "symptom-list-container", "symptom-list-box-items"));
        assertTrue(message.contains("<app-symptoms-section> holds text outside its placeholder (it has no "
                + ".symptom-list-container)"), message);
        assertTrue(refusal(replaced(html(FULL), "<button class=\"list-item ", "<button class=\"symptom-item ")).contains("holds no button.list-item"));
    }

    @Test
    void aRenamedCausesClassIsRefusedNamingIt() {
        String message = refusal(replaced(html(FULL), "causes-tabs-container", "causes-tabs"));
        assertTrue(message.contains("<app-causes-container> holds text outside its .causes-text or "
                + ".causes-tabs-container: 'Genetic Disease"), message);
        assertTrue(refusal(replaced(html(PLACEHOLDER_CAUSES), "class=\"causes-text", "class=\"causes-body"))
                .contains("holds text outside its .causes-text or .causes-tabs-container: 'This section"));
    }

    /**
     * Issue 24: a renamed class that a causes paragraph hangs on dropped the paragraph from the answer in silence (on 60
     * real pages, 5 changed answers); the block's text is now accounted for whole.
     */
    @Test
    void aRenamedCausesDescriptionIsRefusedNamingItsText() {
        String message = refusal(replaced(html(FULL), "class=\"tabs-description", "class=\"tab-description"));
        assertEquals("gard-2022-html layout changed: text in <app-causes-container> that the parser does not read: "
                + "\"Caudal regression sequence is a genetic disease, which means...\"; the parser must learn the new "
                + "markup before this page can be read", message);
    }

    @Test
    void renamedFurnitureAndReadPartsOfTheSymptomsAndAgesAreRefused() {
        assertTrue(refusal(replaced(html(FULL), "class=\"main-term", "class=\"term"))
                .contains("text in <app-symptoms-section> that the parser does not read: \""), "main-term");
        assertTrue(refusal(replaced(html(FULL), "class=\"text\"", "class=\"value\""))
                .contains("text in <app-symptoms-section> that the parser does not read: \"Very frequent"), "text");
        assertTrue(refusal(replaced(html(FULL), "class=\"sr-only", "class=\"visually-hidden"))
                .contains("the highlighted age group in <app-age-at-onset> has no .sr-only 'Selected'"), "sr-only");
        assertTrue(refusal(replaced(html(FULL), "class=\"ghost", "class=\"measure"))
                .contains("a clamped text without its .ghost copy"), "ghost");
    }

    @Test
    void aDateMovedOutOfItsBlockIsRefusedNamingTheBlock() {
        String page = html(FULL);
        int date = page.indexOf("Last Updated");
        String moved = page.substring(0, date) + "Updated" + page.substring(date + "Last Updated".length());
        assertTrue(refusal(moved).contains("no 'Last Updated' line in <app-bottom-sources-date-information>"));
    }

    @Test
    void aSectionWithItsTextInANewPlaceIsRefusedAsTextItCannotAttribute() {
        String moved = replaced(html(FULL), "<div _ngcontent-mwb-c47=\"\" class=\"etiology-section\">",
                "<p class=\"causes-intro\">Most cases are caused by a new variant.</p><div class=\"etiology-section\">");
        assertTrue(refusal(moved).contains("<app-causes-container> holds text outside its .causes-text or "
                + ".causes-tabs-container: 'Most cases are caused by a new variant.'"));
    }

    @Test
    void aShellWithoutContentIsRefused() {
        String page = html(FULL);
        int start = page.indexOf('>', page.indexOf("<app-disease-at-a-glance-summary")) + 1;
        int end = page.indexOf("</app-disease-at-a-glance-summary>");
        String empty = page.substring(0, start) + page.substring(end);
        assertTrue(refusal(empty).contains("<app-disease-at-a-glance-summary> shows neither a summary nor GARD's placeholder"));
        String shell = "<!DOCTYPE html><html><head></head><body><app-root ng-version=\"11.2.14\"><app-disease-about>"
                + "<h1 class=\"title\">Caudal regression sequence</h1></app-disease-about><app-footer><footer>GARD</footer>"
                + "</app-footer></app-root></body></html>";
        assertTrue(refusal(shell).contains("layout changed: no <app-disease-at-a-glance-summary> in the page"));
    }

    @Test
    void aMaintenancePageAndACutOffPageAreRefused() {
        String maintenance = "<!DOCTYPE html><html><head></head><body><app-root ng-version=\"11.2.14\"><app-maintenance>"
                + "<h1 class=\"title\">We are performing scheduled maintenance</h1></app-maintenance><app-footer>"
                + "<footer>GARD</footer></app-footer></app-root></body></html>";
        assertTrue(refusal(maintenance).startsWith("gard-2022-html document of an unknown layout"));
        String page = html(FULL);
        for (int tenth = 1; tenth <= 9; tenth++) {
            String cut = page.substring(0, page.length() * tenth / 10);
            assertTrue(refusal(cut).startsWith("gard-2022-html page is truncated"), "cut at " + tenth + "/10");
        }
    }

    @Test
    void addedWrappersReadTheSameWithAnotherOutline() throws Exception {
        String page = html(FULL);
        String wrapped = replaced(page, "<app-symptoms-section", "<div class=\"section-frame\"><app-symptoms-section");
        wrapped = replaced(wrapped, "</app-symptoms-section>", "</app-symptoms-section></div>");
        wrapped = replaced(wrapped, "<app-causes-container", "<section class=\"causes-frame\"><app-causes-container");
        wrapped = replaced(wrapped, "</app-causes-container>", "</app-causes-container></section>");
        ParsedPage before = parse(page);
        ParsedPage after = parse(wrapped);
        assertEquals(before.page(), after.page());
        assertEquals(before.layout().landmarks(), after.layout().landmarks());
        assertNotEquals(before.layout().outline(), after.layout().outline());
    }

    @Test
    void attributesWhitespaceAndScriptBundlesChangeNeitherThePageNorItsOutline() throws Exception {
        for (String resource : List.of(FULL, PLACEHOLDER_CAUSES, "gard-2022/1q-duplications")) {
            String page = html(resource);
            String variant = SiteEdits.cosmeticVariant(page).replace("<div class=\"", "<div data-test-id=\"x\" class=\"")
                    .replace("</app-disease-about>", "<script src=\"chunk.5f1e2d3c4b5a69788796.js\"></script>\n\n"
                            + "</app-disease-about>");
            ParsedPage before = parse(page);
            ParsedPage after = parse(variant);
            assertEquals(before.page(), after.page(), resource);
            assertEquals(before.layout().landmarks(), after.layout().landmarks(), resource);
            assertNotNull(before.layout().outline());
            assertEquals(before.layout().outline(), after.layout().outline(), resource);
        }
    }

    /**
     * Regression: 1q-duplications holds Angular's empty comments saved as text ("&lt; !----&gt;"), one of them in
     * its empty Categories, which the first landmark check took for text it could not attribute.
     */
    @Test
    void strayCommentMarksInAnEmptySectionAreNotText() throws Exception {
        String page = html("gard-2022/1q-duplications");
        assertTrue(page.contains("< !---->"));
        assertTrue(parse(page).layout().landmarks().contains("app-disease-at-a-glance-categories: empty"));
    }
}
