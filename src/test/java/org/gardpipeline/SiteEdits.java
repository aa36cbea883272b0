package org.gardpipeline;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Edits of real 2022 pages the way a new build of the site or an editor would make them. */
public final class SiteEdits {
    private SiteEdits() {
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
