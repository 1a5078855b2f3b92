package dev.feedbackloop.scoring;

import java.util.Objects;

/**
 * A mutable, mergeable count of answers to the Net Promoter question (0–10), from which an {@link NpsScore} is
 * taken. Not thread-safe: use one tally per thread and {@link #merge} them, e.g.
 * {@code stream.collect(NpsTally::new, NpsTally::add, NpsTally::merge)}.
 *
 * <p>The tally holds eleven primitive counters; adding an answer allocates nothing. Memory does not depend on the
 * number of answers.
 */
public final class NpsTally {

    private final long[] counts = new long[11];

    /** Creates an empty tally. */
    public NpsTally() {
    }

    /**
     * Returns a tally holding the given counts, as {@link #toCounts()} returns them; for example to rebuild a tally
     * from an aggregation buffer or a pre-aggregated table.
     *
     * @param counts eleven counts, {@code counts[r]} being the number of answers of rating {@code r}; not kept
     * @return a new tally
     * @throws IllegalArgumentException if there are not eleven counts or a count is negative
     */
    public static NpsTally fromCounts(long[] counts) {
        Objects.requireNonNull(counts, "counts");
        if (counts.length != 11) {
            throw new IllegalArgumentException("nps counts: " + counts.length + " counts, expected 11 (ratings 0..10)");
        }
        NpsTally tally = new NpsTally();
        for (int rating = 0; rating <= 10; rating++) {
            tally.add(rating, counts[rating]);
        }
        return tally;
    }

    /**
     * Returns the counts of this tally: {@code counts[r]} is the number of answers of rating {@code r}, 0..10.
     * {@code NpsTally.fromCounts(t.toCounts())} counts the same as {@code t}.
     *
     * @return a new array of eleven counts
     */
    public long[] toCounts() {
        return counts.clone();
    }

    /**
     * Counts one answer.
     *
     * @param rating the answer, 0..10
     * @throws IllegalArgumentException if the rating is outside 0..10
     */
    public void add(int rating) {
        // The array's own bounds check is the scale check (11 counters for 0..10): one compare per answer.
        try {
            counts[rating]++;
        } catch (ArrayIndexOutOfBoundsException e) {
            throw outOfScale(rating);
        }
    }

    /**
     * Counts the same answer several times, for example from a pre-aggregated export.
     *
     * @param rating the answer, 0..10
     * @param count how many times, at least 0
     * @throws IllegalArgumentException if the rating is outside 0..10 or the count is negative
     */
    public void add(int rating, long count) {
        if (rating < 0 || rating > 10) {
            throw outOfScale(rating);
        }
        if (count < 0) {
            throw new IllegalArgumentException("count: " + count + " is negative");
        }
        counts[rating] += count;
    }

    private static IllegalArgumentException outOfScale(int rating) {
        return new IllegalArgumentException("NPS rating: " + rating + " is outside 0..10");
    }

    /**
     * Adds every answer counted by another tally to this one; the other tally is unchanged.
     *
     * @param other another tally
     */
    public void merge(NpsTally other) {
        Objects.requireNonNull(other, "other");
        for (int i = 0; i < counts.length; i++) {
            counts[i] += other.counts[i];
        }
    }

    /**
     * Returns the number of answers counted.
     *
     * @return the count
     */
    public long n() {
        return Formulas.sum(counts);
    }

    /**
     * Returns how many answers gave one rating.
     *
     * @param rating 0..10
     * @return the count
     * @throws IllegalArgumentException if the rating is outside 0..10
     */
    public long count(int rating) {
        if (rating < 0 || rating > 10) {
            throw outOfScale(rating);
        }
        return counts[rating];
    }

    /**
     * Returns the score with a 95% Wald interval and the default small-sample threshold.
     *
     * @return the score
     */
    public NpsScore score() {
        return score(ScoreOptions.defaults());
    }

    /**
     * Returns the score under the given options, such as
     * {@code ScoreOptions.defaults().withConfidence(0.90)}. See {@link NpsScore} for the definitions.
     *
     * @param options confidence level, interval method and small-sample threshold
     * @return the score
     */
    public NpsScore score(ScoreOptions options) {
        return of(counts, options);
    }

    static NpsScore of(long[] counts, ScoreOptions options) {
        long n = Formulas.sum(counts);
        long promoters = counts[9] + counts[10];
        long passives = counts[7] + counts[8];
        long detractors = n - promoters - passives;
        boolean small = options.isSmall(n);
        if (n == 0) {
            return new NpsScore(0, 0, 0, 0, Double.NaN, Double.NaN, Interval.undefined(), options.confidence(),
                    small, counts);
        }
        double z = options.z();
        double pP = (double) promoters / n;
        double pD = (double) detractors / n;
        double score = 100 * (pP - pD);
        double se = 100 * standardErrorFraction(pP, pD, n);
        Interval ci = switch (options.npsInterval()) {
            case WALD -> clip(score - z * se, score + z * se);
            case ADJUSTED_WALD -> adjustedWald(promoters, detractors, n, z);
        };
        return new NpsScore(n, promoters, passives, detractors, score, se, ci, options.confidence(), small, counts);
    }

    /** Rocks (2016): add 0.75 detractors, 1.5 passives and 0.75 promoters, centre on the adjusted NPS. */
    private static Interval adjustedWald(long promoters, long detractors, long n, double z) {
        double adjustedN = n + 3.0;
        double aP = (promoters + 0.75) / adjustedN;
        double aD = (detractors + 0.75) / adjustedN;
        double adjusted = 100 * (aP - aD);
        double adjustedSe = 100 * standardErrorFraction(aP, aD, adjustedN);
        return clip(adjusted - z * adjustedSe, adjusted + z * adjustedSe);
    }

    private static double standardErrorFraction(double pP, double pD, double n) {
        double d = pP - pD;
        // max(0, .) guards against a rounding residue below zero when everyone is in one bucket.
        return Math.sqrt(Math.max(0.0, pP + pD - d * d) / n);
    }

    private static Interval clip(double lower, double upper) {
        return Interval.of(Math.max(-100.0, lower), Math.min(100.0, upper));
    }

    @Override
    public String toString() {
        return "NpsTally" + Formulas.toString(counts);
    }
}
