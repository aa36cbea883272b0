package org.gardpipeline.export;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.gardpipeline.ingest.FileListing;
import org.gardpipeline.model.Sha256;
import org.gardpipeline.store.HistoryStore;
import org.gardpipeline.store.ReportQueries;

/**
 * What a run last wrote into the output folder, and for which database: a hidden file ({@value #FILE}) holding
 * the state of the database the files were written from and the SHA-256 of every file written. A run that
 * ingests nothing and finds the same state and every file as it wrote it has nothing to write: the files would
 * come out byte for byte the same (two exports of one database are identical). Any file deleted, edited, added
 * to the report folder or written by another command ({@code gard export --excel}) fails the match, and the run
 * writes everything again.
 *
 * <p>The files are known by their hashes once, then by their listing: the run after the one that wrote them
 * hashes them and keeps their {@link FileListing} (sizes, times and inodes) when they have settled; a later run
 * that finds the same listing knows them without reading them, as a run knows a fetch folder it met before.
 *
 * <p>The state is read from what the store already offers: every fetch with its counts of change events
 * (the {@code fetches} view), the span of the fetches with the time the last was ingested, the tool's version
 * and the build of its code (a rebuild may write other bytes from the same database).
 */
public final class OutputStamp {
    /** Hidden: publishing the output folder (copying its visible files) leaves it behind. */
    public static final String FILE = ".gard-outputs";
    private static final String HEADER = "gard-outputs 1";
    private static final String NO_LISTING = "-";
    private final String state;
    private final List<String> outputs;

    private OutputStamp(String state, List<String> outputs) {
        this.state = state;
        this.outputs = outputs;
    }

    /**
     * The stamp of the database as it is now, over the given outputs: files or folders (all files under them),
     * relative to the output folder.
     */
    public static OutputStamp of(HistoryStore store, String toolVersion, List<String> outputs) {
        MessageDigest digest = Sha256.newDigest();
        StringBuilder text = new StringBuilder(toolVersion).append('\n').append(codeBuild()).append('\n')
                .append(store.fetchSpan()).append('\n');
        for (ReportQueries.FetchRow row : new ReportQueries(store).fetches()) {
            text.append(row).append('\n');
        }
        digest.update(text.toString().getBytes(StandardCharsets.UTF_8));
        return new OutputStamp(Sha256.hex(digest), List.copyOf(outputs));
    }

    /** The build of the code that writes the outputs: the size and time of its jar (or classes folder). */
    private static String codeBuild() {
        try {
            Path code = Path.of(OutputStamp.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return code + " " + Files.size(code) + " " + Files.getLastModifiedTime(code);
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return "unknown build " + System.nanoTime(); // nothing to tell builds apart by: never matches
        }
    }

    /**
     * True when the output folder holds the stamp of this state and exactly the files it names under the outputs,
     * each with the bytes it names: known by their listing when it is the one stamped, else by their hashes (and
     * then their listing is stamped for the next run).
     */
    public boolean matches(Path out) {
        Path file = out.resolve(FILE);
        try {
            if (!Files.isRegularFile(file)) {
                return false;
            }
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.size() < 3 || !lines.get(0).equals(HEADER) || !lines.get(1).equals("state " + state)
                    || !lines.get(2).startsWith("listing ")) {
                return false;
            }
            Map<String, String> stamped = new TreeMap<>();
            for (String line : lines.subList(3, lines.size())) {
                stamped.put(line.substring(65), line.substring(0, 64));
            }
            List<String> present = files(out);
            if (!present.equals(List.copyOf(stamped.keySet()))) {
                return false;
            }
            String listing = listing(out, present);
            if (listing != null && lines.get(2).equals("listing " + listing)) {
                return true;
            }
            if (!hashes(out, present).equals(stamped)) {
                return false;
            }
            if (listing != null) {
                write(out, stamped, listing);
            }
            return true;
        } catch (IOException | UncheckedIOException | IndexOutOfBoundsException e) {
            return false; // unreadable or not ours: the outputs are written again
        }
    }

    /** Removes the stamp before the outputs are written, so that a run cut short leaves none. */
    public static void clear(Path out) {
        try {
            Files.deleteIfExists(out.resolve(FILE));
        } catch (IOException e) {
            throw new ExportException("cannot delete " + out.resolve(FILE) + ": " + e, false, e);
        }
    }

    /** Writes the stamp of the outputs as they are now (just written from this state). */
    public void write(Path out) {
        try {
            write(out, hashes(out, files(out)), null); // written moments ago: the next run hashes them and keeps their listing
        } catch (IOException | UncheckedIOException e) {
            throw new ExportException("cannot write " + out.resolve(FILE) + ": " + e, false, e);
        }
    }

    private void write(Path out, Map<String, String> hashes, String listing) throws IOException {
        Path temp = null;
        try {
            StringBuilder text = new StringBuilder(HEADER).append('\n').append("state ").append(state).append('\n')
                    .append("listing ").append(listing == null ? NO_LISTING : listing).append('\n');
            hashes.forEach((name, hash) -> text.append(hash).append(' ').append(name).append('\n'));
            temp = OutputFiles.hiddenFile(out, ".gard-outputs-", ".tmp");
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            OutputFiles.move(temp, out.resolve(FILE));
        } finally {
            OutputFiles.deleteQuietly(temp);
        }
    }

    /** The listing of the files (sizes, times, inodes), or null while it cannot stand for their bytes. */
    private static String listing(Path out, List<String> names) {
        return new FileListing(out, names.stream().map(out::resolve).toList()).sha256();
    }

    /** The files under the outputs, relative to the output folder with '/' between names, sorted. */
    private List<String> files(Path out) throws IOException {
        List<String> names = new ArrayList<>();
        for (String output : outputs) {
            Path p = out.resolve(output);
            if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    walk.filter(Files::isRegularFile)
                            .forEach(f -> names.add(out.relativize(f).toString().replace(f.getFileSystem().getSeparator(), "/")));
                }
            } else if (Files.exists(p)) {
                names.add(output);
            }
        }
        names.sort(null);
        return names;
    }

    /** The SHA-256 of each file, by name, hashed on all cores. */
    private static Map<String, String> hashes(Path out, List<String> names) {
        Map<String, String> hashes = new TreeMap<>();
        names.parallelStream().map(name -> Map.entry(name, hash(out.resolve(name)))).toList()
                .forEach(e -> hashes.put(e.getKey(), e.getValue()));
        return hashes;
    }

    private static String hash(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return Sha256.hex(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
