package dev.feedbackloop.scoring.loop;

import java.time.Duration;
import java.util.Objects;

/**
 * The distribution of a set of non-negative durations, at millisecond resolution: their number, exact mean, and the
 * minimum, median, 90th percentile and maximum.
 *
 * <p>Percentiles use the nearest-rank method: the q-th percentile of n values is the ⌈q·n⌉-th smallest (1-based), so
 * it is always one of the values; the median is the 50th percentile (for an even n, the lower middle value).
 *
 * <p>Valid when {@code n > 0} and {@code min <= median <= p90 <= max}, all non-negative, with {@code meanMillis}
 * between min and max. Immutable.
 *
 * @param n the number of durations
 * @param meanMillis the arithmetic mean in milliseconds (sum over n, correctly rounded)
 * @param min the smallest duration
 * @param median the ⌈n/2⌉-th smallest duration
 * @param p90 the ⌈0.9·n⌉-th smallest duration
 * @param max the largest duration
 */
public record DurationSummary(long n, double meanMillis, Duration min, Duration median, Duration p90, Duration max) {

    private static final double MILLIS_PER_HOUR = 3_600_000.0;

    public DurationSummary {
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(median, "median");
        Objects.requireNonNull(p90, "p90");
        Objects.requireNonNull(max, "max");
        if (n <= 0) {
            throw new IllegalArgumentException("n: " + n + " is not positive, expected at least one duration");
        }
        if (min.isNegative() || min.compareTo(median) > 0 || median.compareTo(p90) > 0 || p90.compareTo(max) > 0) {
            throw new IllegalArgumentException("min/median/p90/max: " + min + ", " + median + ", " + p90 + ", " + max
                    + " are not ordered, expected 0 <= min <= median <= p90 <= max");
        }
        if (!(meanMillis >= min.toMillis() && meanMillis <= max.toMillis())) {
            throw new IllegalArgumentException(
                    "meanMillis: " + meanMillis + " is outside " + min.toMillis() + ".." + max.toMillis());
        }
    }

    /**
     * The mean in hours, as a decimal number.
     *
     * @return {@code meanMillis / 3,600,000}
     */
    public double meanHours() {
        return meanMillis / MILLIS_PER_HOUR;
    }

    /**
     * The median in hours, as a decimal number.
     *
     * @return the median's milliseconds over 3,600,000
     */
    public double medianHours() {
        return hours(median);
    }

    /**
     * The 90th percentile in hours, as a decimal number.
     *
     * @return the p90's milliseconds over 3,600,000
     */
    public double p90Hours() {
        return hours(p90);
    }

    /**
     * Converts a duration to hours as a decimal number, at millisecond resolution.
     *
     * @param duration the duration
     * @return its whole milliseconds over 3,600,000
     */
    public static double hours(Duration duration) {
        return duration.toMillis() / MILLIS_PER_HOUR;
    }
}
