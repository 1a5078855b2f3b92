/**
 * Timing two sides, ours and a baseline, within each benchmark call, so that their ratio holds on a shared machine:
 * {@link dev.feedbackloop.benchmarks.pair.PairTimes} and {@link dev.feedbackloop.benchmarks.pair.Pairs}.
 */
@NullMarked
package dev.feedbackloop.benchmarks.pair;

import org.jspecify.annotations.NullMarked;
