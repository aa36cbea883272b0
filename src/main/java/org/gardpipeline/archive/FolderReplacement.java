package org.gardpipeline.archive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.gardpipeline.store.TestPause;

/**
 * A fetch folder of raw/ replaced whole by its packed form: built beside it under a hidden name
 * ({@code .NAME.packing}), every file and the folder synced, then swapped in by two renames (the old folder to
 * {@code .NAME.unpacked}, the new one to its name) before the old one is deleted. Killed at any moment, it leaves
 * the old folder or the new one under the name, but for the instant between the two renames; {@link #recover}
 * puts back or removes whatever hidden folder a killed one left.
 */
public final class FolderReplacement implements AutoCloseable {
    private static final String BUILDING = ".packing";
    private static final String REPLACED = ".unpacked";

    private final Path folder;
    private final Path building;
    private final Path replaced;

    private FolderReplacement(Path folder) {
        String name = folder.getFileName().toString();
        this.folder = folder;
        this.building = folder.resolveSibling("." + name + BUILDING);
        this.replaced = folder.resolveSibling("." + name + REPLACED);
    }

    /** Starts the folder's replacement afresh, empty, under its hidden name (whatever an earlier try left there goes). */
    public static FolderReplacement begin(Path folder) throws IOException {
        FolderReplacement replacement = new FolderReplacement(folder);
        try {
            deleteRecursively(replacement.building);
            Files.createDirectory(replacement.building);
        } catch (IOException e) {
            replacement.close();
            throw e;
        }
        return replacement;
    }

    /** The replacement being built, under its hidden name. */
    public Path building() {
        return building;
    }

    /** Copies a file of the folder as it is (its times too) to the same place in the replacement, synced. */
    public void copy(Path file, String relative) throws IOException {
        Path target = building.resolve(relative);
        Files.createDirectories(target.getParent());
        Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
        try (FileChannel ch = FileChannel.open(target, StandardOpenOption.READ)) {
            ch.force(true);
        }
    }

    /** Says every file is in, each synced as it was written: syncs the replacement's names too. */
    public void built() {
        syncFolder(building);
    }

    /**
     * Puts the replacement, built and checked, in the folder's place, and deletes the old folder; the raw folder is
     * synced after the two renames, so that they are on disk before the old folder is gone.
     */
    public void swapIn() throws IOException {
        String name = folder.getFileName().toString();
        TestPause.at("pack " + name + ", packed and checked, not swapped in");
        Files.move(folder, replaced, StandardCopyOption.ATOMIC_MOVE);
        Files.move(building, folder, StandardCopyOption.ATOMIC_MOVE);
        syncFolder(folder.getParent());
        TestPause.at("pack " + name + ", swapped in, the old folder not yet deleted");
        deleteRecursively(replaced);
    }

    /**
     * Removes a replacement not swapped in, while the folder is there; between the two renames it is kept, for
     * {@link #recover} to tell what happened.
     */
    @Override
    public void close() {
        if (Files.exists(folder)) {
            try {
                deleteRecursively(building);
            } catch (IOException e) {
                // a hidden leftover: the next pack removes it
            }
        }
    }

    /**
     * Puts back or removes what a killed pack left under raw/: a folder moved aside with none in its place is moved
     * back; one moved aside with the packed folder in its place, and a packed folder being built beside its folder,
     * are deleted.
     */
    public static void recover(Path raw) {
        try {
            for (Path hidden : children(raw)) {
                String n = hidden.getFileName().toString();
                if (n.startsWith(".") && n.endsWith(REPLACED)) {
                    Path folder = raw.resolve(n.substring(1, n.length() - REPLACED.length()));
                    if (Files.exists(folder)) {
                        deleteRecursively(hidden);
                    } else {
                        Files.move(hidden, folder, StandardCopyOption.ATOMIC_MOVE);
                    }
                }
            }
            for (Path hidden : children(raw)) {
                String n = hidden.getFileName().toString();
                if (n.startsWith(".") && n.endsWith(BUILDING) && Files.exists(raw.resolve(n.substring(1, n.length() - BUILDING.length())))) {
                    deleteRecursively(hidden);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean up after an earlier pack under " + raw + ": " + e.getMessage(), e);
        }
    }

    private static List<Path> children(Path folder) throws IOException {
        List<Path> all = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            entries.forEach(all::add);
        }
        all.sort(null);
        return all;
    }

    /** Deletes a file or a folder with all it holds; nothing when it is absent. */
    private static void deleteRecursively(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> all = Files.walk(p)) {
            for (Path f : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(f);
            }
        }
    }

    private static void syncFolder(Path folder) {
        try (FileChannel ch = FileChannel.open(folder, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // not every file system lets a folder be synced; the files in it are
        }
    }
}
