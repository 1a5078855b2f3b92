package dev.feedbackloop.examples.charts;

import dev.feedbackloop.scoring.Interval;
import java.util.Objects;

/**
 * A score of one segment over the whole time shown. Immutable.
 *
 * @param attribute the attribute, such as {@code plan}
 * @param value its value
 * @param n answers
 * @param score the score
 * @param ci its 95% interval
 */
public record SegmentScore(String attribute, String value, long n, double score, Interval ci) {

    public SegmentScore {
        Objects.requireNonNull(attribute, "attribute");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(ci, "ci");
    }
}
