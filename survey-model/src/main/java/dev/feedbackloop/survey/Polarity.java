package dev.feedbackloop.survey;

/** Which end of a rating scale is the good one. Immutable. */
public enum Polarity {
    /** Higher answers are better, as in "the company made it easy to handle my issue" (1 = disagree). */
    HIGHER_IS_BETTER,
    /** Lower answers are better, as in "how much effort did you personally have to put forth" (1 = very low). */
    LOWER_IS_BETTER
}
