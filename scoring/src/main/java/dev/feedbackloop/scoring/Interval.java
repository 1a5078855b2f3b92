package dev.feedbackloop.scoring;

/**
 * A closed interval {@code [lower, upper]} of real numbers, such as a confidence interval. Immutable.
 *
 * <p>Both bounds are NaN for an interval that is not defined (for example the interval of a score over no
 * answers); otherwise {@code lower <= upper}. Infinite bounds are allowed.
 *
 * @param lower the lower bound
 * @param upper the upper bound, not below {@code lower}
 */
public record Interval(double lower, double upper) {

    private static final Interval UNDEFINED = new Interval(Double.NaN, Double.NaN);

    public Interval {
        if (Double.isNaN(lower) != Double.isNaN(upper)) {
            throw new IllegalArgumentException(
                    "interval [" + lower + ", " + upper + "]: expected both bounds NaN or neither");
        }
        if (lower > upper) {
            throw new IllegalArgumentException(
                    "interval [" + lower + ", " + upper + "]: lower bound is above the upper bound");
        }
    }

    /**
     * Returns the interval {@code [lower, upper]}.
     *
     * @param lower the lower bound
     * @param upper the upper bound, not below {@code lower}
     * @return the interval
     * @throws IllegalArgumentException if {@code lower > upper} or exactly one bound is NaN
     */
    public static Interval of(double lower, double upper) {
        return new Interval(lower, upper);
    }

    /**
     * Returns the undefined interval, both bounds NaN.
     *
     * @return the undefined interval
     */
    public static Interval undefined() {
        return UNDEFINED;
    }

    /**
     * Returns whether the bounds are numbers (not NaN).
     *
     * @return {@code true} unless this is the undefined interval
     */
    public boolean isDefined() {
        return !Double.isNaN(lower);
    }

    /**
     * Returns the width of the interval.
     *
     * @return {@code upper - lower}, NaN when undefined
     */
    public double width() {
        return upper - lower;
    }

    /**
     * Returns whether a value lies in the interval, bounds included.
     *
     * @param value a value
     * @return {@code true} if {@code lower <= value <= upper}; {@code false} when undefined or {@code value} is NaN
     */
    public boolean contains(double value) {
        return value >= lower && value <= upper;
    }
}
