package dev.feedbackloop.core.followup;

/** Which deadline of a {@link FollowUp} is meant. Immutable. */
public enum DeadlineKind {
    /** The deadline for the first human contact; met by {@link FollowUp#firstContact()}. */
    FIRST_CONTACT,
    /** The deadline for resolution; met by resolving or closing the follow-up. */
    RESOLUTION
}
