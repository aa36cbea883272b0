package org.gardpipeline.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gardpipeline.export.ExportException;
import org.gardpipeline.export.OutputFiles;
import org.gardpipeline.store.HistoryStore;
import org.gardpipeline.store.PageRef;
import org.gardpipeline.store.ReportQueries;
import org.gardpipeline.store.ReportQueries.FetchRow;

/**
 * Writes the report ({@code OUT/report/}: index.html, the further pages of changes, style.css and a page per
 * disease that changed after the first fetch) and the feed ({@code OUT/changes.atom}). Everything is written beside its place first and moved
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

    /** What the report writes into the output folder: its folder and the feed. */
    public static List<String> files() {
        return List.of(FOLDER, ChangeFeed.FILE);
    }

    public Result write(Path out) {
        ReportQueries queries = new ReportQueries(store);
        List<FetchRow> fetches = queries.fetches();
        List<PageChanges> changes = PageChanges.group(queries.changesAfterFirstFetch());
        Map<PageRef, String> pageFiles = pageFiles(changes);
        Path temp = null;
        Path feedTemp = null;
        try {
            temp = OutputFiles.hiddenFolder(out, ".report-", "the report ");
            long bytes = write(temp.resolve(Html.STYLE_FILE), Html.STYLE);
            bytes += write(temp.resolve("index.html"), IndexPage.html(fetches, queries.changeCounts(), changes, pageFiles,
                    toolVersion));
            for (int n = 2; n <= ChangeList.pages(changes.size()); n++) {
                bytes += write(temp.resolve(ChangeList.file(n)), ChangeList.html(changes, n, pageFiles, toolVersion));
            }
            Files.createDirectory(temp.resolve("pages"));
            for (Map.Entry<PageRef, String> e : pageFiles.entrySet()) {
                PageRef page = e.getKey();
                DiseasePage html = new DiseasePage(page, queries.versions(page), queries.removals(page), queries.references(page));
                bytes += write(temp.resolve(e.getValue()), html.html(toolVersion));
            }
            feedTemp = OutputFiles.hiddenFile(out, ".changes-", ".atom");
            try (OutputStream feed = Files.newOutputStream(feedTemp)) {
                ChangeFeed.write(feed, changes, fetches.isEmpty() ? null : fetches.get(fetches.size() - 1).fetchedAt(),
                        pageFiles, FOLDER, toolVersion);
            }
            bytes += Files.size(feedTemp);
            Path feed = out.resolve(ChangeFeed.FILE);
            OutputFiles.move(feedTemp, feed);
            replaceFolder(temp, out.resolve(FOLDER));
            return new Result(out.resolve(FOLDER), feed, pageFiles.size(), bytes);
        } catch (IOException e) {
            throw new ExportException("cannot write the report to " + out + ": " + e, false, e);
        } finally {
            OutputFiles.deleteQuietly(temp);
            OutputFiles.deleteQuietly(feedTemp);
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

    private static long write(Path file, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        Files.write(file, bytes);
        return bytes.length;
    }

    /**
     * Puts the new folder in place of the old: a folder cannot be replaced in one rename, so the old one is
     * first renamed aside, and renamed back when the new one cannot be moved in.
     */
    private static void replaceFolder(Path fresh, Path target) throws IOException {
        Path old = null;
        if (Files.exists(target)) {
            old = target.resolveSibling("." + target.getFileName() + "-old-" + fresh.getFileName());
            OutputFiles.move(target, old);
        }
        try {
            OutputFiles.move(fresh, target);
        } catch (IOException e) {
            if (old != null) {
                OutputFiles.move(old, target);
            }
            throw e;
        }
        OutputFiles.deleteQuietly(old);
    }
}
