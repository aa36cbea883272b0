package org.gardpipeline.detect;

import java.nio.charset.Charset;

/**
 * Repairs UTF-8 text that was decoded once as Latin-1 or Windows-1252 and encoded again
 * ({@code Pickâ\u0080\u0099s} becomes {@code Pick’s}).
 *
 * <p>Only a run of characters that spells a complete, valid multi-byte UTF-8 sequence when read back as
 * single bytes is replaced, so correctly encoded text (which almost never holds such a run) is left
 * exactly as it is.
 *
 * <p>Every 2022 page holds such runs, so this runs over whole 80 KB documents: unchanged stretches are
 * copied in bulk and sequences are checked and decoded by hand rather than through a CharsetDecoder.
 */
public final class Mojibake {
    /** The Windows-1252 characters above U+00FF, at index byte - 0x80 (€ for 0x80, ’ for 0x92, ...). */
    private static final char[] CP1252_HIGH = new char[32];

    static {
        Charset cp1252 = Charset.forName("windows-1252");
        for (int b = 0x80; b <= 0x9F; b++) {
            String c = new String(new byte[] {(byte) b}, cp1252);
            // bytes Windows-1252 leaves undefined (0x81, 0x8D, ...) decode to U+FFFD, which has no byte
            CP1252_HIGH[b - 0x80] = c.charAt(0) > 0xFF && c.charAt(0) != '\uFFFD' ? c.charAt(0) : 0;
        }
    }

    private Mojibake() {
    }

    /** The text with every double-encoded run decoded; the same string when there is none. */
    public static String repair(String text) {
        int first = firstLead(text, 0);
        if (first < 0) {
            return text;
        }
        StringBuilder out = null;
        int copied = 0;
        for (int i = first; i >= 0; i = firstLead(text, i)) {
            int cp = decodedAt(text, i);
            if (cp < 0) {
                i++;
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length());
            }
            out.append(text, copied, i).appendCodePoint(cp);
            i += sequenceLength(text.charAt(i));
            copied = i;
        }
        return out == null ? text : out.append(text, copied, text.length()).toString();
    }

    /** The index of the next character that could start a double-encoded sequence, or -1. */
    private static int firstLead(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0xC2 && c <= 0xF4) {
                return i;
            }
        }
        return -1;
    }

    /** The code point of the valid UTF-8 sequence spelled from {@code start}, or -1 when there is none. */
    private static int decodedAt(String text, int start) {
        int lead = text.charAt(start);
        int length = sequenceLength(lead);
        if (start + length > text.length()) {
            return -1;
        }
        int cp = lead & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07);
        for (int k = 1; k < length; k++) {
            int b = byteOf(text.charAt(start + k));
            if (b < 0x80 || b > 0xBF || k == 1 && !validSecondByte(lead, b)) {
                return -1;
            }
            cp = cp << 6 | b & 0x3F;
        }
        return cp;
    }

    /** What UTF-8 forbids after some lead bytes: overlong forms, UTF-16 surrogates, code points past U+10FFFF. */
    private static boolean validSecondByte(int lead, int b) {
        return switch (lead) {
            case 0xE0 -> b >= 0xA0;
            case 0xED -> b <= 0x9F;
            case 0xF0 -> b >= 0x90;
            case 0xF4 -> b <= 0x8F;
            default -> true;
        };
    }

    private static int sequenceLength(int lead) {
        if (lead >= 0xC2 && lead <= 0xDF) {
            return 2;
        }
        if (lead >= 0xE0 && lead <= 0xEF) {
            return 3;
        }
        return lead >= 0xF0 && lead <= 0xF4 ? 4 : 0;
    }

    /** The single byte a character came from under Latin-1 or Windows-1252, or -1. */
    private static int byteOf(char c) {
        if (c <= 0xFF) {
            return c;
        }
        for (int i = 0; i < CP1252_HIGH.length; i++) {
            if (CP1252_HIGH[i] == c) {
                return 0x80 + i;
            }
        }
        return -1;
    }
}
