package dev.feedbackloop.examples.charts;

import java.util.Objects;

/**
 * One bar of a histogram. Immutable.
 *
 * @param label what the bar counts, such as {@code 1-4 h}
 * @param count how many
 */
public record Bucket(String label, long count) {

    public Bucket {
        Objects.requireNonNull(label, "label");
    }
}
