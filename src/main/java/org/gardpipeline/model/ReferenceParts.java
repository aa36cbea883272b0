package org.gardpipeline.model;

/**
 * The parts of a reference a source keeps apart (GARD's API does); each is null when the source leaves it empty.
 *
 * @param authors   the authors as written
 * @param title     the article's (or page's) title
 * @param container the journal, book or website it appeared in
 * @param date      its date as written ("April 2009", "August, 2015")
 * @param volume    volume and issue ("9(2)")
 * @param pages     page range ("61-69")
 */
public record ReferenceParts(String authors, String title, String container, String date, String volume,
                             String pages) {
}
