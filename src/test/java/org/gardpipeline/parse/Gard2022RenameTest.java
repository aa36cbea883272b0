package org.gardpipeline.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.gardpipeline.Fixtures;
import org.gardpipeline.ingest.FetchSource;
import org.gardpipeline.ingest.Ingester;
import org.gardpipeline.model.IngestSummary;
import org.gardpipeline.model.Page;
import org.gardpipeline.store.HistoryStore;
import org.jsoup.select.Evaluator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every class and component name the 2022 parser selects on, renamed one at a time on a fetch of three real pages
 * (9 answers at most: fewer than the 10 a fetch must change before the hold looks at it, so that only the parser can
 * catch a rename): each page the rename reaches is quarantined, and the fetch records no change and no removal.
 *
 * <p>The names are taken from the parser's own selectors (every static {@link Evaluator}, or list of them, of the
 * {@code Gard2022*} classes, and their component-name constants), so a new selector is renamed here without a line of this test.
 */
class Gard2022RenameTest {
    /** Symptom list with carousel and search list, two causes blocks, ages, population, categories. */
    private static final List<String> PAGES = List.of("gard-2022/caudal-regression-sequence",
            "gard-2022/15q133-microdeletion-syndrome", "gard-2022/1q-duplications");
    /**
     * The names whose rename leaves some page it reaches read exactly as before (checked: the same page record, so no
     * event can come of it), each for a reason that holds whatever GARD writes: {@code app-footer} only tells a whole
     * page from a cut-off one and the plain {@code footer} still does; {@code app-tooltip} holds no text, only
     * attributes; {@code active} also marks the site's navigation and open tabs, which the parser does not read (a
     * page with age groups is refused: its groups are then neither active nor inactive).
     */
    private static final TreeSet<String> ABSORBED = new TreeSet<>(List.of("active", "app-footer", "app-tooltip"));
    private static final Pattern CLASS_NAME = Pattern.compile("\\.([A-Za-z][\\w-]*)");
    /** A tag with a dash is a component (app-symptoms-section, toggle-controller); plain tags are HTML's. */
    private static final Pattern COMPONENT = Pattern.compile("(?<![\\w.#=\\[-])([a-z][a-z0-9]*-[a-z0-9-]+)");
    private static final Pattern CLASS_ATTRIBUTE = Pattern.compile("(\\sclass=\")([^\"]*)(\")");

    @TempDir
    Path dir;

    /** The class and component names the parser's selectors name, found in its classes' static fields. */
    static Map<String, Boolean> selectedNames() throws Exception {
        Map<String, Boolean> names = new LinkedHashMap<>(); // name to true for a class, false for a component
        for (Class<?> type : parserClasses()) {
            for (Field field : type.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                field.setAccessible(true);
                Object value = field.get(null);
                List<Evaluator> evaluators = value instanceof Evaluator e ? List.of(e) : value instanceof Collection<?> c
                        ? c.stream().filter(Evaluator.class::isInstance).map(Evaluator.class::cast).toList() : List.of();
                for (Evaluator evaluator : evaluators) {
                    String query = evaluator.toString();
                    for (Matcher m = CLASS_NAME.matcher(query); m.find(); ) {
                        names.putIfAbsent(m.group(1), true);
                    }
                    for (Matcher m = COMPONENT.matcher(query); m.find(); ) {
                        names.putIfAbsent(m.group(1), false);
                    }
                }
                if (value instanceof String s && s.matches("[a-z]+(-[a-z]+)+")) {
                    names.putIfAbsent(s, false);
                } else if (value instanceof Collection<?> c) {
                    c.stream().filter(v -> v instanceof String s && s.matches("[a-z]+(-[a-z]+)+"))
                            .forEach(v -> names.putIfAbsent((String) v, false));
                }
            }
        }
        return names;
    }

    private static List<Class<?>> parserClasses() throws IOException, ClassNotFoundException {
        Path classes = Path.of("target", "classes", "org", "gardpipeline", "parse");
        List<Class<?>> types = new ArrayList<>();
        try (Stream<Path> files = Files.list(classes)) {
            for (Path f : files.sorted().toList()) {
                String name = f.getFileName().toString();
                if (name.startsWith("Gard2022") && name.endsWith(".class")) {
                    types.add(Class.forName("org.gardpipeline.parse." + name.substring(0, name.length() - 6)));
                }
            }
        }
        return types;
    }

