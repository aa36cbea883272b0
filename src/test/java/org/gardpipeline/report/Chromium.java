package org.gardpipeline.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Headless Chromium (Debian's {@code chromium}) run on one page from file://, as a reader's browser would load it.
 * Chromium writes every console message of a page to stderr as a {@code CONSOLE} line when logging to stderr;
 * the report's pages have no script, so any such line is an error.
 */
final class Chromium {
    private static final List<Path> BINARIES = List.of(Path.of("/usr/bin/chromium"), Path.of("/usr/bin/chromium-browser"));

    /** What one load gave: the exit code, the DOM (with --dump-dom) and the console messages. */
    record Load(int exitCode, String dom, List<String> console, String stderr) {
    }

    private Chromium() {
    }

    static Optional<Path> binary() {
        return BINARIES.stream().filter(Files::isExecutable).findFirst();
    }

    /** Loads a file in a fresh profile; {@code mode} is {@code --dump-dom} or {@code --screenshot=FILE}. */
    static Load load(Path page, Path scratch, String mode, String windowSize) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(scratch, "chromium-profile-");
        Path stdout = scratch.resolve(profile.getFileName() + ".out");
        Path stderr = scratch.resolve(profile.getFileName() + ".err");
        List<String> command = new ArrayList<>(List.of(binary().orElseThrow().toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile, "--enable-logging=stderr",
                "--v=0", "--window-size=" + windowSize, mode, page.toUri().toString()));
        Process p = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish loading " + page + " in 120 s");
        }
        String err = Files.readString(stderr, StandardCharsets.UTF_8);
        List<String> console = err.lines().filter(l -> l.contains(":CONSOLE")).toList();
        return new Load(p.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8), console, err);
    }
}
