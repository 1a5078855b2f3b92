package dev.feedbackloop.examples.cli;

import java.io.PrintWriter;

/** A row counter on standard error, shown only when a console is attached. */
final class Progress {

    private static final long EVERY = 1 << 20;

    private final PrintWriter err;
    private final boolean shown;
    private final String source;
    private boolean printed;

    Progress(PrintWriter err, String source) {
        this.err = err;
        this.source = source;
        this.shown = System.console() != null;
    }

    void row(long number) {
        if (shown && number % EVERY == 0) {
            err.print("\r" + source + ": " + number + " rows read...");
            err.flush();
            printed = true;
        }
    }

    void done() {
        if (printed) {
            err.print("\r" + " ".repeat(source.length() + 40) + "\r");
            err.flush();
        }
    }
}
