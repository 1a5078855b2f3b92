package dev.feedbackloop.scoring;

import java.util.Objects;

/**
 * A mutable, mergeable count of answers to a generic rating question on one scale, from which a
 * {@link RatingScore} (mean and its interval) is taken. Not thread-safe: use one tally per thread and
 * {@link #merge} them.
 *
 * <p>A tally never mixes scales. Adding an answer allocates nothing.
 */
public final class RatingTally {

    private final Counts counts;

    private RatingTally(int min, int max) {
        Formulas.checkScale(min, max, 1, "rating");
        this.counts = new Counts(min, max, "rating");
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
     * Counts one answer.
     *
     * @param rating the answer, on this tally's scale
     * @throws IllegalArgumentException if the rating is off the scale
     */
    public void add(int rating) {
        counts.add(rating);
    }

    /**
     * Counts the same answer several times.
     *
     * @param rating the answer, on this tally's scale
     * @param count how many times, at least 0
     * @throws IllegalArgumentException if the rating is off the scale or the count is negative
     */
    public void add(int rating, long count) {
        counts.add(rating, count);
    }

    /**
     * Adds every answer counted by another tally of the same scale; the other tally is unchanged.
     *
     * @param other a tally on the same scale
     * @throws IllegalArgumentException if the scale differs
     */
    public void merge(RatingTally other) {
        Objects.requireNonNull(other, "other");
        if (!counts.sameScale(other.counts)) {
            throw new IllegalArgumentException("cannot merge a rating tally on " + other.counts.min + ".."
                    + other.counts.max + " into one on " + counts.min + ".." + counts.max + ": scales never mix");
        }
        counts.merge(other.counts);
    }

    /**
     * Returns the number of answers counted.
     *
     * @return the count
     */
    public long n() {
        return counts.n();
    }

    /**
     * Returns how many answers gave one rating.
     *
     * @param rating a point of the scale
     * @return the count
     * @throws IllegalArgumentException if the rating is off the scale
     */
    public long count(int rating) {
        return counts.count(rating);
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
        return of(counts.counts, counts.min, counts.max, options);
    }

    static RatingScore of(long[] dist, int min, int max, ScoreOptions options) {
        long n = Formulas.sum(dist);
        double mean = Formulas.mean(dist, min, n);
        double sd = Formulas.sampleStandardDeviation(dist, min, n, mean);
        return new RatingScore(n, mean, sd, Formulas.meanInterval(mean, sd, n, options.z()), options.confidence(),
                options.isSmall(n), dist, min, max);
    }

    @Override
    public String toString() {
        return "RatingTally[" + counts + "]";
    }
}
