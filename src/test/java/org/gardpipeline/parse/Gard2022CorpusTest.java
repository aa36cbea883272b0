package org.gardpipeline.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.gardpipeline.Fixtures;
import org.gardpipeline.model.Answer;
import org.gardpipeline.model.Page;
import org.gardpipeline.model.Topic;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Every saved 2022 page parses, with identity, title and summary, and no mojibake left. Run with
 * {@code mvn -B test -Pcorpus -Dtest=Gard2022CorpusTest}; the tarball is unpacked with the {@code tar}
 * command (the project has no xz library).
 */
@Tag("corpus")
class Gard2022CorpusTest {
    private static final int PAGES = 5910;

    @Test
    void everySavedPageParses() throws Exception {
        Path dir = Fixtures.unpackedCorpus("gard-2022-html.tar.xz");
        List<Path> files;
        try (Stream<Path> s = Files.list(dir.resolve("pages"))) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        assertEquals(PAGES, files.size());

        List<String> problems = new ArrayList<>();
        int withSymptoms = 0;
        int withCauses = 0;
        int answers = 0;
        int withoutSummary = 0;
        long parseNanos = 0;
        for (Path file : files) {
            String name = file.getFileName().toString();
            byte[] bytes = Files.readAllBytes(file); // reading is not timed: the parse is
            try {
                long start = System.nanoTime();
                Page page = Parsers.parse(bytes, name);
                parseNanos += System.nanoTime() - start;
                check(page, name, bytes, problems);
                withoutSummary += hasSummary(page) ? 0 : 1;
                withSymptoms += page.answers().stream().anyMatch(a -> a.topic() == Topic.SYMPTOMS) ? 1 : 0;
                withCauses += page.answers().stream().anyMatch(a -> a.topic() == Topic.CAUSES) ? 1 : 0;
                answers += page.answers().size();
            } catch (ParseException e) {
                problems.add(name + ": " + e.getMessage());
            }
        }
        long jsoupNanos = plainJsoupNanos(files);

        System.out.printf("gard-2022 corpus: %d pages, %d answers, %d with symptoms, %d with causes, "
                + "%d without summary (placeholder only)%n", files.size(), answers, withSymptoms, withCauses, withoutSummary);
        System.out.printf("parse: %.1f s (%.0f pages/s); plain jsoup parse of the same bytes: %.1f s (%.0f pages/s)%n",
                parseNanos / 1e9, files.size() / (parseNanos / 1e9), jsoupNanos / 1e9, files.size() / (jsoupNanos / 1e9));
        assertTrue(problems.isEmpty(), problems.size() + " problems, first: "
                + problems.subList(0, Math.min(20, problems.size())));
    }

    private static void check(Page page, String name, byte[] bytes, List<String> problems) {
        if (page.gardId() == null) {
            problems.add(name + ": no GARD id");
        }
        if (!name.equals(page.slug())) {
            problems.add(name + ": slug " + page.slug());
        }
        if (page.title().isBlank()) {
            problems.add(name + ": empty title");
        }
        if (!hasSummary(page) && !summaryIsPlaceholder(bytes)) {
            problems.add(name + ": no summary");
        }
        Set<String> synonyms = new HashSet<>();
        for (String synonym : page.synonyms()) {
            if (!synonyms.add(synonym)) {
                problems.add(name + ": synonym twice: " + synonym);
            }
            checkText(name, "synonym", synonym, problems);
        }
        checkText(name, "title", page.title(), problems);
        for (Answer a : page.answers()) {
            checkText(name, a.slotKey(), a.text(), problems);
        }
    }

    private static boolean hasSummary(Page page) {
        return page.answers().stream().anyMatch(a -> a.topic() == Topic.SUMMARY && !a.text().isBlank());
    }

    /**
     * 1,649 saved pages show no summary, only "This section is currently in development."; such a page
     * rightly has no summary answer. Checked on the page itself, independently of the parser.
     */
    private static boolean summaryIsPlaceholder(byte[] bytes) {
        Element summary = Jsoup.parse(new String(bytes, StandardCharsets.UTF_8))
                .selectFirst("app-disease-at-a-glance-summary");
        return summary != null && summary.text().replace("Summary", "").strip()
                .equals("This section is currently in development.");
    }

    /** Mojibake left behind shows as a C1 control character, 'Ã', or 'â' followed by a C1 control. */
    private static void checkText(String name, String where, String text, List<String> problems) {
        if (text.chars().anyMatch(c -> c >= 0x80 && c <= 0x9F) || text.contains("\u00C3")) {
            problems.add(name + ": mojibake in " + where + ": " + text);
        }
    }

    /** The floor the parser is measured against: decoding the bytes as UTF-8 and one jsoup parse. */
    private static long plainJsoupNanos(List<Path> files) throws IOException {
        long nanos = 0;
        for (Path file : files) {
            byte[] bytes = Files.readAllBytes(file);
            long start = System.nanoTime();
            Jsoup.parse(new String(bytes, StandardCharsets.UTF_8));
            nanos += System.nanoTime() - start;
        }
        return nanos;
    }

}
