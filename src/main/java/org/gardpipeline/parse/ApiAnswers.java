package org.gardpipeline.parse;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gardpipeline.model.Answer;
import org.gardpipeline.model.Reference;
import org.gardpipeline.model.Topic;
import org.jsoup.Jsoup;

/**
 * The answered questions of one GARD API record, each once, as answers in slots. The record holds a question
 * wherever the site showed it: the overview, the basic questions, and every case (inquiry) that asked it, so the
 * same {@code questionId} is one answer however often it stands there.
 *
 * <p>Slots: the overview is the page's summary. A question that asks a topic's standard question about this
 * disease ("What causes X?", {@link QuestionTemplates}) takes the topic's slot, as the plain-text answer and
 * MedQuAD's do; when two ask it, the overview, then the basic questions, then the cases come first. Every other
 * question keeps a slot of its own, keyed by its text as the plain-text answer keys it, with its classification
 * as its topic; two different questions of the same text are told apart by their id.
 */
final class ApiAnswers {
    /** "0001-01-01T00:00:00": GARD's placeholder on questions never answered, never a date. */
    private static final String NO_DATE = "0001-01-01";
    private static final Pattern CITATION = Pattern.compile("\\[(\\d{1,9})]");

    /** Where a question stood in the record; the first place it stood decides. */
    private enum Place { OVERVIEW, BASIC, CASE }

    /** A question where it first stood, and every place it stood (each may list references of its own). */
    private record Asked(long id, Place place, JsonNode question, String where, List<JsonNode> occurrences) {
    }

    private ApiAnswers() {
    }

    /**
     * The answers of the record in record order, every answered question once. {@code references} holds the
     * record's own list and takes every question's before any answer is read.
     */
    static List<Answer> of(JsonNode record, String title, Predicate<String> isName, ApiReferences references)
            throws ParseException {
        Set<Topic> claimed = EnumSet.noneOf(Topic.class);
        Set<String> keys = new HashSet<>();
        List<Answer> answers = new ArrayList<>();
        for (Asked asked : answered(record, references)) {
            String question = questionText(asked, title);
            Optional<Topic> standard = asked.place() == Place.OVERVIEW ? Optional.of(Topic.SUMMARY)
                    : standardTopic(question, isName);
            String slotKey;
            Topic topic;
            if (standard.isPresent() && claimed.add(standard.get())) {
                topic = standard.get();
                slotKey = topic.key();
            } else {
                topic = standard.orElse(classification(ApiFields.text(asked.question(), "resourceClassificationName", asked.where())));
                slotKey = QuestionTemplates.otherSlotKey(question);
                if (!keys.add(slotKey)) {
                    slotKey = slotKey + "-" + asked.id();
                }
            }
            keys.add(slotKey);
            answers.add(answer(asked, question, topic, slotKey, references));
        }
        return answers;
    }

    /**
     * The topic a question asks the standard question of. A compound question asks it when its first question does
     * ("How is X diagnosed? What tests aid in the diagnosis of X?"): MedQuAD took that first question as the heading
     * of the same answer, so both sources put it in one slot.
     */
    private static Optional<Topic> standardTopic(String question, Predicate<String> isName) {
        Optional<Topic> whole = QuestionTemplates.standardTopic(question, isName);
        int firstMark = question.indexOf('?');
        return whole.isPresent() || firstMark < 0 || firstMark == question.length() - 1 ? whole
                : QuestionTemplates.standardTopic(question.substring(0, firstMark + 1), isName);
    }

    /** Every question with an answer, each id once, in the order overview, basic questions, cases. */
    private static List<Asked> answered(JsonNode record, ApiReferences references) throws ParseException {
        Map<Long, Asked> byId = new LinkedHashMap<>();
        JsonNode overview = ApiFields.object(record, "overviewQuestion", "record");
        if (overview != null) {
            add(byId, overview, Place.OVERVIEW, "overviewQuestion", references);
        }
        List<JsonNode> basic = ApiFields.objects(record, "basicQuestions", "record");
        for (int i = 0; i < basic.size(); i++) {
            add(byId, basic.get(i), Place.BASIC, "basicQuestions[" + i + "]", references);
        }
        List<JsonNode> cases = ApiFields.objects(record, "gardCases", "record");
        for (int c = 0; c < cases.size(); c++) {
            List<JsonNode> questions = ApiFields.objects(cases.get(c), "caseQuestions", "gardCases[" + c + "]");
            for (int i = 0; i < questions.size(); i++) {
                add(byId, questions.get(i), Place.CASE, "gardCases[" + c + "].caseQuestions[" + i + "]", references);
            }
        }
        return List.copyOf(byId.values());
    }

