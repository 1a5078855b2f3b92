package dev.feedbackloop.examples.demo;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code feedbackloop demo} command: a placeholder until the closing-the-loop demo lands; it says so on standard
 * error and exits with 1.
 *
 * <p>Not thread-safe; picocli creates one instance per run.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Runs the closing-the-loop demo on an embedded database (not available in this build).")
public final class DemoCommand implements Callable<Integer> {

    @Spec
    @SuppressWarnings("NullAway.Init")
    private CommandSpec spec;

    @Option(names = "--db", paramLabel = "JDBC_URL", description = "The database (default: embedded H2 file).")
    private @Nullable String db;

    @Option(names = "--report", paramLabel = "FILE.html", description = "Where to write the HTML report.")
    private @Nullable Path report;

    /** Creates the command; picocli calls this. */
    public DemoCommand() {
    }

    /**
     * Says that the demo is not available.
     *
     * @return 1
     */
    @Override
    public Integer call() {
        spec.commandLine().getErr().println("demo: not available in this build");
        spec.commandLine().getErr().flush();
        return 1;
    }
}
