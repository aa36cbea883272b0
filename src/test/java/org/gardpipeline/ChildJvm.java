package org.gardpipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The real {@code gard} command in a child JVM (the test's own Java and class path), so a test can kill it with
 * SIGKILL or bound its heap. Its stdout and stderr go to files, so a child never blocks on a full pipe.
 */
public final class ChildJvm {
    private final Process process;
    private final Path out;
    private final Path err;

    private ChildJvm(Process process, Path out, Path err) {
        this.process = process;
        this.out = out;
        this.err = err;
    }

    /** Starts {@code mainClass} with the JVM options, extra environment and arguments; logs go into {@code logs}. */
    public static ChildJvm start(Path logs, List<String> jvmOptions, Map<String, String> env, String mainClass,
                                 String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(List.of(args));
        try {
            Files.createDirectories(logs);
            Path out = Files.createTempFile(logs, "child-", ".out");
            Path err = Files.createTempFile(logs, "child-", ".err");
            ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
            pb.environment().putAll(env);
            return new ChildJvm(pb.start(), out, err);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code gard ARGS} in a child JVM. */
    public static ChildJvm gard(Path logs, Map<String, String> env, String... args) {
        return start(logs, List.of("-XX:TieredStopAtLevel=1"), env, "org.gardpipeline.cli.Main", args);
    }

    public Process process() {
        return process;
    }

    public long pid() {
        return process.pid();
    }

    /** Waits for the exit, at most {@code seconds}, and returns the exit code; kills the child and fails on a hang. */
    public int waitFor(int seconds) {
        try {
            if (!process.waitFor(seconds, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError("child JVM still running after " + seconds + " s; stderr:\n" + err());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** SIGKILL (on Linux {@link Process#destroyForcibly()} sends it), then waits; true when it was still running. */
    public boolean kill() {
        boolean alive = process.isAlive();
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return alive;
    }

    public String out() {
        return read(out);
    }

    public String err() {
        return read(err);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e + ")";
        }
    }
}
