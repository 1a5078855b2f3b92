package dev.feedbackloop.examples.demo;

import dev.feedbackloop.examples.demo.Simulation.MonthPlayed;
import java.io.PrintWriter;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * What the demo is doing, for the person waiting on it: one line on standard error at every stage and for every
 * simulated month, each with the seconds since the demo started, so that a slow machine is never silent. Standard
 * output keeps only the summary. {@code --quiet} makes it silent.
 *
 * <p>Not thread-safe; the demo reports from its one thread.
 */
final class DemoProgress {

    private static final DateTimeFormatter UNTIL = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH)
            .withZone(Scenario.ZONE);

    private final PrintWriter err;
    private final boolean quiet;
    private final long startNanos;

    private DemoProgress(PrintWriter err, boolean quiet, long startNanos) {
        this.err = Objects.requireNonNull(err, "err");
        this.quiet = quiet;
        this.startNanos = startNanos;
    }

    /** Progress on a writer, timed from now; nothing at all when quiet. */
    static DemoProgress of(PrintWriter err, boolean quiet) {
        return new DemoProgress(err, quiet, System.nanoTime());
    }

    /** Says what the demo starts doing now. */
    void stage(String what) {
        line(what);
    }

    /** Says that a simulated month has been played, and what it brought. */
    void month(MonthPlayed played) {
        String month = played.month().getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH) + " "
                + played.month().getYear();
        line(String.format(Locale.ROOT, "played %s%s: %,d responses, %,d follow-ups opened", month,
                played.partial() ? " up to " + UNTIL.format(Scenario.END) + " (the month is not over)" : "",
                played.responses(), played.followUpsOpened()));
    }

    private void line(String text) {
        if (quiet) {
            return;
        }
        double seconds = (System.nanoTime() - startNanos) / (double) TimeUnit.SECONDS.toNanos(1);
        err.printf(Locale.ROOT, "demo: %s (%.1f s)%n", text, seconds);
        err.flush();
    }
}
