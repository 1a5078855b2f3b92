package dev.feedbackloop.core.followup;

/** How urgently a {@link FollowUp} needs attention, from lowest to highest. Immutable. */
public enum Priority {
    /** Can wait. */
    LOW,
    /** The usual priority. */
    NORMAL,
    /** Ahead of the usual work. */
    HIGH,
    /** Now. */
    URGENT
}
