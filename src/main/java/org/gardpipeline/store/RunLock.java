package org.gardpipeline.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * One writer at a time: an operating-system lock on {@code <db>.lock}, which names its holder. The kernel
 * releases the lock when the holding process dies however it dies, so a lock left by a killed run is
 * simply taken over; the file's text only says who held it.
 */
final class RunLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static Path fileFor(Path database) {
        return database.resolveSibling(database.getFileName() + ".lock");
    }

    static RunLock acquire(Path database) {
        Path file = fileFor(database);
        FileChannel channel = null;
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException sameProcess) {
                lock = null;
            }
            if (lock == null) {
                String holder = holder(file);
                channel.close();
                throw new LockedException("another gard run holds the lock on " + database + " ("
                        + (holder.isEmpty() ? "holder unknown" : holder) + "); try again when it has finished");
            }
            String me = "pid " + ProcessHandle.current().pid() + ", started " + Instant.now();
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(me.getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(false);
            return new RunLock(channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new StoreException("cannot take the run lock " + file + ": " + e.getMessage(), true, e);
        }
    }

    /**
     * Who holds the lock, as the holder wrote it. A holder that has just taken the lock may not have written
     * its name yet, so an empty file is read again for a moment before it is reported as unknown.
     */
    private static String holder(Path file) throws IOException {
        for (int attempt = 0; attempt < 25; attempt++) {
            String holder = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (!holder.isEmpty()) {
                return holder;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return "";
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException ignored) {
            // Closing a channel we failed to use: nothing more to report than the first failure.
        }
    }

    @Override
    public void close() {
        try {
            channel.truncate(0);
            lock.release();
        } catch (IOException ignored) {
            // The lock goes with the channel anyway.
        } finally {
            closeQuietly(channel);
        }
    }
}
