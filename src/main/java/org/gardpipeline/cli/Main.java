package org.gardpipeline.cli;

import java.io.PrintWriter;
import java.util.List;
import org.gardpipeline.fetch.SiteListException;
import org.gardpipeline.ingest.UnusableFetchException;
import org.gardpipeline.output.OutputException;
import org.gardpipeline.publish.PublishException;
import org.gardpipeline.store.LockedException;
import org.gardpipeline.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/** The {@code gard} command and its subcommands. */
@Command(name = "gard", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Keeps an exact, queryable history of what GARD says about each rare disease.")
public final class Main implements Runnable {
    /** Every command, in the order help lists them. */
    private static final List<Class<?>> COMMANDS = List.of(RunCommand.class, FetchCommand.class, IngestCommand.class,
            ExportCommand.class, ReportCommand.class, ParseCommand.class, RunsCommand.class, HistoryCommand.class, DiffCommand.class,
            SearchCommand.class, CheckCommand.class, BackupCommand.class, PackCommand.class, PublishCommand.class,
            ReparseCommand.class, CommandLine.HelpCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        LoggingOptions.configure(args);
        System.exit(execute(args));
    }

    /** Runs a command line and returns its exit code; used by tests to run the real command in-process. */
    public static int execute(String... args) {
        return commandLine(args).execute(args);
    }

    /**
     * The command line for these arguments. Picocli reads every registered command's annotations when it
     * starts, about a quarter of a second for all of them in a new JVM, so a line that names a command gets
     * only that one; any other (help, a typo, nothing) gets them all, to list them or suggest the nearest.
     */
    static CommandLine commandLine(String... args) {
        CommandLine cli = new CommandLine(new Main());
        for (Class<?> command : commandsFor(args)) {
            cli.addSubcommand(command);
        }
        cli.setExecutionExceptionHandler(Main::handle);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        return cli;
    }

    private static List<Class<?>> commandsFor(String... args) {
        if (args.length > 0) {
            for (Class<?> command : COMMANDS) {
                if (command != CommandLine.HelpCommand.class && command.getAnnotation(Command.class).name().equals(args[0])) {
                    return List.of(command);
                }
            }
        }
        return COMMANDS;
    }

    /** Every failure is one line on stderr naming what went wrong, and an exit code a scheduler can act on. */
    private static int handle(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        PrintWriter err = cli.getErr();
        if (e instanceof LockedException) {
            err.println("gard " + cli.getCommandName() + ": " + e.getMessage());
            return ExitCode.LOCKED;
        }
        if (e instanceof UsageException || e instanceof UnusableFetchException || e instanceof StoreException s && s.isUsageError()
                || e instanceof OutputException x && x.isUsageError() || e instanceof PublishException p && p.isUsageError()) {
            err.println("gard " + cli.getCommandName() + ": " + e.getMessage());
            return ExitCode.USAGE;
        }
        if (e instanceof java.io.UncheckedIOException u && u.getCause() instanceof SiteListException s) {
            err.println("gard " + cli.getCommandName() + ": " + s.getMessage());
            return ExitCode.FAILED;
        }
        if (e instanceof StoreException || e instanceof OutputException || e instanceof PublishException) {
            err.println("gard " + cli.getCommandName() + ": " + e.getMessage());
            return ExitCode.FAILED;
        }
        err.println("gard " + cli.getCommandName() + ": failed: " + e);
        if (System.getenv("GARD_DEBUG") != null) {
            e.printStackTrace(err);
        }
        return ExitCode.FAILED;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required: run, fetch, ingest, export, "
                + "report, parse, runs, history, diff, search, check, backup, pack, publish or reparse (see gard --help)");
    }

    static String version() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"gard-pipeline " + version()};
        }
    }
}
