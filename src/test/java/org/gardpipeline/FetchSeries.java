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

    /** The real documents under src/test/resources: six 2022 pages, six MedQuAD files, the text answer and its HTML. */
    public static final String[] REAL_DOCUMENTS = {
        "gard-2022/15q133-microdeletion-syndrome", "gard-2022/1q-duplications", "gard-2022/22q112-deletion-syndrome",
        "gard-2022/behavioral-variant-of-frontotemporal-dementia", "gard-2022/caudal-appendage-deafness",
        "gard-2022/caudal-regression-sequence", "medquad/0000004.xml", "medquad/0000006.xml", "medquad/0000011.xml",
        "medquad/0000676.xml", "medquad/0001397.xml", "medquad/0002079.xml", ANSWER, "qa-html/caudal-regression-sequence.html"};

    /**
     * Four fetches of the real documents with the edits a site sees between fetches: the first has them all;
     * the second edits one sentence of a 2022 summary and one of a MedQuAD answer; the third is a complete
     * fetch without the 1q duplications page (removed) and with the 2022 edit reverted; the fourth has the page
     * back (restored).
     */
    public static void realSeries(Path raw) {
        String crs = "gard-2022/caudal-regression-sequence";
        String aaa = "medquad/0000006.xml";
        String dropped = "gard-2022/1q-duplications";
        for (String doc : REAL_DOCUMENTS) {
            byte[] bytes = Fixtures.bytes(doc);
            String file = doc.replace('/', '-');
            fetch(raw, "2022-01-01", file, bytes);
            String text = new String(bytes, StandardCharsets.UTF_8);
            if (doc.equals(crs)) {
                fetch(raw, "2022-02-01", file, edit(text, "It can impact the development of the lower back",
                        "It can affect the development of the lower back"));
            } else if (doc.equals(aaa)) {
                String edited = edit(text, "They may occur at any age", "They can occur at any age");
                fetch(raw, "2022-02-01", file, edited);
                fetch(raw, "2022-03-01", file, edited);
                fetch(raw, "2022-04-01", file, edited);
                continue;
            } else {
                fetch(raw, "2022-02-01", file, bytes);
            }
            if (!doc.equals(dropped)) {
                fetch(raw, "2022-03-01", file, bytes);
            }
            fetch(raw, "2022-04-01", file, bytes);
        }
        fetch(raw, "2022-03-01", "fetch.properties", "complete=true\n");
    }

    /**
     * raw/ with two fetches of the real GARD answer text: 2016-01-01 as published, 2016-02-01 with one phrase
     * reworded ("poorly managed" to "poorly controlled"). Returns raw.
     */
    public static Path answerTextAndOneEdit(Path raw) {
        fetch(raw, "2016-01-01", "a.txt", answerText());
        fetch(raw, "2016-02-01", "a.txt", edit(answerText(), "poorly managed", "poorly controlled"));
        return raw;
    }

    /** The bytes of the regular files under a folder, counted per name (a hard link as often as it is named). */
    public static long bytes(Path folder) {
        try (java.util.stream.Stream<Path> all = Files.walk(folder)) {
            long total = 0;
            for (Path p : (Iterable<Path>) all::iterator) {
                total += Files.isRegularFile(p) ? Files.size(p) : 0;
            }
            return total;
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
