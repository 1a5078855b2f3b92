package dev.feedbackloop.core.followup;

/** What happened to a {@link FollowUp} in one {@link HistoryEntry}. Immutable. */
public enum FollowUpAction {
    /** The follow-up was opened by a policy. */
    OPENED,
    /** The first human contact was recorded. */
    CONTACTED,
    /** The follow-up was resolved. */
    RESOLVED,
    /** The follow-up was closed without resolution. */
    CLOSED,
    /** A resolved or closed follow-up was reopened. */
    REOPENED,
    /** The deadlines were paused while waiting on the customer. */
    PAUSED,
    /** The deadlines were resumed and moved by the paused time. */
    RESUMED,
    /** A deadline passed and the follow-up was escalated. */
    ESCALATED,
    /**
     * The customer was erased: personal data and free text were removed. The last step of a follow-up: no step
     * follows it.
     */
    ERASED
}
