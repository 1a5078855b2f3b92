/**
 * Benchmarks of the survey model: {@link dev.feedbackloop.benchmarks.survey.ResponseValidationBenchmark} (response
 * validation next to JSON parsing).
 */
@NullMarked
package dev.feedbackloop.benchmarks.survey;

import org.jspecify.annotations.NullMarked;
