package org.gardpipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Builds fetch folders from the real text answer, edited the way a site edit would. */
public final class FetchSeries {
    public static final String ANSWER = "answer-text/caudal-regression-sequence.txt";

    private FetchSeries() {
    }

    public static String answerText() {
        return new String(Fixtures.bytes(ANSWER), StandardCharsets.UTF_8);
    }

    /** Writes {@code raw/<folder>/<file>} with the given text and returns the folder. */
    public static Path fetch(Path raw, String folder, String file, String text) {
        return fetch(raw, folder, file, text.getBytes(StandardCharsets.UTF_8));
    }

    public static Path fetch(Path raw, String folder, String file, byte[] bytes) {
        try {
            Path dir = Files.createDirectories(raw.resolve(folder));
            Files.write(dir.resolve(file), bytes);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies the files of a folder into a new folder (created), e.g. a raw/ sample as a fetch of another date. */
    public static Path copyFolder(Path from, Path to) {
        try {
            Files.createDirectories(to);
            try (java.util.stream.Stream<Path> files = Files.list(from)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    Files.copy(f, to.resolve(f.getFileName()));
                }
            }
            return to;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces text that must be present, so an edit that misses fails the test instead of doing nothing. */
    public static String edit(String text, String from, String to) {
        if (!text.contains(from)) {
            throw new IllegalArgumentException("text to edit not found: " + from);
        }
        return text.replace(from, to);
    }
}
