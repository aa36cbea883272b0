package org.gardpipeline.cli;

import picocli.CommandLine.Option;

/** {@code --color}: colour on a terminal, none when piped, unless asked otherwise. */
final class ColourOption {
    enum When { AUTO, ALWAYS, NEVER }

    @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto",
            description = "colour the output: auto (when stdout is a terminal), always or never")
    When when;

    boolean enabled() {
        return when == When.ALWAYS || when == When.AUTO && System.console() != null && System.getenv("NO_COLOR") == null;
    }
}
