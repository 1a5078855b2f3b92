package dev.feedbackloop.scoring;

import java.util.Arrays;

/** The shared formulas behind the scores: moments of a distribution, Wilson intervals. */
final class Formulas {

    private Formulas() {
    }

    static long sum(long[] counts) {
        long n = 0;
        for (long c : counts) {
            n += c;
        }
        return n;
    }

    static long sum(long[] counts, int from, int to) {
        long n = 0;
        for (int i = from; i < to; i++) {
            n += counts[i];
        }
        return n;
    }

    /** The mean rating of a distribution whose element i counts rating min + i; NaN when empty. */
    static double mean(long[] counts, int min, long n) {
        if (n == 0) {
            return Double.NaN;
        }
        double total = 0;
        for (int i = 0; i < counts.length; i++) {
            total += (double) counts[i] * i;
        }
        return min + total / n;
    }

    /** The sample standard deviation (n − 1); NaN when n &lt; 2. */
    static double sampleStandardDeviation(long[] counts, int min, long n, double mean) {
        if (n < 2) {
            return Double.NaN;
        }
        double centre = mean - min;
        double squares = 0;
        for (int i = 0; i < counts.length; i++) {
            double d = i - centre;
            squares += counts[i] * d * d;
        }
        return Math.sqrt(squares / (n - 1));
    }

    /** The Wilson score interval of x/n in percent; undefined when n = 0. */
    static Interval wilsonPercent(long x, long n, double z) {
        if (n == 0) {
            return Interval.undefined();
        }
        double p = (double) x / n;
        double z2 = z * z;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2.0 * n)) / denominator;
        double half = z / denominator * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        // The exact bounds at x = 0 and x = n are 0 and 1; rounding must not move them off.
        double lower = x == 0 ? 0.0 : Math.max(0.0, centre - half);
        double upper = x == n ? 1.0 : Math.min(1.0, centre + half);
        return Interval.of(100 * lower, 100 * upper);
    }

    /** The normal interval of a mean; [mean, mean] for n = 1, undefined for n = 0. */
    static Interval meanInterval(double mean, double sd, long n, double z) {
        if (n == 0) {
            return Interval.undefined();
        }
        if (n == 1) {
            return Interval.of(mean, mean);
        }
        double half = z * sd / Math.sqrt(n);
        return Interval.of(mean - half, mean + half);
    }

    /** The count of one rating in a distribution whose element i counts rating min + i. */
    static long count(long[] distribution, int min, int rating) {
        int index = rating - min;
        if (index < 0 || index >= distribution.length) {
            throw new IllegalArgumentException("rating: " + rating + " is outside " + min + ".."
                    + (min + distribution.length - 1));
        }
        return distribution[index];
    }

    static long[] checkedDistribution(long[] distribution, int length, long n, String name) {
        if (distribution.length != length) {
            throw new IllegalArgumentException(name + ".distribution: length " + distribution.length
                    + ", expected " + length);
        }
        long[] copy = distribution.clone();
        long total = 0;
        for (int i = 0; i < copy.length; i++) {
            if (copy[i] < 0) {
                throw new IllegalArgumentException(name + ".distribution[" + i + "]: " + copy[i] + " is negative");
            }
            total += copy[i];
        }
        if (total != n) {
            throw new IllegalArgumentException(name + ".distribution: sums to " + total + ", expected n = " + n);
        }
        return copy;
    }

    /** Rejects a box count (satisfied, agree) that is not the one its distribution gives. */
    static void checkBox(String field, long actual, long expected, long[] distribution) {
        if (actual != expected) {
            throw new IllegalArgumentException(field + ": " + actual + ", expected " + expected
                    + " from the distribution " + Arrays.toString(distribution));
        }
    }

    static void checkScale(int min, int max, int topBox, String name) {
        int points = max - min + 1;
        if (min < 0 || max <= min || points > 11) {
            throw new IllegalArgumentException(name + ": scale " + min + ".." + max
                    + " is not a scale of 2 to 11 points starting at 0 or more");
        }
        if (topBox < 1 || topBox > points) {
            throw new IllegalArgumentException(name + ": box of " + topBox + " points is outside 1.." + points);
        }
    }

    static String toString(long[] counts) {
        return Arrays.toString(counts);
    }
}
