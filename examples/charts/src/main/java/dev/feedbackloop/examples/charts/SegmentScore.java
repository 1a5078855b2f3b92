package dev.feedbackloop.examples.charts;

import dev.feedbackloop.scoring.Interval;
import dev.feedbackloop.scoring.Score;
import dev.feedbackloop.scoring.scorecard.Scorecard;
import java.util.ArrayList;
import java.util.List;
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

    /**
     * The scores of one question per value of the one attribute a scorecard is grouped by, segments without
     * answers or without a value left out.
     *
     * @param card the scorecard, grouped by {@code attribute} alone
     * @param attribute the attribute
     * @param questionId the question
     * @return the scores, in the scorecard's order
     */
    public static List<SegmentScore> of(Scorecard card, String attribute, String questionId) {
        var scores = new ArrayList<SegmentScore>();
        for (Scorecard.Group group : card.groups()) {
            Score score = group.result(questionId).score();
            String value = group.segment().values().get(0);
            if (score.n() == 0 || value == null) {
                continue;
            }
            double[] headline = Figures.headline(score);
            scores.add(new SegmentScore(attribute, value, score.n(), headline[0],
                    Interval.of(headline[1], headline[2])));
        }
        return scores;
    }
}
