package org.gardpipeline.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * picocli is compiled with the project from its published source (see pom.xml): the jar's Java 5 class files
 * are verified slowly and kept out of the launcher's class-data archive, which cost every command about 0.1 s.
 * Taking the jar again would bring back class files of version 49.
 */
class CompiledPicocliTest {
    @Test
    void picocliIsCompiledForTheProjectsJava() throws IOException {
        try (InputStream in = CommandLine.class.getResourceAsStream("CommandLine.class")) {
            byte[] head = in.readNBytes(8);
            int major = (head[6] & 0xFF) << 8 | head[7] & 0xFF;
            assertTrue(major >= 61, "picocli.CommandLine has class file version " + major + ", not Java 17's 61");
        }
    }
}
