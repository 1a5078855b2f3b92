package dev.feedbackloop.scoring;

import java.util.Objects;

/**
 * A mutable, mergeable count of CSAT answers on one scale, from which a {@link CsatScore} is taken. Not
 * thread-safe: use one tally per thread and {@link #merge} them.
 *
 * <p>A tally never mixes scales: an answer off its scale, or merging a tally of another scale or box, is an
 * error. Adding an answer allocates nothing; memory does not depend on the number of answers.
 */
public final class CsatTally extends ScaleTally {

    /** The default box: the top two points of the scale. */
    public static final int DEFAULT_TOP_BOX = 2;

    private final int topBox;

    private CsatTally(int min, int max, int topBox) {
        super(min, max, topBox, "CSAT");
        this.topBox = topBox;
    }

    /**
     * Returns an empty tally on the scale 1..{@code points}, satisfied meaning the top two points (all points on a
     * two-point scale).
     *
     * @param points the number of points, 2..11
     * @return the tally
     * @throws IllegalArgumentException if the number of points is out of range
     */
    public static CsatTally of(int points) {
        return new CsatTally(1, points, Math.min(DEFAULT_TOP_BOX, points));
    }

    /**
     * Returns an empty tally on the scale {@code min..max}, satisfied meaning the top {@code topBox} points.
     *
     * @param min the lowest point, at least 0
     * @param max the highest point; 2 to 11 points in all
     * @param topBox how many of the highest points count as satisfied, 1..points
     * @return the tally
     * @throws IllegalArgumentException if the scale or the box is out of range
     */
    public static CsatTally of(int min, int max, int topBox) {
        return new CsatTally(min, max, topBox);
    }

    /**
     * Returns a tally on 1..{@code points} with the defaults of {@link #of(int)}, holding the given counts as
     * {@link #toCounts()} returns them; for example to rebuild a tally from an aggregation buffer.
     *
     * @param points the number of points, 2..11
     * @param counts one count per point, {@code counts[i]} being the number of answers of rating {@code i + 1};
     *     not kept
     * @return a new tally
     * @throws IllegalArgumentException if the number of points is out of range, there is not one count per point,
     *     or a count is negative
     */
    public static CsatTally fromCounts(int points, long[] counts) {
        Objects.requireNonNull(counts, "counts");
        CsatTally tally = of(points);
        tally.addAll(counts);
        return tally;
    }

    /**
     * Adds every answer counted by another tally of the same scale and box; the other tally is unchanged.
     *
     * @param other a tally on the same scale with the same box
     * @throws IllegalArgumentException if the scale or box differs
     */
    public void merge(CsatTally other) {
        mergeCounts(other);
    }

    /**
     * Returns how many of the highest points count as satisfied.
     *
     * @return the box size
     */
    public int topBox() {
        return topBox;
    }

    /**
     * Returns the score with a 95% Wilson interval.
     *
     * @return the score
     */
    public CsatScore score() {
        return score(ScoreOptions.defaults());
    }

    /**
     * Returns the score under the given options, such as
     * {@code ScoreOptions.defaults().withConfidence(0.90)}. See {@link CsatScore} for the definitions.
     *
     * @param options confidence level and small-sample threshold
     * @return the score
     */
    public CsatScore score(ScoreOptions options) {
        return of(counts, min, max, topBox, options);
    }

    static CsatScore of(long[] dist, int min, int max, int topBox, ScoreOptions options) {
        long n = Formulas.sum(dist);
        long satisfied = Formulas.sum(dist, dist.length - topBox, dist.length);
        double score = n == 0 ? Double.NaN : 100.0 * satisfied / n;
        double mean = Formulas.mean(dist, min, n);
        Interval ci = Formulas.wilsonPercent(satisfied, n, options.z());
        return new CsatScore(n, satisfied, score, mean, ci, options.confidence(), options.isSmall(n), dist, min, max,
                topBox);
    }

    @Override
    String box() {
        return " (top " + topBox + ")";
    }
}
