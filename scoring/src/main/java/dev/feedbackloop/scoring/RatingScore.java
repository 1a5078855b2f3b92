package dev.feedbackloop.scoring;

import java.util.Arrays;
import java.util.Objects;

/**
 * The score of a generic rating: mean, sample standard deviation and the normal interval of the mean. Immutable.
 *
 * <p>{@code ci} = mean ± z·s/√n with s the sample standard deviation (n − 1 denominator); [mean, mean] for
 * n = 1. When {@code n == 0} the doubles are NaN and {@code ci} is undefined.
 *
 * @param n the number of answers
 * @param mean the mean rating; NaN when {@code n == 0}
 * @param standardDeviation the sample standard deviation; NaN when {@code n < 2}
 * @param ci the interval of the mean; undefined when {@code n == 0}
 * @param confidence the confidence level of {@code ci}, strictly between 0 and 1
 * @param smallSample whether {@code n} is below the small-sample threshold
 * @param distribution the counts of the answers {@code min..max}, summing to {@code n}; copied
 * @param min the lowest point of the scale
 * @param max the highest point of the scale
 */
public record RatingScore(long n, double mean, double standardDeviation, Interval ci, double confidence,
                          boolean smallSample, long[] distribution, int min, int max) implements Score {

    public RatingScore {
        Objects.requireNonNull(ci, "ci");
        Confidence.check(confidence);
        Formulas.checkScale(min, max, 1, "rating");
        distribution = Formulas.checkedDistribution(distribution, max - min + 1, n, "rating");
    }

    @Override
    public long[] distribution() {
        return distribution.clone();
    }

    @Override
    public long count(int rating) {
        return Formulas.count(distribution, min, rating);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RatingScore that
                && n == that.n && Double.compare(mean, that.mean) == 0
                && Double.compare(standardDeviation, that.standardDeviation) == 0
                && ci.equals(that.ci) && Double.compare(confidence, that.confidence) == 0
                && smallSample == that.smallSample && Arrays.equals(distribution, that.distribution)
                && min == that.min && max == that.max;
    }

    @Override
    public int hashCode() {
        return Objects.hash(n, mean, standardDeviation, ci, confidence, smallSample, min, max) * 31
                + Arrays.hashCode(distribution);
    }

    @Override
    public String toString() {
        return "RatingScore[n=" + n + ", mean=" + mean + ", standardDeviation=" + standardDeviation + ", ci=" + ci
                + ", confidence=" + confidence + ", smallSample=" + smallSample + ", distribution="
                + Arrays.toString(distribution) + ", scale=" + min + ".." + max + "]";
    }
}
