package dev.feedbackloop.spark;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Objects;

/**
 * The aggregation buffer of a {@link RatingAggregator}: one count per point of the scale and the count of ratings
 * seen off the scale. A Java bean (public no-argument constructor, {@code get}/{@code set} pairs), as Spark's bean
 * encoder requires, so the buffer travels between executors as a plain struct of an array and a number, with no
 * Kryo and no {@code --add-opens}.
 *
 * <p>Not thread-safe; Spark uses each buffer from one task at a time.
 */
public final class RatingCounts implements Serializable {

    private static final long serialVersionUID = 1L;

    private long[] counts = new long[0];
    private long invalid;

    /** Creates an empty buffer with no points; Spark's encoder then sets its fields. */
    public RatingCounts() {
    }

    static RatingCounts empty(int points) {
        RatingCounts buffer = new RatingCounts();
        buffer.counts = new long[points];
        return buffer;
    }

    /**
     * Returns the counts, one per point of the scale, lowest point first (the array itself, for the encoder).
     *
     * @return the counts
     */
    public long[] getCounts() {
        return counts;
    }

    /**
     * Replaces the counts (the array itself is kept, for the encoder).
     *
     * @param counts one count per point of the scale, lowest point first
     */
    public void setCounts(long[] counts) {
        this.counts = Objects.requireNonNull(counts, "counts");
    }

    /**
     * Returns how many ratings were seen off the scale.
     *
     * @return the count
     */
    public long getInvalid() {
        return invalid;
    }

    /**
     * Replaces the count of ratings seen off the scale.
     *
     * @param invalid the count
     */
    public void setInvalid(long invalid) {
        this.invalid = invalid;
    }

    /** Counts one rating: at {@code rating - min} when on the scale, as invalid otherwise. */
    void add(int rating, int min) {
        int index = rating - min;
        if (index >= 0 && index < counts.length) {
            counts[index]++;
        } else {
            invalid++;
        }
    }

    /** Adds the other buffer's counts to this one's. */
    void merge(RatingCounts other) {
        if (other.counts.length != counts.length) {
            throw new IllegalArgumentException("counts: " + other.counts.length + " points, expected " + counts.length
                    + ": buffers of different scales never merge");
        }
        for (int i = 0; i < counts.length; i++) {
            counts[i] += other.counts[i];
        }
        invalid += other.invalid;
    }

    @Override
    public String toString() {
        return "RatingCounts" + Arrays.toString(counts) + ", invalid " + invalid;
    }
}
