package org.gardpipeline.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gardpipeline.Fixtures;
import org.gardpipeline.SiteEdits;
import org.gardpipeline.model.Answer;
import org.gardpipeline.model.Format;
import org.gardpipeline.model.Page;
import org.gardpipeline.model.Reference;
import org.gardpipeline.model.Topic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Real pages of the 2022 GARD site (saved 2022-12-20), with values checked by eye against the pages. */
class Gard2022HtmlParserTest {
    private static final LocalDate NOV_8_2021 = LocalDate.of(2021, 11, 8);
    private static final String DIR = "gard-2022/";

    private static Page page(String slug) throws Exception {
        return Parsers.parse(Fixtures.bytes(DIR + slug), slug);
    }

    private static Answer answer(Page page, Topic topic) {
        return page.answers().stream().filter(a -> a.topic() == topic).findFirst()
                .orElseThrow(() -> new AssertionError(page.slug() + " has no " + topic + " answer"));
    }

    private static boolean hasAnswer(Page page, Topic topic) {
        return page.answers().stream().anyMatch(a -> a.topic() == topic);
    }

    @Test
    void caudalRegressionSequence() throws Exception {
        Page page = page("caudal-regression-sequence");
        assertEquals(Format.GARD_2022_HTML, page.format());
        assertEquals("6007", page.gardId());
        assertEquals("caudal-regression-sequence", page.slug());
        assertEquals("Caudal regression sequence", page.title());
        assertEquals(List.of("Caudal dysplasia", "Caudal regression syndrome", "Sacral agenesis",
                "Sacral agenesis syndrome", "Sacral defect with anterior meningocele", "Sacral regression syndrome"),
                page.synonyms());
        assertEquals(Map.of(
                "population_estimate", "In the U.S., this disease is estimated to be fewer than 50,000",
                "categories", "Urogenital Disorder; Neurological Disease; Kidney Disease; Birth Defect",
                "age_of_onset", "Newborn (Birth-4 weeks); Infant (1-23 months)"), page.facts());
        assertEquals(List.of("population_estimate", "categories", "age_of_onset"), List.copyOf(page.facts().keySet()));
        assertEquals(List.of("summary", "symptoms", "causes"), page.answers().stream().map(Answer::slotKey).toList());

        Answer summary = answer(page, Topic.SUMMARY);
        assertEquals("Summary", summary.question());
        assertTrue(summary.text().startsWith("Caudal regression sequence (CRS) affects the development of the lower "
                + "(caudal) half of the body."), summary.text());
        assertTrue(summary.text().endsWith("Other conditions may need to be excluded before a diagnosis of CRS can "
                + "be made."), summary.text());
        assertFalse(summary.text().contains("\n"));

        Answer symptoms = answer(page, Topic.SYMPTOMS);
        assertEquals("Symptoms", symptoms.question());
        String[] lines = symptoms.text().split("\n");
        assertEquals(28, lines.length);
        assertEquals("Abnormal iliac wing morphology (Abnormality of The Wing of The Ilium) \u2014 Very frequent", lines[0]);
        assertEquals("Abnormal vertebral segmentation and fusion", lines[1]);
        assertEquals("Aplasia/Hypoplasia of the sacrum (Absent/Underdeveloped Sacrum)", lines[3]);
        assertEquals("Chiari malformation", lines[21]); // its only synonym repeats the term
        assertEquals("Renal insufficiency (Renal Failure in Adulthood)", lines[27]);

        Answer causes = answer(page, Topic.CAUSES);
        assertEquals("Causes", causes.question());
        assertEquals("Genetic Disease\n\nCaudal regression sequence is a genetic disease, which means that it is "
                + "caused by one or more genes not working correctly.\n\nDisease causing variants in the following "
                + "gene(s) are known to cause this disease: FUZ", causes.text());
        for (Answer a : page.answers()) {
            assertEquals(NOV_8_2021, a.lastUpdated(), a.slotKey());
            assertEquals(List.of(), a.citations());
            assertEquals(page.references(), a.references());
        }
    }

