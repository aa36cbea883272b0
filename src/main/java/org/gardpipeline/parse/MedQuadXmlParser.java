package org.gardpipeline.parse;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.gardpipeline.model.Answer;
import org.gardpipeline.model.Format;
import org.gardpipeline.model.Page;
import org.gardpipeline.model.Phenotype;
import org.gardpipeline.model.Topic;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Parses a MedQuAD GARD document ({@code <Document url=...><Focus/><FocusAnnotations><Synonyms/>...
 * <QAPairs><QAPair><Question qtype=.../><Answer/></QAPair>...}) into a page.
 *
 * <p>MedQuAD flattened each answer of the question-and-answer site into one line that still starts with
 * the site's question heading ("What causes X? X is caused by..."). That heading is the question as GARD
 * wrote it, so it becomes the answer's question and is taken off the text; MedQuAD's own {@code <Question>}
 * ("What causes X ?") is used only when there is no heading.
 */
final class MedQuadXmlParser implements PageParser {
    private static final String FORMAT = Format.MEDQUAD_XML.key();
    /** {@code https://rarediseases.info.nih.gov/gard/335/abcd-syndrome}: the GARD id and the slug. */
    private static final Pattern GARD_URL = Pattern.compile("/gard/(\\d+)(?:/([^/?#]+))?/?(?:[?#].*)?$");
    /**
     * A leading question heading: one sentence ending in '?' (no sentence break inside it), followed by
     * whitespace or the end of the answer. 300 characters is longer than any heading in the corpus
     * (the longest is ~140) and keeps a long opening sentence from being taken for one.
     */
    private static final Pattern HEADING = Pattern.compile("^([^?]{1,300}\\?)(?:\\s+|$)");
    private static final Pattern SENTENCE_BREAK = Pattern.compile("[.!]\\s");
    /** MedQuAD's generated questions put a space before the mark: "What causes ABCD syndrome ?". */
    private static final Pattern SPACE_BEFORE_MARK = Pattern.compile("\\s+\\?$");
    /**
     * How deep elements may nest. A MedQuAD document is four levels deep; without a bound, a document nested
     * tens of thousands deep overflows the stack in the DOM's recursive text walk.
     */
    static final int MAX_ELEMENT_DEPTH = 100;

    @Override
    public Page parse(String text, String name) throws ParseException {
        Element root = parseXml(text).getDocumentElement();
        if (!"Document".equals(root.getTagName())) {
            throw new ParseException(FORMAT + " root element is <" + root.getTagName() + ">, expected <Document>");
        }
        String title = Texts.inline(childText(root, "Focus"));
        if (title.isEmpty()) {
            throw new ParseException(FORMAT + " has no <Focus> (the disease name) under <Document>");
        }
        String url = root.getAttribute("url").strip();
        Matcher id = GARD_URL.matcher(url);
        boolean hasId = id.find();
        List<Answer> answers = new ArrayList<>();
        List<Phenotype> phenotypes = new ArrayList<>();
        List<String> synonyms = synonyms(root);
        Set<String> names = new HashSet<>();
        names.add(Texts.nameKey(title));
        synonyms.forEach(n -> names.add(Texts.nameKey(n)));
        answers(root, names::contains, answers, phenotypes);
        return new Page(Format.MEDQUAD_XML, hasId ? id.group(1) : null, hasId ? id.group(2) : null, title,
                synonyms, null, Map.of(), answers, List.of(), phenotypes);
    }

    /** Parses with DTDs refused and external entities off, so no document can make us read a file or URL. */
    private static Document parseXml(String text) throws ParseException {
        if (declaresDoctype(text)) {
            throw new ParseException(FORMAT + " declares a DOCTYPE, which is refused: a MedQuAD document has none, "
                    + "and DTDs and external entities are never read");
        }
        return readHardened(text);
    }

