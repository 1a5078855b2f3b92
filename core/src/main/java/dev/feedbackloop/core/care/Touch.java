package dev.feedbackloop.core.care;

import dev.feedbackloop.InvalidInputException;
import dev.feedbackloop.survey.Respondent;
import dev.feedbackloop.survey.validation.StorableText;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One contact with a customer, or one survey invitation. Immutable. All touches of a customer are removed when
 * the customer is erased.
 *
 * <p>Texts are stored as given, so none may hold NUL or an unpaired UTF-16 surrogate; the customer id has at most
 * {@value Respondent#MAX_CUSTOMER_ID_LENGTH} characters, the actor at most {@value #MAX_ACTOR_LENGTH} and the note at
 * most {@value #MAX_NOTE_LENGTH} code points. A blank customer id or actor, or a text that breaks these rules, is
 * refused with a {@link dev.feedbackloop.InvalidInputException} naming it ({@code touch.note}, ...).
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

    /** The longest note, in Unicode code points. */
    public static final int MAX_NOTE_LENGTH = 20_000;
    /** The longest actor, in Unicode code points. */
    public static final int MAX_ACTOR_LENGTH = 1_000;

    public Touch {
        Objects.requireNonNull(customerId, "customerId");
        if (customerId.isBlank()) {
            throw new InvalidInputException("touch.customerId", "is blank; expected a customer id");
        }
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        if (actor.isBlank()) {
            throw new InvalidInputException("touch.actor", "is blank; expected who made the contact");
        }
        StorableText.require(customerId, "touch.customerId", Respondent.MAX_CUSTOMER_ID_LENGTH);
        StorableText.require(actor, "touch.actor", MAX_ACTOR_LENGTH);
        if (note != null) {
            StorableText.require(note, "touch.note", MAX_NOTE_LENGTH);
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
