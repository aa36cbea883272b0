package org.gardpipeline.archive;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * How a packed WARC file is put together, whichever folder it packs: its warcinfo record comes first but is known
 * only once the records are (which captures they hold, which earlier files they depend on), so the records are
 * gathered in a temporary file and copied after it into the new file, which is forced to disk before it counts.
 */
final class PackedFiles {
    private PackedFiles() {
    }

    /** Writes {@code target} (which must not exist): the warcinfo record, then every byte of {@code records}. */
    static void assemble(Path target, byte[] warcinfo, FileChannel records) throws IOException {
        try (FileChannel file = FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            write(file, warcinfo);
            long size = records.size();
            for (long at = 0; at < size; ) {
                at += records.transferTo(at, size - at, file);
            }
            file.force(true);
        }
    }

    static void write(FileChannel channel, byte[] bytes) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }
}
