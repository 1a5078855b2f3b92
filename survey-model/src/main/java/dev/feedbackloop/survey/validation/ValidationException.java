package dev.feedbackloop.survey.validation;

import dev.feedbackloop.FeedbackLoopException;
import java.util.List;

/**
 * Thrown when validated input has violations; carries all of them. Immutable, so safe to share; designed for
 * extension by the exceptions that add where the input came from (a survey definition, a submitted response).
 *
 * <p>The message lists every violation, one per line; {@link #violations()} gives them as data.
 */
public class ValidationException extends FeedbackLoopException {

    private static final long serialVersionUID = 1L;

    /** Serializable copy of the violations. */
    private final List<Violation> violations;

    /**
     * Creates an exception carrying violations.
     *
     * @param violations the violations; copied; not empty
     * @throws IllegalArgumentException if there are no violations
     */
    public ValidationException(List<Violation> violations) {
        this("invalid", violations);
    }

    /**
     * Creates an exception carrying violations, with a summary that precedes them in the message.
     *
     * @param summary what was invalid, for example {@code "survey onboarding v2 is invalid"}
     * @param violations the violations; copied; not empty
     * @throws IllegalArgumentException if there are no violations
     */
    protected ValidationException(String summary, List<Violation> violations) {
        super(message(summary, violations));
        this.violations = List.copyOf(violations);
    }

    private static String message(String summary, List<Violation> violations) {
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("violations must not be empty");
        }
        var text = new StringBuilder(summary).append(" (").append(violations.size())
                .append(violations.size() == 1 ? " violation):" : " violations):");
        for (Violation violation : violations) {
            text.append("\n  ").append(violation);
        }
        return text.toString();
    }

    /**
     * Returns the violations.
     *
     * @return the violations, not empty
     */
    public List<Violation> violations() {
        return violations;
    }
}
