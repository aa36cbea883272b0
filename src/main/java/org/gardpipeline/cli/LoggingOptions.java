package org.gardpipeline.cli;

import picocli.CommandLine.Option;

/**
 * {@code --quiet} and {@code --verbose}. The log level of the SLF4J backend must be set before the first
 * logger exists, so {@link Main#main} reads these flags from the arguments first; here they are declared
 * for help and validation.
 */
final class LoggingOptions {
    @Option(names = {"-q", "--quiet"}, description = "print only errors and quarantined documents on stderr")
    boolean quiet;

    @Option(names = {"-v", "--verbose"}, description = "log each step on stderr")
    boolean verbose;

    static void configure(String... args) {
        String level = "info";
        for (String a : args) {
            if (a.equals("-q") || a.equals("--quiet")) {
                level = "warn";
            } else if (a.equals("-v") || a.equals("--verbose")) {
                level = "debug";
            }
        }
        System.setProperty("org.slf4j.simpleLogger.log.org.gardpipeline", level);
    }
}
