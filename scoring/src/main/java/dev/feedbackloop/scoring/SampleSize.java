package dev.feedbackloop.scoring;

/**
 * Minimum sample sizes for a target margin of error (the half-width of a normal interval). Stateless and
 * thread-safe.
 *
 * <p>For an NPS the per-respondent variance of the +1/0/−1 coding is v = pP + pD − (pP − pD)²; the margin at
 * size n is 100·z·√(v/n) points, so n = ⌈v·(100·z/margin)²⌉. The worst case is v = 1 (half promoters, half
 * detractors). For a share the variance is p(1 − p), worst case 1/4.
 */
public final class SampleSize {

    /** Below this excess over an integer, a computed size is taken to be that integer (floating-point noise). */
    private static final double EPSILON = 1e-9;

    private SampleSize() {
    }

    /**
     * Returns the smallest sample whose NPS margin of error is at most {@code marginPoints} whatever the
     * distribution (v = 1).
     *
     * @param marginPoints the margin in NPS points, positive
     * @param confidence the confidence level, strictly between 0 and 1
     * @return the sample size
     * @throws IllegalArgumentException if the margin is not positive or the level is out of range
     */
    public static long npsWorstCase(double marginPoints, double confidence) {
        return size(1.0, marginPoints, confidence);
    }

    /**
     * Returns the smallest sample whose NPS margin of error is at most {@code marginPoints} when the answers
     * follow an expected distribution.
     *
     * @param marginPoints the margin in NPS points, positive
     * @param confidence the confidence level, strictly between 0 and 1
     * @param promoterShare the expected share of promoters, 0..1
     * @param detractorShare the expected share of detractors, 0..1, with {@code promoterShare + detractorShare <= 1}
     * @return the sample size, at least 1
     * @throws IllegalArgumentException if an argument is out of range
     */
    public static long nps(double marginPoints, double confidence, double promoterShare, double detractorShare) {
        if (!(promoterShare >= 0 && detractorShare >= 0 && promoterShare + detractorShare <= 1 + EPSILON)) {
            throw new IllegalArgumentException("shares: promoters " + promoterShare + ", detractors "
                    + detractorShare + ", expected non-negative shares summing to at most 1");
        }
        double d = promoterShare - detractorShare;
        return size(promoterShare + detractorShare - d * d, marginPoints, confidence);
    }

    /**
     * Returns the smallest sample whose NPS margin of error is at most {@code marginPoints} when the answers
     * follow the distribution of an earlier result.
     *
     * @param marginPoints the margin in NPS points, positive
     * @param confidence the confidence level, strictly between 0 and 1
     * @param expected an earlier result with at least one answer
     * @return the sample size, at least 1
     * @throws IllegalArgumentException if an argument is out of range or the result has no answers
     */
    public static long nps(double marginPoints, double confidence, NpsScore expected) {
        if (expected.n() == 0) {
            throw new IllegalArgumentException("expected: an NPS result with no answers has no distribution");
        }
        return nps(marginPoints, confidence, (double) expected.promoters() / expected.n(),
                (double) expected.detractors() / expected.n());
    }

    /**
     * Returns the smallest sample whose share (CSAT or CES score) margin of error is at most {@code marginPoints}
     * percentage points for an expected share, with the normal approximation.
     *
     * @param marginPoints the margin in percentage points, positive
     * @param confidence the confidence level, strictly between 0 and 1
     * @param expectedShare the expected share, 0..1; 0.5 is the worst case
     * @return the sample size, at least 1
     * @throws IllegalArgumentException if an argument is out of range
     */
    public static long share(double marginPoints, double confidence, double expectedShare) {
        if (!(expectedShare >= 0 && expectedShare <= 1)) {
            throw new IllegalArgumentException("expectedShare: " + expectedShare + " is outside 0..1");
        }
        return size(expectedShare * (1 - expectedShare), marginPoints, confidence);
    }

    private static long size(double variance, double marginPoints, double confidence) {
        if (!(marginPoints > 0) || Double.isInfinite(marginPoints)) {
            throw new IllegalArgumentException("marginPoints: " + marginPoints + " is not a positive number");
        }
        double z = Normal.z(confidence);
        double root = 100 * z / marginPoints;
        double exact = variance * root * root;
        return Math.max(1, (long) Math.ceil(exact - EPSILON * Math.max(1, exact)));
    }
}
