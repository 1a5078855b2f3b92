package dev.feedbackloop.core;

import dev.feedbackloop.FeedbackLoopException;
import java.util.Objects;

/**
 * Thrown when a response is submitted under an id that already holds a different response.
 *
 * <p>The response id is the idempotency key: the same response submitted again is accepted and returns the same
 * {@link Receipt}; a different response under the same id is a conflict and nothing is stored.
 *
 * <p>Immutable, so safe to share.
 */
public final class ResponseConflictException extends FeedbackLoopException {

    private static final long serialVersionUID = 1L;

    private final String responseId;

    /** Creates the exception. */
    ResponseConflictException(String responseId) {
        super("response '" + Objects.requireNonNull(responseId, "responseId")
                + "': a different response is already stored under this id; expected the same response or a new id");
        this.responseId = responseId;
    }

    /**
     * Creates the exception with a description of the conflict.
     *
     * @param responseId the conflicting id
     * @param problem what is wrong with it and what was expected, after the id
     */
    ResponseConflictException(String responseId, String problem) {
        super("response '" + Objects.requireNonNull(responseId, "responseId") + "' " + problem);
        this.responseId = responseId;
    }

    /**
     * Returns the conflicting response id.
     *
     * @return the response id
     */
    public String responseId() {
        return responseId;
    }
}
