package dev.feedbackloop.survey;

/** What a {@link RatingQuestion} measures, which decides how it is scored. Immutable. */
public enum RatingKind {
    /** Customer satisfaction: scored as the share in the top boxes of the scale. */
    CSAT,
    /** Customer effort: scored as the share agreeing it was easy, and as a mean. */
    CES,
    /** Any other rating: scored by its mean and distribution only. */
    GENERIC
}
