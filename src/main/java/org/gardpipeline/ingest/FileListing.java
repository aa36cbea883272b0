package org.gardpipeline.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.gardpipeline.model.Sha256;

/**
 * The files a fetch is read from, and what they look like to the file system without reading them: a SHA-256
 * over each file's path, size, modification time, change time and inode. A run that finds this listing
 * unchanged since the fetch was ingested knows the bytes are the same without hashing them (as git and make
 * trust a file's status).
 *
 * <p>Any write to a file sets its change time, which no tool can set back, and a copy is a new inode, so a
 * file whose bytes changed never keeps its listing. Two cases would still fool it, and then there is no
 * listing (null) and the files are hashed: a file system without the Unix attributes, and a file written
 * within {@link #SETTLING} of the listing, which the file system's clock may not tell from a write a moment
 * later.
 *
 * @param files         the regular files (and links to them), in path order
 * @param listingSha256 their listing, or null
 */
record FileListing(List<Path> files, String listingSha256) {
    /** Coarser than any file system's time stamps (FAT keeps 2 s, ext3 and HFS+ 1 s). */
    static final Duration SETTLING = Duration.ofSeconds(3);
    private static final String STATUS = "unix:mode,size,lastModifiedTime,ctime,ino";
    private static final int TYPE = 0170000;
    private static final int DIRECTORY = 0040000;
    private static final int REGULAR = 0100000;
    private static final int LINK = 0120000;

    /** A file and its status (null when the file system has no Unix attributes). */
    private record Found(Path file, Map<String, Object> status) {
    }

    /**
     * Every regular file under the folder, and every link to one, with its status read once in the walk: for a
     * folder of thousands of documents that is half the system calls of a walk and a second look at each file.
     * Links to folders are not followed.
     */
    static FileListing ofFolder(Path root) throws IOException {
        Instant settled = Instant.now().minus(SETTLING);
        List<Found> found = new ArrayList<>();
        try {
            walk(root, found);
        } catch (UnsupportedOperationException noUnixAttributes) {
            found.clear();
            walkBasic(root, found);
        }
        found.sort(Comparator.comparing(Found::file));
        return new FileListing(found.stream().map(Found::file).toList(), listing(root, found, settled));
    }

    /** One file: a document given by itself, or a WARC file holding fetches. */
    static FileListing ofFile(Path file) {
        Path absolute = file.toAbsolutePath();
        Instant settled = Instant.now().minus(SETTLING);
        Map<String, Object> status;
        try {
            status = Files.readAttributes(absolute, STATUS);
        } catch (IOException | UnsupportedOperationException e) {
            status = null;
        }
        return new FileListing(List.of(file), listing(absolute.getParent(), List.of(new Found(absolute, status)), settled));
    }

    private static void walk(Path folder, List<Found> found) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                Map<String, Object> status = Files.readAttributes(entry, STATUS, LinkOption.NOFOLLOW_LINKS);
                int type = (Integer) status.get("mode") & TYPE;
                if (type == DIRECTORY) {
                    walk(entry, found);
                } else if (type == REGULAR) {
                    found.add(new Found(entry, status));
                } else if (type == LINK && Files.isRegularFile(entry)) {
                    found.add(new Found(entry, Files.readAttributes(entry, STATUS))); // the status of what it links to
                }
            }
        }
    }

    /** Without Unix attributes: the files alone, which can give no listing. */
    private static void walkBasic(Path root, List<Found> found) throws IOException {
        try (var files = Files.find(root, Integer.MAX_VALUE, (f, attributes) -> attributes.isRegularFile()
                || attributes.isSymbolicLink() && Files.isRegularFile(f))) {
            files.forEach(f -> found.add(new Found(f, null)));
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static String listing(Path root, List<Found> found, Instant settled) {
        MessageDigest digest = Sha256.newDigest();
        for (Found f : found) {
            if (f.status() == null) {
                return null;
            }
            FileTime modified = (FileTime) f.status().get("lastModifiedTime");
            FileTime changed = (FileTime) f.status().get("ctime");
            if (!modified.toInstant().isBefore(settled) || !changed.toInstant().isBefore(settled)) {
                return null;
            }
            String entry = root.relativize(f.file()) + "\0" + f.status().get("size") + "\0" + nanos(modified) + "\0"
                    + nanos(changed) + "\0" + f.status().get("ino") + "\n";
            digest.update(entry.getBytes(StandardCharsets.UTF_8));
        }
        return Sha256.hex(digest);
    }

    private static String nanos(FileTime t) {
        Instant i = t.toInstant();
        return i.getEpochSecond() + "." + i.getNano();
    }
}
