/**
 * JMH benchmarks of the core module, each with its baseline in the same run: {@link
 * dev.feedbackloop.benchmarks.core.IngestBenchmark} (JSON response parse and validation against Jackson alone),
 * {@link dev.feedbackloop.benchmarks.core.SubmitBenchmark} (in-memory submit on one and two threads),
 * {@link dev.feedbackloop.benchmarks.core.JdbcSubmitBenchmark} (submit on H2 against raw JDBC inserts of the same
 * rows, interleaved call by call with CPU and wall-clock times) and
 * {@link dev.feedbackloop.benchmarks.core.OverdueBenchmark} (the overdue query over a million open follow-ups); and
 * {@link dev.feedbackloop.benchmarks.core.H2FileGrowth}, a main class that measures how large an H2 file grows per
 * response under a long run of submissions.
 */
@NullMarked
package dev.feedbackloop.benchmarks.core;

import org.jspecify.annotations.NullMarked;
