package org.gardpipeline.parse;

import org.gardpipeline.model.Layout;
import org.gardpipeline.model.Page;
import org.gardpipeline.model.ParsedPage;

/** A parser for one document format: a pure function from the decoded text of a document to its page. */
interface PageParser {
    /**
     * @param text the document's text, already decoded and repaired
     * @param name the document's file name (or URL), used only for messages and as a last-resort slug
     */
    Page parse(String text, String name) throws ParseException;

    /**
     * The page with the layout it was read from. A format whose parser keeps no landmarks of its own has
     * {@link Layout#NONE}.
     */
    default ParsedPage parseWithLayout(String text, String name) throws ParseException {
        return new ParsedPage(parse(text, name), Layout.NONE);
    }
}
