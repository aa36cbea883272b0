package org.gardpipeline.output;

import java.io.BufferedReader;
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
import org.gardpipeline.files.FileFingerprint;
import org.gardpipeline.model.Sha256;
import org.gardpipeline.parallel.OrderedParallelMap;
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
 * hashes them and keeps their {@link FileFingerprint} (sizes, times and inodes) when they have settled; a later run
 * that finds the same listing knows them without reading them, as a run knows a fetch folder it met before.
 *
 * <p>The state is read from what the store already offers: every fetch with its counts of change events
 * (the {@code fetches} view), the span of the fetches with the time the last was ingested, the tool's version
 * and the build of its code (a rebuild may write other bytes from the same database).
 */
public final class OutputStamp {
    /** Hidden: publishing the output folder (copying its visible files) leaves it behind. */
    public static final String FILE = ".gard-outputs";
    private static final String HEADER = "gard-outputs 2";
    private static final String SOURCE = "source ";
    private static final String NO_LISTING = "-";
    private final String state;
    private final List<String> outputs;

    private OutputStamp(String state, List<String> outputs) {
        this.state = state;
        this.outputs = outputs;
    }

    /**
     * The stamp of the database as it is now, over the given outputs: files or folders (all files under them),
     * relative to the output folder. {@code options} are the options the outputs were written with, stamped as
     * their text (an export's options: this room sits below the export and knows no type of it).
     */
    public static OutputStamp of(HistoryStore store, String toolVersion, Object options, List<String> outputs) {
        MessageDigest digest = Sha256.newDigest();
        StringBuilder text = new StringBuilder(toolVersion).append('\n').append(codeBuild()).append('\n').append(options).append('\n')
                .append(store.fetchSpan()).append('\n');
        for (ReportQueries.FetchRow f : new ReportQueries(store).fetches()) {
            // field by field: a record's own toString costs a run over years of fetches tens of milliseconds
            text.append(f.fetchId()).append('\t').append(f.fetchedAt()).append('\t').append(f.label()).append('\t')
                    .append(f.source()).append('\t').append(f.complete()).append('\t').append(f.documents()).append('\t')
                    .append(f.parsed()).append('\t').append(f.quarantined()).append('\t').append(f.added()).append('\t')
                    .append(f.changed()).append('\t').append(f.removed()).append('\t').append(f.restored()).append('\n');
        }
        digest.update(text.toString().getBytes(StandardCharsets.UTF_8));
        return new OutputStamp(Sha256.hex(digest), List.copyOf(outputs));
    }

    /** The build of the code that writes the outputs: the size and time of its jar (or classes folder). */
    public static String codeBuild() {
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
        try {
            Header header = Header.read(out);
            if (header == null || !header.state().equals(state)) {
                return false;
            }
            FileFingerprint present = present(out, outputs);
            String listing = present.sha256();
            if (listing != null && header.listing().equals(listing)) {
                // a listing is stamped only over the files the stamp names, once their hashes matched: the
                // same listing is the same files with the same bytes, and the rest of the stamp need not be read
                return true;
            }
            Stamped stamped = Stamped.read(out);
            List<String> names = names(present);
            if (stamped == null || !names.equals(List.copyOf(stamped.hashes().keySet()))) {
                return false;
            }
            if (!hashes(out, names).equals(stamped.hashes())) {
                return false;
            }
            if (listing != null) {
                write(out, stamped.hashes(), stamped.sources(), listing);
            }
            return true;
        } catch (IOException | UncheckedIOException | IndexOutOfBoundsException e) {
            return false; // unreadable or not ours: the outputs are written again
        }
    }

    /**
     * The files under one output folder that a writer may keep as they are, with the source each was written from;
     * empty unless the stamp is whole and that folder holds exactly the files it names with the bytes it names
     * (known by the listing of all outputs, else by hashing the folder's files). Whatever state the stamp is of: a
     * file's source says by itself what it was written from. A folder deleted, a file edited, added or removed, a
     * stamp missing or damaged: nothing is kept, and the writer writes the folder whole.
     */
    public Kept kept(Path out, String folder) {
        try {
            Stamped stamped = Stamped.read(out);
            if (stamped == null) {
                return Kept.NONE;
            }
            String prefix = folder + "/";
            FileFingerprint all = present(out, outputs);
            List<String> present = names(all).stream().filter(name -> name.startsWith(prefix)).toList();
            Map<String, String> hashes = new TreeMap<>(stamped.hashes());
            hashes.keySet().removeIf(name -> !name.startsWith(prefix));
            if (!present.equals(List.copyOf(hashes.keySet()))) {
                return Kept.NONE;
            }
            String listing = all.sha256();
            if (listing == null || !stamped.listing().equals(listing)) {
                if (!hashes(out, present).equals(hashes)) {
                    return Kept.NONE;
                }
            }
            Map<String, String> sources = new TreeMap<>(stamped.sources());
            sources.keySet().removeIf(name -> !hashes.containsKey(name));
            return new Kept(sources, hashes);
        } catch (IOException | UncheckedIOException | IndexOutOfBoundsException e) {
            return Kept.NONE;
        }
    }

    /**
     * Files known to hold the bytes of their source: {@code sources} by path, and the SHA-256 of each file's bytes,
     * so that the stamp written after keeps them without hashing them again.
     */
    public record Kept(Map<String, String> sources, Map<String, String> hashes) {
        public static final Kept NONE = new Kept(Map.of(), Map.of());

