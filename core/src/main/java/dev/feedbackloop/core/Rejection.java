package dev.feedbackloop.core;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A response the loop refused, as told to an {@link IntakeObserver}: which response, of which survey, and a bounded
 * reason fit for a metric tag. Immutable.
 *
 * <p>The {@link #reason()} comes from a closed set, so it can be counted by:
 * <ul>
 *     <li>{@link Kind#INVALID}: the stable code of the response's first violation
 *     ({@link dev.feedbackloop.survey.validation.ViolationCode#code()}), for example {@code answer.out-of-scale}, or
 *     {@code response.wrong-version} for a survey version that is not registered;</li>
 *     <li>{@link Kind#CONFLICT}: {@code response.conflict};</li>
 *     <li>{@link Kind#LIMIT}: {@code limit.} and the {@link dev.feedbackloop.core.limit.LimitExceededException.Limit}
 *     in lower case with dashes, for example {@code limit.responses-per-customer};</li>
 *     <li>{@link Kind#INVITATION}: {@code invitation.} and the
 *     {@link dev.feedbackloop.core.invitation.InvitationException.Reason} in the same form, for example
 *     {@code invitation.expired}.</li>
 * </ul>
 *
 * <p>The survey id is the one the response names, as submitted: for a response to an unregistered survey it is
 * whatever the caller sent, so check it against the registered surveys before using it as a metric tag.
 *
 * @param responseId the refused response's id
 * @param surveyId the survey id the response names
 * @param surveyVersion the survey version the response names
 * @param kind what kind of refusal
 * @param reason the bounded reason: lower case, dot-separated words of letters, digits and dashes
 * @param at when the loop refused it, by the loop's clock
 */
public record Rejection(String responseId, String surveyId, int surveyVersion, Kind kind, String reason, Instant at) {

    private static final Pattern REASON = Pattern.compile("[a-z0-9-]+(\\.[a-z0-9-]+)*");

    /** The code of a conflicting response. */
    public static final String CONFLICT = "response.conflict";

    /** What kind of refusal. */
    public enum Kind {
        /** The response is invalid, or its survey version is not registered. */
        INVALID,
        /** A different response is stored under the same id. */
        CONFLICT,
        /** A limit or the host's submission guard refused it. */
        LIMIT,
        /** Its invitation token was refused. */
        INVITATION
    }

    /**
     * Checks the parts.
     *
     * @throws NullPointerException if a part is null
     * @throws IllegalArgumentException if the reason is not lower-case, dot-separated words
     */
    public Rejection {
        Objects.requireNonNull(responseId, "responseId");
        Objects.requireNonNull(surveyId, "surveyId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(at, "at");
        if (!isReason(reason)) {
            throw new IllegalArgumentException("reason: '" + reason + "' is not lower-case, dot-separated words");
        }
    }

    /** Whether a text has the form of a reason. */
    static boolean isReason(String text) {
        return REASON.matcher(text).matches();
    }

    /**
     * Returns the reason for an enum constant under a prefix: {@code prefix.} and the constant's name in lower case
     * with dashes.
     *
     * @param prefix the prefix, for example {@code limit}
     * @param constant the constant, for example {@code RESPONSES_PER_CUSTOMER}
     * @return the reason, for example {@code limit.responses-per-customer}
     */
    static String reason(String prefix, Enum<?> constant) {
        return prefix + "." + constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
