package dev.feedbackloop.scoring;

import java.util.Objects;

/**
 * The comparison of two results A and B: the signed difference A − B, its standard error and interval, the z
 * statistic and its two-sided p-value. Immutable.
 *
 * <p>Made by {@link Comparisons}, which documents each test. Differences are in the units of the scores
 * compared: NPS points, percentage points of a share, or rating points of a mean. When a comparison is not
 * defined (a side with too few answers), every double is NaN and the interval is undefined; when both sides have
 * no variability, {@code z} may be infinite (p-value 0) or NaN (no difference).
 *
 * @param difference A − B
 * @param standardError the standard error that the test divides by
 * @param ci the interval of the difference at {@code confidence}
 * @param z the z statistic, positive when A is above B
 * @param pValue the two-sided p-value of z under the standard normal distribution
 * @param confidence the confidence level of {@code ci}, strictly between 0 and 1
 */
public record Comparison(double difference, double standardError, Interval ci, double z, double pValue,
                         double confidence) {

    public Comparison {
        Objects.requireNonNull(ci, "ci");
        Confidence.check(confidence);
        if (pValue < 0 || pValue > 1) {
            throw new IllegalArgumentException("pValue: " + pValue + " is outside [0, 1]");
        }
    }

    static Comparison undefined(double confidence) {
        return new Comparison(Double.NaN, Double.NaN, Interval.undefined(), Double.NaN, Double.NaN, confidence);
    }

    /**
     * Returns whether the comparison has numbers (both sides had enough answers).
     *
     * @return {@code true} unless the difference is NaN
     */
    public boolean isDefined() {
        return !Double.isNaN(difference);
    }

    /**
     * Returns whether the difference is significant at the level 1 − {@code confidence}.
     *
     * @return {@code true} if {@code pValue < 1 - confidence}; {@code false} when undefined
     */
    public boolean significant() {
        return pValue < 1 - confidence;
    }
}
