/**
 * Validation results as values: what every check of the survey model reports, and nothing that depends on surveys.
 *
 * <p>Entry points: a {@link dev.feedbackloop.survey.validation.ValidationResult} (immutable) lists every
 * {@link dev.feedbackloop.survey.validation.Violation} found, each with a path, a stable
 * {@link dev.feedbackloop.survey.validation.ViolationCode} and a message; {@code orThrow()} turns a failed result
 * into a {@link dev.feedbackloop.survey.validation.ValidationException}. The checks that produce them live with
 * what they check: {@code Survey.check} for definitions and {@code ResponseValidator} for responses, both in
 * {@code dev.feedbackloop.survey}, which depends on this package and never the other way round.
 */
@NullMarked
package dev.feedbackloop.survey.validation;

import org.jspecify.annotations.NullMarked;
