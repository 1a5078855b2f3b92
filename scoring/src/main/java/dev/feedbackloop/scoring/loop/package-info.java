/**
 * "Did we respond?": tallies of the feedback that needed a response, whether and how fast it got one.
 *
 * <p>Entry points: {@link dev.feedbackloop.scoring.loop.LoopTally} (triggered, responded, within SLA, overdue,
 * snapshot as {@link dev.feedbackloop.scoring.loop.LoopSummary}) and
 * {@link dev.feedbackloop.scoring.loop.DurationTally} (exact mean, nearest-rank median and p90 of durations, snapshot
 * as {@link dev.feedbackloop.scoring.loop.DurationSummary}). Tallies are mutable, mergeable and not thread-safe;
 * summaries are immutable. Tallies stay exact in memory bounded independently of the number of rows: beyond a budget
 * of a few MiB per tally they spill sorted runs to a temporary file, which {@code close()} deletes.
 */
@NullMarked
package dev.feedbackloop.scoring.loop;

import org.jspecify.annotations.NullMarked;
