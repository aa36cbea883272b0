package org.gardpipeline.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --db} option every command that opens the database shares. */
final class DatabaseOption {
    @Option(names = "--db", paramLabel = "FILE", defaultValue = "output/gard.sqlite",
            description = "the SQLite database (default: ${DEFAULT-VALUE})")
    Path db;
}
