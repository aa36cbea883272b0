package org.gardpipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * What the README, DESIGN.md, CONTRIBUTING.md and cli/package-info say about the command line is what the code
 * does, wherever a program can tell: the commands listed, the defaults of --db, --raw and --out, the README's
 * size, and the files their links name.
 */
class CommandDocumentationTest {
    private static final Path README = Path.of("README.md");

    /** The commands {@link Main} registers, by name, without picocli's help. */
    private static Map<String, CommandLine> commands() {
        Map<String, CommandLine> commands = new LinkedHashMap<>(Main.commandLine().getSubcommands());
        commands.remove("help");
        return commands;
    }

    private static String readme() throws IOException {
        return Files.readString(README);
    }

    @Test
    void theReadmesCommandTableListsExactlyTheCommandsMainRegisters() throws IOException {
        String section = readme().substring(readme().indexOf("\n## Commands\n"));
        section = section.substring(0, section.indexOf("\n## ", 1));
        List<String> listed = new ArrayList<>();
        Matcher row = Pattern.compile("(?m)^\\| `(\\w+)[^`]*` \\|").matcher(section);
        while (row.find()) {
            listed.add(row.group(1));
        }
        assertEquals(new TreeSet<>(commands().keySet()), new TreeSet<>(listed), "the README's commands table");
        assertEquals(listed.size(), Set.copyOf(listed).size(), "each command once: " + listed);
    }

    @Test
    void cliPackageInfoNamesEveryCommand() throws IOException {
        String info = Files.readString(Path.of("src/main/java/org/gardpipeline/cli/package-info.java"));
        Matcher m = Pattern.compile("\\{@code ./gard ([^}]*)}").matcher(info);
        assertTrue(m.find(), info);
        Set<String> named = new TreeSet<>();
        for (String name : m.group(1).replaceAll("\\s*\\*\\s*", " ").split("\\|")) {
            named.add(name.strip());
        }
        assertEquals(new TreeSet<>(commands().keySet()), named);
    }

    @Test
    void gardWithoutACommandNamesEveryCommand() {
        CommandLineRun r = CommandLineRun.of();
        assertEquals(ExitCode.USAGE, r.exitCode());
        for (String name : commands().keySet()) {
            assertTrue(Pattern.compile("\\b" + name + "\\b").matcher(r.err()).find(), name + " in: " + r.err());
        }
    }

    /**
     * The README's sentence of defaults ("Defaults: `--db output/gard.sqlite`, ... (but `fetch --out`, ..., is
     * `raw`)") gives the default of every --db, --raw and --out option of every command.
     */
    @Test
    void everyDbRawAndOutDefaultIsTheOneTheReadmeGives() throws IOException {
        String sentence = readme().lines().dropWhile(l -> !l.contains("Defaults: ")).limit(2)
                .reduce("", (a, b) -> a + " " + b);
        Map<String, String> defaults = new LinkedHashMap<>();
        Matcher general = Pattern.compile("`(--db|--raw|--out) ([^`]+)`").matcher(sentence);
        while (general.find()) {
            defaults.put(general.group(1), general.group(2));
        }
        assertEquals(Set.of("--db", "--raw", "--out"), defaults.keySet(), sentence);
        Map<String, String> exceptions = new LinkedHashMap<>();
        Matcher exception = Pattern.compile("`(\\w+) (--\\w+)`[^`]*is `([^`]+)`").matcher(sentence);
        while (exception.find()) {
            exceptions.put(exception.group(1) + " " + exception.group(2), exception.group(3));
        }
        int checked = 0;
        for (Map.Entry<String, CommandLine> c : commands().entrySet()) {
            for (OptionSpec option : c.getValue().getCommandSpec().options()) {
                String name = option.longestName();
                if (defaults.containsKey(name)) {
                    String expected = exceptions.getOrDefault(c.getKey() + " " + name, defaults.get(name));
                    assertEquals(expected, option.defaultValue(), c.getKey() + " " + name);
                    checked++;
                }
            }
        }
        assertTrue(checked >= 15, checked + " options checked");
        assertEquals(Map.of("fetch --out", "raw"), exceptions, "the exceptions the README names");
    }

    @Test
    void theReadmeStaysUnder15000Bytes() throws IOException {
        long size = Files.size(README);
        assertTrue(size < 15_000, "README.md is " + size + " bytes");
    }

    /** Every relative link of the top-level documents and docs/ names a file that is in the repository. */
    @Test
    void everyRelativeLinkOfTheDocumentsNamesAFileThatExists() throws IOException {
        List<Path> documents = new ArrayList<>(List.of(README, Path.of("DESIGN.md"), Path.of("CONTRIBUTING.md")));
        try (var docs = Files.list(Path.of("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).forEach(documents::add);
        }
        Pattern link = Pattern.compile("\\]\\(([^)#:]+)(#[^)]*)?\\)");
        for (Path document : documents) {
            Matcher m = link.matcher(Files.readString(document));
            while (m.find()) {
                Path target = document.toAbsolutePath().getParent().resolve(m.group(1));
                assertTrue(Files.exists(target), document + " links to " + m.group(1) + ", which is not there");
            }
        }
    }
}
