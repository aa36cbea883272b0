package org.gardpipeline.detect;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes document bytes into text: UTF-8 with or without BOM, UTF-16 with BOM, Windows-1252 for bytes
 * that are not UTF-8, and UTF-8 that was double-encoded is repaired by {@link Mojibake}.
 */
public final class Decoder {
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private Decoder() {
    }

    /** The text of the document, as a reader of the site saw it. */
    public static String decode(byte[] bytes) {
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return utf8Repaired(bytes, 3);
        }
        if (startsWith(bytes, 0xFE, 0xFF)) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE);
        }
        if (startsWith(bytes, 0xFF, 0xFE)) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
        }
        return utf8Repaired(bytes, 0);
    }

    /**
     * Every 2022 page is double-encoded, and repairing its bytes decodes it once rather than building the
     * mojibake text and then its repaired copy. Text holding U+FFFD is not UTF-8 or holds it on purpose, and
     * only the strict decoder can tell which: it takes the way through the text.
     */
    private static String utf8Repaired(byte[] bytes, int offset) {
        String text = Mojibake.decodeRepaired(bytes, offset);
        return text.indexOf('\uFFFD') < 0 ? text : Mojibake.repair(utf8OrCp1252(bytes, offset));
    }

    /** Reached only for text holding U+FFFD, which the lenient decoder cannot tell from malformed input. */
    private static String utf8OrCp1252(byte[] bytes, int offset) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            // Text that is not valid UTF-8 was written by a Windows tool; 1252 maps every byte.
            return new String(bytes, offset, bytes.length - offset, WINDOWS_1252);
        }
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
