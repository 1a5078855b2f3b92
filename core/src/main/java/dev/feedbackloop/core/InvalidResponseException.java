package dev.feedbackloop.core;

import dev.feedbackloop.survey.validation.ValidationException;
import dev.feedbackloop.survey.validation.Violation;
import java.util.List;
import java.util.Objects;

/**
 * Thrown when a submitted response is rejected by validation, or names a survey version that is not registered;
 * carries every violation. Nothing is stored.
 *
 * <p>Immutable, so safe to share.
 */
public final class InvalidResponseException extends ValidationException {

    private static final long serialVersionUID = 1L;

    private final String responseId;

    /** Creates the exception. */
    InvalidResponseException(String responseId, List<Violation> violations) {
        super("response '" + Objects.requireNonNull(responseId, "responseId") + "' is rejected", violations);
        this.responseId = responseId;
    }

    /**
     * Returns the rejected response's id.
     *
     * @return the id
     */
    public String responseId() {
        return responseId;
    }
}
