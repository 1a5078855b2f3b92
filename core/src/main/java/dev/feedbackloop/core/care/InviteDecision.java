package dev.feedbackloop.core.care;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Whether a customer may be invited to a survey, with the reason, so that a host can explain why someone was not
 * surveyed. Immutable.
 *
 * @param reason why; {@link Reason#ALLOWED} when the invitation may go out
 * @param surveyId the survey asked about
 * @param lastInvitedToSurvey the last invitation to this survey, or {@code null}
 * @param lastInvited the last invitation to any survey, or {@code null}
 * @param lastAnswered the last answer to any survey, or {@code null}
 * @param allowedFrom when an invitation becomes allowed, or {@code null} when it is allowed now
 */
public record InviteDecision(Reason reason, String surveyId, @Nullable Instant lastInvitedToSurvey,
                             @Nullable Instant lastInvited, @Nullable Instant lastAnswered,
                             @Nullable Instant allowedFrom) {

    /** Why an invitation is allowed or not. */
    public enum Reason {
        /** No quiet period applies. */
        ALLOWED,
        /** The customer was invited to this survey too recently. */
        SURVEY_QUIET_PERIOD,
        /** The customer was invited to some survey too recently. */
        QUIET_PERIOD_ACROSS_SURVEYS,
        /** The customer answered a survey too recently. */
        RECENTLY_ANSWERED
    }

    public InviteDecision {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(surveyId, "surveyId");
        if ((reason == Reason.ALLOWED) != (allowedFrom == null)) {
            throw new IllegalArgumentException("allowedFrom " + allowedFrom + " does not fit reason " + reason);
        }
    }

    /**
     * Returns whether the invitation may go out now.
     *
     * @return {@code true} if allowed
     */
    public boolean allowed() {
        return reason == Reason.ALLOWED;
    }

    /**
     * Returns the reason in words, for people.
     *
     * @return the explanation, for example "invited to survey nps on 2024-03-01T10:00:00Z; quiet until ..."
     */
    public String explanation() {
        return switch (reason) {
            case ALLOWED -> "may be invited to survey " + surveyId;
            case SURVEY_QUIET_PERIOD -> "invited to survey " + surveyId + " at " + lastInvitedToSurvey
                    + "; quiet period for this survey lasts until " + allowedFrom;
            case QUIET_PERIOD_ACROSS_SURVEYS -> "invited to a survey at " + lastInvited
                    + "; quiet period across surveys lasts until " + allowedFrom;
            case RECENTLY_ANSWERED -> "answered a survey at " + lastAnswered
                    + "; quiet period after an answer lasts until " + allowedFrom;
        };
    }
}
