package org.gardpipeline.model;

import java.util.Objects;

/**
 * A page as its parser read it, with the layout it was read from. Kept apart from {@link Page} because the
 * layout says how a page was written, not what it says: two pages with equal answers are the same page.
 */
public record ParsedPage(Page page, Layout layout) {
    public ParsedPage {
        Objects.requireNonNull(page, "page");
        Objects.requireNonNull(layout, "layout");
    }
}