    @Test
    void sourcesBlockBecomesTheNumberedReferenceList() throws Exception {
        List<Reference> references = page("caudal-regression-sequence").references();
        assertEquals(7, references.size());
        assertEquals(new Reference(1, "UMLS Vocabulary Standards and Mappings Downloads",
                "https://www.nlm.nih.gov/research/umls/licensedcontent/downloads.html", null, null), references.get(0));
        assertEquals(new Reference(3, "Download data from HPO. Kohler S, Gargano M, Matentzoglu N, et al., The Human "
                + "Phenotype Ontology in 2021, Nucleic Acids Research, Volume 49, Issue D1, 8 January 2021, Pages "
                + "D1207\u2013D1217.", "https://hpo.jax.org/app/download/ontology", null, "10.1093/nar/gkaa1043"),
                references.get(2));
        assertEquals("20064796", references.get(4).pmid());
        assertEquals(new Reference(7, "U.S. Department of Health and Human Services, Office of Disease Prevention and "
                + "Health Promotion. (2015). Health Literacy Online: A Guide for Simplifying the User Experience.",
                "https://health.gov/healthliteracyonline/", null, null), references.get(6));
        for (int i = 0; i < references.size(); i++) {
            assertEquals(i + 1, references.get(i).number());
        }
    }

    @Test
    void caudalAppendageDeafnessHasAShortSymptomListAndNoCausesText() throws Exception {
        Page page = page("caudal-appendage-deafness");
        assertEquals("1163", page.gardId());
        assertEquals("caudal-appendage-deafness", page.slug());
        assertEquals("Caudal appendage deafness", page.title());
        assertEquals(List.of("Caudal appendage, short terminal phalanges, deafness, cryptorchidism and intellectual "
                + "disability", "Lynch Lee Murday syndrome"), page.synonyms());
        assertEquals(Map.of("population_estimate", "In the U.S., this disease is estimated to be fewer than 1,000",
                "categories", "Neurological Disease; Birth Defect",
                "age_of_onset", "Newborn (Birth-4 weeks)"), page.facts());
        assertEquals("Caudal appendage-deafness syndrome is characterized by caudal appendage, short terminal "
                + "phalanges, deafness, cryptorchidism, intellectual deficit, short stature and dysmorphism. It has "
                + "been described in monozygotic twin boys.", answer(page, Topic.SUMMARY).text());
        assertEquals(String.join("\n",
                "Abnormal digit morphology (Digital Anomalies) \u2014 Frequent",
                "Abnormal facial shape (Unusual Facies)",
                "Caudal appendage (Human Tail)",
                "Cryptorchidism (Undescended Testis)",
                "Infantile sensorineural hearing impairment (Infantile Sensorineural Hearing Loss)",
                "Intellectual disability (Poor School Performance)",
                "Short stature (Stature below 3rd Percentile)"), answer(page, Topic.SYMPTOMS).text());
        // The Causes section only says "This section is currently in development."
        assertFalse(hasAnswer(page, Topic.CAUSES));
        assertEquals(7, page.references().size());
    }

    @Test
    void mojibakeIsRepairedAndPlaceholderSectionsGiveNoAnswer() throws Exception {
        Page page = page("behavioral-variant-of-frontotemporal-dementia");
        assertEquals("7392", page.gardId());
        assertEquals("Behavioral variant of frontotemporal dementia", page.title());
        assertEquals(List.of("Dementia with lobar atrophy and neuronal cytoplasmic inclusions",
                "Lobar atrophy of the brain", "Pick disease of the brain", "Pick's disease", "bvFTD"), page.synonyms());
        // Stored as "Pick" c3 a2 c2 80 c2 99 "s": UTF-8 read as Latin-1 and written again.
        String summary = answer(page, Topic.SUMMARY).text();
        assertTrue(summary.startsWith("Pick\u2019s disease is a neurological condition characterized by a slowly "
                + "progressive deterioration of behavior, personality, or language."), summary);
        assertTrue(summary.endsWith("In some cases, the disease runs in families."), summary);
        assertEquals(List.of("summary"), page.answers().stream().map(Answer::slotKey).toList());
        assertEquals(Map.of(), page.facts()); // population, categories and onset are all "in development"
        assertEquals(NOV_8_2021, answer(page, Topic.SUMMARY).lastUpdated());
    }

