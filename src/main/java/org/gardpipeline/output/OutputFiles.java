package org.gardpipeline.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writing into the output folder so that a reader only ever sees whole files: everything is written under a
 * hidden name beside its place and moved in when complete, so a failed or killed run leaves what was there.
 */
public final class OutputFiles {
    private OutputFiles() {
    }

    /**
     * A new hidden folder in {@code out} (made when absent), readable by all as a published folder is; fails with
     * one line naming {@code out} when it cannot be made ({@code what}: "" or "the report ", as the message says).
     */
    public static Path hiddenFolder(Path out, String prefix, String what) {
        try {
            Files.createDirectories(out);
            return published(Files.createTempDirectory(out, prefix), "rwxr-xr-x");
        } catch (IOException e) {
            throw new OutputException("cannot write " + what + "to output folder " + out + ": " + e, true, e);
        }
    }

    /** A new hidden file in {@code out}, readable by all as a published file is. */
    public static Path hiddenFile(Path out, String prefix, String suffix) throws IOException {
        return published(Files.createTempFile(out, prefix, suffix), "rw-r--r--");
    }

    /** Temporary files are private to their owner; what is published gets the permissions of an ordinary one. */
    private static Path published(Path path, String permissions) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        } catch (UnsupportedOperationException notPosix) {
            // Other file systems have no such bits to set.
        }
        return path;
    }

    /** Moves a file or folder into place, in one rename where the file system can. */
    public static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Deletes a file or folder left behind; what cannot be deleted stays (it is hidden and nothing links to it). */
    public static void deleteQuietly(Path path) {
        if (path == null || !Files.exists(path)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(path)) {
            List<Path> deepestFirst = paths.sorted(Comparator.reverseOrder()).toList();
            for (Path p : deepestFirst) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | UncheckedIOException e) {
            // A leftover hidden file or folder is harmless: the next run makes its own.
        }
    }
}
