package org.gardpipeline.publish;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Rows as lines of COPY's text format, and each row's digest: the first 128 bits of SHA-256 over its line. The
 * digest is the row's mirror_row: two rows with the same values have the same one, so comparing the digests of
 * SQLite's rows with those in PostgreSQL tells which rows to add and which to delete without a key per table.
 */
final class CopyRows {
    private final MessageDigest sha256;
    private final StringBuilder line = new StringBuilder(256);

    CopyRows() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** A row's line without its digest or line end, ready for {@link #digest} and {@link #append}. */
    String line(Object[] values) {
        line.setLength(0);
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                line.append('\t');
            }
            field(values[i]);
        }
        return line.toString();
    }

    UUID digest(String line) {
        byte[] d = sha256.digest(line.getBytes(StandardCharsets.UTF_8));
        long high = 0;
        long low = 0;
        for (int i = 0; i < 8; i++) {
            high = high << 8 | (d[i] & 0xff);
            low = low << 8 | (d[i + 8] & 0xff);
        }
        return new UUID(high, low);
    }

    /** Writes the line with its digest as the last column. */
    static void append(ByteArrayOutputStream out, String line, UUID digest) {
        out.writeBytes((line + '\t' + digest + '\n').getBytes(StandardCharsets.UTF_8));
    }

    private void field(Object v) {
        if (v == null) {
            line.append("\\N");
        } else if (v instanceof Long || v instanceof Integer) {
            line.append(v);
        } else if (v instanceof Double d) {
            line.append(d.isNaN() ? "NaN" : d.isInfinite() ? (d > 0 ? "Infinity" : "-Infinity") : d.toString());
        } else if (v instanceof byte[] b) {
            line.append("\\\\x").append(HexFormat.of().formatHex(b));
        } else {
            text(v.toString());
        }
    }

    /** COPY's text escapes: the backslash, and the characters that would end a field or a row. */
    private void text(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> line.append("\\\\");
                case '\t' -> line.append("\\t");
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                default -> line.append(c);
            }
        }
    }
}
