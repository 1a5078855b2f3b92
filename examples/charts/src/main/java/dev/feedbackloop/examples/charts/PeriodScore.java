package dev.feedbackloop.examples.charts;

import dev.feedbackloop.scoring.Comparison;
import dev.feedbackloop.scoring.Interval;
import dev.feedbackloop.scoring.scorecard.Scorecard;
import java.util.ArrayList;
import java.util.List;
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

    /**
     * The scores of one question per period of a scorecard grouped by period alone, periods without answers left
     * out.
     *
     * @param card the scorecard
     * @param questionId the question
     * @param timeline which periods are not over yet
     * @return the scores, oldest period first
     */
    public static List<PeriodScore> of(Scorecard card, String questionId, Timeline timeline) {
        var scores = new ArrayList<PeriodScore>();
        for (Scorecard.Group group : card.groups()) {
            Scorecard.QuestionResult result = group.result(questionId);
            if (group.period() == null || result.score().n() == 0) {
                continue;
            }
            double[] value = Figures.headline(result.score());
            String label = group.period().label();
            scores.add(new PeriodScore(label, result.score().n(), value[0], Interval.of(value[1], value[2]),
                    result.change(), timeline.isPartial(label)));
        }
        return scores;
    }
}
