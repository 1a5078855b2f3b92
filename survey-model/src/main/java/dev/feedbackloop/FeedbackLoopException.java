package dev.feedbackloop;

import org.jspecify.annotations.Nullable;

/**
 * The root of every domain failure that Feedback Loop reports: invalid input, a conflict, an illegal transition.
 *
 * <p>Unchecked, so that callers handle what they can and let the rest propagate. Subclasses carry the data a caller
 * needs to react (violations, states, versions); programming errors such as a {@code null} argument are reported
 * with the standard {@link NullPointerException} and {@link IllegalArgumentException} instead.
 *
 * <p>Abstract: every failure is thrown as a subclass that says what kind it is, for example
 * {@link NotFoundException}, {@link InvalidInputException}, a validation, conflict or store failure; catch this type
 * to handle them all. A host may add subclasses of its own. Instances are immutable once thrown (apart from the stack
 * trace and suppressed exceptions of {@link Throwable}).
 */
public abstract class FeedbackLoopException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message that says what failed and where.
     *
     * @param message what failed, where, and what was expected
     */
    protected FeedbackLoopException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and the failure that caused it.
     *
     * @param message what failed, where, and what was expected
     * @param cause the underlying failure, or {@code null} when there is none
     */
    protected FeedbackLoopException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
