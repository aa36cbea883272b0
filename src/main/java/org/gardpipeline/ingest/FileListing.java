package org.gardpipeline.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.gardpipeline.model.Sha256;

/**
 * What the files of a fetch look like to the file system, without reading them: a SHA-256 over each file's
 * path, size, modification time, change time and inode. A run that finds it unchanged since the fetch was
 * ingested knows the bytes are the same without hashing them (as git and make trust a file's status).
 *
 * <p>Any write to a file sets its change time, which no tool can set back, and a copy is a new inode, so a
 * file whose bytes changed never keeps its listing. Two cases would still fool it, and then no listing is
 * given (null) and the files are hashed as before: a file system without the Unix attributes, and a file
 * written within {@link #SETTLING} of the listing, which the file system's clock may not tell from a write
 * a moment later.
 */
final class FileListing {
    /** Coarser than any file system's time stamps (FAT keeps 2 s, ext3 and HFS+ 1 s). */
    static final Duration SETTLING = Duration.ofSeconds(3);

    private FileListing() {
    }

    /**
     * The listing of the files (each under {@code root}, in the order given); null when it cannot stand for
     * their bytes.
     */
    static String of(Path root, List<Path> files) {
        Instant settled = Instant.now().minus(SETTLING);
        MessageDigest digest = Sha256.newDigest();
        try {
            for (Path f : files) {
                Map<String, Object> a = Files.readAttributes(f, "unix:size,lastModifiedTime,ctime,ino");
                FileTime modified = (FileTime) a.get("lastModifiedTime");
                FileTime changed = (FileTime) a.get("ctime");
                if (!modified.toInstant().isBefore(settled) || !changed.toInstant().isBefore(settled)) {
                    return null;
                }
                String entry = root.relativize(f) + "\0" + a.get("size") + "\0" + nanos(modified) + "\0" + nanos(changed)
                        + "\0" + a.get("ino") + "\n";
                digest.update(entry.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            return null; // no status to trust: the bytes are hashed
        }
        return Sha256.hex(digest);
    }

    private static String nanos(FileTime t) {
        Instant i = t.toInstant();
        return i.getEpochSecond() + "." + i.getNano();
    }
}
