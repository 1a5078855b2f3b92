package dev.feedbackloop.examples.cli;

import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A row counter on standard error, shown only when a console is attached. Thread-safe: the parts of a parallel read
 * report their rows in steps of {@link #STEP}.
 */
final class Progress {

    /** How many rows a part reads between reports. */
    static final long STEP = 1 << 16;

    private static final long EVERY = 1 << 20;

    private final PrintWriter err;
    private final boolean shown;
    private final String source;
    private final AtomicLong rows = new AtomicLong();
    private volatile boolean printed;

    Progress(PrintWriter err, String source) {
        this.err = err;
        this.source = source;
        this.shown = System.console() != null;
    }

    /** Called by a part once every {@link #STEP} of its rows. */
    void step() {
        long total = rows.addAndGet(STEP);
        if (shown && total % EVERY == 0) {
            synchronized (this) {
                err.print("\r" + source + ": about " + total + " rows read...");
                err.flush();
                printed = true;
            }
        }
    }

    synchronized void done() {
        if (printed) {
            err.print("\r" + " ".repeat(source.length() + 40) + "\r");
            err.flush();
        }
    }
}