    @Test
    void longSymptomListAndCausesWithGeneAndInheritance() throws Exception {
        Page page = page("22q112-deletion-syndrome");
        assertEquals("10299", page.gardId());
        assertEquals("22q11.2 deletion syndrome", page.title());
        assertEquals(10, page.synonyms().size());
        assertEquals("Autosomal dominant Opitz G/BBB syndrome", page.synonyms().get(0));
        assertEquals("Velocardiofacial syndrome", page.synonyms().get(9));
        String[] lines = answer(page, Topic.SYMPTOMS).text().split("\n");
        assertEquals(129, lines.length); // the page says "129 Symptoms"
        assertEquals("Abnormal aortic arch morphology (Abnormality of The Aortic Arch) \u2014 Very frequent", lines[0]);
        assertEquals("Vesicoureteral reflux (Vesicoureteric Reflux)", lines[128]);
        assertEquals("Prenatal (Before Birth); Newborn (Birth-4 weeks); Infant (1-23 months); Child (2-11 years); "
                + "Adolescent (12-18 years); Adult (19-65 years); Older Adult (65+ years)", page.facts().get("age_of_onset"));
        assertEquals("Genetic Disease\n\n22q11.2 deletion syndrome is a genetic disease, which means that it is caused "
                + "by one or more genes not working correctly.\n\nDisease causing variants in the following gene(s) are "
                + "known to cause this disease: TBX1\n\nInheritance\n\nAll individuals inherit two copies of most genes. "
                + "The number of copies of a gene that need to have a disease-causing variant affects the way a disease "
                + "is inherited. This disease is inherited in the following pattern(s):\n\nAutosomal dominant "
                + "inheritance", answer(page, Topic.CAUSES).text());
    }

    @Test
    void causesWithOnlyInheritanceDropsThePlaceholder() throws Exception {
        Page page = page("15q133-microdeletion-syndrome");
        assertEquals("10296", page.gardId());
        assertEquals("15q13.3 microdeletion syndrome", page.title());
        assertEquals(Map.of("categories", "Neurological Disease; Birth Defect", "age_of_onset", "Child (2-11 years)"),
                page.facts());
        assertTrue(answer(page, Topic.CAUSES).text().startsWith("Inheritance\n\nAll individuals inherit"));
        assertTrue(answer(page, Topic.CAUSES).text().endsWith("pattern(s):\n\nAutosomal dominant inheritance"));
    }

    @Test
    void dateSplitOverTwoLinesIsRead() throws Exception {
        Page page = page("1q-duplications"); // its page says "Last Updated: Nov. 8,\n2021"
        assertEquals("10831", page.gardId());
        assertEquals(List.of("summary"), page.answers().stream().map(Answer::slotKey).toList());
        assertEquals(NOV_8_2021, page.answers().get(0).lastUpdated());
    }

    @ParameterizedTest
    @ValueSource(strings = {"caudal-regression-sequence", "behavioral-variant-of-frontotemporal-dementia",
        "caudal-appendage-deafness", "22q112-deletion-syndrome", "15q133-microdeletion-syndrome", "1q-duplications"})
    void noBoilerplateNoExplainersNoMarkup(String slug) throws Exception {
        Page page = page(slug);
        assertEquals(slug, page.slug());
        List<String> texts = new ArrayList<>(page.synonyms());
        texts.add(page.title());
        page.answers().forEach(a -> texts.add(a.text()));
        for (String text : texts) {
            for (String unwanted : List.of("What is a gene", "Genes are part of our DNA", "What is a genetic",
                    "Autosomal means", "Read More", "Sources to Learn More", "Browse by Disease", "Turning Discovery",
                    "Feedback", "_ngcontent", "<", "This section is currently in development", "Last Updated",
                    "Frequency refers", "\u00C3", "\u00C2")) {
                assertFalse(text.contains(unwanted), slug + ": '" + unwanted + "' in " + text);
            }
            assertTrue(text.chars().noneMatch(c -> c >= 0x80 && c <= 0x9F), slug + ": C1 control in " + text);
        }
        assertEquals(page.synonyms().size(), page.synonyms().stream().distinct().count());
    }

