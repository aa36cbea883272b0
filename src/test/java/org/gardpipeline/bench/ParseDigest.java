package org.gardpipeline.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.gardpipeline.parse.ParseException;
import org.gardpipeline.parse.Parsers;

/**
 * One SHA-256 over everything the parsers make of every document of a folder (each page record in full, or
 * its quarantine reason), in file-name order: equal digests before and after a change to the parsers or the
 * decoder show that the change kept every parse of the corpus exactly as it was.
 *
 * <p>Arguments: FOLDER [PASSES]; prints the digest and the seconds of each pass.
 */
public final class ParseDigest {
    private ParseDigest() {
    }

    public static void main(String[] args) throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of(args[0]))) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        int passes = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        for (int pass = 1; pass <= passes; pass++) {
            long started = System.nanoTime();
            List<String> parses = files.parallelStream().map(ParseDigest::describe).toList();
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            parses.forEach(p -> digest.update(p.getBytes(StandardCharsets.UTF_8)));
            System.out.printf("pass %d: %d documents, %.2f s, digest %s%n", pass, files.size(),
                    (System.nanoTime() - started) / 1e9, HexFormat.of().formatHex(digest.digest()));
        }
    }

    private static String describe(Path file) {
        try {
            return file.getFileName() + "\n" + Parsers.parse(Files.readAllBytes(file), file.toString()) + "\n";
        } catch (ParseException e) {
            return file.getFileName() + "\nquarantined: " + e.getMessage() + "\n";
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
