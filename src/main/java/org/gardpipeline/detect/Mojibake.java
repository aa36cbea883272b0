package org.gardpipeline.detect;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

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
 * {@link #decodeRepaired} does the same work on the UTF-8 bytes, so that such a page is decoded once.
 */
public final class Mojibake {
    /** The Windows-1252 characters above U+00FF, at index byte - 0x80 (€ for 0x80, ’ for 0x92, ...). */
    private static final char[] CP1252_HIGH = new char[32];
    /** The UTF-8 bytes of each character of {@link #CP1252_HIGH}, at the same index; null where there is none. */
    private static final byte[][] CP1252_HIGH_UTF8 = new byte[32][];

    static {
        Charset cp1252 = Charset.forName("windows-1252");
        for (int b = 0x80; b <= 0x9F; b++) {
            String c = new String(new byte[] {(byte) b}, cp1252);
            // bytes Windows-1252 leaves undefined (0x81, 0x8D, ...) decode to U+FFFD, which has no byte
            CP1252_HIGH[b - 0x80] = c.charAt(0) > 0xFF && c.charAt(0) != '\uFFFD' ? c.charAt(0) : 0;
            if (CP1252_HIGH[b - 0x80] != 0) {
                CP1252_HIGH_UTF8[b - 0x80] = c.getBytes(StandardCharsets.UTF_8);
            }
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

    /**
     * The UTF-8 bytes from {@code offset} decoded, with every double-encoded run decoded: for valid UTF-8 the
     * same text as {@code repair(new String(bytes, offset, length, UTF_8))}, without building the mojibake
     * text first. Each run's bytes are replaced by the bytes it spells, which are valid UTF-8; every other
     * byte is kept, so bytes that are not valid UTF-8 still decode to U+FFFD.
     */
    public static String decodeRepaired(byte[] bytes, int offset) {
        byte[] out = null;
        byte[] spelled = new byte[4];
        int written = 0;
        int copied = offset;
        for (int i = nextLead(bytes, offset); i >= 0; i = nextLead(bytes, i)) {
            int end = spelledEnd(bytes, i, spelled);
            if (end < 0) {
                i += 2; // the lead character's two bytes
                continue;
            }
            if (out == null) {
                out = new byte[bytes.length - offset]; // a run is always longer than the bytes it spells
            }
            System.arraycopy(bytes, copied, out, written, i - copied);
            written += i - copied;
            int length = sequenceLength(spelled[0] & 0xFF);
            System.arraycopy(spelled, 0, out, written, length);
            written += length;
            i = end;
            copied = end;
        }
        if (out == null) {
            return new String(bytes, offset, bytes.length - offset, StandardCharsets.UTF_8);
        }
        System.arraycopy(bytes, copied, out, written, bytes.length - copied);
        return new String(out, 0, written + bytes.length - copied, StandardCharsets.UTF_8);
    }

    /** The index of the next lead character (U+00C2..U+00F4, bytes C3 82..C3 B4) from {@code from}, or -1. */
    private static int nextLead(byte[] bytes, int from) {
        for (int i = from; i < bytes.length - 1; i++) {
            if (bytes[i] == (byte) 0xC3 && (bytes[i + 1] & 0xFF) >= 0x82 && (bytes[i + 1] & 0xFF) <= 0xB4) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Reads the run starting with the lead character at {@code start} into {@code spelled}: the index after the
     * run when its characters spell a valid UTF-8 sequence (the rules of {@link #decodedAt}), else -1.
     */
    private static int spelledEnd(byte[] bytes, int start, byte[] spelled) {
        int lead = (bytes[start + 1] & 0xFF) + 0x40;
        int length = sequenceLength(lead);
        spelled[0] = (byte) lead;
        int at = start + 2;
        for (int k = 1; k < length; k++) {
            int next = continuationEnd(bytes, at);
            if (next < 0) {
                return -1;
            }
            // no Windows-1252 character's UTF-8 starts with C2
            int b = bytes[at] == (byte) 0xC2 ? bytes[at + 1] & 0xFF : cp1252HighByte(bytes, at);
            if (k == 1 && !validSecondByte(lead, b)) {
                return -1;
            }
            spelled[k] = (byte) b;
            at = next;
        }
        return at;
    }

    /**
     * The index after the character at {@code at} when it stands for a continuation byte (U+0080..U+00BF, or a
     * Windows-1252 character for 0x80..0x9F), else -1. Only exact UTF-8 encodings match, so a run never
     * swallows bytes that are not valid UTF-8.
     */
    private static int continuationEnd(byte[] bytes, int at) {
        if (at + 1 < bytes.length && bytes[at] == (byte) 0xC2 && (bytes[at + 1] & 0xFF) <= 0xBF
                && (bytes[at + 1] & 0xFF) >= 0x80) {
            return at + 2;
        }
        int b = cp1252HighByte(bytes, at);
        return b < 0 ? -1 : at + CP1252_HIGH_UTF8[b - 0x80].length;
    }

    /** The byte 0x80..0x9F whose Windows-1252 character is UTF-8 encoded at {@code at}, or -1. */
    private static int cp1252HighByte(byte[] bytes, int at) {
        for (int i = 0; i < CP1252_HIGH_UTF8.length; i++) {
            byte[] utf8 = CP1252_HIGH_UTF8[i];
            if (utf8 != null && Arrays.equals(bytes, at, Math.min(at + utf8.length, bytes.length),
                    utf8, 0, utf8.length)) {
                return 0x80 + i;
            }
        }
        return -1;
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
