package dev.feedbackloop.scoring;

import java.util.Arrays;
import java.util.Objects;

/**
 * A Net Promoter Score with its counts, standard error and confidence interval. Immutable.
 *
 * <p>Promoters answered 9–10, passives 7–8, detractors 0–6, and {@code n} = promoters + passives + detractors.
 * With pP = promoters/n and pD = detractors/n: {@code score} = 100·(pP − pD), on −100..100;
 * {@code standardError} = 100·√((pP + pD − (pP − pD)²)/n), the standard error of the score in points (the
 * per-respondent variance of the +1/0/−1 coding is pP + pD − (pP − pD)²); {@code ci} is, by default, the Wald
 * interval {@code score ± z·SE} clipped to [−100, 100] (see {@link NpsInterval} for the adjusted-Wald option).
 * When {@code n == 0}, {@code score}, {@code standardError} and both bounds of {@code ci} are NaN.
 *
 * @param n the number of answers
 * @param promoters answers of 9 or 10
 * @param passives answers of 7 or 8
 * @param detractors answers of 0 to 6
 * @param score the NPS in points, −100..100; NaN when {@code n == 0}
 * @param standardError the standard error of {@code score} in points; NaN when {@code n == 0}
 * @param ci the confidence interval of the NPS in points, within [−100, 100]; undefined when {@code n == 0}
 * @param confidence the confidence level of {@code ci}, strictly between 0 and 1
 * @param smallSample whether {@code n} is below the small-sample threshold
 * @param distribution the counts of the answers 0..10, 11 elements summing to {@code n}; copied
 */
public record NpsScore(long n, long promoters, long passives, long detractors, double score, double standardError,
                       Interval ci, double confidence, boolean smallSample, long[] distribution) implements Score {

    public NpsScore {
        Objects.requireNonNull(ci, "ci");
        Confidence.check(confidence);
        distribution = Formulas.checkedDistribution(distribution, 11, n, "nps");
        if (promoters != distribution[9] + distribution[10]
                || passives != distribution[7] + distribution[8]
                || detractors != n - promoters - passives) {
            throw new IllegalArgumentException("nps: promoters " + promoters + ", passives " + passives
                    + ", detractors " + detractors + " do not match the distribution "
                    + Arrays.toString(distribution));
        }
    }

    /** {@inheritDoc} Always 0. */
    @Override
    public int min() {
        return 0;
    }

    /** {@inheritDoc} Always 10. */
    @Override
    public int max() {
        return 10;
    }

    @Override
    public long[] distribution() {
        return distribution.clone();
    }

    @Override
    public long count(int rating) {
        return Formulas.count(distribution, 0, rating);
    }

    /**
     * Returns the share of promoters.
     *
     * @return promoters/n in percent; NaN when {@code n == 0}
     */
    public double promoterPercent() {
        return n == 0 ? Double.NaN : 100.0 * promoters / n;
    }

    /**
     * Returns the share of detractors.
     *
     * @return detractors/n in percent; NaN when {@code n == 0}
     */
    public double detractorPercent() {
        return n == 0 ? Double.NaN : 100.0 * detractors / n;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NpsScore that
                && n == that.n && promoters == that.promoters && passives == that.passives
                && detractors == that.detractors
                && Double.compare(score, that.score) == 0
                && Double.compare(standardError, that.standardError) == 0
                && ci.equals(that.ci)
                && Double.compare(confidence, that.confidence) == 0
                && smallSample == that.smallSample
                && Arrays.equals(distribution, that.distribution);
    }

    @Override
    public int hashCode() {
        return Objects.hash(n, score, standardError, ci, confidence, smallSample) * 31 + Arrays.hashCode(distribution);
    }

    @Override
    public String toString() {
        return "NpsScore[n=" + n + ", promoters=" + promoters + ", passives=" + passives + ", detractors="
                + detractors + ", score=" + score + ", standardError=" + standardError + ", ci=" + ci
                + ", confidence=" + confidence + ", smallSample=" + smallSample + ", distribution="
                + Arrays.toString(distribution) + "]";
    }
}
