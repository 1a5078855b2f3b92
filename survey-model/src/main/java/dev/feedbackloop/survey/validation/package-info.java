/**
 * Validation results as values, and validation of responses against their survey.
 *
 * <p>Entry points: {@link dev.feedbackloop.survey.validation.ResponseValidator} (thread-safe, reusable; {@code
 * standard()} for every response, {@code withBeanValidation()} to run Hibernate Validator over the same
 * constraints), which returns a {@link dev.feedbackloop.survey.validation.ValidationResult} of
 * {@link dev.feedbackloop.survey.validation.Violation}s, each with a stable
 * {@link dev.feedbackloop.survey.validation.ViolationCode}; {@code orThrow()} turns a failed result into a
 * {@link dev.feedbackloop.survey.validation.ValidationException}. Survey definitions are checked by
 * {@link dev.feedbackloop.survey.Survey#check(java.util.List)} with the same types.
 */
@NullMarked
package dev.feedbackloop.survey.validation;

import org.jspecify.annotations.NullMarked;
