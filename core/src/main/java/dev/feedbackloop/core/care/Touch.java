package dev.feedbackloop.core.care;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One contact with a customer, or one survey invitation. Immutable. All touches of a customer are removed when
 * the customer is erased.
 *
 * @param customerId the customer; not blank
 * @param kind what kind of touch
 * @param at when it happened
 * @param surveyId the survey for {@code SURVEY_INVITED} and {@code SURVEY_ANSWERED}, else {@code null}
 * @param actor who made the touch, for example an account manager or {@code "system"}; not blank
 * @param note a free-text note, or {@code null}
 */
public record Touch(String customerId, TouchKind kind, Instant at, @Nullable String surveyId, String actor,
                    @Nullable String note) {

    public Touch {
        Objects.requireNonNull(customerId, "customerId");
        if (customerId.isBlank()) {
            throw new IllegalArgumentException("touch.customerId: '" + customerId
                    + "' is blank; expected a customer id");
        }
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        if (actor.isBlank()) {
            throw new IllegalArgumentException("touch.actor: '" + actor
                    + "' is blank; expected who made the contact");
        }
        boolean survey = kind == TouchKind.SURVEY_INVITED || kind == TouchKind.SURVEY_ANSWERED;
        if (survey != (surveyId != null)) {
            throw new IllegalArgumentException("touch " + kind + ": surveyId " + surveyId
                    + (survey ? " is required" : " must be null"));
        }
    }

    /**
     * Returns a contact touch (call, meeting, message, follow-up contact).
     *
     * @param customerId the customer
     * @param kind the kind; not a survey kind
     * @param at when
     * @param actor who
     * @param note a note, or {@code null}
     * @return the touch
     */
    public static Touch contact(String customerId, TouchKind kind, Instant at, String actor, @Nullable String note) {
        return new Touch(customerId, kind, at, null, actor, note);
    }

    /**
     * Returns a survey touch (invited or answered).
     *
     * @param customerId the customer
     * @param kind {@code SURVEY_INVITED} or {@code SURVEY_ANSWERED}
     * @param at when
     * @param surveyId the survey
     * @return the touch, by {@code "system"}, without a note
     */
    public static Touch survey(String customerId, TouchKind kind, Instant at, String surveyId) {
        return new Touch(customerId, kind, at, surveyId, "system", null);
    }
}