    @ParameterizedTest
    @ValueSource(strings = {"caudal-regression-sequence", "22q112-deletion-syndrome", "behavioral-variant-of-frontotemporal-dementia"})
    void cosmeticChangesDoNotChangeTheParsedPage(String slug) throws Exception {
        String original = new String(Fixtures.bytes(DIR + slug), StandardCharsets.UTF_8);
        String variant = SiteEdits.cosmeticVariant(original);
        assertNotEquals(original, variant);
        assertFalse(variant.contains("_ngcontent-pcl-c") || variant.contains("_ngcontent-mwb-c"));
        assertEquals(page(slug), Parsers.parse(variant.getBytes(StandardCharsets.UTF_8), slug));
    }

    @Test
    void truncatedPageIsRefusedWithAReason() {
        byte[] whole = Fixtures.bytes(DIR + "caudal-appendage-deafness");
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length / 2);
        ParseException e = assertThrows(ParseException.class, () -> Parsers.parse(cut, "cut"));
        assertTrue(e.getMessage().startsWith("gard-2022-html page is truncated"), e.getMessage());
    }

    @Test
    void pageWithoutTitleIsRefusedWithAReason() {
        String html = new String(Fixtures.bytes(DIR + "caudal-appendage-deafness"), StandardCharsets.UTF_8)
                .replace(">Caudal appendage deafness</h1>", "></h1>");
        ParseException e = assertThrows(ParseException.class,
                () -> Parsers.parse(html.getBytes(StandardCharsets.UTF_8), "untitled"));
        assertEquals("gard-2022-html page has no title (no <h1> disease name)", e.getMessage());
    }

    @Test
    void otherLayoutOfThe2022SiteIsRefusedWithAReason() {
        String html = "<!DOCTYPE html><html><head></head><body><app-root ng-version=\"11.2.14\">"
                + "<app-disease-research><h1 class=\"title\">Some disease</h1></app-disease-research>"
                + "<app-footer><footer>GARD</footer></app-footer></app-root></body></html>";
        ParseException e = assertThrows(ParseException.class,
                () -> Parsers.parse(html.getBytes(StandardCharsets.UTF_8), "research"));
        assertTrue(e.getMessage().startsWith("gard-2022-html document of an unknown layout"), e.getMessage());
    }

    @Test
    void monthsAreReadAbbreviatedWithOrWithoutDotOrInFull() throws Exception {
        String html = new String(Fixtures.bytes(DIR + "caudal-appendage-deafness"), StandardCharsets.UTF_8);
        for (Map.Entry<String, LocalDate> c : Map.of("Sept. 8, 2021", LocalDate.of(2021, 9, 8),
                "Sep 30, 2020", LocalDate.of(2020, 9, 30), "September 1, 2022", LocalDate.of(2022, 9, 1),
                "Feb. 28, 2019", LocalDate.of(2019, 2, 28), "Jun 2, 2021", LocalDate.of(2021, 6, 2)).entrySet()) {
            byte[] bytes = html.replace("Last Updated: Nov. 8, 2021", "Last Updated: " + c.getKey())
                    .getBytes(StandardCharsets.UTF_8);
            assertEquals(c.getValue(), Parsers.parse(bytes, "dated").answers().get(0).lastUpdated(), c.getKey());
        }
    }
}
