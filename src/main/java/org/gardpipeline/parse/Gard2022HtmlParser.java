package org.gardpipeline.parse;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import org.gardpipeline.model.Answer;
import org.gardpipeline.model.Format;
import org.gardpipeline.model.Layout;
import org.gardpipeline.model.Page;
import org.gardpipeline.model.ParsedPage;
import org.gardpipeline.model.Reference;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * Parses an "About the Disease" page of the GARD site as saved in 2022 (Angular/Scully pre-rendered HTML).
 *
 * <p>Elements are found by their Angular component names ({@code app-symptoms-section}) and stable CSS
 * classes, never by the generated {@code _ngcontent-*} attributes or ids, which change with every build of
 * the site. Blocks that the page renders twice for layout (the {@code ghost} copy of a clamped text, the
 * mobile copy of a tab list) are read once. Before anything is read, {@link Gard2022Landmarks} checks that the
 * page has the layout every 2022 page has, so that a change of markup is reported, never read as a change of
 * what GARD says.
 *
 * <p>What becomes of each part of the page:
 * <ul>
 *   <li>GARD id and slug: from the page's own {@code /diseases/<id>/<slug>} links (canonical link first).</li>
 *   <li>Title: the {@code h1.title} disease name; synonyms: the "Other Names" list split at {@code ;}.</li>
 *   <li>Answers {@code summary}, {@code symptoms} and {@code causes}: see {@link Gard2022Answers}.</li>
 *   <li>Facts: {@code population_estimate}, {@code categories}, {@code age_of_onset}, when stated
 *       ({@link Gard2022Facts}).</li>
 *   <li>References: the "View Sources &amp; References" block; the page has no {@code [n]} markers, so every
 *       answer carries them all. Every answer's date: the page's "Last Updated: Nov. 8, 2021" line
 *       ({@link Gard2022Sources}).</li>
 *   <li>Layout: the landmarks found and the outline of the content area ({@link Gard2022Outline}).</li>
 * </ul>
 * A section showing only "This section is currently in development." yields no answer or fact.
 */
final class Gard2022HtmlParser implements PageParser {
    private static final Evaluator SPAN_HOST = QueryParser.parse("span.host");
    private static final Evaluator DD = QueryParser.parse("dd");

    @Override
    public Page parse(String text, String name) throws ParseException {
        return parseWithLayout(text, name).page();
    }

    @Override
    public ParsedPage parseWithLayout(String text, String name) throws ParseException {
        Gard2022Components about = new Gard2022Components(Jsoup.parse(text));
        requireLayout(about, text);
        String title = title(about);
        Gard2022Parts parts = Gard2022Parts.of(about);
        List<String> landmarks = Gard2022Landmarks.check(about, parts);
        String[] idAndSlug = idAndSlug(about);
        List<Reference> references = Gard2022Sources.references(about);
        LocalDate lastUpdated = Gard2022Sources.lastUpdated(about);
        List<Gard2022Answers.Symptom> symptoms = Gard2022Answers.symptomList(about, parts);
        List<Answer> answers = Gard2022Answers.of(about, parts, symptoms, lastUpdated, references);
        Page page = new Page(Format.GARD_2022_HTML, idAndSlug[0], idAndSlug[1], title, synonyms(about), null,
                Gard2022Facts.of(about), answers, references, Gard2022Answers.phenotypes(symptoms));
        return new ParsedPage(page, new Layout(landmarks, about.outline()));
    }

    /**
     * The page's {@code app-disease-about} component. A file cut short loses its footer first, so a missing
     * footer means truncation; another page type of the 2022 site has no such component.
     */
    private static void requireLayout(Gard2022Components page, String text) throws ParseException {
        if (page.get("app-footer") == null && page.get("footer") == null) {
            throw new ParseException("gard-2022-html page is truncated: it ends before the site footer ("
                    + text.length() + " characters); fetch or copy the page again");
        }
        if (page.get(Gard2022Components.ABOUT) == null) {
            throw new ParseException("gard-2022-html document of an unknown layout: no <app-disease-about> "
                    + "element, so it is not a GARD 2022 'About the Disease' page");
        }
    }

    private static String title(Gard2022Components page) throws ParseException {
        Element h1 = page.title();
        String title = h1 == null ? "" : Texts.inline(h1.text());
        if (title.isEmpty()) {
            throw new ParseException("gard-2022-html page has no title (no <h1> disease name)");
        }
        return title;
    }

    /** {id, slug} from the canonical link, else the first of the page's own disease links; nulls when none. */
    static String[] idAndSlug(Gard2022Components page) {
        for (Element link : page.identityLinks()) {
            Matcher m = link == null ? null : Gard2022Components.DISEASE_LINK.matcher(link.attr("href"));
            if (m != null && m.find()) {
                return new String[] {m.group(1), m.group(2)};
            }
        }
        return new String[] {null, null};
    }

    /** The "Other Names" list: the visible copy of each list (not its measuring ghost), split at ';', each once. */
    private static List<String> synonyms(Gard2022Components page) {
        Set<String> synonyms = new LinkedHashSet<>();
        for (Element dl : page.synonymLists()) {
            Element host = dl.selectFirst(SPAN_HOST);
            String list = host != null ? host.text() : Gard2022Text.blockText(Gard2022Text.firstOrSelf(dl, DD));
            for (String synonym : list.split(";")) {
                String s = Texts.inline(synonym);
                if (!s.isEmpty() && !s.equalsIgnoreCase("Other Names:")) {
                    synonyms.add(s);
                }
            }
        }
        return List.copyOf(synonyms);
    }
}
