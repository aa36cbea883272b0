package org.gardpipeline.fetch;

import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import org.gardpipeline.archive.FetchFolderLayout;
import org.gardpipeline.archive.FetchWarcWriter;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResource;

/**
 * A fetch folder {@code <out>/<YYYY-MM-DD>-fetch[-n]/} while it is written: built under the hidden name
 * {@code .<name>.partial} and renamed once its WARC, manifest and properties are all in, so a run never sees half
 * a fetch. The names of its files are defined here and nowhere else.
 */
public final class FetchFolder {
    /** The WARC file a fetch writes. */
    public static final String WARC_FILE = FetchWarcWriter.FILE;
    /** The optional properties of any fetch folder (fetched_at, complete, source); a fetch writes its own. */
    public static final String PROPERTIES_FILE = FetchFolderLayout.PROPERTIES_FILE;

    private final Path out;
    private final String name;
    private final Path partial;

    private FetchFolder(Path out, String name, Path partial) {
        this.out = out;
        this.name = name;
        this.partial = partial;
    }

    /** Starts a new folder under {@code out}, named by the day the fetch started, left hidden until finished. */
    static FetchFolder begin(Path out, Instant started) throws IOException {
        Files.createDirectories(out);
        String name = newName(out, LocalDate.ofInstant(started, ZoneOffset.UTC));
        Path partial = out.resolve("." + name + ".partial");
        deleteRecursively(partial); // what an interrupted fetch of the same name left
        Files.createDirectories(partial);
        return new FetchFolder(out, name, partial);
    }

    /** The name the folder will have once finished. */
    String name() {
        return name;
    }

    Path warc() {
        return partial.resolve(WARC_FILE);
    }

    /**
     * Writes the manifest and the properties, then makes the folder visible under its name; {@code complete} says the
     * fetch covered the whole site, so that a page missing from it was removed.
     */
    Path finish(Manifest manifest, boolean complete) throws IOException {
        manifest.write(partial.resolve(Manifest.FILE));
        Properties props = new Properties();
        props.setProperty("fetched_at", manifest.fetchedAt());
        props.setProperty("source", manifest.source());
        props.setProperty("complete", Boolean.toString(complete));
        try (Writer w = Files.newBufferedWriter(partial.resolve(PROPERTIES_FILE), StandardCharsets.UTF_8)) {
            props.store(w, "written by gard fetch");
        }
        Path folder = out.resolve(name);
        Files.move(partial, folder, StandardCopyOption.ATOMIC_MOVE);
        return folder;
    }

    /** Earlier captures under the out folder, newest fetch folder last so it wins: URL asked -> entry. */
    static Map<String, EarlierCapture> earlierCaptures(Path out) throws IOException {
        Map<String, EarlierCapture> found = new HashMap<>();
        List<Path> folders;
        try (Stream<Path> children = Files.list(out)) {
            folders = children.filter(p -> Files.isRegularFile(p.resolve(Manifest.FILE)))
                    .filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        }
        for (Path folder : folders) {
            Manifest m;
            try {
                m = Manifest.read(folder.resolve(Manifest.FILE));
            } catch (IOException e) {
                continue; // a manifest we cannot read only costs a full download
            }
            for (Manifest.Entry e : m.pages()) {
                if (e.failed() || e.sha256() == null) {
                    continue; // a page without validators is still one whose identical payload becomes a revisit
                }
                String here = folder.getFileName().toString();
                boolean capturedHere = e.captureFetch() == null || e.captureFetch().equals(here);
                EarlierCapture before = found.get(e.asked());
                // a 304 carried forward keeps the date of the fetch whose WARC holds the bytes
                String capturedAt = capturedHere || before == null ? m.fetchedAt() : before.fetchedAt();
                found.put(e.asked(), new EarlierCapture(e, capturedHere ? here : e.captureFetch(), capturedAt));
            }
        }
        return found;
    }

    /**
     * The ids GARD's list named in the newest fetch folder under {@code out} that fetched by the list, read back from
     * its WARC, with the folder's name; empty when no fetch was made by the list. A list that cannot be read back is
     * refused: without it, a list cut short could not be told from the site.
     */
    public static Optional<Map.Entry<String, Set<Long>>> lastSiteList(Path out) throws SiteListException {
        if (!Files.isDirectory(out)) {
            return Optional.empty();
        }
        Path newest = null;
        Manifest newestManifest = null;
        try (Stream<Path> children = Files.list(out)) {
            for (Path folder : (Iterable<Path>) children.filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> Files.isRegularFile(p.resolve(Manifest.FILE)))::iterator) {
                Manifest m;
                try {
                    m = Manifest.read(folder.resolve(Manifest.FILE));
                } catch (IOException e) {
                    continue;
                }
                if (m.siteList() != null && (newestManifest == null || m.fetchedAt().compareTo(newestManifest.fetchedAt()) > 0)) {
                    newest = folder;
                    newestManifest = m;
                }
            }
        } catch (IOException e) {
            throw new SiteListException("cannot list " + out + " for the last list of pages: " + e.getMessage());
        }
        if (newest == null) {
            return Optional.empty();
        }
        Manifest.SiteListEntry kept = newestManifest.siteList();
        Path warc = newest.resolve(WARC_FILE);
        try (WarcReader reader = new WarcReader(warc)) {
            for (WarcRecord r : reader) { // the list is the record after the warcinfo: the pages are not read
                if (r instanceof WarcResource && kept.warcRecordId().equals(r.id().toString())) {
                    SiteList list = SiteList.parse(URI.create(kept.url()), r.body().stream().readAllBytes());
                    return Optional.of(Map.entry(newest.getFileName().toString(), list.ids()));
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new SiteListException("the last list of pages, in " + warc + ", cannot be read (" + e.getMessage()
                    + "): nothing fetched; fetch with --allow-shrink to go without comparing");
        }
        throw new SiteListException("the last list of pages is not in " + warc + " as its manifest says: nothing fetched; "
                + "fetch with --allow-shrink to go without comparing");
    }

    private static String newName(Path out, LocalDate date) {
        String base = date.format(DateTimeFormatter.ISO_LOCAL_DATE) + "-fetch";
        String name = base;
        for (int n = 2; Files.exists(out.resolve(name)); n++) {
            name = base + "-" + n;
        }
        return name;
    }

    /** Deletes a file or a folder with all it holds; nothing when it is absent. */
    public static void deleteRecursively(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> all = Files.walk(p)) {
            for (Path f : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(f);
            }
        }
    }
}
