package dev.feedbackloop.examples.charts;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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

    /**
     * Counts durations into hour buckets: up to the first limit, between each two limits, and above the last.
     *
     * @param durations the durations
     * @param limits the bucket limits in hours, ascending, at least one
     * @return one bucket more than limits, labelled such as {@code ≤ 1 h}, {@code 1–4 h} and {@code > 40 h}
     */
    public static List<Bucket> hours(Iterable<Duration> durations, int... limits) {
        if (limits.length == 0) {
            throw new IllegalArgumentException("limits: at least one is needed");
        }
        long[] counts = new long[limits.length + 1];
        for (Duration duration : durations) {
            double hours = duration.toMinutes() / 60.0;
            int bucket = 0;
            while (bucket < limits.length && hours > limits[bucket]) {
                bucket++;
            }
            counts[bucket]++;
        }
        var buckets = new ArrayList<Bucket>();
        for (int i = 0; i < counts.length; i++) {
            String label = i == 0 ? "\u2264 " + limits[0] + " h"
                    : i == limits.length ? "> " + limits[i - 1] + " h"
                    : limits[i - 1] + "\u2013" + limits[i] + " h";
            buckets.add(new Bucket(label, counts[i]));
        }
        return buckets;
    }
}
