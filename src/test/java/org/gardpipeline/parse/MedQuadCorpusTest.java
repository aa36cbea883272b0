package org.gardpipeline.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.gardpipeline.Fixtures;
import org.gardpipeline.model.Answer;
import org.gardpipeline.model.Page;
import org.gardpipeline.model.Topic;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Parses all 2,685 MedQuAD GARD documents of the shared corpus. Run with
 * {@code mvn -B test -Pcorpus -Dtest=MedQuadCorpusTest}; the archive is unpacked with the system's tar
 * because the project carries no xz library.
 */
@Tag("corpus")
class MedQuadCorpusTest {
    private static final Pattern RAW_ANSWER = Pattern.compile("<Answer>(.*?)</Answer>", Pattern.DOTALL);
    /** A heading, then the phenotype table and its explanation, and nothing else. */
    private static final Pattern TABLE_ONLY = Pattern.compile(
            "(?:[^?]{1,300}\\? )?The Human Phenotype Ontology provides .* may be rare or common\\.");

    @Test
    void everyDocumentParses() throws Exception {
        Path dir = Fixtures.unpackedCorpus("medquad-gard-xml.tar.xz");
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir.resolve("2_GARD_QA"))) {
            files = listing.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
        }
        assertEquals(2685, files.size());

        Map<Topic, Integer> topics = new EnumMap<>(Topic.class);
        List<String> failures = new ArrayList<>();
        int answers = 0;
        int fromHeading = 0;
        int tableOnly = 0;
        int tables = 0;
        for (Path file : files) {
            byte[] bytes = Files.readAllBytes(file);
            Page page;
            try {
                page = Parsers.parse(bytes, file.getFileName().toString());
            } catch (ParseException e) {
                failures.add(file.getFileName() + ": " + e.getMessage());
                continue;
            }
            assertNotNull(page.gardId(), file.toString());
            assertTrue(page.gardId().matches("\\d+"), file + " id " + page.gardId());
            assertNotNull(page.slug(), file.toString());
            assertFalse(page.title().isBlank(), file.toString());
            List<String> raw = rawAnswers(new String(bytes, StandardCharsets.UTF_8));
            // an answer that was nothing but the phenotype table is the page's phenotype list, not an answer
            List<String> answered = raw.stream().filter(r -> !TABLE_ONLY.matcher(r).matches()).toList();
            tableOnly += raw.size() - answered.size();
            boolean hasTable = raw.stream().anyMatch(r -> r.contains("Human Phenotype Ontology provides"));
            assertEquals(hasTable, !page.phenotypes().isEmpty(), file.toString());
            tables += hasTable ? 1 : 0;
            assertEquals(answered.size(), page.answers().size(), file.toString());
            for (int i = 0; i < answered.size(); i++) {
                Answer a = page.answers().get(i);
                assertFalse(a.text().contains("Human Phenotype Ontology"), file + ": a phenotype table left in the text");
                assertNotNull(a.topic(), file.toString());
                assertFalse(a.question().isBlank(), file.toString());
                topics.merge(a.topic(), 1, Integer::sum);
                if (answered.get(i).startsWith(a.question())) {
                    fromHeading++;
                    assertFalse(a.text().startsWith(a.question()), file + ": heading left in the text");
                }
            }
            answers += answered.size();
        }
        System.out.println("MedQuAD corpus: " + files.size() + " documents, " + answers + " answers, topics " + topics
                + ", questions taken from an answer heading: " + fromHeading + ", phenotype tables " + tables
                + " of which " + tableOnly + " were the whole answer");
        assertEquals(List.of(), failures);
        assertEquals(5394, answers + tableOnly);
        assertEquals(2243, tables);
        // qtype counts of the corpus: information 1394, symptoms 2365, causes 439, inheritance 355,
        // exams and tests 283, treatment 558; of the symptoms answers, those that were only the table are none; three
        // headings ask another topic's standard question than their qtype ("What causes X?" under inheritance twice
        // and under treatment once), and GARD's question decides.
        assertEquals(Map.of(Topic.SUMMARY, 1394, Topic.SYMPTOMS, 2365 - tableOnly, Topic.CAUSES, 439 + 3,
                Topic.INHERITANCE, 355 - 2, Topic.DIAGNOSIS, 283, Topic.TREATMENT, 558 - 1), topics);
    }


    /** The answers as written in the file, entities decoded and spaces collapsed, to see which began with a heading. */
    private static List<String> rawAnswers(String xml) {
        List<String> raw = new ArrayList<>();
        Matcher m = RAW_ANSWER.matcher(xml);
        while (m.find()) {
            raw.add(Texts.inline(m.group(1).replace("&quot;", "\"").replace("&apos;", "'").replace("&lt;", "<")
                    .replace("&gt;", ">").replace("&amp;", "&")));
        }
        return raw;
    }
}
