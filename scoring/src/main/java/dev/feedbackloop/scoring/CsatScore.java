package dev.feedbackloop.scoring;

import java.util.Arrays;
import java.util.Objects;

/**
 * A customer satisfaction score: the share of answers in the top box of the scale, with the mean and a Wilson
 * interval. Immutable.
 *
 * <p>{@code satisfied} counts the answers in the top {@code topBox} points of {@code min..max} (4 and 5 on 1–5
 * with the default box of two); {@code score} = 100·satisfied/n; {@code mean} is the mean rating; {@code ci} is
 * the Wilson score interval of satisfied/n at the confidence level, in percent. When {@code n == 0}, the doubles
 * and both bounds of {@code ci} are NaN.
 *
 * @param n the number of answers
 * @param satisfied the answers in the top box
 * @param score the satisfied share in percent, 0..100; NaN when {@code n == 0}
 * @param mean the mean rating; NaN when {@code n == 0}
 * @param ci the Wilson interval of the satisfied share in percent; undefined when {@code n == 0}
 * @param confidence the confidence level of {@code ci}, strictly between 0 and 1
 * @param smallSample whether {@code n} is below the small-sample threshold
 * @param distribution the counts of the answers {@code min..max}, summing to {@code n}; copied
 * @param min the lowest point of the scale
 * @param max the highest point of the scale
 * @param topBox how many of the highest points count as satisfied
 */
public record CsatScore(long n, long satisfied, double score, double mean, Interval ci, double confidence,
                        boolean smallSample, long[] distribution, int min, int max, int topBox) implements Score {

    public CsatScore {
        Objects.requireNonNull(ci, "ci");
        Confidence.check(confidence);
        Formulas.checkScale(min, max, topBox, "csat");
        distribution = Formulas.checkedDistribution(distribution, max - min + 1, n, "csat");
        long box = Formulas.sum(distribution, distribution.length - topBox, distribution.length);
        Formulas.checkBox("csat.satisfied", satisfied, box, distribution);
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
        return other instanceof CsatScore that
                && n == that.n && satisfied == that.satisfied
                && Double.compare(score, that.score) == 0 && Double.compare(mean, that.mean) == 0
                && ci.equals(that.ci) && Double.compare(confidence, that.confidence) == 0
                && smallSample == that.smallSample && Arrays.equals(distribution, that.distribution)
                && min == that.min && max == that.max && topBox == that.topBox;
    }

    @Override
    public int hashCode() {
        return Objects.hash(n, score, mean, ci, confidence, smallSample, min, max, topBox) * 31
                + Arrays.hashCode(distribution);
    }

    @Override
    public String toString() {
        return "CsatScore[n=" + n + ", satisfied=" + satisfied + ", score=" + score + ", mean=" + mean + ", ci=" + ci
                + ", confidence=" + confidence + ", smallSample=" + smallSample + ", distribution="
                + Arrays.toString(distribution) + ", scale=" + min + ".." + max + ", topBox=" + topBox + "]";
    }
}
