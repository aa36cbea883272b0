package org.gardpipeline.parse;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import org.gardpipeline.model.Sha256;
import org.jsoup.nodes.Element;

/**
 * The tag-and-class outline of a 2022 page's content area ({@code app-disease-about}): the set of distinct
 * element kinds it is made of, each a tag with its sorted classes, hashed. A set, not a sequence, so that
 * a list growing by one symptom or reference keeps its outline; generated attributes ({@code _ngcontent-*},
 * ids, bundle names), scripts and style sheets, attribute order and whitespace are not part of it, and neither are the classes the
 * site toggles with the content shown ({@code active}, {@code show}, ...). A new wrapper, a renamed class or
 * a moved component changes it.
 */
final class Gard2022Outline {
    /** Classes that mark a state of the content (the open tab, the highlighted age group), not the layout. */
    private static final Set<String> STATE_CLASSES = Set.of("active", "inactive", "show", "clamped", "collapsed",
            "selected", "open");

    /** Code and metadata, not layout: a new script bundle or style sheet leaves what a reader sees as it was. */
    private static final Set<String> NOT_LAYOUT = Set.of("script", "style", "noscript", "template", "link", "meta");

    private Gard2022Outline() {
    }

    /** SHA-256 (hex) of the outline of the element's subtree. */
    static String of(Element root) {
        Set<String> kinds = new TreeSet<>();
        for (Element e : Descendants.of(root)) {
            if (!NOT_LAYOUT.contains(e.normalName())) {
                kinds.add(kind(e));
            }
        }
        return Sha256.hex(String.join("\n", kinds).getBytes(StandardCharsets.UTF_8));
    }

    private static String kind(Element e) {
        String classes = e.className();
        if (classes.isEmpty()) {
            return e.normalName();
        }
        String[] names = classes.strip().split("\\s+");
        Arrays.sort(names);
        StringBuilder kind = new StringBuilder(e.normalName());
        for (String name : names) {
            if (!name.isEmpty() && !STATE_CLASSES.contains(name)) {
                kind.append('.').append(name);
            }
        }
        return kind.toString();
    }
}
