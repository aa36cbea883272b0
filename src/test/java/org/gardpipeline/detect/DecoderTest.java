package org.gardpipeline.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The byte-level repair in {@link Decoder} must give exactly the text of decoding first and repairing after. */
class DecoderTest {
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /** What the decoder did before it repaired bytes: strict UTF-8 (else Windows-1252), then the text repair. */
    private static String decodeThenRepair(byte[] bytes) {
        int offset = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            text = new String(bytes, offset, bytes.length - offset, WINDOWS_1252);
        }
        return LegacyMojibake.repair(text);
    }

    @Test
    void repairsDoubleEncodedBytesOnce() {
        byte[] pick = "Pick\u00E2\u0080\u0099s \u00E2\u20AC\u2122".getBytes(StandardCharsets.UTF_8);
        assertEquals("Pick\u2019s \u2019", Decoder.decode(pick));
    }

    @Test
    void keepsU0fffdThatWasDoubleEncodedOrWrittenOnPurpose() {
        for (String text : List.of("a\uFFFDb", "a\u00EF\u00BF\u00BDb", "\u00C3\u00A9 \uFFFD")) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            assertEquals(decodeThenRepair(bytes), Decoder.decode(bytes), text);
        }
    }

    @Test
    void agreesWithDecodingThenRepairingOnRandomBytes() {
        List<byte[]> pieces = pieces();
        Random random = new Random(20261125);
        for (int n = 0; n < 300_000; n++) {
            java.io.ByteArrayOutputStream s = new java.io.ByteArrayOutputStream();
            if (random.nextInt(10) == 0) {
                s.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            }
            int length = 1 + random.nextInt(9);
            for (int k = 0; k < length; k++) {
                s.writeBytes(pieces.get(random.nextInt(pieces.size())));
            }
            byte[] bytes = s.toByteArray();
            assertEquals(decodeThenRepair(bytes), Decoder.decode(bytes), () -> HexFormat.of().formatHex(bytes));
        }
    }

    /**
     * The UTF-8 of Latin-1's upper half and Windows-1252's extra characters (the characters of a run), their
     * prefixes cut short, and single bytes that are not valid UTF-8 on their own.
     */
    private static List<byte[]> pieces() {
        StringBuilder chars = new StringBuilder("aZ '<\u4E2D\uFFFD\uD83D\uDE00\u00C2\u00C3\u00E2\u00E2\u00F0");
        for (char c = 0x80; c <= 0xFF; c++) {
            chars.append(c);
        }
        chars.append("\u20AC\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u017D\u2018\u2019"
                + "\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u017E\u0178");
        List<byte[]> pieces = new ArrayList<>();
        chars.codePoints().forEach(cp -> {
            byte[] utf8 = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
            pieces.add(utf8);
            pieces.add(utf8);
            pieces.add(java.util.Arrays.copyOf(utf8, utf8.length - 1));
        });
        for (int b : new int[] {0x80, 0x99, 0xBF, 0xC2, 0xC3, 0xE2, 0xE0, 0xED, 0xF0, 0xF4, 0xFF}) {
            pieces.add(new byte[] {(byte) b});
        }
        return pieces;
    }
}
