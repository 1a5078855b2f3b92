package dev.feedbackloop.examples.cli;

import dev.feedbackloop.scoring.internal.Cells;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The warnings of a run: answers that are probably not what the user meant, printed on standard error after the
 * results. They never change the numbers or the exit code. Not thread-safe.
 */
final class Warnings {

    /** 1990-01-01T00:00:00Z: earlier timestamps in a feedback export are almost always placeholders. */
    static final long PLACEHOLDER_BEFORE = 631_152_000L;

    /** Values that exports write for a missing answer, compared ignoring case. */
    private static final Set<String> MISSING_MARKERS = Set.of("na", "n/a", "#n/a", "null", "none", "nan", "-");

    private final String source;
    private final List<String> messages = new ArrayList<>();

    Warnings(String source) {
        this.source = source;
    }

    /** Timestamps of one column before {@link #PLACEHOLDER_BEFORE}: how many, and the earliest. */
    static final class EarlyTimes {
        long count;
        long earliest = Long.MAX_VALUE;

        /** Counts an epoch second if it is before 1990. */
        void add(long epochSecond) {
            if (epochSecond < PLACEHOLDER_BEFORE) {
                count++;
                earliest = Math.min(earliest, epochSecond);
            }
        }

        void merge(EarlyTimes other) {
            count += other.count;
            earliest = Math.min(earliest, other.earliest);
        }
    }

    /** Whether a cell value looks like a missing-value marker such as NA, N/A, null or -. */
    static boolean looksMissing(String value) {
        return MISSING_MARKERS.contains(Cells.trim(value).toLowerCase(Locale.ROOT));
    }

    /** An NPS column whose valid ratings never exceed 5: probably a 1-5 scale. */
    void npsScale(String column, long n, int max) {
        if (n > 0 && max <= 5) {
            messages.add("column \"" + column + "\": no NPS rating is above " + max + " (" + count(n, "rating")
                    + "), so this looks like a 1-5 scale, not the 0-10 likelihood to recommend; NPS counts every"
                    + " answer of 0-6 as a detractor. For a 1-5 satisfaction rating use --csat " + column);
        }
    }

    /** A CSAT or CES column whose valid ratings never exceed half the scale: probably the wrong scale option. */
    void ratingScale(String metric, String scaleOption, String column, int scale, long n, int max) {
        if (n > 0 && max * 2 <= scale) {
            messages.add("column \"" + column + "\": no " + metric + " rating is above " + max + " on the 1-" + scale
                    + " scale (" + count(n, "rating") + "); if the question was asked on a smaller scale, pass it, e.g. "
                    + scaleOption + " " + Math.max(2, max));
        }
    }

    /** Invalid cells whose most common value looks like a missing-value marker. */
    void missingMarkers(InvalidCells invalid, List<String> naMarkers) {
        Map.Entry<String, InvalidCells.Occurrences> common = invalid.mostCommon();
        if (common == null || !looksMissing(common.getKey()) || naMarkers.contains(common.getKey())) {
            return;
        }
        InvalidCells.Occurrences where = common.getValue();
        messages.add(count(where.count, "invalid cell") + (where.count == 1 ? " holds" : " hold") + " \""
                + common.getKey() + "\" (first in column \""
                + where.column + "\" on line " + where.firstLine + "), which looks like a marker of a missing answer;"
                + " to read it as blank rather than invalid, pass " + naOption(common.getKey()));
    }

    /** Timestamps before 1990-01-01 in a column: probably placeholder dates. */
    void earlyTimes(String column, EarlyTimes early) {
        if (early.count > 0) {
            messages.add("column \"" + column + "\": " + count(early.count, "timestamp") + " before 1990-01-01"
                    + " (the earliest " + Instant.ofEpochSecond(early.earliest) + "), probably placeholders for an"
                    + " unknown date; they are counted as written");
        }
    }

    /** The {@code --na} option that makes a value blank, quoted for a shell when needed. */
    static String naOption(String value) {
        return "--na " + (value.matches("[A-Za-z0-9_./#+-]+") ? value : "'" + value.replace("'", "'\\''") + "'");
    }

    /** Prints the warnings, one line each, after the command's name. */
    void print(PrintWriter err, String command) {
        for (String message : messages) {
            err.println(FeedbackLoopCommand.oneLine(command + ": warning: " + source + ": " + message));
        }
        err.flush();
    }

    List<String> messages() {
        return messages;
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** The hint to add to a message about a value that could not be read but looks like a missing-value marker. */
    static String missingHint(@Nullable String value) {
        return value != null && looksMissing(value)
                ? "; if it marks a missing value, pass " + naOption(Cells.trim(value)) : "";
    }
}
