/**
 * Scorecards: every NPS and rating question of a survey scored overall and per group of respondent attributes
 * and calendar periods, in one streaming, mergeable pass, with each period's change from the previous one.
 *
 * <p>Entry points: {@link dev.feedbackloop.scoring.scorecard.ScorecardSpec#builder} describes what to score
 * (immutable, thread-safe); {@link dev.feedbackloop.scoring.scorecard.ScorecardSpec#collector()} and
 * {@link dev.feedbackloop.scoring.scorecard.ScorecardSpec#newTally()} score responses as a stream or in a plain
 * loop ({@link dev.feedbackloop.scoring.scorecard.ScorecardTally}, mutable, mergeable); the result is a
 * {@link dev.feedbackloop.scoring.scorecard.Scorecard} (immutable), whose groups are found by their
 * {@link dev.feedbackloop.scoring.scorecard.Segment} of attribute values and their
 * {@link dev.feedbackloop.scoring.CalendarPeriod}.
 */
@NullMarked
package dev.feedbackloop.scoring.scorecard;

import org.jspecify.annotations.NullMarked;
