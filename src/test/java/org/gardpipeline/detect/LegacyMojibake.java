package org.gardpipeline.detect;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The first implementation of {@link Mojibake#repair}, kept as the oracle the faster one must agree with.
 *
 * <p>Repairs UTF-8 text that was decoded once as Latin-1 or Windows-1252 and encoded again
 * ({@code Pickâ\u0080\u0099s} becomes {@code Pick’s}).
 *
 * <p>Only a run of characters that spells a complete, valid multi-byte UTF-8 sequence when read back as
 * single bytes is replaced, so correctly encoded text (which almost never holds such a run) is left
 * exactly as it is.
 */
final class LegacyMojibake {
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private LegacyMojibake() {
    }

    /** The text with every double-encoded run decoded; the same string when there is none. */
    public static String repair(String text) {
        if (!mayContainMojibake(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            int consumed = repairedRunAt(text, i, out);
            if (consumed == 0) {
                out.append(text.charAt(i));
                i++;
            } else {
                i += consumed;
            }
        }
        return out.toString();
    }

    private static boolean mayContainMojibake(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0xC2 && c <= 0xF4) {
                return true;
            }
        }
        return false;
    }

    /** Appends the decoded run starting at {@code start} and returns its length, or 0 when there is none. */
    private static int repairedRunAt(String text, int start, StringBuilder out) {
        int lead = byteOf(text.charAt(start));
        int length = sequenceLength(lead);
        if (length == 0 || start + length > text.length()) {
            return 0;
        }
        byte[] bytes = new byte[length];
        bytes[0] = (byte) lead;
        for (int k = 1; k < length; k++) {
            int b = byteOf(text.charAt(start + k));
            if (b < 0x80 || b > 0xBF) {
                return 0;
            }
            bytes[k] = (byte) b;
        }
        try {
            out.append(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)));
            return length;
        } catch (CharacterCodingException notUtf8) {
            return 0;
        }
    }

    private static int sequenceLength(int lead) {
        if (lead >= 0xC2 && lead <= 0xDF) {
            return 2;
        }
        if (lead >= 0xE0 && lead <= 0xEF) {
            return 3;
        }
        if (lead >= 0xF0 && lead <= 0xF4) {
            return 4;
        }
        return 0;
    }

    /** The single byte a character came from under Latin-1 or Windows-1252, or -1. */
    private static int byteOf(char c) {
        if (c <= 0xFF) {
            return c;
        }
        byte[] encoded = String.valueOf(c).getBytes(WINDOWS_1252);
        return encoded.length == 1 && encoded[0] != '?' ? encoded[0] & 0xFF : -1;
    }
}
