package dev.feedbackloop.scoring.loop;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Objects;

/**
 * An accumulator of non-negative durations (such as time to respond) that yields their exact mean and nearest-rank
 * percentiles.
 *
 * <p>Durations are kept at millisecond resolution (finer parts are dropped) as a count per distinct value, so memory
 * grows with the number of <em>distinct</em> durations, not with the number added; with timestamps to the second,
 * a year holds at most about 31 million distinct values, and real data far fewer. Percentiles follow the nearest-rank
 * method (the ⌈q·n⌉-th smallest value, 1-based). Tallies merge, so
 * {@code stream.collect(DurationTally::new, DurationTally::add, DurationTally::merge)} works sequentially and in
 * parallel.
 *
 * <p>Not thread-safe.
 */
public final class DurationTally {

    private final LongCounts millis = new LongCounts();

    /** Creates an empty tally. */
    public DurationTally() {
    }

    /**
     * Adds a duration.
     *
     * @param duration a non-negative duration
     * @throws IllegalArgumentException if the duration is negative
     * @throws ArithmeticException if it does not fit in a {@code long} of milliseconds
     */
    public void add(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("duration: " + duration + " is negative, expected zero or more");
        }
        millis.add(duration.toMillis(), 1);
    }

    /**
     * Adds a duration given in milliseconds.
     *
     * @param durationMillis a non-negative number of milliseconds
     * @throws IllegalArgumentException if it is negative
     */
    public void addMillis(long durationMillis) {
        if (durationMillis < 0) {
            throw new IllegalArgumentException(
                    "durationMillis: " + durationMillis + " is negative, expected zero or more");
        }
        millis.add(durationMillis, 1);
    }

    /**
     * Adds every duration of another tally to this one; the other is unchanged.
     *
     * @param other the tally to add
     */
    public void merge(DurationTally other) {
        millis.addAll(other.millis);
    }

    /**
     * The number of durations added.
     *
     * @return the count
     */
    public long n() {
        return millis.total();
    }

    /**
     * The nearest-rank percentile: the ⌈q·n⌉-th smallest duration (1-based; rank 1 when q·n rounds up to 0).
     *
     * @param q the quantile, in (0, 1]
     * @return the duration at that rank
     * @throws IllegalArgumentException if q is outside (0, 1]
     * @throws IllegalStateException if the tally is empty
     */
    public Duration percentile(double q) {
        return Duration.ofMillis(at(millis.sortedPairs(), rank(q, n())));
    }

    /**
     * Summarises the durations added so far.
     *
     * @return the summary
     * @throws IllegalStateException if the tally is empty (a summary needs at least one duration)
     */
    public DurationSummary summary() {
        long n = n();
        if (n == 0) {
            throw new IllegalStateException("the tally is empty, expected at least one duration for a summary");
        }
        long[] pairs = millis.sortedPairs();
        BigInteger sum = BigInteger.ZERO;
        for (int i = 0; i < pairs.length; i += 2) {
            sum = sum.add(BigInteger.valueOf(pairs[i]).multiply(BigInteger.valueOf(pairs[i + 1])));
        }
        double mean = new BigDecimal(sum).divide(BigDecimal.valueOf(n), MathContext.DECIMAL128).doubleValue();
        return new DurationSummary(n, mean,
                Duration.ofMillis(pairs[0]),
                Duration.ofMillis(at(pairs, rank(0.5, n))),
                Duration.ofMillis(at(pairs, rank(0.9, n))),
                Duration.ofMillis(pairs[pairs.length - 2]));
    }

    /** ⌈q·n⌉ computed exactly in decimal, at least 1. */
    static long rank(double q, long n) {
        if (!(q > 0 && q <= 1)) {
            throw new IllegalArgumentException("q: " + q + " is outside (0, 1]");
        }
        if (n == 0) {
            throw new IllegalStateException("the tally is empty, expected at least one duration for a percentile");
        }
        long r = BigDecimal.valueOf(q).multiply(BigDecimal.valueOf(n)).setScale(0, RoundingMode.CEILING)
                .longValueExact();
        return Math.max(1, r);
    }

    /** The value at a 1-based rank in sorted value/count pairs. */
    private static long at(long[] pairs, long rank) {
        long seen = 0;
        for (int i = 0; i < pairs.length; i += 2) {
            seen += pairs[i + 1];
            if (seen >= rank) {
                return pairs[i];
            }
        }
        throw new AssertionError("rank " + rank + " beyond " + seen);
    }
}
