package dev.feedbackloop.scoring.loop;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Objects;

/**
 * An accumulator of non-negative durations (such as time to respond) that yields their exact mean and nearest-rank
 * percentiles in memory bounded independently of the number of durations added.
 *
 * <p>Durations are kept at millisecond resolution (finer parts are dropped), exactly: whole seconds as counters in
 * dense blocks of consecutive seconds, allocated where durations are many; other values as a count per distinct
 * value; and, when that would need more than a fixed memory budget (a few MiB), as sorted runs in a temporary file
 * that {@link #summary()} and {@link #percentile(double)} merge back. The mean comes from an exact sum. Percentiles
 * follow the nearest-rank method (the ⌈q·n⌉-th smallest value, 1-based). Tallies merge, exactly and in any grouping,
 * so {@code stream.collect(DurationTally::new, DurationTally::add, DurationTally::merge)} works sequentially and in
 * parallel. {@link #close()} deletes the temporary file at once; an unreachable tally's file is deleted when it is
 * garbage-collected.
 *
 * <p>Not thread-safe.
 */
public final class DurationTally implements AutoCloseable {

    private final BoundedCounts millis;

    /** Creates an empty tally. */
    public DurationTally() {
        this(BoundedCounts.DEFAULT_BUDGET);
    }

    /** Creates an empty tally that keeps at most about {@code budgetBytes} in memory (tests use tiny budgets). */
    DurationTally(long budgetBytes) {
        millis = new BoundedCounts(budgetBytes);
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
        millis.add(duration.toMillis());
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
        millis.add(durationMillis);
    }

    /**
     * Adds the same duration, given in milliseconds, several times; for example to rebuild a tally from counts of
     * distinct durations kept elsewhere (an aggregation buffer, a pre-aggregated table).
     *
     * @param durationMillis a non-negative number of milliseconds
     * @param count how many times, at least 0
     * @throws IllegalArgumentException if the duration or the count is negative
     */
    public void addMillis(long durationMillis, long count) {
        if (durationMillis < 0) {
            throw new IllegalArgumentException(
                    "durationMillis: " + durationMillis + " is negative, expected zero or more");
        }
        if (count < 0) {
            throw new IllegalArgumentException("count: " + count + " is negative, expected 0 or more");
        }
        if (count > 0) {
            millis.add(durationMillis, count);
        }
    }

    /**
     * Adds every duration of another tally to this one; the other is unchanged.
     *
     * @param other the tally to add, not this one
     * @throws IllegalArgumentException if {@code other} is this tally
     */
    public void merge(DurationTally other) {
        if (other == this) {
            throw new IllegalArgumentException("other: the same tally, expected another tally to merge");
        }
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
        long rank = rank(q, n());
        try (BoundedCounts.Cursor cursor = millis.cursor()) {
            long seen = 0;
            while (cursor.next()) {
                seen += cursor.count();
                if (seen >= rank) {
                    return Duration.ofMillis(cursor.value());
                }
            }
            throw new AssertionError("rank " + rank + " beyond " + seen);
        }
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
        long medianRank = rank(0.5, n);
        long p90Rank = rank(0.9, n);
        long min = -1;
        long median = -1;
        long p90 = -1;
        long max = -1;
        // The exact sum of value × count as a 128-bit number: values and counts are non-negative.
        long sumHigh = 0;
        long sumLow = 0;
        long seen = 0;
        try (BoundedCounts.Cursor cursor = millis.cursor()) {
            while (cursor.next()) {
                long value = cursor.value();
                long count = cursor.count();
                if (seen == 0) {
                    min = value;
                }
                long low = value * count;
                long high = Math.multiplyHigh(value, count);
                long newLow = sumLow + low;
                sumHigh += high + (Long.compareUnsigned(newLow, sumLow) < 0 ? 1 : 0);
                sumLow = newLow;
                long before = seen;
                seen += count;
                if (before < medianRank && seen >= medianRank) {
                    median = value;
                }
                if (before < p90Rank && seen >= p90Rank) {
                    p90 = value;
                }
                max = value;
            }
        }
        if (seen != n) {
            throw new AssertionError("counted " + seen + " durations, expected " + n);
        }
        BigInteger sum = BigInteger.valueOf(sumHigh).shiftLeft(64)
                .add(new BigInteger(Long.toUnsignedString(sumLow)));
        double mean = new BigDecimal(sum).divide(BigDecimal.valueOf(n), MathContext.DECIMAL128).doubleValue();
        return new DurationSummary(n, mean, Duration.ofMillis(min), Duration.ofMillis(median),
                Duration.ofMillis(p90), Duration.ofMillis(max));
    }

    /**
     * Deletes the temporary file of this tally, if it has one, and empties it; the tally may be used again.
     */
    @Override
    public void close() {
        millis.close();
    }

    /** The number of sorted runs in the temporary file (for tests). */
    int spilledRuns() {
        return millis.runs();
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
}
