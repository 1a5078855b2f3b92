package dev.feedbackloop.examples.demo;

import dev.feedbackloop.core.FeedbackLoop;
import dev.feedbackloop.core.care.ThrottlePolicy;
import dev.feedbackloop.core.store.jdbc.JdbcStore;
import dev.feedbackloop.core.store.jdbc.JdbcStoreException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code feedbackloop demo} command: the closing-the-loop demo. It defines three surveys (relationship NPS,
 * post-support CSAT, customer effort with a conditional "what went wrong?"), a customer base of 400 accounts in
 * three tiers, follow-up policies with business-hours deadlines and a care plan; plays a year of generated
 * responses and follow-up work through the library's public API on a simulated clock; then prints what a
 * customer-success lead wants to see and writes the same as a self-contained HTML report.
 *
 * <p>The database is an H2 file under {@code ./feedbackloop-demo/} unless {@code --db} names another H2 or a
 * PostgreSQL database ({@code jdbc:postgresql://host/db?user=...&password=...}). The demo keeps its tables in the
 * schema {@code feedbackloop_demo}, which it drops and recreates on every run, so it can run any number of times;
 * its own H2 file is compacted at the end of every run, so it stays a few megabytes. The summary and the report are
 * deterministic: a fixed seed and a simulated clock.
 *
 * <p>Standard output gets the summary; standard error gets progress (unless {@code --quiet}): a line as soon as the
 * command starts, one per stage and one per simulated month.
 *
 * <p>Exit codes: 0 done; 2 the database cannot be used or the report cannot be written (one line on standard
 * error); 1 an unexpected failure.
 *
 * <p>Not thread-safe; picocli creates one instance per run.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Runs the closing-the-loop demo: a year of generated customer feedback captured, scored and "
                + "followed up on an embedded database, then a summary and an HTML report.",
            "Running it again starts from a fresh demo schema. Progress goes to standard error, the summary to "
                    + "standard output."})
public final class DemoCommand implements Callable<Integer> {

    /** The seed of every random choice; one seed, one world. */
    static final long SEED = 20_250_101L;

    private final Path directory;

    @Spec
    private CommandSpec spec;

    @Option(names = "--db", paramLabel = "JDBC_URL",
            description = "The database: jdbc:h2:... or jdbc:postgresql://host/db?user=...&password=... "
                    + "(default: an H2 file under ./feedbackloop-demo/).")
    private @Nullable String db;

    @Option(names = "--report", paramLabel = "FILE.html",
            description = "Where to write the HTML report (default: ./feedbackloop-demo/report.html).")
    private @Nullable Path report;

    @Option(names = {"-q", "--quiet"},
            description = "Print no progress on standard error; standard output still gets the summary.")
    private boolean quiet;

    /** Creates the command working in {@code ./feedbackloop-demo/}; picocli calls this. */
    public DemoCommand() {
        this(Path.of("feedbackloop-demo"));
    }

    /** Creates the command working in another directory, for tests. */
    DemoCommand(Path directory) {
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    /**
     * Runs the demo, prints the summary and writes the report. Unless {@code --quiet}, says on standard error
     * what it is doing: at once, at every stage, and after every simulated month.
     *
     * @return 0 when done
     * @throws ParameterException if the database cannot be used (exit code 2)
     * @throws UncheckedIOException if the demo directory or the report cannot be written (exit code 2)
     */
    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        DemoProgress progress = DemoProgress.of(spec.commandLine().getErr(), quiet);
        Path reportFile = report != null ? report : directory.resolve("report.html");
        progress.stage("starting afresh in " + (db != null ? DemoDatabase.redacted(db)
                : DemoDatabase.defaultFile(directory).toAbsolutePath().normalize()) + " (schema "
                + DemoDatabase.SCHEMA + ")");
        createDirectories(directory);
        Findings findings;
        try (DemoDatabase database = open()) {
            findings = play(database, progress);
            if (database.compactsOnClose()) {
                progress.stage("compacting the database file");
            }
        } catch (JdbcStoreException | SQLException e) {
            throw new ParameterException(spec.commandLine(), "the database failed during the demo: "
                    + e.getMessage(), e, null, null);
        }
        progress.stage("writing the report to " + reportFile.toAbsolutePath().normalize());
        Path parent = reportFile.toAbsolutePath().getParent();
        if (parent != null) {
            createDirectories(parent);
        }
        HtmlReport.write(findings, reportFile);
        progress.stage("done" + (db != null ? "" : "; the database file is " + megabytes(
                DemoDatabase.defaultFile(directory))));
        TextSummary.print(findings, out);
        out.println();
        out.println("Report: " + reportFile.toAbsolutePath().normalize());
        out.flush();
        return 0;
    }

    private DemoDatabase open() {
        try {
            return db != null ? DemoDatabase.open(db) : DemoDatabase.openDefault(directory);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e, null, db);
        } catch (SQLException e) {
            String what = db != null ? "--db: cannot open " + DemoDatabase.redacted(db)
                    : "cannot open the demo database " + DemoDatabase.defaultFile(directory).toAbsolutePath();
            throw new ParameterException(spec.commandLine(), what + ": " + e.getMessage(), e, null, db);
        }
    }

    private static Findings play(DemoDatabase database, DemoProgress progress) {
        JdbcStore store = JdbcStore.of(database.dataSource()).createSchema();
        var clock = new DemoClock(Scenario.START);
        Scenario scenario = Scenario.generate(SEED);
        FeedbackLoop.Builder builder = FeedbackLoop.builder()
                .store(store)
                .clock(clock)
                .calendar(Scenario.calendar())
                .carePlan(Scenario.carePlan())
                .throttle(ThrottlePolicy.standard())
                .taxonomy(Scenario.RESOLUTION_CODES, Scenario.ROOT_CAUSES);
        Scenario.policies().forEach(builder::followUpPolicy);
        progress.stage(String.format(Locale.ROOT, "playing 2025 for %d customers: %d surveys, %d follow-up "
                + "policies", scenario.customers().size(), scenario.surveys().size(), Scenario.policies().size()));
        Simulation.Outcome outcome = Simulation.run(scenario, builder, clock, SEED, progress::month);
        progress.stage("reading the findings back through the library");
        try (FeedbackLoop loop = outcome.loop()) {
            return Findings.collect(loop, scenario, outcome.responses(), database.describe());
        }
    }

    private static String megabytes(Path file) {
        try {
            return String.format(Locale.ROOT, "%.1f MB", Files.size(file) / 1e6);
        } catch (IOException e) {
            return "of unknown size (" + e.getMessage() + ")";
        }
    }

    private static void createDirectories(Path path) {
        try {
            Files.createDirectories(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the directory " + path.toAbsolutePath() + ": " + e, e);
        }
    }
}
