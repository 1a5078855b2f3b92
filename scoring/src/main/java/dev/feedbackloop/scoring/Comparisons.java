package dev.feedbackloop.scoring;

import java.util.Objects;

/**
 * Two-sample tests between scores: NPS difference, two proportions, two means. Stateless and thread-safe.
 *
 * <p>Every method compares A with B and reports A − B (see {@link Comparison}); the methods without a confidence
 * argument use 95%. Two scores on different scales are never compared: that is an
 * {@link IllegalArgumentException}.
 */
public final class Comparisons {

    private Comparisons() {
    }

    /**
     * Compares two NPS results at 95%.
     *
     * @param a the first result
     * @param b the second result
     * @return the comparison; see {@link #nps(NpsScore, NpsScore, double)}
     */
    public static Comparison nps(NpsScore a, NpsScore b) {
        return nps(a, b, Confidence.DEFAULT);
    }

    /**
     * Compares two NPS results from independent samples: difference = NPS_A − NPS_B in points, standard error
     * √(SE_A² + SE_B²), interval difference ± z·SE clipped to [−200, 200], z = difference/SE and its two-sided
     * p-value. Undefined when either side has no answers.
     *
     * @param a the first result
     * @param b the second result
     * @param confidence the confidence level of the interval, strictly between 0 and 1
     * @return the comparison
     * @throws IllegalArgumentException if the level is out of range
     */
    public static Comparison nps(NpsScore a, NpsScore b, double confidence) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        double z = Normal.z(confidence);
        if (a.n() == 0 || b.n() == 0) {
            return Comparison.undefined(confidence);
        }
        double difference = a.score() - b.score();
        double se = Math.sqrt(a.standardError() * a.standardError() + b.standardError() * b.standardError());
        Interval ci = Interval.of(Math.max(-200, difference - z * se), Math.min(200, difference + z * se));
        return test(difference, se, ci, confidence);
    }

    /**
     * Compares the satisfied shares of two CSAT results at 95%.
     *
     * @param a the first result
     * @param b the second result, on the same scale and box
     * @return the comparison; see {@link #shares(long, long, long, long, double)}
     * @throws IllegalArgumentException if the scales or boxes differ
     */
    public static Comparison csat(CsatScore a, CsatScore b) {
        return csat(a, b, Confidence.DEFAULT);
    }

    /**
     * Compares the satisfied shares of two CSAT results.
     *
     * @param a the first result
     * @param b the second result, on the same scale and box
     * @param confidence the confidence level of the interval, strictly between 0 and 1
     * @return the comparison; see {@link #shares(long, long, long, long, double)}
     * @throws IllegalArgumentException if the scales or boxes differ, or the level is out of range
     */
    public static Comparison csat(CsatScore a, CsatScore b, double confidence) {
        if (a.min() != b.min() || a.max() != b.max() || a.topBox() != b.topBox()) {
            throw new IllegalArgumentException("cannot compare CSAT on " + a.min() + ".." + a.max() + " (top "
                    + a.topBox() + ") with CSAT on " + b.min() + ".." + b.max() + " (top " + b.topBox()
                    + "): scales never mix");
        }
        return shares(a.satisfied(), a.n(), b.satisfied(), b.n(), confidence);
    }

    /**
     * Compares the agree shares (the CES {@code score}) of two CES results at 95%.
     *
     * @param a the first result
     * @param b the second result, on the same scale, box and polarity
     * @return the comparison; see {@link #shares(long, long, long, long, double)}
     * @throws IllegalArgumentException if the scales differ
     */
    public static Comparison cesShare(CesScore a, CesScore b) {
        return cesShare(a, b, Confidence.DEFAULT);
    }

    /**
     * Compares the agree shares (the CES {@code score}) of two CES results.
     *
     * @param a the first result
     * @param b the second result, on the same scale, box and polarity
     * @param confidence the confidence level of the interval, strictly between 0 and 1
     * @return the comparison; see {@link #shares(long, long, long, long, double)}
     * @throws IllegalArgumentException if the scales differ, or the level is out of range
     */
    public static Comparison cesShare(CesScore a, CesScore b, double confidence) {
        requireSameScale(a, b);
        return shares(a.agree(), a.n(), b.agree(), b.n(), confidence);
    }

    /**
     * Compares the mean ratings of two CES results at 95% (Welch z).
     *
     * @param a the first result
     * @param b the second result, on the same scale, box and polarity
     * @return the comparison; see {@link #means(double, double, long, double, double, long, double)}
     * @throws IllegalArgumentException if the scales differ
     */
    public static Comparison cesMean(CesScore a, CesScore b) {
        return cesMean(a, b, Confidence.DEFAULT);
    }

    /**
     * Compares the mean ratings of two CES results (Welch z).
     *
     * @param a the first result
     * @param b the second result, on the same scale, box and polarity
     * @param confidence the confidence level of the interval, strictly between 0 and 1
     * @return the comparison; see {@link #means(double, double, long, double, double, long, double)}
     * @throws IllegalArgumentException if the scales differ, or the level is out of range
     */
    public static Comparison cesMean(CesScore a, CesScore b, double confidence) {
        requireSameScale(a, b);
        return means(a.mean(), a.standardDeviation(), a.n(), b.mean(), b.standardDeviation(), b.n(), confidence);
    }

    /**
     * Compares the mean ratings of two generic rating results (Welch z).
     *
     * @param a the first result
     * @param b the second result, on the same scale
     * @param confidence the confidence level of the interval, strictly between 0 and 1
     * @return the comparison; see {@link #means(double, double, long, double, double, long, double)}
     * @throws IllegalArgumentException if the scales differ, or the level is out of range
     */
    public static Comparison ratingMean(RatingScore a, RatingScore b, double confidence) {
        if (a.min() != b.min() || a.max() != b.max()) {
            throw new IllegalArgumentException("cannot compare ratings on " + a.min() + ".." + a.max()
                    + " with ratings on " + b.min() + ".." + b.max() + ": scales never mix");
        }
        return means(a.mean(), a.standardDeviation(), a.n(), b.mean(), b.standardDeviation(), b.n(), confidence);
    }

    /**
     * Compares two proportions x_A/n_A and x_B/n_B from independent samples, in percentage points.
     *
     * <p>The test is the pooled two-proportion z-test: with p = (x_A + x_B)/(n_A + n_B),
     * SE = √(p(1 − p)(1/n_A + 1/n_B)) and z = (p_A − p_B)/SE; {@code standardError} is this pooled SE in points.
     * The interval is Newcombe's hybrid score interval (method 10 of Newcombe 1998), built from the two Wilson
     * intervals [l_A, u_A] and [l_B, u_B]: [d − √((p_A − l_A)² + (u_B − p_B)²), d + √((u_A − p_A)² + (p_B − l_B)²)]
     * with d = p_A − p_B. Undefined when either n is 0.
     *
     * @param xA the successes of A, 0..nA
     * @param nA the trials of A
     * @param xB the successes of B, 0..nB
     * @param nB the trials of B
     * @param confidence the confidence level of the interval, strictly between 0 and 1
     * @return the comparison
     * @throws IllegalArgumentException if a count is negative, a success count exceeds its trials, or the level
     *     is out of range
     */
    public static Comparison shares(long xA, long nA, long xB, long nB, double confidence) {
        if (xA < 0 || nA < xA || xB < 0 || nB < xB) {
            throw new IllegalArgumentException("shares: " + xA + "/" + nA + " vs " + xB + "/" + nB
                    + ", expected 0 <= x <= n on each side");
        }
        double z = Normal.z(confidence);
        if (nA == 0 || nB == 0) {
            return Comparison.undefined(confidence);
        }
        double pA = (double) xA / nA;
        double pB = (double) xB / nB;
        double d = pA - pB;
        double pooled = (double) (xA + xB) / (nA + nB);
        double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / nA + 1.0 / nB));
        Interval wA = Formulas.wilsonPercent(xA, nA, z);
        Interval wB = Formulas.wilsonPercent(xB, nB, z);
        double lA = wA.lower() / 100;
        double uA = wA.upper() / 100;
        double lB = wB.lower() / 100;
        double uB = wB.upper() / 100;
        double lower = d - Math.sqrt(square(pA - lA) + square(uB - pB));
        double upper = d + Math.sqrt(square(uA - pA) + square(pB - lB));
        Interval ci = Interval.of(100 * Math.max(-1, lower), 100 * Math.min(1, upper));
        return test(100 * d, 100 * se, ci, confidence);
    }

    /**
     * Compares two means from independent samples with Welch's z: SE = √(s_A²/n_A + s_B²/n_B),
     * z = (mean_A − mean_B)/SE, interval difference ± z·SE. Undefined unless both sides have at least two
     * answers.
     *
     * @param meanA the mean of A
     * @param sdA the sample standard deviation of A
     * @param nA the size of A
     * @param meanB the mean of B
     * @param sdB the sample standard deviation of B
     * @param nB the size of B
     * @param confidence the confidence level of the interval, strictly between 0 and 1
     * @return the comparison
     * @throws IllegalArgumentException if a size is negative or the level is out of range
     */
    public static Comparison means(double meanA, double sdA, long nA, double meanB, double sdB, long nB,
                                   double confidence) {
        if (nA < 0 || nB < 0) {
            throw new IllegalArgumentException("means: sizes " + nA + " and " + nB + ", expected at least 0");
        }
        double z = Normal.z(confidence);
        if (nA < 2 || nB < 2) {
            return Comparison.undefined(confidence);
        }
        double difference = meanA - meanB;
        double se = Math.sqrt(sdA * sdA / nA + sdB * sdB / nB);
        return test(difference, se, Interval.of(difference - z * se, difference + z * se), confidence);
    }

    private static Comparison test(double difference, double se, Interval ci, double confidence) {
        double z = difference / se;
        return new Comparison(difference, se, ci, z, Normal.twoSidedP(z), confidence);
    }

    private static void requireSameScale(CesScore a, CesScore b) {
        if (a.min() != b.min() || a.max() != b.max() || a.topBox() != b.topBox() || a.polarity() != b.polarity()) {
            throw new IllegalArgumentException("cannot compare CES on " + a.min() + ".." + a.max() + " (box "
                    + a.topBox() + ", " + a.polarity() + ") with CES on " + b.min() + ".." + b.max() + " (box "
                    + b.topBox() + ", " + b.polarity() + "): scales never mix");
        }
    }

    private static double square(double x) {
        return x * x;
    }
}
