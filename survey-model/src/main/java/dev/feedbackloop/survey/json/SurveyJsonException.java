package dev.feedbackloop.survey.json;

import dev.feedbackloop.FeedbackLoopException;
import dev.feedbackloop.survey.validation.Violation;
import java.util.List;

/**
 * Thrown when JSON cannot be read as a survey or a response: malformed or truncated JSON, input beyond the
 * {@link JsonLimits}, an unknown or missing field, a value of the wrong type, a duplicate key, content after the
 * document, or a value the model rejects. Immutable, so safe to share.
 *
 * <p>The message says where and what was expected, for example
 * {@code "questions[2].scale.max: 12 is outside 2..11 (line 14, column 20)"}; the parts are also available as
 * data. It never carries a stack trace of the parser in its message.
 */
public final class SurveyJsonException extends FeedbackLoopException {

    private static final long serialVersionUID = 1L;

    /** The JSON path of the failure; empty for the whole document. */
    private final String path;
    /** The 1-based line, or 0 when unknown. */
    private final int line;
    /** The 1-based column, or 0 when unknown. */
    private final int column;
    /** Survey definition violations, when those were the failure. */
    private final List<Violation> violations;

    SurveyJsonException(String path, String problem, int line, int column, List<Violation> violations,
                        @org.jspecify.annotations.Nullable Throwable cause) {
        super(message(path, problem, line, column), cause);
        this.path = path;
        this.line = line;
        this.column = column;
        this.violations = List.copyOf(violations);
    }

    private static String message(String path, String problem, int line, int column) {
        String where = line > 0 ? " (line " + line + ", column " + column + ")" : "";
        return (path.isEmpty() ? "document" : path) + ": " + problem + where;
    }

    /**
     * Returns where in the document the failure is, as a path such as {@code questions[2].scale.max}.
     *
     * @return the path, or empty when the failure concerns the whole document
     */
    public String path() {
        return path;
    }

    /**
     * Returns the line of the failure.
     *
     * @return the 1-based line, or 0 when unknown
     */
    public int line() {
        return line;
    }

    /**
     * Returns the column of the failure.
     *
     * @return the 1-based column, or 0 when unknown
     */
    public int column() {
        return column;
    }

    /**
     * Returns the survey definition violations when the document was well-formed but described an invalid survey
     * (for example a condition on a later question).
     *
     * @return the violations, or empty for other failures
     */
    public List<Violation> violations() {
        return violations;
    }
}
