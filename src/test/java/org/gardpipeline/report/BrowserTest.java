package org.gardpipeline.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report in a real browser: headless Chromium loads the index and the page of caudal regression sequence
 * from file:// with no console message, and renders them with the style sheet (screenshots kept in
 * target/browser/ for people to look at; not compared pixel by pixel). Skipped only when Chromium is missing:
 * .ci/run installs it.
 */
class BrowserTest {
    private static final Path SCREENSHOTS = Path.of("target", "browser");

    @TempDir
    static Path dir;

    private static Path out;

    @BeforeAll
    static void writeTheReport() {
        assumeTrue(Chromium.binary().isPresent(), "Chromium is not installed (apt-get install -y chromium); .ci/run installs it");
        out = SampleReport.samples(dir.resolve("samples"));
    }

    @Test
    void theIndexLoadsWithNoConsoleMessage() throws Exception {
        Chromium.Load load = Chromium.load(out.resolve("report/index.html"), dir, "--dump-dom", "1200,1600");
        assertEquals(0, load.exitCode(), load.stderr());
        assertEquals(List.of(), load.console());
        assertTrue(load.dom().contains("<h1>GARD answer history</h1>"), load.dom());
        assertTrue(load.dom().contains("<svg xmlns=\"http://www.w3.org/2000/svg\""), load.dom());
        assertTrue(load.dom().contains("<a href=\"pages/gard-6007.html\">Caudal regression sequence</a>"), load.dom());
    }

    /**
     * The index over years of fetches: rows summed by period, counts beside the bars, the scale in its caption, and
     * the list of changes going on in changes-2.html, which links back; both load with no console message.
     */
    @Test
    void theIndexOverYearsAndItsSecondPageOfChangesLoadWithNoConsoleMessage() throws Exception {
        Path years = SampleReport.years(dir.resolve("years"));
        Chromium.Load index = Chromium.load(years.resolve("report/index.html"), dir, "--dump-dom", "1200,1600");
        assertEquals(0, index.exitCode(), index.stderr());
        assertEquals(List.of(), index.console());
        assertTrue(index.dom().contains("<figcaption id=\"chart-scale\">"), index.dom());
        assertTrue(index.dom().contains("aria-labelledby=\"chart-title chart-scale\""), index.dom());
        assertTrue(index.dom().contains("2 fetches (2019)"), index.dom());
        assertTrue(index.dom().contains("<a href=\"changes-2.html\">2</a>"), index.dom());
        Chromium.Load second = Chromium.load(years.resolve("report/changes-2.html"), dir, "--dump-dom", "1200,1600");
        assertEquals(0, second.exitCode(), second.stderr());
        assertEquals(List.of(), second.console());
        assertTrue(second.dom().contains("<h1>Changes, page 2 of 2</h1>"), second.dom());
        assertTrue(second.dom().contains("<a href=\"index.html\">1</a>"), second.dom());
        Files.createDirectories(SCREENSHOTS);
        Path png = SCREENSHOTS.resolve("index-over-years.png").toAbsolutePath();
        Files.deleteIfExists(png);
        Chromium.Load shot = Chromium.load(years.resolve("report/index.html"), dir, "--screenshot=" + png, "1200,1600");
        assertEquals(0, shot.exitCode(), shot.stderr());
        // the colours of the added and changed bars: a chart drawn without its rows would have neither
        BufferedImage image = ImageIO.read(png.toFile());
        for (int colour : new int[] {0x4c9a5b, 0xd39b22}) {
            assertTrue(pixels(image, colour) > 200, "too few pixels of #" + Integer.toHexString(colour));
        }
    }

    @Test
    void thePageOfCaudalRegressionSequenceLoadsWithNoConsoleMessage() throws Exception {
        Chromium.Load load = Chromium.load(out.resolve("report/pages/gard-6007.html"), dir, "--dump-dom", "1200,1600");
        assertEquals(0, load.exitCode(), load.stderr());
        assertEquals(List.of(), load.console());
        assertTrue(load.dom().contains("<h1>Caudal regression sequence</h1>"), load.dom());
        assertTrue(load.dom().contains("<del>Caudal regression syndrome (CRS) may have different causes"), load.dom());
    }

    @Test
    void screenshotsShowThePagesRenderedWithTheirStyles() throws Exception {
        Files.createDirectories(SCREENSHOTS);
        for (String page : List.of("index", "pages/gard-6007")) {
            Path png = SCREENSHOTS.resolve(page.replace("pages/", "") + ".png").toAbsolutePath();
            Files.deleteIfExists(png);
            Chromium.Load load = Chromium.load(out.resolve("report/" + page + ".html"), dir, "--screenshot=" + png, "1200,1600");
            assertEquals(0, load.exitCode(), load.stderr());
            assertEquals(List.of(), load.console());
            BufferedImage image = ImageIO.read(png.toFile());
            assertEquals(1200, image.getWidth(), page);
            // The colours of the style sheet: the green of the chart's added bars and, on the disease page,
            // the backgrounds of insertions and deletions. An unstyled page has none of them.
            int[] colours = page.equals("index") ? new int[] {0x4c9a5b, 0xd39b22} : new int[] {0xd7f5dd, 0xfbd9d9};
            for (int colour : colours) {
                assertTrue(pixels(image, colour) > 500, page + ": too few pixels of #" + Integer.toHexString(colour));
            }
        }
    }

    private static int pixels(BufferedImage image, int rgb) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xffffff) == rgb) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void markupInAnAnswerIsTextInTheBrowser() throws Exception {
        Path hostile = SampleReport.hostileAnswer(dir.resolve("hostile"));
        Chromium.Load load = Chromium.load(hostile.resolve("report/pages/name-caudal-regression-sequence.html"), dir,
                "--dump-dom", "1200,1600");
        assertEquals(List.of(), load.console());
        assertFalse(load.dom().contains("<script"), load.dom());
        assertFalse(load.dom().contains("<img"), load.dom());
        assertTrue(load.dom().contains("managed &lt;script&gt;alert('gard')&lt;/script&gt; and \"&gt;&lt;img src=x "
                + "onerror=alert(1)&gt;.[2]</ins>"), load.dom());
    }

    @Test
    void theConsoleCheckSeesTheMessagesOfAPageThatHasThem() throws Exception {
        Path page = Files.writeString(dir.resolve("broken.html"), "<!DOCTYPE html><html><head><link rel=\"icon\" "
                + "href=\"data:,\"></head><body><script>console.error('broken'); missingFunction();</script></body></html>");
        Chromium.Load load = Chromium.load(page, dir, "--dump-dom", "800,600");
        assertEquals(2, load.console().size(), load.stderr());
        assertTrue(load.console().get(1).contains("Uncaught ReferenceError: missingFunction is not defined"), load.console().get(1));
    }
}
