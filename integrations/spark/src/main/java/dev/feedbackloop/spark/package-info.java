/**
 * NPS, CSAT and CES scoring and "did we respond?" summaries on Apache Spark, computed by the same tallies as the
 * rest of Feedback Loop, so that a data lake scores exactly as the {@code feedbackloop} command does.
 *
 * <p>Entry points: {@link dev.feedbackloop.spark.FeedbackScores} (columns {@code nps(rating)},
 * {@code csat(rating, scale)}, {@code ces(rating, scale)}, the text rules for rating cells, and SQL registration),
 * {@link dev.feedbackloop.spark.RatingAggregator} (the typed {@code Aggregator}s behind the SQL functions),
 * {@link dev.feedbackloop.spark.ScorecardQuery} (scores by segment and calendar period) and
 * {@link dev.feedbackloop.spark.LoopQuery} (the follow-up summary per group).
 */
@NullMarked
package dev.feedbackloop.spark;

import org.jspecify.annotations.NullMarked;