    /** The page with every class token {@code name} (or every tag {@code name}) renamed to {@code name-x}. */
    static String renamed(String html, String name, boolean isClass) {
        if (!isClass) {
            return html.replaceAll("(</?)" + Pattern.quote(name) + "(?=[\\s>/])", "$1" + name + "-x");
        }
        Pattern token = Pattern.compile("(?<=^|\\s)" + Pattern.quote(name) + "(?=\\s|$)");
        Matcher m = CLASS_ATTRIBUTE.matcher(html);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String classes = token.matcher(m.group(2)).replaceAll(name + "-x");
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + classes + m.group(3)));
        }
        m.appendTail(out);
        return out.toString();
    }

    @Test
    void theNamesIncludeThoseTheSectionsTextHangsOn() throws Exception {
        Map<String, Boolean> names = selectedNames();
        for (String name : List.of("tabs-description", "causes-text", "main-term", "marker-text", "under-title",
                "ghost", "app-symptoms-section", "app-bar-header", "title", "synonyms")) {
            assertTrue(names.containsKey(name), name + " not among " + names.keySet());
        }
    }

    @Test
    void everyRenameQuarantinesThePagesItReachesAndRecordsNoChange() throws Exception {
        Map<String, String> pages = new LinkedHashMap<>();
        for (String resource : PAGES) {
            pages.put(resource.substring(resource.indexOf('/') + 1),
                    new String(Fixtures.bytes(resource), StandardCharsets.UTF_8));
        }
        Map<String, Boolean> names = selectedNames();
        List<String> failures = new ArrayList<>();
        TreeSet<String> unreached = new TreeSet<>();
        TreeSet<String> absorbed = new TreeSet<>();
        try (HistoryStore store = HistoryStore.open(dir.resolve("gard.sqlite"))) {
            LocalDate day = LocalDate.of(2023, 1, 1);
            IngestSummary first = ingest(store, day, pages);
            assertEquals(List.of(3, 0), List.of(first.parsed(), first.quarantined()));
            assertTrue(first.added() < 10, "the fetch has " + first.added() + " answers; the hold would look at it");
            for (Map.Entry<String, Boolean> name : names.entrySet()) {
                Map<String, String> variant = new LinkedHashMap<>();
                List<String> reached = new ArrayList<>();
                pages.forEach((page, html) -> {
                    String r = renamed(html, name.getKey(), name.getValue());
                    variant.put(page, r);
                    if (!r.equals(html)) {
                        reached.add(page);
                    }
                });
                if (reached.isEmpty()) {
                    unreached.add(name.getKey());
                    continue;
                }
                int refused = 0;
                for (String page : reached) {
                    try {
                        Page read = Parsers.parse(variant.get(page).getBytes(StandardCharsets.UTF_8), page);
                        if (!read.equals(Parsers.parse(pages.get(page).getBytes(StandardCharsets.UTF_8), page))) {
                            failures.add(name.getKey() + " renamed: " + page + " is read otherwise, not quarantined");
                        }
                        absorbed.add(name.getKey());
                    } catch (ParseException e) {
                        refused++;
                    }
                }
                day = day.plusDays(1);
                IngestSummary s = ingest(store, day, variant);
                List<Integer> seen = List.of(s.quarantined(), s.changed(), s.removed());
                if (!seen.equals(List.of(refused, 0, 0))) {
                    failures.add(name.getKey() + " reaching " + reached + ": quarantined, changed, removed " + seen);
                }
            }
        }
        assertEquals(List.of(), failures);
        assertEquals(List.of(), List.copyOf(unreached), "names none of the pages has: add a page that has them");
        assertEquals(ABSORBED, absorbed, "renames some page reads exactly as before: is nothing read lost?");
    }

    private IngestSummary ingest(HistoryStore store, LocalDate day, Map<String, String> pages) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("raw").resolve(day.toString()));
        for (Map.Entry<String, String> page : pages.entrySet()) {
            Files.writeString(folder.resolve(page.getKey()), page.getValue(), StandardCharsets.UTF_8);
        }
        return new Ingester(store).ingest(FetchSource.open(folder, new FetchSource.Overrides(day.toString(), true)));
    }
}
