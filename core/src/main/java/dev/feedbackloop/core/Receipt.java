package dev.feedbackloop.core;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The acknowledgement of an accepted response: its id, when it was received and the follow-ups it opened.
 * Immutable. Submitting the same response again returns an equal receipt.
 *
 * @param responseId the response id
 * @param surveyId the survey answered
 * @param surveyVersion the survey version answered
 * @param receivedAt when the response was first accepted
 * @param followUpIds the ids of the follow-ups it opened, ordered; copied; empty when none was needed
 */
public record Receipt(String responseId, String surveyId, int surveyVersion, Instant receivedAt,
                      List<String> followUpIds) {

    public Receipt {
        Objects.requireNonNull(responseId, "responseId");
        Objects.requireNonNull(surveyId, "surveyId");
        Objects.requireNonNull(receivedAt, "receivedAt");
        followUpIds = List.copyOf(followUpIds);
    }

    /**
     * Returns whether the response opened at least one follow-up.
     *
     * @return {@code true} if a human answer is needed
     */
    public boolean needsFollowUp() {
        return !followUpIds.isEmpty();
    }
}
