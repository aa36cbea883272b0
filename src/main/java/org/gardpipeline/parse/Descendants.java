package org.gardpipeline.parse;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.NodeIterator;
import org.jsoup.select.Evaluator;

/**
 * An element and its descendants in document order, as {@link Element#select} visits them, through jsoup's own
 * {@link NodeIterator} but without the stream pipeline that jsoup builds around it for every select. The 2022
 * parser selects a few dozen times per page: without the pipelines a full ingest of the 2022 corpus went from
 * 10.2 to 9.6 s (the JIT no longer compiles the stream machinery for it).
 * Only evaluators that need no per-query state (tags, classes, attributes, own text, and lists of them) may
 * be used here; combinators such as descendant or {@code :has} keep a memo that only select resets.
 */
final class Descendants {
    private Descendants() {
    }

    /** The root and every element under it, in document order. */
    static Iterable<Element> of(Element root) {
        return () -> new NodeIterator<>(root, Element.class);
    }

    /** The first of the root and its descendants that the evaluator matches, or null. */
    static Element first(Element root, Evaluator evaluator) {
        for (Element e : of(root)) {
            if (evaluator.matches(root, e)) {
                return e;
            }
        }
        return null;
    }

    /** Every one of the root and its descendants that the evaluator matches, in document order. */
    static List<Element> all(Element root, Evaluator evaluator) {
        List<Element> matches = new ArrayList<>();
        for (Element e : of(root)) {
            if (evaluator.matches(root, e)) {
                matches.add(e);
            }
        }
        return matches;
    }
}
