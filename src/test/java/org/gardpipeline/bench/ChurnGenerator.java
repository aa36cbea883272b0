package org.gardpipeline.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Makes a new fetch folder from an earlier one, the way a site edit would: a share of the pages get one
 * sentence of their summary edited, the others are hard links to the earlier bytes (so 100 fetches of the
 * 490 MB corpus cost little disk).
 */
public final class ChurnGenerator {
    private static final String SUMMARY_MARK = "Summary";

    private ChurnGenerator() {
    }

    /** Writes {@code to} from {@code from} with {@code share} of its pages edited; returns how many were. */
    public static int next(Path from, Path to, double share, long seed) throws IOException {
        Files.createDirectories(to);
        List<Path> files;
        try (Stream<Path> s = Files.list(from)) {
            files = new ArrayList<>(s.filter(Files::isRegularFile).sorted().toList());
        }
        List<Path> shuffled = new ArrayList<>(files);
        Collections.shuffle(shuffled, new Random(seed));
        List<Path> edited = shuffled.subList(0, (int) Math.round(files.size() * share));
        int done = 0;
        for (Path f : files) {
            Path target = to.resolve(f.getFileName());
            if (edited.contains(f) && edit(f, target, seed)) {
                done++;
            } else {
                Files.createLink(target, f.toRealPath());
            }
        }
        return done;
    }

    /** Inserts a short clause after the first sentence following the Summary heading. */
    private static boolean edit(Path page, Path target, long seed) throws IOException {
        String html = Files.readString(page, StandardCharsets.ISO_8859_1);
        int summary = html.indexOf(SUMMARY_MARK);
        int sentence = summary < 0 ? -1 : html.indexOf(". ", summary + 200);
        if (sentence < 0) {
            return false;
        }
        String edited = html.substring(0, sentence) + " (revised in edit " + seed + ")" + html.substring(sentence);
        Files.writeString(target, edited, StandardCharsets.ISO_8859_1);
        return true;
    }

    public static void main(String[] args) throws IOException {
        int n = next(Path.of(args[0]), Path.of(args[1]), Double.parseDouble(args[2]), Long.parseLong(args[3]));
        System.out.println(n + " pages edited");
    }
}
