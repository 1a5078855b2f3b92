package dev.feedbackloop.examples.charts;

import java.util.Objects;
import java.util.Set;

/**
 * What a chart's time axis shows: its title, and the periods that the report's instant cuts short, with the note
 * that says which days they cover. Immutable.
 *
 * @param axisTitle the axis title, such as {@code month of 2025}
 * @param partialPeriods the labels of the periods not yet over; copied
 * @param partialNote the days a period not yet over covers, such as {@code 1–12 Dec}
 */
public record Timeline(String axisTitle, Set<String> partialPeriods, String partialNote) {

    public Timeline {
        Objects.requireNonNull(axisTitle, "axisTitle");
        partialPeriods = Set.copyOf(partialPeriods);
        Objects.requireNonNull(partialNote, "partialNote");
    }

    /**
     * Whether a period is not over yet.
     *
     * @param period the period label
     * @return {@code true} if the report's instant cuts it short
     */
    public boolean isPartial(String period) {
        return partialPeriods.contains(period);
    }
}
