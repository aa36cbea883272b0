package org.gardpipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Edits of real 2022 pages the way a new build of the site or an editor would make them. */
public final class SiteEdits {
    /** 24 real 2022 pages (72 answers: a summary, symptoms and causes each) to make fetch series of. */
    public static final Path SERIES = Path.of("src/test/resources/gard-2022-series");
    private static final Pattern LAST_UPDATED = Pattern.compile("(Last Updated:\\s*(?:<[^>]*>\\s*)*)([A-Z][a-z]+\\.? \\d{1,2}, \\d{4})");

    private SiteEdits() {
    }

    /** The pages of {@link #SERIES}, by name. */
    public static List<Path> seriesPages() {
        try (Stream<Path> s = Files.list(SERIES)) {
            List<Path> pages = s.sorted().toList();
            assertEquals(24, pages.size());
            return pages;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fetch folder {@code raw/name} of the pages, each passed through {@code edit} (index, html). */
    public static Path fetch(Path raw, String name, List<Path> pages, BiFunction<Integer, String, String> edit) {
        try {
            Path folder = Files.createDirectories(raw.resolve(name));
            for (int i = 0; i < pages.size(); i++) {
                String html = Files.readString(pages.get(i), StandardCharsets.UTF_8);
                Files.writeString(folder.resolve(pages.get(i).getFileName()), edit.apply(i, html), StandardCharsets.UTF_8);
            }
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The page's stated date moved to 2023-01-03, as an editor's review round would. */
    public static String moveDate(String html) {
        Matcher m = LAST_UPDATED.matcher(html);
        assertTrue(m.find(), "page without a Last Updated date");
        return html.substring(0, m.start(2)) + "Jan. 3, 2023" + html.substring(m.end(2));
    }

    /** One sentence of the summary edited: " (edited)" before the end of a sentence past its first 200 characters. */
    public static String editSummary(String html) {
        int at = html.indexOf(". ", html.indexOf("Summary") + 200);
        assertTrue(at > 0, "page without a summary sentence");
        return html.substring(0, at) + " (edited)" + html.substring(at);
    }

    /** What a new build of the site changes without changing what a reader sees. */
    public static String cosmeticVariant(String html) {
        String s = html.replaceAll("_ng(content|host)-[a-z]{3}-c(\\d+)", "_ng$1-abc-c9$2")
                .replaceAll("\\b(runtime|polyfills|main|styles)\\.[0-9a-f]{20}\\.(js|css)", "$1.0123456789abcdef0123.$2")
                .replace("&nbsp;", "\u00A0");
        s = s.replaceAll(">\\s*<(/?)(div|ul|li|p|h[1-6]|dl|dt|app-[a-z-]+|footer|section|clamper)\\b", ">\n      <$1$2");
        return reverseAttributes(s);
    }

    private static final Pattern SIMPLE_TAG =
            Pattern.compile("<(a|div|span|p|button|li|h1|h5)((?:\\s+[\\w:-]+(?:=\"[^\"<>]*\")?)+)\\s*>");
    private static final Pattern ATTRIBUTE = Pattern.compile("[\\w:-]+(?:=\"[^\"<>]*\")?");

    private static String reverseAttributes(String html) {
        Matcher m = SIMPLE_TAG.matcher(html);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            List<String> attributes = new ArrayList<>();
            Matcher a = ATTRIBUTE.matcher(m.group(2));
            while (a.find()) {
                attributes.add(a.group());
            }
            Collections.reverse(attributes);
            m.appendReplacement(out, Matcher.quoteReplacement("<" + m.group(1) + " " + String.join("  ", attributes) + ">"));
        }
        m.appendTail(out);
        return out.toString();
    }

}
