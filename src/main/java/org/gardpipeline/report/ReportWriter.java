package org.gardpipeline.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.gardpipeline.export.ExportException;
import org.gardpipeline.store.HistoryStore;
import org.gardpipeline.store.PageRef;
import org.gardpipeline.store.ReportQueries;
import org.gardpipeline.store.ReportQueries.FetchRow;

/**
 * Writes the report ({@code OUT/report/}: index.html, style.css and a page per disease that changed after the
 * first fetch) and the feed ({@code OUT/changes.atom}). Everything is written beside its place first and moved
 * in when complete, so a failed or killed run leaves the previous report and feed as they were.
 */
public final class ReportWriter {
    public static final String FOLDER = "report";
    private final HistoryStore store;
    private final String toolVersion;

    public ReportWriter(HistoryStore store, String toolVersion) {
        this.store = store;
        this.toolVersion = toolVersion;
    }

    /** What was written: the report folder, the feed, the disease pages and the bytes of all files. */
    public record Result(Path folder, Path feed, int pages, long bytes) {
    }

    public Result write(Path out) {
        ReportQueries queries = new ReportQueries(store);
        List<FetchRow> fetches = queries.fetches();
        List<PageChanges> changes = PageChanges.group(queries.changesAfterFirstFetch());
        Map<PageRef, String> pageFiles = pageFiles(changes);
        Path temp = null;
        Path feedTemp = null;
        try {
            temp = temporaryFolder(out);
            long bytes = write(temp.resolve(Html.STYLE_FILE), Html.STYLE);
            bytes += write(temp.resolve("index.html"), IndexPage.html(fetches, queries.changeCounts(), changes, pageFiles,
                    toolVersion));
            Files.createDirectory(temp.resolve("pages"));
            for (Map.Entry<PageRef, String> e : pageFiles.entrySet()) {
                PageRef page = e.getKey();
                DiseasePage html = new DiseasePage(page, queries.versions(page), queries.removals(page), queries.references(page));
                bytes += write(temp.resolve(e.getValue()), html.html(toolVersion));
            }
            feedTemp = readable(Files.createTempFile(out, ".changes-", ".atom"), "rw-r--r--");
            try (OutputStream feed = Files.newOutputStream(feedTemp)) {
                ChangeFeed.write(feed, changes, fetches.isEmpty() ? null : fetches.get(fetches.size() - 1).fetchedAt(),
                        pageFiles, FOLDER, toolVersion);
            }
            bytes += Files.size(feedTemp);
            Path feed = out.resolve(ChangeFeed.FILE);
            move(feedTemp, feed);
            replaceFolder(temp, out.resolve(FOLDER));
            return new Result(out.resolve(FOLDER), feed, pageFiles.size(), bytes);
        } catch (IOException e) {
            throw new ExportException("cannot write the report to " + out + ": " + e, false, e);
        } finally {
            deleteQuietly(temp);
            deleteQuietly(feedTemp);
        }
    }

    /**
     * Each page that changed and its file, {@code pages/<page key>.html}; a key with characters a file name
     * should not hold (keys of pages known by name only) gets them replaced and its page id added, so that no
     * two pages share a file.
     */
    static Map<PageRef, String> pageFiles(List<PageChanges> changes) {
        Map<String, PageRef> byKey = new java.util.TreeMap<>();
        changes.forEach(c -> byKey.putIfAbsent(c.page().pageKey(), c.page()));
        Map<PageRef, String> files = new LinkedHashMap<>();
        Set<String> used = new HashSet<>();
        for (PageRef page : byKey.values()) {
            String name = page.pageKey().replaceAll("[^a-z0-9-]", "_");
            if (!name.equals(page.pageKey()) || name.length() > 120 || !used.add(name)) {
                name = name.substring(0, Math.min(name.length(), 120)) + "-" + page.pageId();
                used.add(name);
            }
            files.put(page, "pages/" + name + ".html");
        }
        return files;
    }

    /**
     * Temporary files are made private to their owner, but the report and feed are made to be published, as
     * the CSV files are: they get the permissions of an ordinary file or folder.
     */
    private static Path readable(Path path, String permissions) throws IOException {
        try {
            Files.setPosixFilePermissions(path, java.nio.file.attribute.PosixFilePermissions.fromString(permissions));
        } catch (UnsupportedOperationException notPosix) {
            // Other file systems have no such bits to set.
        }
        return path;
    }

    private static long write(Path file, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        Files.write(file, bytes);
        return bytes.length;
    }

    /** The hidden folder the report is written to first; fails early, with one line, when out is unusable. */
    private static Path temporaryFolder(Path out) {
        try {
            Files.createDirectories(out);
            return readable(Files.createTempDirectory(out, ".report-"), "rwxr-xr-x");
        } catch (IOException e) {
            throw new ExportException("cannot write the report to output folder " + out + ": " + e, true, e);
        }
    }

    /**
     * Puts the new folder in place of the old: a folder cannot be replaced in one rename, so the old one is
     * first renamed aside, and renamed back when the new one cannot be moved in.
     */
    private static void replaceFolder(Path fresh, Path target) throws IOException {
        Path old = null;
        if (Files.exists(target)) {
            old = target.resolveSibling("." + target.getFileName() + "-old-" + fresh.getFileName());
            move(target, old);
        }
        try {
            move(fresh, target);
        } catch (IOException e) {
            if (old != null) {
                move(old, target);
            }
            throw e;
        }
        deleteQuietly(old);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path path) {
        if (path == null || !Files.exists(path)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(path)) {
            List<Path> all = new ArrayList<>(paths.sorted(Comparator.reverseOrder()).toList());
            for (Path p : all) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | UncheckedIOException e) {
            // A leftover hidden folder is harmless: the next report makes its own and the report never links to it.
        }
    }
}
