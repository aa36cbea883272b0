package org.gardpipeline.archive;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResource;

/**
 * The WARC file of a packed folder of documents (written by {@link PackedWarcWriter}): each document of the folder is
 * a {@code resource} record whose WARC-Target-URI is the document's path in the folder (a relative reference,
 * percent-encoded, so never with a scheme), holding its bytes exactly; or, when the same bytes were captured before,
 * a {@code revisit} record (WARC 1.1 identical-payload-digest profile) with the capture's record id (WARC-Refers-To)
 * and the file holding it, relative to this file's folder (WARC-Refers-To-Filename, as Heritrix writes it); the
 * warcinfo record that opens the file names each such other file once ({@link #DEPENDENCY_FIELD}), so that a run can
 * list them with the folder's own files. Revisits are resolved by {@link Revisits}, as every other WARC file's.
 */
final class PackedWarc {
    /** The one WARC file of a packed fetch folder. */
    static final String FILE = "packed.warc.gz";

    /** The warcinfo field naming, relative to the file's folder, each other file that holds captures it revisits. */
    static final String DEPENDENCY_FIELD = "refers-to-filename";

    private PackedWarc() {
    }

    /** True for the target of a packed record: a path, never an absolute URI (those all have a scheme). */
    static boolean isPackedTarget(String target) {
        return target != null && !target.isEmpty() && target.indexOf(':') < 0;
    }

    /** The WARC-Target-URI of a document path: UTF-8, every byte but unreserved characters and '/' percent-encoded. */
    static String target(String path) {
        StringBuilder sb = new StringBuilder(path.length() + 8);
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-._~/".indexOf(c) >= 0) {
                sb.append(c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return sb.toString();
    }

    /** The document path a packed record's target names. */
    static String path(String target) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(target.length());
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c == '%' && i + 2 < target.length()) {
                int hi = Character.digit(target.charAt(i + 1), 16);
                int lo = Character.digit(target.charAt(i + 2), 16);
                if (hi >= 0 && lo >= 0) {
                    bytes.write(hi << 4 | lo);
                    i += 2;
                    continue;
                }
            }
            bytes.write(c);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** The bytes of the resource record at an offset. */
    static byte[] resource(Path file, long offset) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ); WarcReader reader = new WarcReader(ch)) {
            reader.position(offset);
            WarcRecord r = reader.next().orElseThrow(() -> new IOException("no WARC record at offset " + offset + " of " + file));
            if (!(r instanceof WarcResource)) {
                throw new IOException("the WARC record at offset " + offset + " of " + file + " is a " + r.type() + ", not a resource");
            }
            return r.body().stream().readAllBytes();
        }
    }
}
