package org.gardpipeline.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.Jsoup;

/**
 * The floor of ingesting a folder of HTML pages: read each file once and parse it with jsoup on every core,
 * keeping nothing. Run as its own process so that, like the pipeline, its figure includes JVM start.
 */
public final class Floor {
    private Floor() {
    }

    public static void main(String[] args) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of(args[0]))) {
            files = s.filter(Files::isRegularFile).toList();
        }
        long nodes = files.parallelStream().mapToLong(Floor::parse).sum();
        System.out.println(files.size() + " files, " + nodes + " elements");
    }

    private static long parse(Path file) {
        try {
            return Jsoup.parse(new String(Files.readAllBytes(file), StandardCharsets.UTF_8)).getAllElements().size();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
