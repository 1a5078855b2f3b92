package dev.feedbackloop.scoring;

/**
 * An immutable snapshot of a tally: the closed family {@link NpsScore}, {@link CsatScore}, {@link CesScore} and
 * {@link RatingScore}.
 *
 * <p>Every score carries its number of answers, the full answer distribution on its scale, the confidence level
 * of its intervals and whether the sample is small. A score over no answers has {@code n() == 0} and NaN for
 * every derived number.
 */
public sealed interface Score permits NpsScore, CsatScore, CesScore, RatingScore {

    /**
     * Returns the number of answers scored.
     *
     * @return the count, at least 0
     */
    long n();

    /**
     * Returns the confidence level of the intervals.
     *
     * @return a level strictly between 0 and 1
     */
    double confidence();

    /**
     * Returns whether the sample is below the small-sample threshold, so that reports can say so.
     *
     * @return {@code true} if {@code n()} is below the threshold in force when the score was taken
     */
    boolean smallSample();

    /**
     * Returns the lowest point of the scale.
     *
     * @return the lowest rating
     */
    int min();

    /**
     * Returns the highest point of the scale.
     *
     * @return the highest rating
     */
    int max();

    /**
     * Returns the answer distribution: element {@code i} counts the answers {@code min() + i}.
     *
     * @return a fresh copy, of length {@code max() - min() + 1}
     */
    long[] distribution();

    /**
     * Returns how many answers gave one rating.
     *
     * @param rating a point of the scale
     * @return the count
     * @throws IllegalArgumentException if the rating is outside {@code min()..max()}
     */
    long count(int rating);
}
