package dev.feedbackloop.scoring.scorecard;

import dev.feedbackloop.NotFoundException;
import dev.feedbackloop.scoring.CalendarPeriod;
import dev.feedbackloop.scoring.Comparison;
import dev.feedbackloop.scoring.Period;
import dev.feedbackloop.scoring.Score;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The scores of every scored question of a survey, overall and per group of respondent attributes and calendar
 * period. Immutable.
 *
 * <p>Groups are sorted by segment values (in the order of {@link #attributes()}, comparing by Unicode code point,
 * with a missing value after every value), then by period. Within one segment, each period's result carries its
 * change from the latest earlier period of that segment in which the question had answers.
 *
 * <p>Look a group up by its typed key: {@code findGroup(Segment.of("pro"))} when grouping by attributes,
 * {@code findGroup(CalendarPeriod.month(YearMonth.of(2024, 3)))} when grouping by period, and
 * {@code findGroup(Segment.of("pro"), CalendarPeriod.month(YearMonth.of(2024, 3)))} when grouping by both; each
 * returns an empty {@link Optional} when no response fell in that group, and its twin {@code group(...)} throws a
 * {@link NotFoundException} instead.
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
            CalendarPeriod groupPeriod = group.period();
            if (groupPeriod == null ? period != null : groupPeriod.unit() != period) {
                throw new IllegalArgumentException("groups: period " + groupPeriod + " does not match "
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
     * Looks up the group of a segment in a scorecard that groups by respondent attributes and not by period;
     * {@link #group(Segment)} is its twin that throws.
     *
     * @param segment one value per attribute, in the order of {@link #attributes()}
     * @return the group, or empty when no response fell in it
     * @throws IllegalArgumentException if the scorecard also groups by period, does not group by attributes, or
     *     groups by another number of attributes than the segment has values
     */
    public Optional<Group> findGroup(Segment segment) {
        checkKey(segment, null);
        return find(segment, null);
    }

    /**
     * Looks up the group of a calendar period in a scorecard that groups by period and not by attributes;
     * {@link #group(CalendarPeriod)} is its twin that throws.
     *
     * @param period a period of the length the scorecard groups by
     * @return the group, or empty when no response fell in it
     * @throws IllegalArgumentException if the scorecard also groups by attributes, does not group by period, or
     *     groups by periods of another length
     */
    public Optional<Group> findGroup(CalendarPeriod period) {
        Objects.requireNonNull(period, "period");
        checkKey(Segment.none(), period);
        return find(Segment.none(), period);
    }

    /**
     * Looks up the group of a segment in a calendar period, in a scorecard that groups by both;
     * {@link #group(Segment, CalendarPeriod)} is its twin that throws.
     *
     * @param segment one value per attribute, in the order of {@link #attributes()}
     * @param period a period of the length the scorecard groups by
     * @return the group, or empty when no response fell in it
     * @throws IllegalArgumentException if the scorecard does not group by period, groups by periods of another
     *     length, or by another number of attributes than the segment has values
     */
    public Optional<Group> findGroup(Segment segment, CalendarPeriod period) {
        Objects.requireNonNull(period, "period");
        checkKey(segment, period);
        return find(segment, period);
    }

    /**
     * Returns the group of a segment in a scorecard that groups by respondent attributes and not by period.
     *
     * @param segment one value per attribute, in the order of {@link #attributes()}
     * @return the group
     * @throws NotFoundException if no response fell in the group
     * @throws IllegalArgumentException as {@link #findGroup(Segment)} does
     */
    public Group group(Segment segment) {
        return findGroup(segment).orElseThrow(() -> notFound(segment, null));
    }

    /**
     * Returns the group of a calendar period in a scorecard that groups by period and not by attributes.
     *
     * @param period a period of the length the scorecard groups by
     * @return the group
     * @throws NotFoundException if no response fell in the group
     * @throws IllegalArgumentException as {@link #findGroup(CalendarPeriod)} does
     */
    public Group group(CalendarPeriod period) {
        return findGroup(period).orElseThrow(() -> notFound(Segment.none(), period));
    }

    /**
     * Returns the group of a segment in a calendar period, in a scorecard that groups by both.
     *
     * @param segment one value per attribute, in the order of {@link #attributes()}
     * @param period a period of the length the scorecard groups by
     * @return the group
     * @throws NotFoundException if no response fell in the group
     * @throws IllegalArgumentException as {@link #findGroup(Segment, CalendarPeriod)} does
     */
    public Group group(Segment segment, CalendarPeriod period) {
        return findGroup(segment, period).orElseThrow(() -> notFound(segment, period));
    }

    private void checkKey(Segment segment, @Nullable CalendarPeriod key) {
        Objects.requireNonNull(segment, "segment");
        if (attributes.isEmpty() && period == null) {
            throw new IllegalArgumentException("this scorecard of survey " + surveyId + " groups by neither"
                    + " attributes nor period; its only group is overall()");
        }
        if (key == null && period != null) {
            throw new IllegalArgumentException("period: missing; this scorecard groups by " + period
                    + ", so a group is found by its segment and its period");
        }
        if (key != null && key.unit() != period) {
            throw new IllegalArgumentException("period: " + key + " is a " + key.unit() + "; this scorecard groups "
                    + (period == null ? "by no period" : "by " + period));
        }
        if (segment.size() != attributes.size()) {
            throw new IllegalArgumentException("segment: " + segment + " has " + segment.size() + " values; this"
                    + " scorecard groups by " + attributes.size() + " attributes " + attributes);
        }
    }

    private Optional<Group> find(Segment segment, @Nullable CalendarPeriod key) {
        for (Group group : groups) {
            if (group.segment().equals(segment) && Objects.equals(group.period(), key)) {
                return Optional.of(group);
            }
        }
        return Optional.empty();
    }

    private NotFoundException notFound(Segment segment, @Nullable CalendarPeriod key) {
        String id = key == null ? segment.toString() : segment.size() == 0 ? key.label() : segment + " " + key;
        return new NotFoundException("group", id, "the scorecard of survey " + surveyId + "; no response fell in it");
    }

    /**
     * The scores of one group of responses. Immutable.
     *
     * @param segment the attribute values of the group, in the order of the scorecard's attributes, missing for
     *     respondents without that attribute; {@link Segment#none()} for the overall group and when not grouping by
     *     attributes
     * @param period the calendar period of the group, or {@code null} for the overall group and when not grouping
     *     by period
     * @param responses the responses in the group
     * @param results one result per scored question, in survey order; copied
     */
    public record Group(Segment segment, @Nullable CalendarPeriod period, long responses,
                        List<QuestionResult> results) {

        public Group {
            Objects.requireNonNull(segment, "segment");
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
     * @param previousPeriod the latest earlier period of the same segment with answers to this question, or
     *     {@code null} when there is none, the group has no answers, or not grouping by period
     * @param change the change from {@code previousPeriod}, or {@code null} exactly when {@code previousPeriod} is
     */
    public record QuestionResult(String questionId, Score score, @Nullable CalendarPeriod previousPeriod,
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
