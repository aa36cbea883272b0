package org.gardpipeline.store;

import java.util.function.Consumer;
import org.gardpipeline.model.Document;
import org.gardpipeline.model.Fetch;
import org.gardpipeline.model.PageNames;

/**
 * Reads and parses a stored fetch's documents again from its raw files, for {@link HistoryStore#rebuild}: hands them,
 * in fetch order, to the writer, and closes what it opened once the writer is done.
 */
public interface FetchDocuments {
    void read(Fetch fetch, Consumer<Iterable<Document>> write);

    /** The pages' other names the fetch's list of pages gives, written after its documents; none by default. */
    default PageNames names(Fetch fetch) {
        return PageNames.NONE;
    }
}