    /** The XML parse proper, hardened on its own so that safety never rests on the DOCTYPE pre-check. */
    static Document readHardened(String text) throws ParseException {
        try {
            DocumentBuilder builder = hardenedFactory().newDocumentBuilder();
            builder.setErrorHandler(new SilentErrors());
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entity '" + systemId + "' refused");
            });
            return builder.parse(new InputSource(new StringReader(text)));
        } catch (SAXParseException e) {
            if (String.valueOf(e.getMessage()).contains("maxElementDepth")) {
                throw new ParseException(FORMAT + " nests elements more than " + MAX_ELEMENT_DEPTH + " deep at line "
                        + e.getLineNumber() + "; a MedQuAD document is a few levels deep, so this is not one", e);
            }
            throw new ParseException(FORMAT + " is not well-formed XML: " + e.getMessage() + " at line "
                    + e.getLineNumber(), e);
        } catch (SAXException e) {
            // Xerces reports some errors (a DOCTYPE inside the content) without a position.
            throw new ParseException(FORMAT + " is not well-formed XML: " + e.getMessage(), e);
        } catch (ParserConfigurationException | IOException e) {
            throw new IllegalStateException("XML parser setup failed", e);
        }
    }

    /**
     * Whether a DOCTYPE follows the prolog (XML declaration, comments, processing instructions). Checked
     * first only to give a clear reason; the parser below refuses a DOCTYPE anywhere on its own.
     */
    static boolean declaresDoctype(String text) {
        int i = 0;
        while (true) {
            while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (text.startsWith("<?", i)) {
                i = skipPast(text, i, "?>");
            } else if (text.startsWith("<!--", i)) {
                i = skipPast(text, i, "-->");
            } else {
                return text.startsWith("<!DOCTYPE", i);
            }
        }
    }

    private static int skipPast(String text, int from, String end) {
        int at = text.indexOf(end, from);
        return at < 0 ? text.length() : at + end.length();
    }

    private static DocumentBuilderFactory hardenedFactory() throws ParserConfigurationException {
        // newDefaultInstance: the JDK's own parser, whose feature names below are known to work.
        DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature("http://xml.org/sax/features/external-general-entities", false);
        f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        f.setAttribute("jdk.xml.maxElementDepth", String.valueOf(MAX_ELEMENT_DEPTH));
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        f.setNamespaceAware(false);
        return f;
    }

    /** The default handler prints "[Fatal Error]" to stderr; the reason goes into the ParseException instead. */
    private static final class SilentErrors implements ErrorHandler {
        @Override
        public void warning(SAXParseException e) {
        }

        @Override
        public void error(SAXParseException e) {
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXParseException {
            throw e;
        }
    }

    /** The synonyms under FocusAnnotations/Synonyms, each once (MedQuAD repeats some), in document order. */
    private static List<String> synonyms(Element root) {
        Set<String> synonyms = new LinkedHashSet<>();
        NodeList nodes = root.getElementsByTagName("Synonym");
        for (int i = 0; i < nodes.getLength(); i++) {
            String synonym = Texts.inline(nodes.item(i).getTextContent());
            if (!synonym.isEmpty()) {
                synonyms.add(synonym);
            }
        }
        return List.copyOf(synonyms);
    }

    /**
     * The answers, and the phenotype table a symptoms answer carried. An answer that was nothing but the table is
     * no answer: its page then shows no answer of its own in this document, and removes none.
     */
    private static void answers(Element root, Predicate<String> isName, List<Answer> answers,
                                List<Phenotype> phenotypes) throws ParseException {
        NodeList pairs = root.getElementsByTagName("QAPair");
        if (pairs.getLength() == 0) {
            // A page with no answers would read as "every answer removed"; refuse it instead.
            throw new ParseException(FORMAT + " has no <QAPair>: a MedQuAD document holds at least one answer");
        }
        for (int i = 0; i < pairs.getLength(); i++) {
            Answer a = answer((Element) pairs.item(i), i + 1, isName);
            MedQuadPhenotypes.Split split = MedQuadPhenotypes.split(a.text(), "QAPair " + (i + 1));
            if (phenotypes.isEmpty()) {
                phenotypes.addAll(split.phenotypes());
            }
            if (!split.text().isEmpty() || split.phenotypes().isEmpty()) {
                answers.add(split.phenotypes().isEmpty() ? a : new Answer(a.question(), a.topic(), a.slotKey(),
                        split.text(), a.lastUpdated(), Texts.citations(split.text()), a.references()));
            }
        }
    }

    /**
     * One answer. A heading that asks a topic's standard question takes the topic's slot, whatever MedQuAD's qtype
     * says, so that the same question is the same slot in MedQuAD as in the plain-text answer and GARD's API records;
     * any other heading is a question of its own with the qtype as its topic ("Are there non-genetic causes of X?",
     * of topic causes, in all three). An answer without a heading of its own (the summaries) takes its qtype's slot.
     */
    private static Answer answer(Element pair, int index, Predicate<String> isName)
            throws ParseException {
        Element question = firstChild(pair, "Question");
        String body = Texts.inline(childText(pair, "Answer"));
        Matcher heading = HEADING.matcher(body);
        String asked;
        boolean ownHeading = heading.find() && !SENTENCE_BREAK.matcher(heading.group(1)).find();
        if (ownHeading) {
            asked = heading.group(1);
            body = body.substring(heading.end());
        } else if (question != null && !Texts.isBlank(question.getTextContent())) {
            asked = SPACE_BEFORE_MARK.matcher(Texts.inline(question.getTextContent())).replaceAll("?");
        } else {
            throw new ParseException(FORMAT + " QAPair " + index + " has neither a <Question> nor a question heading");
        }
        Topic qtype = topic(question == null ? "" : question.getAttribute("qtype"));
        // GARD's own heading decides, as in the other formats; without one, MedQuAD's qtype stands for it
        Optional<Topic> standard = ownHeading ? QuestionTemplates.standardTopic(asked, isName)
                : Optional.of(qtype).filter(t -> t != Topic.OTHER);
        String slotKey = standard.map(Topic::key).orElse(QuestionTemplates.otherSlotKey(asked));
        return new Answer(asked, standard.orElse(qtype), slotKey, Texts.paragraphs(body), null, Texts.citations(body),
                List.of());
    }

    /** MedQuAD's qtype names the topic; "information" is the page summary, "exams and tests" its diagnosis. */
    static Topic topic(String qtype) {
        return switch (Texts.inline(qtype).toLowerCase(java.util.Locale.ROOT)) {
            case "information" -> Topic.SUMMARY;
            case "symptoms" -> Topic.SYMPTOMS;
            case "causes" -> Topic.CAUSES;
            case "inheritance" -> Topic.INHERITANCE;
            case "exams and tests" -> Topic.DIAGNOSIS;
            case "treatment" -> Topic.TREATMENT;
            case "prognosis" -> Topic.PROGNOSIS;
            default -> Topic.OTHER;
        };
    }

    private static Element firstChild(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        return nodes.getLength() == 0 ? null : (Element) nodes.item(0);
    }

    private static String childText(Element parent, String tag) {
        Element child = firstChild(parent, tag);
        return child == null ? "" : child.getTextContent();
    }
}