        public Kept {
            sources = Map.copyOf(sources);
            hashes = Map.copyOf(hashes);
        }
    }

    /** The first lines of a stamp: all a run that finds nothing new reads of it. */
    private record Header(String state, String listing) {
        /** Null when there is no stamp or it is not one this version writes. */
        static Header read(Path out) throws IOException {
            Path file = out.resolve(FILE);
            if (!Files.isRegularFile(file)) {
                return null;
            }
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                return of(in.readLine(), in.readLine(), in.readLine());
            }
        }

        /** From the stamp's first three lines (null for a line missing); null when they are not a stamp's. */
        static Header of(String header, String state, String listing) {
            if (!HEADER.equals(header) || state == null || !state.startsWith("state ") || listing == null
                    || !listing.startsWith("listing ")) {
                return null;
            }
            return new Header(state.substring(6), listing.substring(8));
        }
    }

    /** A stamp as read from its file; null when there is none or it is not one this version writes. */
    private record Stamped(String state, String listing, Map<String, String> hashes, Map<String, String> sources) {
        static Stamped read(Path out) throws IOException {
            Path file = out.resolve(FILE);
            if (!Files.isRegularFile(file)) {
                return null;
            }
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            Header header = lines.size() < 3 ? null : Header.of(lines.get(0), lines.get(1), lines.get(2));
            if (header == null) {
                return null;
            }
            Map<String, String> hashes = new TreeMap<>();
            Map<String, String> sources = new TreeMap<>();
            for (String line : lines.subList(3, lines.size())) {
                if (line.startsWith(SOURCE)) {
                    sources.put(line.substring(SOURCE.length() + 65), line.substring(SOURCE.length(), SOURCE.length() + 64));
                } else {
                    hashes.put(line.substring(65), line.substring(0, 64));
                }
            }
            return new Stamped(header.state(), header.listing(), hashes, sources);
        }
    }

    /** Removes the stamp before the outputs are written, so that a run cut short leaves none. */
    public static void clear(Path out) {
        try {
            Files.deleteIfExists(out.resolve(FILE));
        } catch (IOException e) {
            throw new OutputException("cannot delete " + out.resolve(FILE) + ": " + e, false, e);
        }
    }

    /** Writes the stamp of the outputs as they are now (just written from this state). */
    public void write(Path out) {
        write(out, Map.of(), Kept.NONE);
    }

    /**
     * Writes the stamp of the outputs as they are now, with the source of each file that has one; a file kept with
     * the source it had is not hashed again (its bytes are those its source gives, hashed when they were written).
     */
    public void write(Path out, Map<String, String> sources, Kept kept) {
        try {
            List<String> names = names(present(out, outputs));
            Map<String, String> hashes = new TreeMap<>();
            List<String> toHash = new ArrayList<>();
            for (String name : names) {
                String source = sources.get(name);
                if (source != null && source.equals(kept.sources().get(name)) && kept.hashes().containsKey(name)) {
                    hashes.put(name, kept.hashes().get(name));
                } else {
                    toHash.add(name);
                }
            }
            hashes.putAll(hashes(out, toHash));
            Map<String, String> stampedSources = new TreeMap<>(sources);
            stampedSources.keySet().retainAll(hashes.keySet());
            write(out, hashes, stampedSources, null); // written moments ago: the next run hashes them and keeps their listing
        } catch (IOException | UncheckedIOException e) {
            throw new OutputException("cannot write " + out.resolve(FILE) + ": " + e, false, e);
        }
    }

    private void write(Path out, Map<String, String> hashes, Map<String, String> sources, String listing) throws IOException {
        Path temp = null;
        try {
            StringBuilder text = new StringBuilder(HEADER).append('\n').append("state ").append(state).append('\n')
                    .append("listing ").append(listing == null ? NO_LISTING : listing).append('\n');
            hashes.forEach((name, hash) -> text.append(hash).append(' ').append(name).append('\n'));
            sources.forEach((name, source) -> text.append(SOURCE).append(source).append(' ').append(name).append('\n'));
            temp = OutputFiles.hiddenFile(out, ".gard-outputs-", ".tmp");
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            OutputFiles.move(temp, out.resolve(FILE));
        } finally {
            OutputFiles.deleteQuietly(temp);
        }
    }

    /** The files under the outputs (files or folders relative to the output folder) as they are now. */
    private static FileFingerprint present(Path out, List<String> outputs) throws IOException {
        return FileFingerprint.ofEntries(out, outputs.stream().map(out::resolve).toList());
    }

    /** The files' paths relative to the output folder with '/' between names, sorted. */
    private static List<String> names(FileFingerprint present) {
        return present.files().stream().map(present::relative).toList();
    }

    /** The SHA-256 of each file, by name, hashed on all cores. */
    private static Map<String, String> hashes(Path out, List<String> names) {
        List<String> hashed = OrderedParallelMap.map("export", names, name -> hash(out.resolve(name)),
                Runtime.getRuntime().availableProcessors());
        Map<String, String> hashes = new TreeMap<>();
        for (int i = 0; i < names.size(); i++) {
            hashes.put(names.get(i), hashed.get(i));
        }
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
