package org.gardpipeline.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.jsoup.Jsoup;

/**
 * The floor of ingesting GARD's API records: read each file once, parse its JSON with Jackson and each answered
 * question's HTML (each question id once) with jsoup, on every core, keeping nothing. Run as its own process so
 * that, like the pipeline, its figure includes JVM start.
 */
public final class ApiFloor {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ApiFloor() {
    }

    public static void main(String[] args) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of(args[0]))) {
            files = s.filter(f -> f.toString().endsWith(".json")).toList();
        }
        long nodes = files.parallelStream().mapToLong(ApiFloor::parse).sum();
        System.out.println(files.size() + " records, " + nodes + " answer elements");
    }

    private static long parse(Path file) {
        try {
            JsonNode record = JSON.readTree(Files.readAllBytes(file));
            Set<Long> seen = new HashSet<>();
            long elements = 0;
            for (JsonNode q : questions(record)) {
                String html = q.path("answerText").asText("");
                if (!html.isBlank() && seen.add(q.path("questionId").asLong())) {
                    elements += Jsoup.parseBodyFragment(html).getAllElements().size();
                }
            }
            return elements;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<JsonNode> questions(JsonNode record) {
        List<JsonNode> questions = new java.util.ArrayList<>();
        questions.add(record.path("overviewQuestion"));
        record.path("basicQuestions").forEach(questions::add);
        record.path("gardCases").forEach(c -> c.path("caseQuestions").forEach(questions::add));
        return questions;
    }
}
