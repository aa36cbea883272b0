package org.gardpipeline.parse;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gardpipeline.model.Topic;

/**
 * GARD's standard question templates ("What causes X?", "How might X be treated?") and the topic each
 * stands for, whatever disease name X is. A question that follows none of them is {@link Topic#OTHER} with
 * a slot key made from its normalised text.
 */
public final class QuestionTemplates {
    /** A question's topic and the key of the answer slot it fills on its page. */
    public record Slot(Topic topic, String slotKey) {
    }

    private record Template(Pattern pattern, Topic topic) {
    }

    private static final String X = "(?<x>.+?)";
    private static final List<Template> TEMPLATES = List.of(
            template("what (are|is) (the )?(signs and symptoms|symptoms|signs) of " + X, Topic.SYMPTOMS),
            template("what causes " + X, Topic.CAUSES),
            template("what (is|are) the causes? of " + X, Topic.CAUSES),
            template("how (is|are) " + X + " inherited", Topic.INHERITANCE),
            template("(is|are) " + X + " inherited", Topic.INHERITANCE),
            template("how (is|are|might) " + X + " (be )?diagnosed", Topic.DIAGNOSIS),
            template("how might " + X + " be treated", Topic.TREATMENT),
            template("how (is|are) " + X + " treated", Topic.TREATMENT),
            template("what (is|are) the treatments? for " + X, Topic.TREATMENT),
            template("what is the (prognosis|long[- ]term outlook) (for|of) " + X, Topic.PROGNOSIS),
            template("what (is|are) " + X, Topic.SUMMARY));

    private QuestionTemplates() {
    }

    private static Template template(String regex, Topic topic) {
        return new Template(Pattern.compile("^" + regex + "\\s*\\?$", Pattern.CASE_INSENSITIVE), topic);
    }

    /** The topic and slot key of a question heading. */
    public static Slot classify(String question) {
        String q = Texts.inline(question);
        for (Template t : TEMPLATES) {
            if (t.pattern().matcher(q).matches()) {
                return new Slot(t.topic(), t.topic().key());
            }
        }
        return new Slot(Topic.OTHER, otherSlotKey(q));
    }

    /**
     * The topic of a question that asks one of the templates about this disease, or empty. "What is X?" asks for
     * the page's summary only when X is one of the disease's names ({@code isName} takes a {@link Texts#nameKey});
     * asked of anything else ("What is a child with X capable of learning?") it is a question of its own.
     */
    public static Optional<Topic> standardTopic(String question, Predicate<String> isName) {
        String q = Texts.inline(question);
        for (Template t : TEMPLATES) {
            Matcher m = t.pattern().matcher(q);
            if (m.matches()) {
                return t.topic() != Topic.SUMMARY || isName.test(Texts.nameKey(m.group("x")))
                        ? Optional.of(t.topic()) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The slot key of a question outside the templates: its normalised text. */
    public static String otherSlotKey(String question) {
        return "q:" + Texts.nameKey(question);
    }
}
