package org.gardpipeline.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TextsTest {
    /** The first implementation of {@link Texts#inline}, kept as the oracle the hand-written one must agree with. */
    private static final Pattern INLINE_SPACE = Pattern.compile("[\\s\\u00A0\\u2007\\u202F\\u200B]+");

    private static String regexInline(String text) {
        return INLINE_SPACE.matcher(Normalizer.normalize(text, Normalizer.Form.NFC)).replaceAll(" ").strip();
    }

    @Test
    void collapsesEveryKindOfSpaceAndTrims() {
        assertEquals("a b c", Texts.inline(" \t a\u00A0\u2007 b\r\n\u000B\f\u202F\u200Bc \u2003"));
        assertEquals("caf\u00E9", Texts.inline("cafe\u0301"));
        assertEquals("", Texts.inline(" \n "));
        assertTrue(Texts.isBlank(" \u00A0\u2003\n"));
        assertFalse(Texts.isBlank(" \u0301 "));
    }

    @Test
    void agreesWithTheRegexImplementationOnRandomText() {
        String alphabet = "ab \t\n\u000B\f\r\u001C\u0085\u00A0\u2007\u202F\u200B\u2003\u3000\u0301e\u00E9\u2019";
        Random random = new Random(20261125);
        for (int n = 0; n < 200_000; n++) {
            StringBuilder s = new StringBuilder();
            for (int k = random.nextInt(12); k > 0; k--) {
                s.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String text = s.toString();
            assertEquals(regexInline(text), Texts.inline(text), () -> codes(text));
            assertEquals(regexInline(text).isEmpty(), Texts.isBlank(text), () -> "isBlank of " + codes(text));
        }
    }

    private static String codes(String text) {
        return text.chars().mapToObj(c -> String.format("\\u%04X", c)).reduce("", String::concat);
    }
}
