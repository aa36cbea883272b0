package org.gardpipeline.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MojibakeTest {
    /** UTF-8 text read back as Latin-1, as the 2022 pages were saved. */
    private static String latin1Mojibake(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    /** UTF-8 text read back as Windows-1252 (the other common way it happens). */
    private static String cp1252Mojibake(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_8), java.nio.charset.Charset.forName("windows-1252"));
    }

    @Test
    void repairsTheRunsFoundInThe2022Pages() {
        // bytes 50 69 63 6b c3 a2 c2 80 c2 99 73 of behavioral-variant-of-frontotemporal-dementia, read as UTF-8
        assertEquals("Pick\u2019s disease", Mojibake.repair("Pick\u00E2\u0080\u0099s disease"));
        for (String seen : List.of("Pages D1207\u2013D1217", "NIH \u2026 Turning Discovery Into Health \u00AE",
                "\u2022 bullet", "Sj\u00F6gren", "Pe\u00F1a", "\u201Cquoted\u201D", "\u03B2-thalassemia", "\uFB01", "\uD83D\uDE00")) {
            assertEquals(seen, Mojibake.repair(latin1Mojibake(seen)), seen);
            String cp1252 = cp1252Mojibake(seen);
            if (cp1252.indexOf('\uFFFD') < 0) { // bytes undefined in 1252 (9D of '”') are lost: no repair possible
                assertEquals(seen, Mojibake.repair(cp1252), seen);
            }
        }
    }

    @Test
    void leavesCorrectlyEncodedTextAlone() {
        for (String correct : List.of("", "plain ASCII", "Pick\u2019s disease", "caf\u00E9 na\u00EFve \u00C3 alone",
                "\u00C2 \u00C3( \u00E2 \u00AE", "\u4E2D\u6587", "\u00A0no-break\u00A0space")) {
            assertEquals(correct, Mojibake.repair(correct), correct);
        }
        String ascii = "nothing to do";
        assertSame(ascii, Mojibake.repair(ascii));
    }

    @Test
    void leavesSequencesThatAreNotValidUtf8Alone() {
        assertEquals("\u00C0\u00AF", Mojibake.repair("\u00C0\u00AF"));             // overlong '/'
        assertEquals("\u00E0\u0080\u00AF", Mojibake.repair("\u00E0\u0080\u00AF")); // overlong 3-byte
        assertEquals("\u00ED\u00A0\u00BD", Mojibake.repair("\u00ED\u00A0\u00BD")); // UTF-16 surrogate
        assertEquals("\u00F4\u0090\u0080\u0080", Mojibake.repair("\u00F4\u0090\u0080\u0080")); // past U+10FFFF
        assertEquals("\u00E2\u0080", Mojibake.repair("\u00E2\u0080"));             // cut short at the end
    }

    @Test
    void agreesWithTheFirstImplementationOnRandomText() {
        char[] alphabet = alphabet();
        Random random = new Random(20221220);
        for (int n = 0; n < 300_000; n++) {
            StringBuilder s = new StringBuilder();
            int length = 1 + random.nextInt(9);
            for (int k = 0; k < length; k++) {
                s.append(alphabet[random.nextInt(alphabet.length)]);
            }
            String text = s.toString();
            assertEquals(LegacyMojibake.repair(text), Mojibake.repair(text), () -> escape(text));
        }
    }

    @Test
    void readsEveryCharacterAsTheSameByteAsTheFirstImplementation() {
        for (char c = 0x100; c < 0xFFFF; c++) {
            String text = "\u00E2" + c + "\u0099";
            assertEquals(LegacyMojibake.repair(text), Mojibake.repair(text), escape(text));
            text = "\u00C3" + c;
            assertEquals(LegacyMojibake.repair(text), Mojibake.repair(text), escape(text));
        }
    }

    /** Latin-1's upper half (leads and continuations), Windows-1252's extra characters, and a few others. */
    private static char[] alphabet() {
        StringBuilder a = new StringBuilder("aZ '<");
        for (char c = 0x80; c <= 0xFF; c++) {
            a.append(c);
        }
        a.append("\u20AC\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u017D\u2018\u2019"
                + "\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u017E\u0178\u4E2D\uFFFD");
        // weight the lead characters that start the sequences seen in the corpus
        a.append("\u00C2\u00C3\u00E2\u00E2\u00F0");
        return a.toString().toCharArray();
    }

    private static String escape(String s) {
        StringBuilder out = new StringBuilder();
        s.chars().forEach(c -> out.append(String.format("\\u%04X", c)));
        return out.toString();
    }
}
