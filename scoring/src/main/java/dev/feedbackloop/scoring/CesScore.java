package dev.feedbackloop.scoring;

import dev.feedbackloop.survey.Polarity;
import java.util.Arrays;
import java.util.Objects;

/**
 * A customer effort score: the share of answers agreeing that it was easy, and the mean rating with its interval.
 * Immutable.
 *
 * <p>{@code agree} counts the answers in the "easy" box: the top {@code topBox} points of {@code min..max} for
 * {@link Polarity#HIGHER_IS_BETTER} (5, 6 and 7 on 1–7 with the default box of three), the bottom {@code topBox}
 * points for {@link Polarity#LOWER_IS_BETTER}. {@code score} = 100·agree/n; {@code mean} is the mean rating as
 * answered (not reversed); {@code standardDeviation} is the sample standard deviation s (n − 1 denominator);
 * {@code ci} = mean ± z·s/√n, [mean, mean] for n = 1; {@code shareCi} is the Wilson interval of agree/n in
 * percent. When {@code n == 0} every double is NaN and both intervals are undefined.
 *
 * @param n the number of answers
 * @param agree the answers in the "easy" box
 * @param score the agree share in percent, 0..100; NaN when {@code n == 0}
 * @param mean the mean rating; NaN when {@code n == 0}
 * @param standardDeviation the sample standard deviation of the ratings; NaN when {@code n < 2}
 * @param ci the normal interval of the mean; {@code [mean, mean]} for n = 1; undefined for n = 0
 * @param shareCi the Wilson interval of the agree share in percent; undefined for n = 0
 * @param confidence the confidence level of both intervals, strictly between 0 and 1
 * @param smallSample whether {@code n} is below the small-sample threshold
 * @param distribution the counts of the answers {@code min..max}, summing to {@code n}; copied
 * @param min the lowest point of the scale
 * @param max the highest point of the scale
 * @param topBox how many points at the good end count as agreeing
 * @param polarity which end of the scale is the good ("easy") one
 */
public record CesScore(long n, long agree, double score, double mean, double standardDeviation, Interval ci,
                       Interval shareCi, double confidence, boolean smallSample, long[] distribution, int min, int max,
                       int topBox, Polarity polarity) implements Score {

    public CesScore {
        Objects.requireNonNull(ci, "ci");
        Objects.requireNonNull(shareCi, "shareCi");
        Objects.requireNonNull(polarity, "polarity");
        Confidence.check(confidence);
        Formulas.checkScale(min, max, topBox, "ces");
        distribution = Formulas.checkedDistribution(distribution, max - min + 1, n, "ces");
        long box = CesTally.agree(distribution, topBox, polarity);
        Formulas.checkBox("ces.agree", agree, box, distribution);
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
        return other instanceof CesScore that
                && n == that.n && agree == that.agree
                && Double.compare(score, that.score) == 0 && Double.compare(mean, that.mean) == 0
                && Double.compare(standardDeviation, that.standardDeviation) == 0
                && ci.equals(that.ci) && shareCi.equals(that.shareCi)
                && Double.compare(confidence, that.confidence) == 0
                && smallSample == that.smallSample && Arrays.equals(distribution, that.distribution)
                && min == that.min && max == that.max && topBox == that.topBox && polarity == that.polarity;
    }

    @Override
    public int hashCode() {
        return Objects.hash(n, score, mean, standardDeviation, ci, shareCi, confidence, smallSample, min, max, topBox,
                polarity) * 31 + Arrays.hashCode(distribution);
    }

    @Override
    public String toString() {
        return "CesScore[n=" + n + ", agree=" + agree + ", score=" + score + ", mean=" + mean
                + ", standardDeviation=" + standardDeviation + ", ci=" + ci + ", shareCi=" + shareCi
                + ", confidence=" + confidence + ", smallSample=" + smallSample + ", distribution="
                + Arrays.toString(distribution) + ", scale=" + min + ".." + max + ", topBox=" + topBox
                + ", polarity=" + polarity + "]";
    }
}
