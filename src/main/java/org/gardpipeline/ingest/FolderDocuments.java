package org.gardpipeline.ingest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gardpipeline.archive.ArchiveIndex;
import org.gardpipeline.archive.Capture;
import org.gardpipeline.archive.FetchFolderLayout;
import org.gardpipeline.archive.UnreadableArchiveException;
import org.gardpipeline.files.FileFingerprint;

/**
 * The documents of a fetch folder: its files that are documents, and the captures of its WARC files (read through the
 * run's archive index), one per path; with the earliest capture's time, which dates a folder named by no date.
 *
 * @param documents       the documents, files first, then the captures by path
 * @param earliestCapture the earliest capture in its WARC files, null when it has none
 * @param siteList        GARD's list of its pages as a WARC file of the folder keeps it (the fetch was made by the
 *                        list), no document of the fetch; null when it holds none
 */
record FolderDocuments(List<FetchSource.RawDocument> documents, java.time.Instant earliestCapture,
                       FetchSource.RawDocument siteList) {
    /** Each WARC file is read once: for its documents and for the date of its earliest capture. */
    static FolderDocuments read(FileFingerprint listed, ArchiveIndex archive) {
        List<Path> warcs = new ArrayList<>();
        List<Path> others = new ArrayList<>();
        for (Path f : listed.files()) {
            (ArchiveIndex.isWarcName(f) ? warcs : others).add(f);
        }
        List<FetchSource.RawDocument> documents = new ArrayList<>();
        for (Path f : others) {
            String name = f.getFileName().toString();
            // the manifest of gard fetch describes the WARC beside it; it is no document
            if (!name.equals(FetchFolderLayout.PROPERTIES_FILE) && !name.startsWith(".") && (warcs.isEmpty() || !name.equals(FetchFolderLayout.MANIFEST_FILE))) {
                documents.add(FetchSource.RawDocument.file(listed.relative(f), f));
            }
        }
        List<FetchSource.RawDocument> fromWarcs = new ArrayList<>();
        java.time.Instant earliest = null;
        FetchSource.RawDocument siteList = null;
        for (Path warc : warcs) {
            for (Capture c : captures(archive, warc)) {
                fromWarcs.add(FetchSource.RawDocument.of(c));
                earliest = earliest == null || c.date().isBefore(earliest) ? c.date() : earliest;
            }
            for (Capture c : resources(archive, warc)) {
                if (c.path().endsWith(FetchFolderLayout.SITE_LIST_PATH)) {
                    siteList = FetchSource.RawDocument.of(c); // of two, the last kept
                }
            }
        }
        documents.addAll(uniqueByPath(fromWarcs));
        return new FolderDocuments(documents, earliest, siteList);
    }

    /** The documents of a folder of raw/, as an ingest reads them: what a pack compares its packed folder with. */
    static List<FetchSource.RawDocument> of(Path folder, ArchiveIndex archive) {
        return read(withReferencedFiles(FetchSource.listFolder(folder)), archive).documents();
    }

    /** The listing of a folder with the files of other folders its WARC files' revisits refer to. */
    static FileFingerprint withReferencedFiles(FileFingerprint listing) {
        List<Path> referenced = ArchiveIndex.referencedFiles(listing.root(), listing.files());
        return referenced.isEmpty() ? listing : listing.dependingOn(referenced);
    }

    static List<Capture> captures(ArchiveIndex archive, Path warc) {
        try {
            return archive.captures(warc);
        } catch (UnreadableArchiveException e) {
            throw new UnusableFetchException(e.getMessage(), e);
        }
    }

    private static List<Capture> resources(ArchiveIndex archive, Path warc) {
        try {
            return archive.resources(warc);
        } catch (UnreadableArchiveException e) {
            throw new UnusableFetchException(e.getMessage(), e);
        }
    }

    /** One document per path, the last one given (a later capture of the same page wins). */
    static List<FetchSource.RawDocument> uniqueByPath(List<FetchSource.RawDocument> docs) {
        java.util.LinkedHashMap<String, FetchSource.RawDocument> byPath = new java.util.LinkedHashMap<>();
        for (FetchSource.RawDocument d : docs) {
            byPath.remove(d.path());
            byPath.put(d.path(), d);
        }
        List<FetchSource.RawDocument> sorted = new ArrayList<>(byPath.values());
        sorted.sort(java.util.Comparator.comparing(FetchSource.RawDocument::path));
        return sorted;
    }
}
