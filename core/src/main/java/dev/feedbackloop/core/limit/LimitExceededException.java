package dev.feedbackloop.core.limit;

import dev.feedbackloop.FeedbackLoopException;
import java.util.Objects;

/**
 * Thrown when a submission exceeds a {@link SubmissionLimits limit} or is refused by a {@link SubmissionGuard};
 * nothing is stored. The message names the response and the limit, never the customer or the text.
 *
 * <p>Immutable, so safe to share.
 */
public final class LimitExceededException extends FeedbackLoopException {

    private static final long serialVersionUID = 1L;

    /** Which limit was exceeded. */
    public enum Limit {
        /** A text answer or "other" text is too long. */
        TEXT_LENGTH,
        /** The respondent has too many attributes. */
        ATTRIBUTES,
        /** The customer submitted too many responses within the window. */
        RESPONSES_PER_CUSTOMER,
        /** The host's {@link SubmissionGuard} refused the submission. */
        HOST_GUARD
    }

    private final Limit limit;
    private final String responseId;

    /**
     * Creates the exception.
     *
     * @param limit which limit
     * @param responseId the refused response's id
     * @param message what was exceeded and what was expected
     */
    public LimitExceededException(Limit limit, String responseId, String message) {
        super("response '" + Objects.requireNonNull(responseId, "responseId") + "' exceeds "
                + Objects.requireNonNull(limit, "limit") + ": " + message);
        this.limit = limit;
        this.responseId = responseId;
    }

    /**
     * Returns which limit was exceeded.
     *
     * @return the limit
     */
    public Limit limit() {
        return limit;
    }

    /**
     * Returns the refused response's id.
     *
     * @return the response id
     */
    public String responseId() {
        return responseId;
    }
}
