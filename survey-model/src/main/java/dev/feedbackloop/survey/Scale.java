package dev.feedbackloop.survey;

import java.util.Map;

/**
 * An integer rating scale {@code min..max} with optional labels on some points. Immutable.
 *
 * @param min the lowest point, 0 or 1
 * @param max the highest point; the scale has 2 to 11 points
 * @param labels labels by point (for example 1 → "Very dissatisfied"); copied
 */
public record Scale(int min, int max, Map<Integer, LocalizedText> labels) {

    public Scale {
        if (min < 0 || min > 1) {
            throw new IllegalArgumentException("scale.min: " + min + " is outside 0..1");
        }
        if (max - min + 1 < 2 || max - min + 1 > 11) {
            throw new IllegalArgumentException("scale.max: " + max + " is outside " + (min + 1) + ".." + (min + 10));
        }
        labels = Map.copyOf(labels);
        for (int point : labels.keySet()) {
            if (point < min || point > max) {
                throw new IllegalArgumentException("scale.labels: " + point + " is outside " + min + ".." + max);
            }
        }
    }

    /**
     * Returns an unlabelled scale.
     *
     * @param min the lowest point
     * @param max the highest point
     * @return the scale
     */
    public static Scale of(int min, int max) {
        return new Scale(min, max, Map.of());
    }

    /**
     * Returns the number of points on the scale.
     *
     * @return {@code max - min + 1}
     */
    public int points() {
        return max - min + 1;
    }

    /**
     * Returns whether a value is a point of this scale.
     *
     * @param value a rating
     * @return {@code true} if {@code min <= value <= max}
     */
    public boolean contains(int value) {
        return value >= min && value <= max;
    }
}
