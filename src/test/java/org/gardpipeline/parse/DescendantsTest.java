package org.gardpipeline.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.gardpipeline.detect.Decoder;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The hand walk finds what jsoup's select finds, in the same order, on the real 2022 pages. */
class DescendantsTest {
    /** Every selector the 2022 parser runs, and a few more of the same kinds. */
    private static final List<String> SELECTORS = List.of("span.host", "dd", "h1, h2, h3, h4, h5, h6", ".main-term",
            "app-bar-header", "h1, h2, h3", ".symptom-list-container", "button.list-item", ".dropdown-list", "button",
            ".marker-text", ".text", ".content-wrapper", ".category", ".under.active", ".article", ".carousel-slide",
            ".medical-term-header", ".causes-text", ".causes-tabs-container", "h5, h4, h3", ".tabs-description",
            "ul[role=tablist]", "[role=tab]", ".under-title", ".under-under-age-range", "p:containsOwn(Last Updated)",
            "li", "a[href]", "div", "*", "html", "nosuchtag");

    static Stream<Path> pages() throws Exception {
        return Files.list(Path.of(DescendantsTest.class.getClassLoader().getResource("gard-2022").toURI())).sorted();
    }

    @ParameterizedTest
    @MethodSource("pages")
    void findsWhatSelectFindsInTheSameOrder(Path page) throws Exception {
        Document doc = Jsoup.parse(Decoder.decode(Files.readAllBytes(page)));
        List<Element> roots = new ArrayList<>(List.of(doc));
        roots.addAll(doc.select("[class], dl, ul, app-symptoms-section, app-causes-container"));
        for (String selector : SELECTORS) {
            Evaluator evaluator = QueryParser.parse(selector);
            for (Element root : roots) {
                List<Element> expected = root.select(evaluator);
                List<Element> found = Descendants.all(root, evaluator);
                assertEquals(expected.size(), found.size(), selector);
                for (int i = 0; i < expected.size(); i++) {
                    assertSame(expected.get(i), found.get(i), selector);
                }
                assertSame(root.selectFirst(evaluator), Descendants.first(root, evaluator), selector);
            }
        }
    }

    @Test
    void walksTheRootAndItsSubtreeOnly() {
        Document doc = Jsoup.parse("<div id=a><p id=b><i id=c></i></p><p id=d></p></div><div id=e></div>");
        Element a = doc.getElementById("a");
        List<String> ids = new ArrayList<>();
        for (Element e : Descendants.of(a)) {
            ids.add(e.id());
        }
        assertEquals(List.of("a", "b", "c", "d"), ids);
        Element leaf = doc.getElementById("c");
        assertEquals(List.of(leaf), Descendants.all(leaf, QueryParser.parse("*")));
        assertTrue(Descendants.all(leaf, QueryParser.parse("p")).isEmpty());
        assertNull(Descendants.first(leaf, QueryParser.parse("p")));
    }
}
