package dev.feedbackloop.examples.charts;

import dev.feedbackloop.scoring.Comparison;
import dev.feedbackloop.scoring.Interval;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A score in one period, with its interval and, when it moved significantly, its change. Immutable.
 *
 * @param period the period label, such as {@code 2025-03} or {@code 2025-W10}
 * @param n answers
 * @param score the score (NPS points, or percent)
 * @param ci its 95% interval
 * @param change the change from the previous period, or {@code null} for the first
 * @param partial whether the period is not over yet at the report's instant
 */
public record PeriodScore(String period, long n, double score, Interval ci, @Nullable Comparison change,
                          boolean partial) {

    public PeriodScore {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(ci, "ci");
    }

    /**
     * Whether the change from the previous period is statistically significant.
     *
     * @return {@code true} if there is a change and it is significant
     */
    public boolean significant() {
        return change != null && change.significant();
    }
}
