package dev.feedbackloop.scoring.scorecard;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The values of the respondent attributes that a scorecard groups by, one per attribute in the scorecard's order,
 * such as {@code [pro, EU]} for {@code groupBy("plan", "region")}. A value is <em>missing</em> for respondents
 * without that attribute; they form a segment of their own. Immutable.
 *
 * <p>Write {@code Segment.of("pro", "EU")} for values that are all present, {@code Segment.missing()} for the
 * respondents without the one attribute grouped by, and {@code Segment.of("pro").andMissing()} to mix the two;
 * {@link #none()} is the empty segment of a scorecard that does not group by attributes.
 *
 * @param values the values in the order of the scorecard's attributes, {@code null} where the value is missing;
 *     copied
 */
public record Segment(List<@Nullable String> values) {

    private static final Segment NONE = new Segment(List.of());

    public Segment {
        values = Collections.unmodifiableList(new ArrayList<>(values));
    }

    /**
     * Returns the empty segment: the overall group, and every group of a scorecard that groups by period only.
     *
     * @return the segment with no values
     */
    public static Segment none() {
        return NONE;
    }

    /**
     * Returns a segment whose values are all present.
     *
     * @param values the attribute values, in the order of the scorecard's attributes
     * @return the segment
     * @throws NullPointerException if a value is {@code null}, naming its position; use {@link #missing()} or
     *     {@link #andMissing()} for a missing value
     */
    public static Segment of(String... values) {
        for (int i = 0; i < values.length; i++) {
            Objects.requireNonNull(values[i], "values[" + i + "]");
        }
        return new Segment(List.of(values));
    }

    /**
     * Returns the segment of respondents without the one attribute a scorecard groups by.
     *
     * @return a segment of one missing value
     */
    public static Segment missing() {
        return NONE.andMissing();
    }

    /**
     * Returns this segment followed by the value of the next attribute.
     *
     * @param value the value of the next attribute
     * @return a new segment, one value longer
     */
    public Segment and(String value) {
        Objects.requireNonNull(value, "value");
        return append(value);
    }

    /**
     * Returns this segment followed by a missing value of the next attribute.
     *
     * @return a new segment, one value longer
     */
    public Segment andMissing() {
        return append(null);
    }

    private Segment append(@Nullable String value) {
        var longer = new ArrayList<@Nullable String>(values.size() + 1);
        longer.addAll(values);
        longer.add(value);
        return new Segment(longer);
    }

    /**
     * Returns the number of values, which is the number of attributes grouped by.
     *
     * @return the number of values
     */
    public int size() {
        return values.size();
    }

    /**
     * Returns the values, a missing one written as {@code (missing)}: {@code [pro, (missing)]}.
     *
     * @return the values as text
     */
    @Override
    public String toString() {
        var text = new StringBuilder("[");
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            text.append(i == 0 ? "" : ", ").append(value == null ? "(missing)" : value);
        }
        return text.append(']').toString();
    }
}
