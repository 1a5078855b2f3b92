package dev.feedbackloop.examples.cli;

import dev.feedbackloop.examples.demo.DemoCommand;
import dev.feedbackloop.scoring.export.ExportFormatException;
import dev.feedbackloop.scoring.internal.Cells;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * The {@code feedbackloop} command: scores survey exports ({@code score}), checks that unhappy feedback got a
 * response ({@code loop}), and runs the demo ({@code demo}).
 *
 * <p>Exit codes: 0 done; 1 an unexpected internal failure (one line on standard error, the stack trace only when the
 * environment variable {@code FEEDBACKLOOP_DEBUG} is set); 2 the command line or the input cannot be used (one line
 * on standard error saying what and where).
 *
 * <p>Not thread-safe; one instance serves one run.
 */
@Command(name = "feedbackloop", mixinStandardHelpOptions = true, versionProvider = FeedbackLoopCommand.Version.class,
        subcommands = {ScoreCommand.class, LoopCommand.class, DemoCommand.class},
        description = "Scores customer feedback exports and checks that unhappy customers got a response.",
        footer = {"", "Exit codes: 0 done, 1 internal failure, 2 unusable command line or input."})
public final class FeedbackLoopCommand implements Callable<Integer> {

    /** The version printed when the jar's manifest has none. */
    static final String FALLBACK_VERSION = "0.1.0-SNAPSHOT";

    private final InputStream stdin;

    @Spec
    private CommandSpec spec;

    /** Creates the command reading standard input for {@code -}. */
    public FeedbackLoopCommand() {
        this(System.in);
    }

    FeedbackLoopCommand(InputStream stdin) {
        this.stdin = stdin;
    }

    /**
     * Runs the command line and exits the JVM with its exit code.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        // Hibernate Validator logs through JBoss Logging, which would otherwise pick java.util.logging and print its
        // banner on stderr; route it to SLF4J, whose simple backend this tool configures to show warnings only.
        if (System.getProperty("org.jboss.logging.provider") == null) {
            System.setProperty("org.jboss.logging.provider", "slf4j");
        }
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code = run(new FeedbackLoopCommand(), out, err, args);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /**
     * Runs the command line with the given output streams and returns the exit code.
     *
     * @param command the root command
     * @param out standard output
     * @param err standard error
     * @param args the arguments
     * @return the exit code: 0, 1 or 2
     */
    static int run(FeedbackLoopCommand command, PrintWriter out, PrintWriter err, String... args) {
        return commandLine(command, out, err).execute(args);
    }

    /** The configured picocli command line, with the one-line error handlers. */
    static CommandLine commandLine(FeedbackLoopCommand command, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(command);
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setParameterExceptionHandler(FeedbackLoopCommand::onParameterException);
        cli.setExecutionExceptionHandler((e, line, parsed) -> onExecutionException(e, line));
        HelpLayout.install(cli, List.of("score", "loop"));
        return cli;
    }

    InputStream stdin() {
        return stdin;
    }

    /**
     * Without a subcommand: prints the usage on standard error and exits with 2.
     *
     * @return 2
     */
    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        err.println("feedbackloop: a command is required (score, loop or demo); see 'feedbackloop --help'");
        err.flush();
        return 2;
    }

    private static int onParameterException(ParameterException e, String[] args) {
        CommandLine line = e.getCommandLine();
        PrintWriter err = line.getErr();
        String name = line.getCommandSpec().qualifiedName();
        err.println(oneLine(name + ": " + e.getMessage() + " (see '" + name + " --help')"));
        err.flush();
        return 2;
    }

    private static int onExecutionException(Exception e, CommandLine line) {
        PrintWriter err = line.getErr();
        String name = line.getCommandSpec().qualifiedName();
        if (e instanceof ExportFormatException) {
            ExportFormatException bad = (ExportFormatException) e;
            err.println(oneLine(name + ": " + bad.getMessage() + Warnings.missingHint(bad.value())));
            err.flush();
            return 2;
        }
        if (e instanceof InputException || e instanceof UncheckedIOException) {
            err.println(oneLine(name + ": " + e.getMessage()));
            err.flush();
            return 2;
        }
        err.println(oneLine(name + ": internal error: " + e)
                + " (this is a bug; set FEEDBACKLOOP_DEBUG=1 to see the stack trace)");
        if (System.getenv("FEEDBACKLOOP_DEBUG") != null) {
            e.printStackTrace(err);
        }
        err.flush();
        return 1;
    }

    /** A message as one printable line: line breaks, control and invisible characters escaped. */
    static String oneLine(@Nullable String message) {
        if (message == null) {
            return "(no message)";
        }
        return Cells.printable(message);
    }

    /** The version from the jar's manifest ({@code Implementation-Version}), or the fallback. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = FeedbackLoopCommand.class.getPackage().getImplementationVersion();
            return new String[] {"feedbackloop " + (version == null ? FALLBACK_VERSION : version)};
        }
    }
}
