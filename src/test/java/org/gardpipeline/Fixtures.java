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

    /**
     * A corpus archive of ../shared/corpus unpacked once per build under target/corpus/ (the project carries
     * no xz library, so the system's tar does it) and shared by every corpus test.
     */
    public static synchronized Path unpackedCorpus(String archive) {
        Path tarball = corpusDir().resolve(archive);
        if (!java.nio.file.Files.isRegularFile(tarball)) {
            throw new IllegalStateException("no corpus archive at " + tarball.toAbsolutePath());
        }
        Path dir = Path.of("target", "corpus", archive.replace(".tar.xz", ""));
        Path done = dir.resolve(".unpacked");
        try {
            if (!java.nio.file.Files.exists(done)) {
                java.nio.file.Files.createDirectories(dir);
                Process tar = new ProcessBuilder("tar", "-xJf", tarball.toAbsolutePath().toString(), "-C", dir.toString())
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (!tar.waitFor(10, java.util.concurrent.TimeUnit.MINUTES) || tar.exitValue() != 0) {
                    throw new IllegalStateException("tar -xJf " + tarball + " failed");
                }
                java.nio.file.Files.createFile(done);
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while unpacking " + tarball, e);
        }
    }

    /** The folder of ../shared/corpus (set by the build as gard.corpus.dir). */
    public static Path corpusDir() {
        return Path.of(System.getProperty("gard.corpus.dir", "../shared/corpus"));
    }
}
