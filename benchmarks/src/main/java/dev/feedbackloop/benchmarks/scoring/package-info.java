/**
 * JMH benchmarks of the scoring module, each with its hand-written baseline in the same run so that results read
 * as ratios: {@link dev.feedbackloop.benchmarks.scoring.TallyBenchmark} and
 * {@link dev.feedbackloop.benchmarks.scoring.ScorecardBenchmark}.
 */
@NullMarked
package dev.feedbackloop.benchmarks.scoring;

import org.jspecify.annotations.NullMarked;
