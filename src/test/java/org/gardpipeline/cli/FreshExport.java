package org.gardpipeline.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.gardpipeline.output.OutputStamp;

/** The check that outputs kept or drawn in part over runs are byte for byte what a fresh export writes. */
final class FreshExport {
    private FreshExport() {
    }

    /** {@code out} holds exactly the files, and the bytes, that an export of {@code db} into a new folder writes. */
    static void assertSameAs(Path db, Path out, Path scratch) throws IOException {
        Path fresh = scratch.resolve("fresh-" + System.nanoTime());
        CommandLineRun export = CommandLineRun.of("export", "--db", db.toString(), "--out", fresh.toString());
        assertEquals(0, export.exitCode(), export.err());
        Map<String, byte[]> expected = tree(fresh);
        Map<String, byte[]> actual = tree(out);
        assertEquals(expected.keySet(), actual.keySet(), "the files of the outputs and of a fresh export");
        for (String name : expected.keySet()) {
            assertArrayEquals(expected.get(name), actual.get(name), name);
        }
    }

    /** Every file under the folder but the stamp, by relative path, with its bytes. */
    private static Map<String, byte[]> tree(Path folder) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path f : walk.filter(Files::isRegularFile).toList()) {
                String name = folder.relativize(f).toString();
                if (!name.equals(OutputStamp.FILE)) {
                    files.put(name, Files.readAllBytes(f));
                }
            }
        }
        return files;
    }
}