    /**
     * Takes a question where it stands: its references into the record's index, answered or not (an answer may cite
     * another question's), and the question itself when it is answered.
     */
    private static void add(Map<Long, Asked> byId, JsonNode question, Place place, String where, ApiReferences references)
            throws ParseException {
        references.index(ApiFields.objects(question, "references", where), where + ".references");
        String answer = ApiFields.text(question, "answerText", where);
        if (answer == null || Texts.isBlank(answer)) {
            return;
        }
        Long id = ApiFields.id(question, "questionId", where);
        if (id == null) {
            throw new ParseException("gard-api-json question " + where + " has an answer but no questionId");
        }
        byId.computeIfAbsent(id, k -> new Asked(id, place, question, where, new ArrayList<>())).occurrences().add(question);
    }

    private static Answer answer(Asked asked, String question, Topic topic, String slotKey, ApiReferences index)
            throws ParseException {
        JsonNode q = asked.question();
        List<String> paragraphs = HtmlBlocks.paragraphs(HtmlBlocks.of(
                Jsoup.parseBodyFragment(ApiFields.text(q, "answerText", asked.where())).body()));
        // the same question lists other references in different places (1,000 or so of 2020): all are its own
        List<JsonNode> own = new ArrayList<>();
        for (JsonNode occurrence : asked.occurrences()) {
            own.addAll(ApiFields.objects(occurrence, "references", asked.where()));
        }
        Map<Long, Integer> numbers = new LinkedHashMap<>();
        List<String> renumbered = new ArrayList<>();
        for (String p : paragraphs) {
            renumbered.add(renumber(p, numbers));
        }
        // the answer's own list, cited or not, is what the published answer printed under it
        for (JsonNode r : own) {
            numbers.putIfAbsent(ApiFields.id(r, "referenceId", asked.where()), numbers.size() + 1);
        }
        List<Reference> references = new ArrayList<>();
        for (Map.Entry<Long, Integer> n : numbers.entrySet()) {
            ApiReferences.Entry entry = index.get(n.getKey());
            if (entry != null) {
                references.add(ApiReferences.numbered(n.getValue(), entry));
            }
        }
        String text = Texts.paragraphs(renumbered);
        return new Answer(question, topic, slotKey, text, date(q, asked.where()), Texts.citations(text), references);
    }

    /** The citations {@code [5516]} as the published page numbered them: 1, 2, ... in order of first citation. */
    private static String renumber(String paragraph, Map<Long, Integer> numbers) {
        Matcher m = CITATION.matcher(paragraph);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int n = numbers.computeIfAbsent(Long.parseLong(m.group(1)), id -> numbers.size() + 1);
            m.appendReplacement(out, "[" + n + "]");
        }
        m.appendTail(out);
        return out.toString();
    }

    private static LocalDate date(JsonNode q, String where) throws ParseException {
        String modified = ApiFields.text(q, "dateModified", where);
        if (modified == null || modified.startsWith(NO_DATE)) {
            return null;
        }
        try {
            return LocalDate.parse(modified.length() >= 10 ? modified.substring(0, 10) : modified);
        } catch (DateTimeParseException e) {
            throw new ParseException("gard-api-json question " + where + " has dateModified '" + modified
                    + "', which is not a date");
        }
    }

    /**
     * A question's text as a reader saw it. The overview of a record that states no question text (9805, a page of
     * resources about Morgellons) stood under the disease's name.
     */
    private static String questionText(Asked asked, String title) throws ParseException {
        String html = ApiFields.text(asked.question(), "questionText", asked.where());
        boolean stated = html != null && !Texts.isBlank(html);
        return !stated && asked.place() == Place.OVERVIEW ? title : inline(html, asked.where());
    }

    /** A question's text as a reader saw it (it may hold entities and markup, as in "to&nbsp;ciprofloxacin"). */
    private static String inline(String html, String where) throws ParseException {
        String text = html == null ? "" : Texts.inline(html.indexOf('<') >= 0 || html.indexOf('&') >= 0
                ? Jsoup.parseBodyFragment(html).text() : html);
        if (text.isEmpty()) {
            throw new ParseException("gard-api-json question " + where + " has an answer but no questionText");
        }
        return text;
    }

    /** The API's classification of a question as a topic; Statistics and none are {@link Topic#OTHER}. */
    static Topic classification(String name) {
        if (name == null) {
            return Topic.OTHER;
        }
        return switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "symptoms" -> Topic.SYMPTOMS;
            case "cause" -> Topic.CAUSES;
            case "inheritance" -> Topic.INHERITANCE;
            case "diagnosis" -> Topic.DIAGNOSIS;
            case "treatment" -> Topic.TREATMENT;
            case "prognosis" -> Topic.PROGNOSIS;
            default -> Topic.OTHER;
        };
    }
}
