package org.gardpipeline.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.gardpipeline.Fixtures;
import org.gardpipeline.model.Answer;
import org.gardpipeline.model.Page;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Parses all 6,061 records of GARD's API saved on 2020-12-11 and checks the parse against counts taken from the
 * JSON itself, here, with Jackson alone. Run with {@code mvn -B test -Pcorpus -Dtest=ApiCorpusTest}.
 */
@Tag("corpus")
class ApiCorpusTest {
    private static final Pattern CITED = Pattern.compile("\\[(\\d+)]");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the JSON holds, counted without the parser: answered questions per record and their references. */
    private record Counted(int answered, int ownReferences, int carried) {
    }

    @Test
    void everyRecordParsesWithTheCountsTheJsonHolds() throws Exception {
        Path dir = Fixtures.unpackedCorpus("gard-api-2020.tar.xz").resolve("gard-api-2020");
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir.resolve("diseases"))) {
            files = listing.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertEquals(6061, files.size());

        List<String> failures = new ArrayList<>();
        int answered = 0;
        int ownReferences = 0;
        int carried = 0;
        int parsedAnswers = 0;
        int parsedReferences = 0;
        int withPhenotypes = 0;
        LocalDate earliest = LocalDate.MAX;
        Set<String> ids = new HashSet<>();
        for (Path file : files) {
            byte[] bytes = Files.readAllBytes(file);
            Counted expected = count(JSON.readTree(bytes));
            answered += expected.answered();
            ownReferences += expected.ownReferences();
            carried += expected.carried();
            Page page;
            try {
                page = Parsers.parse(bytes, file.getFileName().toString());
            } catch (ParseException e) {
                failures.add(file.getFileName() + ": " + e.getMessage());
                continue;
            }
            assertTrue(ids.add(page.gardId()), "two records of " + page.gardId());
            assertEquals(file.getFileName().toString(), page.gardId() + ".json");
            assertEquals(expected.answered(), page.answers().size(), file.toString());
            assertEquals(page.answers().size(), page.answers().stream().map(Answer::slotKey).distinct().count(),
                    file + ": two questions share a slot");
            parsedAnswers += page.answers().size();
            withPhenotypes += page.phenotypes().isEmpty() ? 0 : 1;
            for (Answer a : page.answers()) {
                parsedReferences += a.references().size();
                assertFalse(a.text().isBlank(), file.toString());
                assertFalse(a.text().contains("&nbsp;") || a.text().contains("\r") || a.text().contains("<br"), file.toString());
                if (a.lastUpdated() != null && a.lastUpdated().isBefore(earliest)) {
                    earliest = a.lastUpdated();
                }
            }
        }
        System.out.println("API corpus: " + files.size() + " records, " + parsedAnswers + " answers, " + parsedReferences
                + " references carried (" + ownReferences + " in the answers' own lists), " + withPhenotypes
                + " records with phenotypes, earliest date " + earliest);
        assertEquals(List.of(), failures);
        assertEquals(8713, answered);
        assertEquals(answered, parsedAnswers);
        assertEquals(12802, ownReferences);
        assertEquals(carried, parsedReferences);
        assertTrue(!earliest.isBefore(LocalDate.of(2010, 1, 1)), "an answer dated " + earliest);
    }

    @Test
    void theListOfDiseasesIsSkippedNotQuarantined() throws Exception {
        Path list = Fixtures.unpackedCorpus("gard-api-2020.tar.xz").resolve("gard-api-2020/diseases.json");
        assertThrows(NotAPageException.class, () -> Parsers.parse(Files.readAllBytes(list), "diseases.json"));
    }

    /**
     * The answered questions of a record, each id once, and the references they carry: their own lists wherever the
     * question stands (cited or not), and the ids they cite that another list of the record holds.
     */
    private static Counted count(JsonNode record) {
        Map<Long, JsonNode> answeredById = new LinkedHashMap<>();
        Map<Long, Set<Long>> listed = new HashMap<>();
        Set<Long> known = new HashSet<>();
        record.path("references").forEach(r -> known.add(r.path("referenceId").asLong()));
        List<JsonNode> questions = new ArrayList<>();
        questions.add(record.path("overviewQuestion"));
        record.path("basicQuestions").forEach(questions::add);
        record.path("gardCases").forEach(c -> c.path("caseQuestions").forEach(questions::add));
        for (JsonNode q : questions) {
            q.path("references").forEach(r -> known.add(r.path("referenceId").asLong()));
            if (!q.path("answerText").asText("").isBlank()) {
                long id = q.path("questionId").asLong();
                answeredById.putIfAbsent(id, q);
                Set<Long> refs = listed.computeIfAbsent(id, k -> new HashSet<>());
                q.path("references").forEach(r -> refs.add(r.path("referenceId").asLong()));
            }
        }
        int own = 0;
        int carried = 0;
        for (Map.Entry<Long, JsonNode> e : answeredById.entrySet()) {
            JsonNode q = e.getValue();
            Set<Long> refs = new HashSet<>(listed.get(e.getKey()));
            own += refs.size();
            Matcher m = CITED.matcher(q.path("answerText").asText());
            while (m.find()) {
                long id = Long.parseLong(m.group(1));
                if (known.contains(id)) {
                    refs.add(id);
                }
            }
            carried += refs.size();
        }
        return new Counted(answeredById.size(), own, carried);
    }
}
