/**
 * Side-by-side comparisons of export scoring: the {@code feedbackloop score} and {@code loop} commands against the
 * same computation in DuckDB, each run as a whole JVM process on the same generated CSV.
 *
 * <p>Entry point: {@link dev.feedbackloop.benchmarks.export.ExportComparison} (a main class); the generated exports
 * come from {@link dev.feedbackloop.benchmarks.export.ExportGenerator} and the DuckDB side is
 * {@link dev.feedbackloop.benchmarks.export.DuckDbScoring}.
 */
@NullMarked
package dev.feedbackloop.benchmarks.export;

import org.jspecify.annotations.NullMarked;
