package dev.feedbackloop.core.limit;

import dev.feedbackloop.survey.Response;
import java.time.Instant;

/**
 * A host hook called before a new response is stored, after validation and the {@link SubmissionLimits}: the place
 * for a rate limit of the host's own (per IP address, per tenant, in a shared cache). It is not called for a
 * resubmission of a response already stored. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface SubmissionGuard {

    /**
     * Returns a guard that permits everything, the default.
     *
     * @return the guard
     */
    static SubmissionGuard permitAll() {
        return (response, now) -> true;
    }

    /**
     * Decides whether a response may be stored.
     *
     * @param response the validated response
     * @param now the loop clock's instant
     * @return {@code true} to store it; {@code false} to refuse it with a {@link LimitExceededException} of
     *     {@link LimitExceededException.Limit#HOST_GUARD}
     */
    boolean permits(Response response, Instant now);
}
