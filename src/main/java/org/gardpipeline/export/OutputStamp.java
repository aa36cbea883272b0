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
 * <p>The state is read from what the store already offers: every fetch with its counts of change events
 * (the {@code fetches} view), the span of the fetches with the time the last was ingested, the tool's version
 * and the build of its code (a rebuild may write other bytes from the same database).
 */
public final class OutputStamp {
    /** Hidden: publishing the output folder (copying its visible files) leaves it behind. */
    public static final String FILE = ".gard-outputs";
    private static final String HEADER = "gard-outputs 1";
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
     * each with the bytes it names.
     */
    public boolean matches(Path out) {
        Path file = out.resolve(FILE);
        try {
            if (!Files.isRegularFile(file)) {
                return false;
            }
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.size() < 2 || !lines.get(0).equals(HEADER) || !lines.get(1).equals("state " + state)) {
                return false;
            }
            Map<String, String> stamped = new TreeMap<>();
            for (String line : lines.subList(2, lines.size())) {
                stamped.put(line.substring(65), line.substring(0, 64));
            }
            List<String> present = files(out);
            if (!present.equals(List.copyOf(stamped.keySet()))) {
                return false;
            }
            for (String name : present) {
                if (!stamped.get(name).equals(hash(out.resolve(name)))) {
                    return false;
                }
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
        Path temp = null;
        try {
            StringBuilder text = new StringBuilder(HEADER).append('\n').append("state ").append(state).append('\n');
            for (String name : files(out)) {
                text.append(hash(out.resolve(name))).append(' ').append(name).append('\n');
            }
            temp = OutputFiles.hiddenFile(out, ".gard-outputs-", ".tmp");
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            OutputFiles.move(temp, out.resolve(FILE));
        } catch (IOException e) {
            throw new ExportException("cannot write " + out.resolve(FILE) + ": " + e, false, e);
        } finally {
            OutputFiles.deleteQuietly(temp);
        }
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

    private static String hash(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return Sha256.hex(in);
        }
    }
}
