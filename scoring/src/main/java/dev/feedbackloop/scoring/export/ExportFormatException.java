package dev.feedbackloop.scoring.export;

import dev.feedbackloop.FeedbackLoopException;
import dev.feedbackloop.scoring.internal.Cells;
import org.jspecify.annotations.Nullable;

/**
 * An export that cannot be used as it is: a malformed record, an unknown column, an unreadable timestamp or an
 * invalid cell that the caller chose to treat as fatal.
 *
 * <p>Carries where the problem is: the {@linkplain #source() source} (a file name or {@code "-"} for standard input),
 * the physical {@linkplain #line() line} where the record starts (1-based; in CSV the header is line 1; 0 when the
 * problem is not tied to a line), the {@linkplain #column() column} and the offending {@linkplain #value() value}.
 * The message is one line of the form {@code source:line: column "c": value "v": problem}, with every character that
 * a terminal would not show as itself (line breaks, control characters, invisible format characters) escaped, so that
 * no raw binary byte of a broken export reaches a message.
 *
 * <p>Immutable and thread-safe.
 */
public final class ExportFormatException extends FeedbackLoopException {

    private static final long serialVersionUID = 1L;

    /** How much of a value a message quotes at most. */
    private static final int QUOTED_VALUE_MAX = 80;

    private final String source;
    private final long line;
    private final @Nullable String column;
    private final @Nullable String value;
    private final String problem;

    /**
     * Creates an exception for a problem at a place in an export.
     *
     * @param source the file name, or {@code "-"} for standard input
     * @param line the physical line where the record starts, 1-based, or 0 when not tied to a line
     * @param column the column name, or {@code null} when not tied to a column
     * @param value the offending cell text, or {@code null} when there is none
     * @param problem what is wrong and what was expected, without the location
     * @throws IllegalArgumentException if {@code line} is negative
     */
    public ExportFormatException(
            String source, long line, @Nullable String column, @Nullable String value, String problem) {
        super(format(source, line, column, value, problem));
        if (line < 0) {
            throw new IllegalArgumentException("line: " + line + " is negative, expected 0 or more");
        }
        this.source = source;
        this.line = line;
        this.column = column;
        this.value = value;
        this.problem = problem;
    }

    /**
     * The file name of the export, or {@code "-"} for standard input.
     *
     * @return the source name
     */
    public String source() {
        return source;
    }

    /**
     * The physical line (1-based) where the offending record starts, or 0 when the problem is not tied to a line.
     *
     * @return the line number
     */
    public long line() {
        return line;
    }

    /**
     * The column the problem is in.
     *
     * @return the column name, or {@code null} when the problem is not tied to a column
     */
    public @Nullable String column() {
        return column;
    }

    /**
     * The offending cell text, as written in the export.
     *
     * @return the value, or {@code null} when there is none
     */
    public @Nullable String value() {
        return value;
    }

    /**
     * What is wrong and what was expected, without the location.
     *
     * @return the problem description
     */
    public String problem() {
        return problem;
    }

    private static String format(
            String source, long line, @Nullable String column, @Nullable String value, String problem) {
        StringBuilder sb = new StringBuilder(Cells.printable(source));
        if (line > 0) {
            sb.append(':').append(line);
        }
        sb.append(": ");
        if (column != null) {
            sb.append("column \"").append(oneLine(column)).append("\": ");
        }
        if (value != null) {
            sb.append("value \"").append(oneLine(value)).append("\": ");
        }
        return sb.append(Cells.printable(problem)).toString();
    }

    /** Shortens a long value and escapes what a terminal would not show, so that the message stays on one line. */
    static String oneLine(String text) {
        int end = text.length() > QUOTED_VALUE_MAX ? text.offsetByCodePoints(0,
                Math.min(QUOTED_VALUE_MAX, text.codePointCount(0, text.length()))) : text.length();
        return Cells.printable(text.substring(0, end)) + (end < text.length() ? "..." : "");
    }
}
