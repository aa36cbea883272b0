package org.gardpipeline.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.gardpipeline.model.Sha256;

/**
 * The files a fetch is read from. Their listing is what they look like to the file system without reading
 * them: a SHA-256 over each file's path, size, modification time, change time and inode. A run that finds the
 * listing unchanged since it was kept knows the bytes are the same without hashing them (as git and make trust
 * a file's status).
 *
 * <p>Any write to a file sets its change time, which no tool can set back, and a copy is a new inode, so a
 * file whose bytes changed never keeps its listing. Two cases would still fool it, and then there is no
 * listing (null) and the files are hashed: a file system without the Unix attributes, and a file written
 * within {@link #SETTLING} of the listing, which the file system's clock may not tell from a write a moment
 * later.
 *
 * <p>A packed fetch folder's documents may lie in the WARC files of the packed folders beside it (its revisits'
 * captures): those files are its {@code dependencies}, no files of the fetch but part of its listing, so that a
 * change to one of them, or its removal (then there is no listing), shows as a change of the fetch.
 *
 * <p>The output stamp ({@code output.OutputStamp}) lists the files a run wrote the same way.
 *
 * @param root         the folder the paths are relative to
 * @param files        the regular files (and links to them), in path order
 * @param dependencies other files the fetch's documents are read from (outside the root)
 */
public record FileFingerprint(Path root, List<Path> files, List<Path> dependencies) {
    public FileFingerprint(Path root, List<Path> files) {
        this(root, files, List.of());
    }

    /** This listing with the files its documents also depend on. */
    public FileFingerprint dependingOn(List<Path> others) {
        return new FileFingerprint(root, files, List.copyOf(others));
    }

    /** Coarser than any file system's time stamps (FAT keeps 2 s, ext3 and HFS+ 1 s). */
    public static final Duration SETTLING = Duration.ofSeconds(3);
    private static final String STATUS = "unix:size,lastModifiedTime,ctime,ino";

    /**
     * Every regular file under the folder (or link to one), sorted; links to folders are not followed. Walked
     * by hand with typed attributes rather than with {@code Files.find}: a run lists every fetch folder it has
     * seen before, before the compiler has seen this code (docs/performance.md).
     */
    public static FileFingerprint ofFolder(Path root) throws IOException {
        List<Path> files = new ArrayList<>();
        walk(root, files);
        files.sort(null);
        return new FileFingerprint(root, files);
    }

    private static void walk(Path folder, List<Path> files) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                BasicFileAttributes a = Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                if (a.isDirectory()) {
                    walk(entry, files);
                } else if (a.isRegularFile() || a.isSymbolicLink() && Files.isRegularFile(entry)) {
                    files.add(entry);
                }
            }
        }
    }

    /** One file: a document given by itself, or a WARC file holding fetches. */
    public static FileFingerprint ofFile(Path file) {
        return new FileFingerprint(file.toAbsolutePath().getParent(), List.of(file.toAbsolutePath()));
    }

    private static Map<String, Object> status(Path file, Map<Path, Map<String, Object>> known) throws IOException {
        Map<String, Object> status = known.get(file);
        if (status == null) {
            status = Files.readAttributes(file, STATUS);
            known.put(file, status);
        }
        return status;
    }

    private String relativeDependency(Path file) {
        return root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
    }

    /** The path of a file under the root (or of a dependency), relative to it, with '/' between its names. */
    public String relative(Path file) {
        if (!dependencies.isEmpty() && dependencies.contains(file)) {
            return relativeDependency(file);
        }
        String path = file.toString();
        String relative = path.substring(prefix());
        return file.getFileSystem().getSeparator().equals("/") ? relative : relative.replace(file.getFileSystem().getSeparator(), "/");
    }

    private int prefix() {
        String r = root.toString();
        return r.length() + (r.endsWith(root.getFileSystem().getSeparator()) ? 0 : 1);
    }

    /**
     * The listing of the files as they are now, or null when it cannot stand for their bytes. Each file's status
     * is read here, once per call: a fetch is listed only when a run meets it again, before its files are read.
     */
    public String sha256() {
        return sha256(new ConcurrentHashMap<>());
    }

    /**
     * As {@link #sha256()}, reading the status of a dependency only once for all the listings given the same map:
     * the packed folders of a raw/ name the files of earlier ones, about one for each earlier fetch, so a run that
     * lists every folder would otherwise read each such file once for every folder that names it.
     */
    public String sha256(Map<Path, Map<String, Object>> dependencyStatus) {
        Instant settled = Instant.now().minus(SETTLING);
        return sha256(dependencyStatus, settled.getEpochSecond() * 1_000_000_000L + settled.getNano());
    }

    /**
     * The listing whatever the files' age: what a pack compares before and after it reads a folder, to see that
     * nothing was written to it meanwhile (null when the status cannot be read).
     */
    public String statusSha256() {
        return sha256(new HashMap<>(), Long.MAX_VALUE);
    }

    /** The listing of the files settled before the given time (epoch nanoseconds), else null. */
    public String sha256(Map<Path, Map<String, Object>> dependencyStatus, long settledNanos) {
        MessageDigest digest = Sha256.newDigest();
        StringBuilder entry = new StringBuilder(128);
        try {
            for (int i = 0; i < files.size() + dependencies.size(); i++) {
                boolean dependency = i >= files.size();
                Path f = dependency ? dependencies.get(i - files.size()) : files.get(i);
                Map<String, Object> status = dependency ? status(f, dependencyStatus) : Files.readAttributes(f, STATUS);
                long modified = ((FileTime) status.get("lastModifiedTime")).to(TimeUnit.NANOSECONDS);
                long changed = ((FileTime) status.get("ctime")).to(TimeUnit.NANOSECONDS);
                if (modified >= settledNanos || changed >= settledNanos) {
                    return null;
                }
                entry.setLength(0);
                entry.append(dependency ? relativeDependency(f) : relative(f)).append('\0').append(status.get("size")).append('\0')
                        .append(modified).append('\0').append(changed).append('\0').append(status.get("ino")).append('\n');
                digest.update(entry.toString().getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            return null; // no status to trust: the bytes are hashed
        }
        return Sha256.hex(digest);
    }
}
