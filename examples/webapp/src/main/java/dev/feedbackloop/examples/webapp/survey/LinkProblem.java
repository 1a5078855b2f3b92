package dev.feedbackloop.examples.webapp.survey;

/** Why an invitation link cannot be used, as the customer is told it. Immutable. */
public enum LinkProblem {
    /** The link is not one we issued, or it was changed: malformed, unknown key, bad signature, other survey. */
    INVALID,
    /** The link is past its expiry. */
    EXPIRED,
    /** The link has been used to answer already. */
    USED,
    /** The customer has answered too often lately. */
    TOO_MANY
}
