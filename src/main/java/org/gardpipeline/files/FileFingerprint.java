package org.gardpipeline.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
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
 * <p>A folder's files are listed as it is walked: the walk reads each file's status once, and the listing is made
 * of what it read (a fetch folder kept under raw/ is one status read per file a run, not two).
 *
 * @param root         the folder the paths are relative to
 * @param files        the regular files (and links to them), in path order
 * @param dependencies other files the fetch's documents are read from (outside the root)
 * @param walked       each file's status as the walk of the folder read it, and when; null when the files were
 *                     named rather than walked (their status is read when they are listed)
 */
public record FileFingerprint(Path root, List<Path> files, List<Path> dependencies, Walk walked) {
    public FileFingerprint(Path root, List<Path> files) {
        this(root, files, List.of(), null);
    }

    /**
     * What a walk read of the files, in the files' order.
     *
     * @param statuses each file's size, times and inode
     * @param started  when the walk began: a file is settled when it was last written {@link #SETTLING} before
     */
    public record Walk(List<Status> statuses, Instant started) {
    }

    /** What the listing names of one file, the nanoseconds since the epoch for its times. */
    public record Status(long size, long modified, long changed, long inode) {
        static Status of(Map<String, Object> read) {
            return new Status((Long) read.get("size"), nanos(read, "lastModifiedTime"), nanos(read, "ctime"), (Long) read.get("ino"));
        }

        private static long nanos(Map<String, Object> read, String name) {
            return ((FileTime) read.get(name)).to(TimeUnit.NANOSECONDS);
        }
    }

    /** This listing with the files its documents also depend on. */
    public FileFingerprint dependingOn(List<Path> others) {
        return new FileFingerprint(root, files, List.copyOf(others), walked);
    }

    /** Coarser than any file system's time stamps (FAT keeps 2 s, ext3 and HFS+ 1 s). */
    public static final Duration SETTLING = Duration.ofSeconds(3);
    private static final String STATUS = "unix:size,lastModifiedTime,ctime,ino";
    private static final String TYPE = "isDirectory,isRegularFile,isSymbolicLink";

    /**
     * Every regular file under the folder (or link to one), sorted; links to folders are not followed. Walked
     * by hand, each entry's type and status read together: a run lists every fetch folder it has seen before,
     * before the compiler has seen this code (docs/performance.md).
     */
    public static FileFingerprint ofFolder(Path root) throws IOException {
        return listed(root, List.of(root), true);
    }

    /**
     * As {@link #ofFolder}, over some entries of the root: each a file (or link to one) or a folder walked whole;
     * an entry that does not exist is left out. The output stamp lists the files a run wrote this way.
     */
    public static FileFingerprint ofEntries(Path root, List<Path> entries) throws IOException {
        return listed(root, entries, false);
    }

    private static FileFingerprint listed(Path root, List<Path> entries, boolean entriesAreFolders) throws IOException {
        // a file system without the Unix attributes has no status to list (then the bytes are hashed)
        boolean unix = root.getFileSystem().supportedFileAttributeViews().contains("unix");
        String attributes = unix ? STATUS + "," + TYPE : "basic:" + TYPE;
        Instant started = Instant.now();
        List<Listed> listed = new ArrayList<>();
        for (Path entry : entries) {
            if (entriesAreFolders) {
                walk(entry, attributes, unix, listed);
            } else {
                visitIfPresent(entry, attributes, unix, listed);
            }
        }
        // by the paths' strings, which each path keeps once made and the listing and the readers ask for again:
        // the same order as the paths' own (their bytes) for every name but a rare few beyond U+FFFF
        listed.sort(Comparator.comparing(l -> l.file().toString()));
        List<Path> files = new ArrayList<>(listed.size());
        List<Status> statuses = new ArrayList<>(listed.size());
        for (Listed l : listed) {
            files.add(l.file());
            statuses.add(l.status());
        }
        return new FileFingerprint(root, files, List.of(), unix ? new Walk(statuses, started) : null);
    }

    private record Listed(Path file, Status status) {
    }

