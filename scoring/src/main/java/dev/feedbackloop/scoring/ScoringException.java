package dev.feedbackloop.scoring;

import dev.feedbackloop.FeedbackLoopException;

/**
 * Thrown when data cannot be scored as asked: a response for a survey or version the scorecard does not score, an
 * answer of the wrong type or off its question's scale, or survey versions that cannot be pooled. Immutable.
 */
public final class ScoringException extends FeedbackLoopException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message that says what failed, where, and what was expected.
     *
     * @param message what failed, where, and what was expected
     */
    public ScoringException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and the failure that caused it.
     *
     * @param message what failed, where, and what was expected
     * @param cause the underlying failure
     */
    public ScoringException(String message, Throwable cause) {
        super(message, cause);
    }
}
