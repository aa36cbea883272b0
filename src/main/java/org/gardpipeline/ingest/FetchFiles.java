package org.gardpipeline.ingest;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.gardpipeline.files.FileFingerprint;
import org.gardpipeline.store.FetchListing;

/**
 * The files a fetch is read from, and their listing. A packed folder's listing also takes in the packed files of
 * earlier folders that its revisits refer to, which its WARC file names in its warcinfo record; finding them means
 * opening that file and parsing the record (for the first packed fetch, the index of its 5,910 captures: 1 MB). So
 * they are read only when asked for: a run that has them kept with an earlier listing checks that listing with
 * them, and only a listing that differs makes it read them.
 */
final class FetchFiles {
    private final FileFingerprint own;
    private final boolean folder;
    private FileFingerprint whole;

    /** {@code own}: the files of the fetch itself; {@code folder}: whether they are a folder's (else one file's). */
    FetchFiles(FileFingerprint own, boolean folder) {
        this.own = own;
        this.folder = folder;
    }

    /** The files with those beyond the folder its documents depend on (read from its WARC files the first time). */
    synchronized FileFingerprint withDependencies() {
        if (whole == null) {
            whole = folder ? FolderDocuments.withReferencedFiles(own) : own;
        }
        return whole;
    }

    /**
     * The listing as it is now, sharing with the other listings given the same map what it reads of the files
     * beyond the folder; null when it cannot stand for the bytes (see {@link FileFingerprint#sha256(Map)}).
     */
    FetchListing listing(Map<Path, FileFingerprint.Status> statuses) {
        FileFingerprint files = withDependencies();
        String sha256 = files.sha256(statuses);
        return sha256 == null ? null : new FetchListing(sha256, files.dependencyNames());
    }

    FetchListing listing() {
        return listing(new ConcurrentHashMap<>());
    }

    /**
     * The listing as it is now, when it is the one kept: checked with the files beyond the folder kept with it, which
     * its WARC files named then. The same listing means the folder's own files are as they were, so they name the
     * same files now, and nothing need be opened. Else (or with none kept) the listing as {@link #listing(Map)}.
     */
    FetchListing listing(FetchListing kept, Map<Path, FileFingerprint.Status> statuses) {
        if (kept != null && kept.dependencies() != null) {
            List<Path> beyond = kept.dependencies().stream().map(d -> own.root().resolve(d).normalize()).toList();
            if (kept.sha256().equals(own.dependingOn(beyond).sha256(statuses))) {
                return kept;
            }
        }
        return listing(statuses);
    }
}