    private static void walk(Path folder, String attributes, boolean unix, List<Listed> listed) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                visit(entry, Files.readAttributes(entry, attributes, LinkOption.NOFOLLOW_LINKS), attributes, unix, listed);
            }
        }
    }

    private static void visitIfPresent(Path entry, String attributes, boolean unix, List<Listed> listed) throws IOException {
        Map<String, Object> a;
        try {
            a = Files.readAttributes(entry, attributes, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException absent) {
            return;
        }
        visit(entry, a, attributes, unix, listed);
    }

    private static void visit(Path entry, Map<String, Object> a, String attributes, boolean unix, List<Listed> listed)
            throws IOException {
        if (Boolean.TRUE.equals(a.get("isDirectory"))) {
            walk(entry, attributes, unix, listed);
        } else if (Boolean.TRUE.equals(a.get("isRegularFile"))) {
            listed.add(new Listed(entry, unix ? Status.of(a) : null));
        } else if (Boolean.TRUE.equals(a.get("isSymbolicLink")) && Files.isRegularFile(entry)) {
            // the status of the file it names
            listed.add(new Listed(entry, unix ? Status.of(Files.readAttributes(entry, STATUS)) : null));
        }
    }

    /** One file: a document given by itself, or a WARC file holding fetches. */
    public static FileFingerprint ofFile(Path file) {
        return new FileFingerprint(file.toAbsolutePath().getParent(), List.of(file.toAbsolutePath()));
    }

    private static Status status(Path file, Map<Path, Status> known) throws IOException {
        Status status = known.get(file);
        if (status == null) {
            status = Status.of(Files.readAttributes(file, STATUS));
            known.put(file, status);
        }
        return status;
    }

    /** The dependencies' paths relative to the root, with '/' between their names, in order. */
    public List<String> dependencyNames() {
        return dependencies.stream().map(this::relativeDependency).toList();
    }

    private String relativeDependency(Path file) {
        return root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
    }

    /** The path of a file under the root, relative to it, with '/' between its names ({@link #dependencyNames} for the others). */
    public String relative(Path file) {
        String path = file.toString();
        String relative = path.substring(prefix());
        return file.getFileSystem().getSeparator().equals("/") ? relative : relative.replace(file.getFileSystem().getSeparator(), "/");
    }

    private int prefix() {
        String r = root.toString();
        return r.length() + (r.endsWith(root.getFileSystem().getSeparator()) ? 0 : 1);
    }

    /**
     * The listing of the files, or null when it cannot stand for their bytes: as the walk of the folder read them,
     * else as they are now. A fetch is listed when a run meets it again, before its files are read.
     */
    public String sha256() {
        return sha256(new ConcurrentHashMap<>());
    }

    /**
     * As {@link #sha256()}, reading the status of a dependency only once for all the listings given the same map:
     * the packed folders of a raw/ name the files of earlier ones, about one for each earlier fetch, so a run that
     * lists every folder would otherwise read each such file once for every folder that names it.
     */
    public String sha256(Map<Path, Status> dependencyStatus) {
        Instant settled = (walked == null ? Instant.now() : walked.started()).minus(SETTLING);
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
    public String sha256(Map<Path, Status> dependencyStatus, long settledNanos) {
        MessageDigest digest = Sha256.newDigest();
        StringBuilder entry = new StringBuilder(128);
        try {
            for (int i = 0; i < files.size() + dependencies.size(); i++) {
                boolean dependency = i >= files.size();
                Path f = dependency ? dependencies.get(i - files.size()) : files.get(i);
                Status status = dependency ? status(f, dependencyStatus)
                        : walked != null ? walked.statuses().get(i) : Status.of(Files.readAttributes(f, STATUS));
                long modified = status.modified();
                long changed = status.changed();
                if (modified >= settledNanos || changed >= settledNanos) {
                    return null;
                }
                entry.setLength(0);
                entry.append(dependency ? relativeDependency(f) : relative(f)).append('\0').append(status.size()).append('\0')
                        .append(modified).append('\0').append(changed).append('\0').append(status.inode()).append('\n');
                digest.update(entry.toString().getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            return null; // no status to trust: the bytes are hashed
        }
        return Sha256.hex(digest);
    }
}
