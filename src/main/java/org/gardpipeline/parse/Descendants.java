package org.gardpipeline.parse;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;

/**
 * An element and its descendants in document order, as {@link Element#select} visits them, walked by hand.
 * jsoup builds a stream pipeline for every select, and the 2022 parser selects a few dozen times per page:
 * walking by hand took a full ingest of the 2022 corpus from 10.2 to 9.6 s (the JIT no longer compiles the
 * stream machinery for it).
 * Only evaluators that need no per-query state (tags, classes, attributes, own text, and lists of them) may
 * be used here; combinators such as descendant or {@code :has} keep a memo that only select resets.
 */
final class Descendants {
    private Descendants() {
    }

    /** The first of the root and its descendants that the evaluator matches, or null. */
    static Element first(Element root, Evaluator evaluator) {
        for (Element e = root; e != null; e = next(root, e)) {
            if (evaluator.matches(root, e)) {
                return e;
            }
        }
        return null;
    }

    /** Every one of the root and its descendants that the evaluator matches, in document order. */
    static List<Element> all(Element root, Evaluator evaluator) {
        List<Element> matches = new ArrayList<>();
        for (Element e = root; e != null; e = next(root, e)) {
            if (evaluator.matches(root, e)) {
                matches.add(e);
            }
        }
        return matches;
    }

    /** The element after {@code e} in a pre-order walk of the root's subtree, or null after the last. */
    static Element next(Element root, Element e) {
        Element child = e.firstElementChild();
        if (child != null) {
            return child;
        }
        for (Element at = e; at != root; at = at.parent()) {
            Element sibling = at.nextElementSibling();
            if (sibling != null) {
                return sibling;
            }
        }
        return null;
    }
}
