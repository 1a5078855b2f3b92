package dev.feedbackloop.core.care;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Survey throttling: quiet periods that keep a customer from being surveyed so often that they stop answering.
 * Immutable. A zero duration disables that rule.
 *
 * @param perSurvey the least time between two invitations to the same survey
 * @param acrossSurveys the least time between two invitations to any surveys
 * @param afterAnswer the least time after the customer last answered any survey
 */
public record ThrottlePolicy(Duration perSurvey, Duration acrossSurveys, Duration afterAnswer) {

    public ThrottlePolicy {
        requireNotNegative(perSurvey, "perSurvey");
        requireNotNegative(acrossSurveys, "acrossSurveys");
        requireNotNegative(afterAnswer, "afterAnswer");
    }

    private static void requireNotNegative(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative()) {
            throw new IllegalArgumentException(name + ": " + value + " is negative");
        }
    }

    /**
     * Returns the default throttling: 90 days per survey, 14 days across surveys, 30 days after an answer.
     *
     * @return the policy
     */
    public static ThrottlePolicy standard() {
        return new ThrottlePolicy(Duration.ofDays(90), Duration.ofDays(14), Duration.ofDays(30));
    }

    /**
     * Returns the policy that never throttles.
     *
     * @return the policy
     */
    public static ThrottlePolicy none() {
        return new ThrottlePolicy(Duration.ZERO, Duration.ZERO, Duration.ZERO);
    }

    /**
     * Decides whether a customer may be invited to a survey now, and why.
     *
     * @param surveyId the survey
     * @param touches the customer's touches (invitations and answers are used)
     * @param now the current instant
     * @return the decision; when several rules forbid it, the one that lasts longest is reported
     */
    public InviteDecision decide(String surveyId, List<Touch> touches, Instant now) {
        Objects.requireNonNull(surveyId, "surveyId");
        Objects.requireNonNull(now, "now");
        Instant lastInvitedHere = null;
        Instant lastInvitedAny = null;
        Instant lastAnswered = null;
        for (Touch touch : touches) {
            if (touch.kind() == TouchKind.SURVEY_INVITED) {
                lastInvitedAny = latest(lastInvitedAny, touch.at());
                if (surveyId.equals(touch.surveyId())) {
                    lastInvitedHere = latest(lastInvitedHere, touch.at());
                }
            } else if (touch.kind() == TouchKind.SURVEY_ANSWERED) {
                lastAnswered = latest(lastAnswered, touch.at());
            }
        }
        InviteDecision.Reason reason = InviteDecision.Reason.ALLOWED;
        Instant allowedFrom = null;
        Instant[] lasts = {lastInvitedHere, lastInvitedAny, lastAnswered};
        Duration[] quiet = {perSurvey, acrossSurveys, afterAnswer};
        InviteDecision.Reason[] reasons = {InviteDecision.Reason.SURVEY_QUIET_PERIOD,
            InviteDecision.Reason.QUIET_PERIOD_ACROSS_SURVEYS, InviteDecision.Reason.RECENTLY_ANSWERED};
        for (int i = 0; i < lasts.length; i++) {
            if (lasts[i] == null || quiet[i].isZero()) {
                continue;
            }
            Instant until = lasts[i].plus(quiet[i]);
            if (until.isAfter(now) && (allowedFrom == null || until.isAfter(allowedFrom))) {
                allowedFrom = until;
                reason = reasons[i];
            }
        }
        return new InviteDecision(reason, surveyId, lastInvitedHere, lastInvitedAny, lastAnswered, allowedFrom);
    }

    private static Instant latest(@Nullable Instant current, Instant candidate) {
        return current == null || candidate.isAfter(current) ? candidate : current;
    }
}
