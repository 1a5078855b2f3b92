package dev.feedbackloop.scoring;

import java.util.Locale;
import java.util.Objects;

/**
 * The counting that every tally on a fixed scale {@code min..max} shares: one primitive counter per point, the scale
 * checks, and the merge rule that scales (and boxes) never mix. The public tallies add what they score. Not
 * thread-safe.
 */
abstract sealed class ScaleTally permits CesTally, CsatTally, RatingTally {

    final int min;
    final int max;
    final long[] counts;
    private final String what;

    /**
     * Checks the scale and the box, then starts empty.
     *
     * @param box how many points count as the box (1 for a tally without one)
     * @param what the kind of tally in messages, for example {@code "CSAT"}
     */
    ScaleTally(int min, int max, int box, String what) {
        Formulas.checkScale(min, max, box, what.toLowerCase(Locale.ROOT));
        this.min = min;
        this.max = max;
        this.counts = new long[max - min + 1];
        this.what = what;
    }

    /**
     * Counts one answer.
     *
     * @param rating the answer, on this tally's scale
     * @throws IllegalArgumentException if the rating is off the scale
     */
    public void add(int rating) {
        // The array's own bounds check is the scale check (one counter per point): one compare per answer.
        try {
            counts[rating - min]++;
        } catch (ArrayIndexOutOfBoundsException e) {
            throw outOfScale(rating);
        }
    }

    /**
     * Counts the same answer several times, for example from a pre-aggregated export.
     *
     * @param rating the answer, on this tally's scale
     * @param count how many times, at least 0
     * @throws IllegalArgumentException if the rating is off the scale or the count is negative
     */
    public void add(int rating, long count) {
        int index = index(rating);
        if (count < 0) {
            throw new IllegalArgumentException("count: " + count + " is negative");
        }
        counts[index] += count;
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
     * @param rating a point of the scale
     * @return the count
     * @throws IllegalArgumentException if the rating is off the scale
     */
    public long count(int rating) {
        return counts[index(rating)];
    }

    /**
     * Returns the lowest point of the scale.
     *
     * @return the lowest point
     */
    public int min() {
        return min;
    }

    /**
     * Returns the highest point of the scale.
     *
     * @return the highest point
     */
    public int max() {
        return max;
    }

    /**
     * Returns the counts of this tally, one per point of the scale: {@code counts[i]} is the number of answers of
     * rating {@code min() + i}.
     *
     * @return a new array of {@code max() - min() + 1} counts
     */
    public long[] toCounts() {
        return counts.clone();
    }

    /** Adds {@code added[i]} answers of rating {@code min + i}, after checking every count. */
    final void addAll(long[] added) {
        Objects.requireNonNull(added, "counts");
        if (added.length != counts.length) {
            throw new IllegalArgumentException(what + " counts: " + added.length + " counts, expected one per point of "
                    + min + ".." + max + " (" + counts.length + ")");
        }
        for (int i = 0; i < added.length; i++) {
            if (added[i] < 0) {
                throw new IllegalArgumentException(
                        what + " counts[" + i + "]: " + added[i] + " is negative, expected 0 or more");
            }
        }
        for (int i = 0; i < added.length; i++) {
            counts[i] += added[i];
        }
    }

    /**
     * Adds the counts of another tally of the same kind, scale and box; the other is unchanged.
     *
     * @throws IllegalArgumentException if the scale or the box differs
     */
    final void mergeCounts(ScaleTally other) {
        Objects.requireNonNull(other, "other");
        if (other.min != min || other.max != max || !other.box().equals(box())) {
            throw new IllegalArgumentException("cannot merge a " + what + " tally on " + other.scale()
                    + " into one on " + scale() + ": scales never mix");
        }
        for (int i = 0; i < counts.length; i++) {
            counts[i] += other.counts[i];
        }
    }

    /**
     * Describes what, beside the scale, must agree for two tallies to merge, for example {@code " (top 2)"}.
     *
     * @return the description, empty when only the scale matters
     */
    abstract String box();

    private String scale() {
        return min + ".." + max + box();
    }

    private int index(int rating) {
        int index = rating - min;
        if (index < 0 || index >= counts.length) {
            throw outOfScale(rating);
        }
        return index;
    }

    private IllegalArgumentException outOfScale(int rating) {
        return new IllegalArgumentException(what + " rating: " + rating + " is outside " + min + ".." + max);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + min + ".." + max + Formulas.toString(counts) + box() + "]";
    }
}
