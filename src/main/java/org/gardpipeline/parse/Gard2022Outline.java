package org.gardpipeline.parse;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Set;
import org.gardpipeline.model.Sha256;
import org.jsoup.nodes.Element;

/**
 * The tag-and-class outline of a 2022 page's content area ({@code app-disease-about}): the set of distinct
 * element kinds it is made of, each a tag with its classes in any order, hashed. A set, not a sequence, so that
 * a list growing by one symptom or reference keeps its outline; generated attributes ({@code _ngcontent-*},
 * ids, bundle names), scripts and style sheets, attribute order and whitespace are not part of it, and neither
 * are the classes the site toggles with the content shown ({@code active}, {@code show}, ...). A new wrapper, a
 * renamed class or a moved component changes it.
 *
 * <p>Elements are added during the walk {@link Gard2022Components} makes anyway, each as a 64-bit kind computed
 * from the characters of its tag and class attribute without building a string: a page's content area has a few
 * thousand elements, and a set of strings built for them cost more than reading the page's answers.
 */
final class Gard2022Outline {
    /** Code and metadata, not layout: a new script bundle or style sheet leaves what a reader sees as it was. */
    private static final Set<String> NOT_LAYOUT = Set.of("script", "style", "noscript", "template", "link", "meta");
    /** Classes that mark a state of the content (the open tab, the highlighted age group), not the layout. */
    private static final long[] STATE_CLASSES = hashes("active", "inactive", "show", "clamped", "collapsed",
            "selected", "open");
    private long[] kinds = new long[1024];
    private int size;

    /** Adds an element of the content area. */
    void add(Element e) {
        String tag = e.normalName();
        if (NOT_LAYOUT.contains(tag)) {
            return;
        }
        if (size == kinds.length) {
            kinds = Arrays.copyOf(kinds, size * 2);
        }
        kinds[size++] = kind(tag, e.className());
    }

    /** SHA-256 (hex) of the distinct kinds added, in sorted order. */
    String sha256() {
        long[] sorted = Arrays.copyOf(kinds, size);
        Arrays.sort(sorted);
        ByteBuffer bytes = ByteBuffer.allocate(8 * sorted.length);
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                bytes.putLong(sorted[i]);
            }
        }
        return Sha256.hex(Arrays.copyOf(bytes.array(), bytes.position()));
    }

    /** The tag's hash with the sum of its classes' hashes (a sum: the order of the classes does not count). */
    private static long kind(String tag, String classes) {
        long sum = 0;
        int start = -1;
        for (int i = 0; i <= classes.length(); i++) {
            boolean space = i == classes.length() || Character.isWhitespace(classes.charAt(i));
            if (!space && start < 0) {
                start = i;
            } else if (space && start >= 0) {
                long h = hash(classes, start, i);
                sum += isState(h) ? 0 : mix(h);
                start = -1;
            }
        }
        return mix(hash(tag, 0, tag.length())) * 31 + sum;
    }

    private static boolean isState(long hash) {
        for (long state : STATE_CLASSES) {
            if (state == hash) {
                return true;
            }
        }
        return false;
    }

    /** 64-bit FNV-1a over the characters from..to. */
    private static long hash(String s, int from, int to) {
        long h = 0xcbf29ce484222325L;
        for (int i = from; i < to; i++) {
            h = (h ^ s.charAt(i)) * 0x100000001b3L;
        }
        return h;
    }

    /** SplitMix64's finaliser, so that sums of class hashes do not cancel out. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    private static long[] hashes(String... names) {
        long[] hashes = new long[names.length];
        for (int i = 0; i < names.length; i++) {
            hashes[i] = hash(names[i], 0, names[i].length());
        }
        return hashes;
    }
}
