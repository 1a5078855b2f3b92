/**
 * NPS, CSAT and CES scoring: mergeable streaming tallies, immutable scores with intervals, significance tests,
 * sample sizes and calendar periods.
 *
 * <p>Entry points: the tallies {@link dev.feedbackloop.scoring.NpsTally}, {@link dev.feedbackloop.scoring.CsatTally},
 * {@link dev.feedbackloop.scoring.CesTally} and {@link dev.feedbackloop.scoring.RatingTally} (mutable, not
 * thread-safe, {@code add}/{@code merge}) and their snapshots, the {@link dev.feedbackloop.scoring.Score} family;
 * {@link dev.feedbackloop.scoring.Comparisons} for two-sample tests; {@link dev.feedbackloop.scoring.SampleSize};
 * {@link dev.feedbackloop.scoring.Period} for the length of calendar buckets and
 * {@link dev.feedbackloop.scoring.CalendarPeriod} for one of them, such as March 2024. A tally scores with
 * {@code score()} or {@code score(ScoreOptions)}. Grouped scorecards live in
 * {@code dev.feedbackloop.scoring.scorecard}.
 *
 * <p>Percentages are on 0–100. The definitions are those of the {@code feedbackloop} command's contract: NPS
 * buckets 0–6 / 7–8 / 9–10, CSAT top-two box, CES top-three box and mean; 95% intervals use
 * z = 1.959963984540054.
 */
@NullMarked
package dev.feedbackloop.scoring;

import org.jspecify.annotations.NullMarked;
