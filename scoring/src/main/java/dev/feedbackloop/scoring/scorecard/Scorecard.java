package dev.feedbackloop.scoring.scorecard;

import dev.feedbackloop.NotFoundException;
import dev.feedbackloop.scoring.Comparison;
import dev.feedbackloop.scoring.Period;
import dev.feedbackloop.scoring.Score;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The scores of every scored question of a survey, overall and per group of respondent attributes and calendar
 * period. Immutable.
 *
 * <p>Groups are sorted by segment values (in the order of {@link #attributes()}, comparing by Unicode code point,
 * with {@code null} after every value), then by period. Within one segment, each period's result carries its
 * change from the latest earlier period of that segment in which the question had answers.
 *
 * @param surveyId the survey scored
 * @param versions the survey versions pooled, ascending
 * @param questionIds the scored questions, in survey order
 * @param attributes the respondent attributes grouped by; empty when not grouping by segment
 * @param period the calendar period grouped by, or {@code null} when not grouping by period
 * @param zone the time zone whose calendar buckets the periods
 * @param overall every response, in one group with an empty segment and no period
 * @param groups one group per segment and period seen; empty when grouping by neither; copied
 */
public record Scorecard(String surveyId, List<Integer> versions, List<String> questionIds, List<String> attributes,
                        @Nullable Period period, ZoneId zone, Group overall, List<Group> groups) {

    public Scorecard {
        Objects.requireNonNull(surveyId, "surveyId");
        versions = List.copyOf(versions);
        questionIds = List.copyOf(questionIds);
        attributes = List.copyOf(attributes);
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(overall, "overall");
        groups = List.copyOf(groups);
        for (Group group : groups) {
            if (group.segment().size() != attributes.size()) {
                throw new IllegalArgumentException("groups: segment " + group.segment() + " does not match attributes "
                        + attributes);
            }
            if ((group.period() == null) != (period == null)) {
                throw new IllegalArgumentException("groups: period '" + group.period() + "' does not match "
                        + (period == null ? "no period" : "period " + period));
            }
        }
    }

    /**
     * Returns the number of responses scored.
     *
     * @return the overall response count
     */
    public long responses() {
        return overall.responses();
    }

    /**
     * Looks up one group.
     *
     * @param segment the attribute values, in the order of {@link #attributes()}; {@code null} for a missing value
     * @param periodLabel the period label (such as {@code 2024-03}), or {@code null} when not grouping by period
     * @return the group, or empty when no response fell in it
     */
    public Optional<Group> findGroup(List<@Nullable String> segment, @Nullable String periodLabel) {
        for (Group group : groups) {
            if (group.segment().equals(segment) && Objects.equals(group.period(), periodLabel)) {
                return Optional.of(group);
            }
        }
        return Optional.empty();
    }

    /**
     * The scores of one group of responses. Immutable.
     *
     * @param segment the attribute values of the group, in the order of the scorecard's attributes; a value is
     *     {@code null} for respondents without that attribute; empty for the overall group; copied
     * @param period the period label ({@code 2024-03-05}, {@code 2024-W09}, {@code 2024-03}, {@code 2024-Q1},
     *     {@code 2024}), or {@code null} for the overall group and when not grouping by period
     * @param responses the responses in the group
     * @param results one result per scored question, in survey order; copied
     */
    public record Group(List<@Nullable String> segment, @Nullable String period, long responses,
                        List<QuestionResult> results) {

        public Group {
            segment = Collections.unmodifiableList(new ArrayList<>(segment));
            if (responses < 0) {
                throw new IllegalArgumentException("responses: " + responses + " is negative");
            }
            results = List.copyOf(results);
        }

        /**
         * Returns the result of one scored question; {@link #findResult(String)} is its twin for a question that
         * may not be scored.
         *
         * @param questionId a scored question id
         * @return the result
         * @throws NotFoundException if the question is not scored, naming the id and the questions that are
         */
        public QuestionResult result(String questionId) {
            return findResult(questionId).orElseThrow(() -> new NotFoundException("scored question", questionId,
                    "this scorecard, which scores " + results.stream().map(QuestionResult::questionId).toList()));
        }

        /**
         * Looks up the result of one question; {@link #result(String)} is its twin that throws when the question
         * is not scored.
         *
         * @param questionId a question id
         * @return the result, or empty when the question is not scored
         */
        public Optional<QuestionResult> findResult(String questionId) {
            Objects.requireNonNull(questionId, "questionId");
            for (QuestionResult result : results) {
                if (result.questionId().equals(questionId)) {
                    return Optional.of(result);
                }
            }
            return Optional.empty();
        }

        /**
         * Returns the score of one question as its type.
         *
         * @param questionId a scored question id
         * @param type the score type, such as {@code NpsScore.class}
         * @param <S> the score type
         * @return the score
         * @throws NotFoundException if the question is not scored
         * @throws IllegalArgumentException if the question is scored as another type
         */
        public <S extends Score> S score(String questionId, Class<S> type) {
            Score score = result(questionId).score();
            if (!type.isInstance(score)) {
                throw new IllegalArgumentException("type: question '" + questionId + "' is scored as "
                        + score.getClass().getSimpleName() + ", not " + type.getSimpleName());
            }
            return type.cast(score);
        }
    }

    /**
     * The score of one question in one group, and its change from the previous period. Immutable.
     *
     * <p>The change compares this period (A) with the previous one (B), A − B: for NPS the NPS difference, for
     * CSAT and CES the two-proportion test on the satisfied or agree share (the {@code score}), for generic
     * ratings Welch's z on the means (see {@code Comparisons}).
     *
     * @param questionId the question
     * @param score its score in the group
     * @param previousPeriod the label of the latest earlier period of the same segment with answers to this
     *     question, or {@code null} when there is none, the group has no answers, or not grouping by period
     * @param change the change from {@code previousPeriod}, or {@code null} exactly when {@code previousPeriod} is
     */
    public record QuestionResult(String questionId, Score score, @Nullable String previousPeriod,
                                 @Nullable Comparison change) {

        public QuestionResult {
            Objects.requireNonNull(questionId, "questionId");
            Objects.requireNonNull(score, "score");
            if ((previousPeriod == null) != (change == null)) {
                throw new IllegalArgumentException("previousPeriod and change must both be present or both absent");
            }
        }
    }
}
