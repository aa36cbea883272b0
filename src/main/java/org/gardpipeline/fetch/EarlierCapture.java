package org.gardpipeline.fetch;

import java.time.Instant;
import org.gardpipeline.archive.CaptureReference;

/**
 * The earlier capture of a URL, for conditional requests and the revisit record that stands for it.
 *
 * @param entry     the page's entry in the earlier manifest
 * @param folder    the fetch folder holding the capture
 * @param fetchedAt when that fetch started, as its manifest says
 */
record EarlierCapture(Manifest.Entry entry, String folder, String fetchedAt) {
    /** The capture as a revisit record refers to it. */
    CaptureReference reference() {
        return new CaptureReference(entry.warcRecordId(), entry.url(), date(), folder);
    }

    /** When the capture was made: the fetch's start, or the folder's date when the manifest's is unreadable. */
    Instant date() {
        try {
            return Instant.parse(fetchedAt);
        } catch (RuntimeException e) {
            return folder.length() >= 10 ? Instant.parse(folder.substring(0, 10) + "T00:00:00Z") : Instant.EPOCH;
        }
    }
}
