package dev.feedbackloop.scoring;

/**
 * A mutable, mergeable count of answers to a generic rating question on one scale, from which a
 * {@link RatingScore} (mean and its interval) is taken. Not thread-safe: use one tally per thread and
 * {@link #merge} them.
 *
 * <p>A tally never mixes scales. Adding an answer allocates nothing.
 */
public final class RatingTally extends ScaleTally {

    private RatingTally(int min, int max) {
        super(min, max, 1, "rating");
    }

    /**
     * Returns an empty tally on {@code min..max}.
     *
     * @param min the lowest point, at least 0
     * @param max the highest point; 2 to 11 points in all
     * @return the tally
     * @throws IllegalArgumentException if the scale is out of range
     */
    public static RatingTally of(int min, int max) {
        return new RatingTally(min, max);
    }

    /**
     * Adds every answer counted by another tally of the same scale; the other tally is unchanged.
     *
     * @param other a tally on the same scale
     * @throws IllegalArgumentException if the scale differs
     */
    public void merge(RatingTally other) {
        mergeCounts(other);
    }

    /**
     * Returns the score with a 95% interval of the mean.
     *
     * @return the score
     */
    public RatingScore score() {
        return score(ScoreOptions.defaults());
    }

    /**
     * Returns the score under the given options, such as
     * {@code ScoreOptions.defaults().withConfidence(0.90)}. See {@link RatingScore} for the definitions.
     *
     * @param options confidence level and small-sample threshold
     * @return the score
     */
    public RatingScore score(ScoreOptions options) {
        return of(counts, min, max, options);
    }

    static RatingScore of(long[] dist, int min, int max, ScoreOptions options) {
        long n = Formulas.sum(dist);
        double mean = Formulas.mean(dist, min, n);
        double sd = Formulas.sampleStandardDeviation(dist, min, n, mean);
        return new RatingScore(n, mean, sd, Formulas.meanInterval(mean, sd, n, options.z()), options.confidence(),
                options.isSmall(n), dist, min, max);
    }

    @Override
    String box() {
        return "";
    }
}
