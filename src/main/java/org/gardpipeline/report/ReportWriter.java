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
import org.gardpipeline.model.Sha256;
import org.gardpipeline.output.OutputException;
import org.gardpipeline.output.OutputFiles;
import org.gardpipeline.output.OutputStamp;
import org.gardpipeline.store.HistoryStore;
import org.gardpipeline.store.PageRef;
import org.gardpipeline.store.ReportQueries.FetchRow;
import org.gardpipeline.store.ReportQueries;
import org.gardpipeline.store.ReportSources;

/**
 * Writes the report ({@code OUT/report/}: index.html, the further pages of changes, style.css and a page per
 * disease that changed after the first fetch) and the feed ({@code OUT/changes.atom}). Everything is written beside its place first and moved
 * in when complete, so a failed or killed run leaves the previous report and feed as they were.
 */
public final class ReportWriter {
    public static final String FOLDER = "report";
    private final HistoryStore store;
    private final String toolVersion;
    /** The build of the code that draws the pages: a rebuild may draw other bytes from the same rows. */
    private final String build;

    public ReportWriter(HistoryStore store, String toolVersion) {
        this.store = store;
        this.toolVersion = toolVersion;
        this.build = OutputStamp.codeBuild();
    }

    /**
     * What was written: the report folder, the feed, the disease pages (and how many of them were written rather
     * than kept), the bytes of all files, and the source of each disease page by its path in the output folder.
     */
    public record Result(Path folder, Path feed, int pages, int pagesWritten, long bytes, Map<String, String> sources) {
        public Result {
            sources = Map.copyOf(sources);
        }
    }

    /** What the report writes into the output folder: its folder and the feed. */
    public static List<String> files() {
        return List.of(FOLDER, ChangeFeed.FILE);
    }

    /** Writes the whole report and the feed. */
    public Result write(Path out) {
        return write(out, Map.of());
    }

    /**
     * Writes the report and the feed, keeping the disease pages whose source is the one given for them: such a page
     * would come out byte for byte as it is (its source covers every row it shows, the tool's version and its build),
     * so its file is linked into the new folder instead of drawn again. The index, the pages of changes, the style
     * sheet and the feed are always written. A page the history no longer has, or whose file name moved, is left out
     * of the new folder like any page not written.
     *
     * @param kept page files by path in the output folder ({@code report/pages/...}) with their stamped source; the
     *             caller vouches that each holds exactly the bytes written from that source
     */
    public Result write(Path out, Map<String, String> kept) {
        ReportQueries queries = new ReportQueries(store);
        List<FetchRow> fetches = queries.fetches();
        List<PageChanges> changes = PageChanges.group(queries.changesAfterFirstFetch());
        Map<PageRef, String> pageFiles = pageFiles(changes);
        Map<Long, String> digests = new ReportSources(store).digests();
        Map<String, String> sources = new LinkedHashMap<>();
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
            int written = 0;
            for (Map.Entry<PageRef, String> e : pageFiles.entrySet()) {
                PageRef page = e.getKey();
                String path = FOLDER + "/" + e.getValue();
                String source = source(path, digests.get(page.pageId()));
                Path file = temp.resolve(e.getValue());
                if (source.equals(kept.get(path)) && linked(out.resolve(path), file)) {
                    bytes += Files.size(file);
                } else {
                    DiseasePage html = new DiseasePage(page, queries.versions(page), queries.removals(page), queries.references(page));
                    bytes += write(file, html.html(toolVersion));
                    written++;
                }
                sources.put(path, source);
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
            return new Result(out.resolve(FOLDER), feed, pageFiles.size(), written, bytes, sources);
        } catch (IOException e) {
            throw new OutputException("cannot write the report to " + out + ": " + e, false, e);
        } finally {
            OutputFiles.deleteQuietly(temp);
            OutputFiles.deleteQuietly(feedTemp);
        }
    }

    /** A page's source: its rows in the store, its file name, the tool's version and the build that draws it. */
    private String source(String path, String digest) {
        return Sha256.hex((toolVersion + "\n" + build + "\n" + path + "\n" + digest).getBytes(StandardCharsets.UTF_8));
    }

    /** Links the page as it is into the new folder; false when it cannot be (then it is drawn again). */
    private static boolean linked(Path existing, Path target) {
        try {
            Files.createLink(target, existing);
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
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
