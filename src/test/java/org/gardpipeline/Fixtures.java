package org.gardpipeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Reads test inputs kept under src/test/resources, and finds the shared corpus. */
public final class Fixtures {
    private Fixtures() {
    }

    public static byte[] bytes(String resource) {
        try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The folder of ../shared/corpus (set by the build as gard.corpus.dir). */
    public static Path corpusDir() {
        return Path.of(System.getProperty("gard.corpus.dir", "../shared/corpus"));
    }
}
