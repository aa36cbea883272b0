package org.gardpipeline.store;

/** A page as found by a user's reference to it (GARD id, page key, slug, title or other name). */
public record PageRef(long pageId, String pageKey, String gardId, String slug, String title) {
}
