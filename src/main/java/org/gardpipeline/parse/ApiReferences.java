package org.gardpipeline.parse;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.gardpipeline.model.Reference;
import org.gardpipeline.model.ReferenceParts;
import org.jsoup.Jsoup;

/**
 * The references of one GARD API record, known by their ids. An answer cites them as {@code [5516]}; 1,115
 * answers of 2020 cite ids that only another list of the same record holds, so every list of the record is read
 * into one index before any answer is.
 *
 * <p>The published pages printed a reference as {@code authors. title. journal. date; volume:pages.} or
 * {@code title. site. date; url.}; {@link #citation} writes it so, which is how the plain-text answers of the
 * same era read (the seed answer's two references are the API's 5516 and 5509, to the letter).
 */
final class ApiReferences {
    /** The parts of one reference as the API holds them, and the citation printed from them. */
    record Entry(ReferenceParts parts, String url, String citation) {
    }

    private final Map<Long, Entry> byId = new HashMap<>();

    /** Indexes one list of references ({@code references} of a question, or the record's own). */
    void index(List<JsonNode> references, String where) throws ParseException {
        for (int i = 0; i < references.size(); i++) {
            JsonNode r = references.get(i);
            String at = where + "[" + i + "]";
            Long id = ApiFields.id(r, "referenceId", at);
            if (id == null) {
                throw new ParseException("gard-api-json reference " + at + " has no referenceId");
            }
            byId.putIfAbsent(id, entry(r, at));
        }
    }

    /** The reference with this id, or null when no list of the record holds it. */
    Entry get(long id) {
        return byId.get(id);
    }

    /** Numbered as the published answer numbered it. */
    static Reference numbered(int number, Entry e) {
        Reference r = References.of(number, e.citation());
        String url = e.url() != null ? e.url() : r.url();
        return new Reference(number, r.citation(), url, r.pmid(), r.doi(), e.parts());
    }

    private static Entry entry(JsonNode r, String at) throws ParseException {
        ReferenceParts parts = new ReferenceParts(
                joined(field(r, "authors", at), field(r, "authors2", at), ", "), field(r, "articleTitle", at),
                field(r, "bookWebsiteJournalTitle", at), field(r, "date", at), field(r, "volume", at),
                field(r, "pages", at));
        String url = field(r, "url", at);
        String published = joined(field(r, "placeOfPublication", at), field(r, "publisher", at), ": ");
        return new Entry(parts, url, citation(parts, published, url, field(r, "dateAccessed", at)));
    }

    /** The citation as the published page printed it. */
    static String citation(ReferenceParts p, String published, String url, String accessed) {
        List<String> head = new ArrayList<>();
        for (String s : new String[] {p.authors(), p.title(), p.container(), published}) {
            if (s != null) {
                head.add(withoutFinalStop(s));
            }
        }
        List<String> tail = new ArrayList<>();
        String volumePages = p.volume() == null ? p.pages() : p.pages() == null ? p.volume() : p.volume() + ":" + p.pages();
        for (String s : new String[] {p.date(), volumePages, url}) {
            if (s != null) {
                tail.add(withoutFinalStop(s));
            }
        }
        StringBuilder citation = new StringBuilder(String.join(". ", head));
        if (!tail.isEmpty()) {
            citation.append(citation.length() == 0 ? "" : ". ").append(String.join("; ", tail));
        }
        citation.append('.');
        if (accessed != null) {
            citation.append(" Accessed ").append(withoutFinalStop(accessed)).append('.');
        }
        return citation.toString();
    }

    /** A field's text as a reader saw it (entities decoded, markup dropped), or null when empty. */
    private static String field(JsonNode r, String name, String at) throws ParseException {
        String raw = ApiFields.text(r, name, at);
        if (raw == null) {
            return null;
        }
        String text = raw.indexOf('<') >= 0 || raw.indexOf('&') >= 0 ? Jsoup.parseBodyFragment(raw).text() : raw;
        text = Texts.inline(text);
        return text.isEmpty() ? null : text;
    }

    private static String joined(String a, String b, String separator) {
        return a == null ? b : b == null ? a : a + separator + b;
    }

    private static String withoutFinalStop(String s) {
        String t = Objects.requireNonNull(s);
        return t.endsWith(".") && !t.endsWith("..") ? t.substring(0, t.length() - 1) : t;
    }
}
