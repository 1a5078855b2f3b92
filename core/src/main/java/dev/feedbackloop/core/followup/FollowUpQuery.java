package dev.feedbackloop.core.followup;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A filter over follow-ups: every non-null criterion must match. Immutable; start from {@link #all()} and narrow
 * with the {@code with…} methods, for example {@code FollowUpQuery.all().withState(OPEN).withOwner("ana")}.
 *
 * <p>Results are ordered by first-contact deadline, then id.
 *
 * @param state the state, or {@code null} for any
 * @param owner the owner, or {@code null} for any
 * @param priority the priority, or {@code null} for any
 * @param customerId the customer, or {@code null} for any
 * @param surveyId the survey, or {@code null} for any
 * @param segmentName a segment attribute name; set together with {@code segmentValue}, or both {@code null}
 * @param segmentValue the value that attribute must have
 * @param limit the most follow-ups that {@code FollowUpTracker.find} returns and the size of a page of
 *     {@code FollowUpTracker.page}, at least 1
 */
public record FollowUpQuery(@Nullable FollowUpState state, @Nullable String owner, @Nullable Priority priority,
                            @Nullable String customerId, @Nullable String surveyId, @Nullable String segmentName,
                            @Nullable String segmentValue, int limit) {

    /** The default {@link #limit()}: a {@code find} returns at most this many, a page holds this many. */
    public static final int DEFAULT_LIMIT = 1_000;

    public FollowUpQuery {
        if ((segmentName == null) != (segmentValue == null)) {
            throw new IllegalArgumentException("segmentName and segmentValue must be set together, got "
                    + segmentName + "=" + segmentValue);
        }
        if (limit < 1) {
            throw new IllegalArgumentException("limit: " + limit + " is not positive");
        }
    }

    /**
     * Returns the query that matches every follow-up, up to {@link #DEFAULT_LIMIT}.
     *
     * @return the query
     */
    public static FollowUpQuery all() {
        return new FollowUpQuery(null, null, null, null, null, null, null, DEFAULT_LIMIT);
    }

    /**
     * Narrows to one state.
     *
     * @param value the state
     * @return the narrowed query
     */
    public FollowUpQuery withState(FollowUpState value) {
        return new FollowUpQuery(Objects.requireNonNull(value, "state"), owner, priority, customerId, surveyId,
                segmentName, segmentValue, limit);
    }

    /**
     * Narrows to one owner.
     *
     * @param value the owner
     * @return the narrowed query
     */
    public FollowUpQuery withOwner(String value) {
        return new FollowUpQuery(state, Objects.requireNonNull(value, "owner"), priority, customerId, surveyId,
                segmentName, segmentValue, limit);
    }

    /**
     * Narrows to one priority.
     *
     * @param value the priority
     * @return the narrowed query
     */
    public FollowUpQuery withPriority(Priority value) {
        return new FollowUpQuery(state, owner, Objects.requireNonNull(value, "priority"), customerId, surveyId,
                segmentName, segmentValue, limit);
    }

    /**
     * Narrows to one customer.
     *
     * @param value the customer id
     * @return the narrowed query
     */
    public FollowUpQuery withCustomer(String value) {
        return new FollowUpQuery(state, owner, priority, Objects.requireNonNull(value, "customerId"), surveyId,
                segmentName, segmentValue, limit);
    }

    /**
     * Narrows to one survey.
     *
     * @param value the survey id
     * @return the narrowed query
     */
    public FollowUpQuery withSurvey(String value) {
        return new FollowUpQuery(state, owner, priority, customerId, Objects.requireNonNull(value, "surveyId"),
                segmentName, segmentValue, limit);
    }

    /**
     * Narrows to follow-ups whose segment attribute has a value.
     *
     * @param name the attribute name, for example {@code "plan"}
     * @param value the value, for example {@code "enterprise"}
     * @return the narrowed query
     */
    public FollowUpQuery withSegment(String name, String value) {
        return new FollowUpQuery(state, owner, priority, customerId, surveyId, Objects.requireNonNull(name, "name"),
                Objects.requireNonNull(value, "value"), limit);
    }

    /**
     * Sets the most follow-ups to return.
     *
     * @param value the limit, at least 1
     * @return the query with that limit
     */
    public FollowUpQuery withLimit(int value) {
        return new FollowUpQuery(state, owner, priority, customerId, surveyId, segmentName, segmentValue, value);
    }

    /**
     * Returns whether a follow-up matches every criterion (the limit aside); stores may use it or translate the
     * criteria into their own query language.
     *
     * @param followUp the follow-up
     * @return {@code true} if it matches
     */
    public boolean matches(FollowUp followUp) {
        return (state == null || state == followUp.state())
                && (owner == null || owner.equals(followUp.owner()))
                && (priority == null || priority == followUp.priority())
                && (customerId == null || customerId.equals(followUp.customerId()))
                && (surveyId == null || surveyId.equals(followUp.surveyId()))
                && (segmentName == null || Objects.equals(segmentValue, followUp.segment().get(segmentName)));
    }
}
