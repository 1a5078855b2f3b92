package dev.feedbackloop.scoring;

import dev.feedbackloop.survey.Polarity;
import java.util.Objects;

/**
 * A mutable, mergeable count of customer effort answers on one scale, from which a {@link CesScore} is taken.
 * Not thread-safe: use one tally per thread and {@link #merge} them.
 *
 * <p>Which end of the scale is good depends on how the question was asked, so the factories say it:
 * {@link #agreement(int)} for "it was easy" (higher is better), {@link #effort(int)} for "how much effort" (lower
 * is better), and {@link #of(int, int, int, Polarity)} with the polarity spelled out.
 *
 * <p>A tally never mixes scales: an answer off its scale, or merging a tally of another scale, box or polarity,
 * is an error. Adding an answer allocates nothing; memory does not depend on the number of answers.
 */
public final class CesTally extends ScaleTally {

    /** The default box: the three points at the good end of the scale. */
    public static final int DEFAULT_TOP_BOX = 3;

    private final int topBox;
    private final Polarity polarity;

    private CesTally(int min, int max, int topBox, Polarity polarity) {
        super(min, max, topBox, "CES");
        this.topBox = topBox;
        this.polarity = Objects.requireNonNull(polarity, "polarity");
    }

    /**
     * Returns an empty tally of CES asked as agreement ("The company made it easy for me to handle my issue",
     * 1 = strongly disagree) on 1..{@code points}: higher is better, and agreeing means the top three points (every
     * point on a scale of three points or fewer).
     *
     * @param points the number of points, 2..11
     * @return the tally
     * @throws IllegalArgumentException if the number of points is out of range
     */
    public static CesTally agreement(int points) {
        return new CesTally(1, points, Math.min(DEFAULT_TOP_BOX, points), Polarity.HIGHER_IS_BETTER);
    }

    /**
     * Returns an empty tally of CES asked as effort ("How much effort did you personally have to put forth?",
     * 1 = very low effort) on 1..{@code points}: lower is better, and the box counted as easy is the bottom three
     * points (every point on a scale of three points or fewer).
     *
     * @param points the number of points, 2..11
     * @return the tally
     * @throws IllegalArgumentException if the number of points is out of range
     */
    public static CesTally effort(int points) {
        return new CesTally(1, points, Math.min(DEFAULT_TOP_BOX, points), Polarity.LOWER_IS_BETTER);
    }

    /**
     * Returns an empty tally on {@code min..max}, agreeing meaning the {@code topBox} points at the good end.
     *
     * @param min the lowest point, at least 0
     * @param max the highest point; 2 to 11 points in all
     * @param topBox how many points at the good end count as agreeing, 1..points
     * @param polarity which end is good: for {@link Polarity#LOWER_IS_BETTER} the box is the bottom points
     * @return the tally
     * @throws IllegalArgumentException if the scale or the box is out of range
     */
    public static CesTally of(int min, int max, int topBox, Polarity polarity) {
        return new CesTally(min, max, topBox, polarity);
    }

    /**
     * Returns a tally on 1..{@code points} with the default box and the given polarity, holding the given counts as
     * {@link #toCounts()} returns them; for example to rebuild a tally from an aggregation buffer.
     * {@code CesTally.fromCounts(7, Polarity.HIGHER_IS_BETTER, c)} is {@link #agreement(int) agreement(7)} holding
     * {@code c}.
     *
     * @param points the number of points, 2..11
     * @param polarity which end is good, as for {@link #agreement(int)} and {@link #effort(int)}
     * @param counts one count per point, {@code counts[i]} being the number of answers of rating {@code i + 1};
     *     not kept
     * @return a new tally
     * @throws IllegalArgumentException if the number of points is out of range, there is not one count per point,
     *     or a count is negative
     */
    public static CesTally fromCounts(int points, Polarity polarity, long[] counts) {
        Objects.requireNonNull(counts, "counts");
        CesTally tally = new CesTally(1, points, Math.min(DEFAULT_TOP_BOX, points), polarity);
        tally.addAll(counts);
        return tally;
    }

    /**
     * Adds every answer counted by another tally of the same scale, box and polarity; the other is unchanged.
     *
     * @param other a tally on the same scale
     * @throws IllegalArgumentException if the scale, box or polarity differs
     */
    public void merge(CesTally other) {
        mergeCounts(other);
    }

    /**
     * Returns how many points at the good end count as agreeing.
     *
     * @return the box size
     */
    public int topBox() {
        return topBox;
    }

    /**
     * Returns which end of the scale is good.
     *
     * @return the polarity
     */
    public Polarity polarity() {
        return polarity;
    }

    /**
     * Returns the score with 95% intervals.
     *
     * @return the score
     */
    public CesScore score() {
        return score(ScoreOptions.defaults());
    }

    /**
     * Returns the score under the given options, such as
     * {@code ScoreOptions.defaults().withConfidence(0.90)}. See {@link CesScore} for the definitions.
     *
     * @param options confidence level and small-sample threshold
     * @return the score
     */
    public CesScore score(ScoreOptions options) {
        return of(counts, min, max, topBox, polarity, options);
    }

    static CesScore of(long[] dist, int min, int max, int topBox, Polarity polarity, ScoreOptions options) {
        long n = Formulas.sum(dist);
        long agree = agree(dist, topBox, polarity);
        double z = options.z();
        double score = n == 0 ? Double.NaN : 100.0 * agree / n;
        double mean = Formulas.mean(dist, min, n);
        double sd = Formulas.sampleStandardDeviation(dist, min, n, mean);
        return new CesScore(n, agree, score, mean, sd, Formulas.meanInterval(mean, sd, n, z),
                Formulas.wilsonPercent(agree, n, z), options.confidence(), options.isSmall(n), dist, min, max, topBox,
                polarity);
    }

    static long agree(long[] dist, int topBox, Polarity polarity) {
        return switch (polarity) {
            case HIGHER_IS_BETTER -> Formulas.sum(dist, dist.length - topBox, dist.length);
            case LOWER_IS_BETTER -> Formulas.sum(dist, 0, topBox);
        };
    }

    @Override
    String box() {
        return " (box " + topBox + ", " + polarity + ")";
    }
}
