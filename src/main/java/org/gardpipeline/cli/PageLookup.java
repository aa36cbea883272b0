package org.gardpipeline.cli;

import java.util.List;
import org.gardpipeline.model.Topic;
import org.gardpipeline.store.HistoryStore;
import org.gardpipeline.store.PageRef;
import org.gardpipeline.store.VersionRecord;

/** Finds what history and diff are asked about, with a one-line error naming what was not found. */
final class PageLookup {
    private PageLookup() {
    }

    static PageRef page(HistoryStore store, String reference) {
        return store.findPage(reference).orElseThrow(() -> new UsageException("no page '" + reference + "' in "
                + store.file() + " (give a GARD id, page key, slug, title or other name)"));
    }

    /** The versions of the page for a topic or slot key (all slots when null); an unknown one is a usage error. */
    static List<VersionRecord> versions(HistoryStore store, PageRef page, String topicOrSlot) {
        if (topicOrSlot != null && !topicOrSlot.startsWith("q:")) {
            try {
                Topic.fromKey(topicOrSlot);
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
        }
        List<VersionRecord> versions = store.versions(page, topicOrSlot);
        if (versions.isEmpty() && topicOrSlot != null) {
            throw new UsageException("page " + page.pageKey() + " (" + page.title() + ") has no answer with topic or slot '"
                    + topicOrSlot + "'");
        }
        return versions;
    }
}
