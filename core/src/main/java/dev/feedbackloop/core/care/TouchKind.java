package dev.feedbackloop.core.care;

/** What kind of contact a {@link Touch} records. Immutable. */
public enum TouchKind {
    /** A phone or video call. */
    CALL,
    /** A meeting. */
    MEETING,
    /** A personal email or message. */
    MESSAGE,
    /** The customer was invited to a survey; counts for throttling, not as contact. */
    SURVEY_INVITED,
    /** The customer answered a survey; recorded by the library on every accepted response. */
    SURVEY_ANSWERED,
    /** The first contact on a follow-up; recorded by the library. */
    FOLLOW_UP_CONTACT;

    /**
     * Returns whether this kind counts as contact for care plans (everything but an invitation).
     *
     * @return {@code true} if it is a contact
     */
    public boolean isContact() {
        return switch (this) {
            case CALL, MEETING, MESSAGE, SURVEY_ANSWERED, FOLLOW_UP_CONTACT -> true;
            case SURVEY_INVITED -> false;
        };
    }
}
